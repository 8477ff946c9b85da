/**
 * Cells ↔ the sidebar's form text (OkrFields). Reading gives each cell one canonical
 * text, so "did this cell change since the sidebar loaded it" is a string compare;
 * parsing turns what the user typed into what the cell will hold. Pure: no Apps Script.
 */
import { parseMetricType } from '../../core/metric';
import { err, ok, type Result } from '../../core/result';
import { formatIsoDate, fromSheetsSerial } from '../../core/rollout/calendar';
import { readDate, readDone, readNumber } from '../../core/values';
import type { OkrKind } from '../../core/workbook/okr-rows';
import type { OkrColumn } from '../../core/workbook/schema';
import { text } from '../../core/workbook/table';
import { type CellValue, EDIT_FIELDS, type EditField, FIELD_LABELS, type OkrFields } from '../../shared/sidebar-api';
import { asText } from '../../sheets/io';

const DATE_FIELDS: ReadonlySet<EditField> = new Set(['startDate', 'dueDate']);
const NUMBER_FIELDS: ReadonlySet<EditField> = new Set(['start', 'target', 'weight']);

/** A raw cell (dates already serials) as a plain value that survives google.script.run. */
export function wireValue(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  return value === null || value === undefined ? '' : String(value);
}

/** A date cell as `yyyy-mm-dd` when it is a date, else its text (so a bad date still shows). */
function dateText(value: unknown): string {
  if (typeof value === 'number') {
    const date = fromSheetsSerial(Math.floor(value));
    if (date.ok) return formatIsoDate(date.value);
  }
  return text(value);
}

function cellText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return text(value);
}

/** The form's text for one edited cell (Type is the row's kind, read elsewhere). */
export function fieldText(field: Exclude<EditField, 'type'>, value: unknown): string {
  if (field === 'metricType') {
    const type = parseMetricType(value);
    return type.ok ? (type.value ?? '') : text(value);
  }
  return DATE_FIELDS.has(field) ? dateText(value) : cellText(value);
}

/** The form's text for each edited cell of a row. */
export function fieldsOf(cells: Readonly<Record<OkrColumn, unknown>>, kind: OkrKind): OkrFields {
  const fields = {} as OkrFields;
  for (const field of EDIT_FIELDS) fields[field] = field === 'type' ? kind : fieldText(field, cells[field]);
  return fields;
}

/** What a cell will hold (`value`, as core reads it) and what setValues gets (`write`). */
export interface CellInput {
  readonly value: unknown;
  readonly write: unknown;
}

const same = (v: unknown): CellInput => ({ value: v, write: v });

/**
 * Parses one typed field. Text stays text (§6.2: `=…`, `+…`, `-…`, `@…` written with
 * Sheets' text marker); numbers become numbers, so `1,200` and `45%` are stored as the
 * values they mean; dates are written as ISO text, which Sheets stores as a date.
 */
export function parseField(field: EditField, typed: string): Result<CellInput> {
  const label = FIELD_LABELS[field];
  const input = typed.trim();
  if (input === '') return ok(same(''));
  if (field === 'type') {
    return input === 'Objective' || input === 'Key Result'
      ? ok(same(input))
      : err(`Type must be Objective or Key Result, not "${input}"`);
  }
  if (field === 'metricType') {
    const type = parseMetricType(input);
    return type.ok ? ok(same(type.value ?? '')) : err(`Metric type: ${type.error}`);
  }
  if (NUMBER_FIELDS.has(field)) {
    const number = readNumber(input, label);
    return number.ok ? ok(same(number.value ?? '')) : number;
  }
  if (field === 'current') return parseCurrent(input);
  if (DATE_FIELDS.has(field)) {
    const date = readDate(input, label);
    return date.ok ? ok({ value: date.value, write: input }) : date;
  }
  return ok({ value: input, write: asText(input) });
}

/**
 * A check-in's new value or the form's Current: a number (`45%` → 0.45), or a done/not-done
 * word for binary results. `label` names the field in the message, as the form shows it.
 */
export function parseCurrent(typed: string, label = 'Current'): Result<CellInput> {
  const input = typed.trim();
  const number = readNumber(input, label);
  if (number.ok) return ok(same(number.value ?? ''));
  if (readDone(input).ok) return ok({ value: input, write: asText(input) });
  return err(
    `${label} must be a number (like 42, 1,200 or 45%) or, for a binary result, done or not done (not "${input}")`,
  );
}

/** Free text written on the user's behalf (comments, user names), kept as text. */
export function textInput(typed: string): CellInput {
  const input = typed.trim();
  return { value: input, write: asText(input) };
}

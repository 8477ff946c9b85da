/**
 * §1.2 values in their Unit of measure: `%` as a percent (0.45 shows 45%), `$ € £ ¥` as
 * currency with thousands separators, anything else as a number with thousands separators
 * followed by the unit where a report shows it. Scores and Expected are percents everywhere.
 * One source for both a cell's Sheets number format and the text of a message. Pure.
 */
import { isBlank, parseNumericText } from './values';

export type MeasureKind = 'percent' | 'currency' | 'number';

export interface Measure {
  readonly kind: MeasureKind;
  /** The currency symbol, or the unit text after a number ("" for none). */
  readonly unit: string;
}

const CURRENCIES = new Set(['$', '€', '£', '¥']);

/** Scores, Expected, progress and shares: whole percents. */
export const SCORE_FORMAT = '0%';

/** How a row's Unit of measure shows its values. */
export function measureOf(uom: string): Measure {
  const unit = uom.trim();
  if (unit === '%') return { kind: 'percent', unit: '%' };
  if (CURRENCIES.has(unit)) return { kind: 'currency', unit };
  return { kind: 'number', unit };
}

/** At most this many decimals: 99.95% and $1,200.50 need two, nothing a PMO tracks needs more. */
const MAX_DECIMALS = 2;

/** The fewest decimals (≤ 2) that show `shown` exactly, or 2 when none does. */
function decimalsOf(shown: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = shown * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

function numericValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return parseNumericText(value);
  return undefined;
}

/**
 * The decimals a row's values need: Sheets shows `0.##` as "5." for a whole number, so a
 * format carries exactly the decimals its values use instead of optional ones.
 */
export function decimalsFor(measure: Measure, values: readonly unknown[]): number {
  let most = 0;
  for (const value of values) {
    const n = numericValue(value);
    if (n === undefined) continue;
    most = Math.max(most, decimalsOf(measure.kind === 'percent' ? n * 100 : n));
  }
  // Money shows whole units or cents, never $1,200.5.
  return measure.kind === 'currency' && most > 0 ? MAX_DECIMALS : most;
}

/** A Sheets format literal: quoted, with any quote or backslash in it escaped one by one. */
function literal(text: string): string {
  return text
    .split(/(["\\])/)
    .filter((part) => part !== '')
    .map((part) => (part === '"' || part === '\\' ? `\\${part}` : `"${part}"`))
    .join('');
}

export interface FormatOptions {
  /** Put a unit other than % or currency after the number (reports; the OKR tabs have it in its own column). */
  readonly withUnit?: boolean;
  /** The value shows as exactly 1: "1 hour", not "1 hours". */
  readonly one?: boolean;
}

/** Words whose final s is no plural ending, or whose singular the simple rule would get wrong. */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'lens', 'means', 'gas', 'bus', 'plus', 'bonus', 'status']);

/**
 * The singular of a unit written as lower-case English words, for a value of exactly 1:
 * `hours` → `hour`, `new customers` → `new customer`. Only the plain final -s is dropped;
 * anything else (`deliveries`, `processes`, `NPS`, `kg`, `tickets closed`) is kept as typed
 * rather than guessed at.
 */
export function singularUnit(unit: string): string {
  const m = /^((?:[a-z]+ )*)([a-z]{4,})$/.exec(unit);
  if (m === null) return unit;
  const [, before = '', word = ''] = m;
  if (!word.endsWith('s') || NOT_PLURAL.has(word) || /(ss|us|is|ies|ses|xes|zes|ches|shes)$/.test(word)) return unit;
  return `${before}${word.slice(0, -1)}`;
}

export function numberFormatFor(uom: string, values: readonly unknown[] = [], options: FormatOptions = {}): string {
  const measure = measureOf(uom);
  const d = decimalsFor(measure, values);
  // A report asks for every row: the few formats its units and decimals make are kept.
  const key = `${d}${options.withUnit ? '+' : '-'}${options.one && d === 0 ? '1' : ''}${uom}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = formatOf(measure, d, options);
    if (formats.size < 10_000) formats.set(key, format);
  }
  return format;
}

const formats = new Map<string, string>();

function formatOf(measure: Measure, d: number, options: FormatOptions): string {
  const fraction = d === 0 ? '' : `.${'0'.repeat(d)}`;
  if (measure.kind === 'percent') return `0${fraction}%`;
  const number = `#,##0${fraction}`;
  if (measure.kind === 'currency') return `${literal(measure.unit)}${number}`;
  if (!options.withUnit || measure.unit === '') return number;
  // "1.0 hours" stays plural; only a whole 1 reads as one.
  const unit = options.one && d === 0 ? singularUnit(measure.unit) : measure.unit;
  return `${number}${literal(` ${unit}`)}`;
}

function grouped(n: number, decimals: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: decimals });
}

function money(n: number): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: MAX_DECIMALS, maximumFractionDigits: MAX_DECIMALS });
}

/**
 * A value as text in its unit, for messages and the sidebar: `$8,600,000`, `2.4%`,
 * `3 incidents`, `-€1,200.50`. Numeric text is shown as the number it means; other text
 * (a binary "done") as typed, followed by a unit that is a word. Blank is "".
 */
export function formatInUnit(value: unknown, uom: string): string {
  if (isBlank(value) || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const measure = measureOf(uom);
  const n = numericValue(value);
  if (n === undefined) {
    const shown = String(value).trim();
    return measure.kind === 'number' && measure.unit !== '' ? `${shown} ${measure.unit}` : shown;
  }
  if (measure.kind === 'percent') return `${grouped(n * 100, MAX_DECIMALS)}%`;
  const size = grouped(Math.abs(n), MAX_DECIMALS);
  const sign = n < 0 && size !== '0' ? '-' : '';
  if (measure.kind === 'currency') {
    const cents = Number.isInteger(Math.round(Math.abs(n) * 100) / 100) ? size : money(Math.abs(n));
    return `${sign}${measure.unit}${cents}`;
  }
  if (measure.unit === '') return `${sign}${size}`;
  return `${sign}${size} ${size === '1' ? singularUnit(measure.unit) : measure.unit}`;
}

/** A score, expected progress or share as a whole percent: 0.546875 → `55%`; null → `—`. */
export function formatPercent(score: number | null | undefined): string {
  return score === null || score === undefined || !Number.isFinite(score) ? '—' : `${Math.round(score * 100)}%`;
}

/** A change of score in percentage points: +0.12 → `+12 pts`, −0.05 → `−5 pts`, 0 → `±0 pts`. */
export function formatPoints(delta: number): string {
  const size = Math.round(Math.abs(delta) * 100);
  if (size === 0) return '±0 pts';
  return `${delta > 0 ? '+' : '−'}${size} pts`;
}

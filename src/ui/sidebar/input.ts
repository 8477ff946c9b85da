/**
 * google.script.run hands the server whatever the page sent: these check its shape
 * before anything else reads it, so a bad call fails with a message, not a crash.
 */
import { UserError } from '../../actions/run';
import {
  type CellValue,
  type CheckInInput,
  EDIT_FIELDS,
  KIND_NAMES,
  type KindName,
  LEVEL_NAMES,
  type LevelName,
  type OkrFields,
  type OkrList,
  type OkrQuery,
  type RowRef,
  type SaveOkrInput,
} from '../../shared/sidebar-api';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function fieldsFrom(value: unknown): OkrFields {
  if (!isRecord(value)) throw new UserError('The sidebar sent no form values: reload it and try again.');
  const fields = {} as OkrFields;
  for (const f of EDIT_FIELDS) fields[f] = str(value[f]);
  return fields;
}

function rowRefFrom(value: unknown): RowRef | null {
  if (value === null || value === undefined) return null;
  if (!isRecord(value) || typeof value.row !== 'number') throw new UserError('The sidebar sent a bad row: reload it.');
  return { tab: str(value.tab), row: value.row, id: str(value.id) };
}

export function detailRefFrom(value: unknown): RowRef {
  const ref = rowRefFrom(value);
  if (ref === null) throw new UserError('The sidebar sent no row to open: reload it.');
  return ref;
}

function listFrom(value: unknown): OkrList {
  const list = isRecord(value) ? value : {};
  if (list.name === 'parents') {
    const level = str(list.level) as LevelName;
    const kind = str(list.kind) as KindName;
    if (LEVEL_NAMES.includes(level) && KIND_NAMES.includes(kind)) return { name: 'parents', level, kind };
  }
  if (list.name === 'keyResults') return { name: 'keyResults', unit: str(list.unit), owner: str(list.owner) };
  if (list.name === 'all') return { name: 'all' };
  throw new UserError('The sidebar asked for a list it does not have: reload it.');
}

/** A search: its words are cut to a length no one types, so matching stays cheap. */
export function queryFrom(value: unknown): OkrQuery {
  const query = isRecord(value) ? value : {};
  return { list: listFrom(query.list), text: str(query.text).slice(0, 200) };
}

export function saveInputFrom(value: unknown): SaveOkrInput {
  if (!isRecord(value)) throw new UserError('The sidebar sent nothing to save: reload it and try again.');
  const target = rowRefFrom(value.target);
  return {
    target,
    level: str(value.level) as LevelName,
    id: str(value.id),
    fields: fieldsFrom(value.fields),
    base: target === null || value.base === null || value.base === undefined ? null : fieldsFrom(value.base),
  };
}

function cellFrom(value: unknown): CellValue {
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : '';
}

/** A blank ID is left to recordCheckIn, which says so at the item's field with any other problem. */
export function checkInInputFrom(value: unknown): CheckInInput {
  if (!isRecord(value)) throw new UserError('The sidebar sent no check-in: reload it and try again.');
  return {
    ...(value.kind === 'KPI' ? { kind: 'KPI' as const } : {}),
    id: str(value.id),
    seen: cellFrom(value.seen),
    value: str(value.value),
    confidence: str(value.confidence),
    comment: str(value.comment),
  };
}

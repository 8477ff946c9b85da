/**
 * The one contract between the sidebar page and its server functions
 * (google.script.run). Plain data only: google.script.run passes JSON-like values,
 * so no Dates (ISO text or serials instead), no class instances, no functions.
 * Both sides import this file; it must not touch Apps Script or the DOM.
 */

/** A cell's value as it crosses the wire: dates arrive as Sheets serials. */
export type CellValue = string | number | boolean;

export type LevelName = 'Corporate' | 'Department' | 'Team';
export const LEVEL_NAMES: readonly LevelName[] = ['Corporate', 'Department', 'Team'];

export type KindName = 'Objective' | 'Key Result';
export const KIND_NAMES: readonly KindName[] = ['Objective', 'Key Result'];

/** §2.1's canonical metric type names, as the Metric type picker offers them. */
export const METRIC_TYPE_NAMES = ['increase', 'decrease', 'stay above', 'stay below', 'binary', 'milestone'] as const;

/**
 * The OKR columns the Edit panel edits (§5.1). ID, Score, Expected, Status and the
 * user's own columns are never in it; Confidence is written by check-ins.
 */
export const EDIT_FIELDS = [
  'type',
  'parentId',
  'unit',
  'title',
  'owner',
  'metricType',
  'start',
  'target',
  'current',
  'uom',
  'weight',
  'startDate',
  'dueDate',
  'notes',
] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

/**
 * Each edited cell as the form shows it: text as written, numbers as JavaScript
 * prints them, dates as `yyyy-mm-dd`, Type and Metric type by their canonical names.
 * The server derives the same text from the sheet to tell whether a cell changed.
 */
export type OkrFields = Record<EditField, string>;

export const FIELD_LABELS: Readonly<Record<EditField, string>> = {
  type: 'Type',
  parentId: 'Parent',
  unit: 'Unit',
  title: 'Title',
  owner: 'Owner',
  metricType: 'Metric type',
  start: 'Start',
  target: 'Target',
  current: 'Current',
  uom: 'Unit of measure',
  weight: 'Weight',
  startDate: 'Start date',
  dueDate: 'Due date',
  notes: 'Notes',
};

export function emptyFields(kind: KindName = 'Objective'): OkrFields {
  const fields = {} as OkrFields;
  for (const f of EDIT_FIELDS) fields[f] = '';
  fields.type = kind;
  return fields;
}

/** One OKR row as the sidebar knows it. */
export interface OkrItem {
  readonly id: string;
  readonly level: LevelName;
  readonly kind: KindName;
  readonly tab: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly title: string;
  /** The row's Unit, or a key result's inherited one. */
  readonly unit: string;
  readonly owner: string;
  readonly parentId: string;
  readonly uom: string;
  readonly fields: OkrFields;
  /** The Current cell exactly as read: a check-in sends it back to prove it is not stale. */
  readonly current: CellValue;
  /** True for a key result measured by its own metric: the ones a check-in can update. */
  readonly measured: boolean;
  /** In [0, 1], or null when the row has no score (or an error). */
  readonly score: number | null;
  /** Done / On track / Behind / At risk, "" when blank, or the row's error message. */
  readonly status: string;
}

export interface SidebarContext {
  readonly cycleName: string;
  /** The OKR row under the selection when the sidebar asked, else null. */
  readonly selected: OkrItem | null;
  /** Why a selection did not load (e.g. "Team OKRs row 9 is empty"), "" otherwise. */
  readonly selectionNote: string;
  /** The level of the OKR tab the selection is on (a new row defaults to it), else null. */
  readonly levelHint: LevelName | null;
  readonly items: readonly OkrItem[];
  /** Units and owners already used on the OKR tabs, sorted, for pickers and filters. */
  readonly units: readonly string[];
  readonly owners: readonly string[];
  /** Levels whose tab exists and can be read; saving to another level is refused. */
  readonly levels: readonly LevelName[];
  /** Workbook problems the user should know about (missing tabs or columns). */
  readonly notices: readonly string[];
}

/** Which row an edit is about, as the sidebar loaded it. */
export interface RowRef {
  readonly tab: string;
  readonly row: number;
  /** The row's ID when loaded ("" if it had none): rows are found by it if they moved. */
  readonly id: string;
}

export interface SaveOkrInput {
  /** null to create a new row. */
  readonly target: RowRef | null;
  readonly level: LevelName;
  /** For a new row: the ID to give it; blank for a generated one. Ignored for edits. */
  readonly id: string;
  readonly fields: OkrFields;
  /** The fields as loaded (edits only): a cell that changed since is a conflict. */
  readonly base: OkrFields | null;
}

export type SaveOkrResult =
  | {
      readonly status: 'saved';
      readonly message: string;
      /** Validation warnings about the saved row (§4.3), each naming tab, column and row. */
      readonly warnings: readonly string[];
      readonly saved: OkrItem;
      readonly context: SidebarContext;
    }
  | {
      /** The row changed in the sheet since the sidebar loaded it; nothing was written. */
      readonly status: 'conflict';
      readonly message: string;
      /** The row as it is now, or null when it is gone. */
      readonly fresh: OkrItem | null;
    };

export interface CheckInInput {
  readonly id: string;
  /** The Current value the sidebar showed (OkrItem.current). */
  readonly seen: CellValue;
  readonly value: string;
  /** 0–10 as typed; blank for none. */
  readonly confidence: string;
  readonly comment: string;
}

export type CheckInResult =
  | { readonly status: 'saved'; readonly message: string; readonly context: SidebarContext }
  | {
      /** Current changed since the sidebar read it: nothing was written. */
      readonly status: 'stale';
      readonly message: string;
      readonly fresh: OkrItem;
    };

/** The google.script.run targets; server.ts implements exactly these. */
export interface SidebarApi {
  sidebarContext(): SidebarContext;
  saveOkr(input: SaveOkrInput): SaveOkrResult;
  recordCheckIn(input: CheckInInput): CheckInResult;
}

export const SIDEBAR_API_NAMES: readonly (keyof SidebarApi)[] = ['sidebarContext', 'saveOkr', 'recordCheckIn'];

export interface ParentChoice {
  readonly item: OkrItem;
  /** Set when the parent is allowed but discouraged (§1.2: team → corporate). */
  readonly warning: string;
}

const compareIds = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * §1.2's valid parents: a key result's is an objective on its own tab; an objective's
 * is an objective or key result on the level directly above (a team objective may also
 * align to corporate, with a warning); a corporate objective has none.
 */
export function parentChoices(
  items: readonly OkrItem[],
  level: LevelName,
  kind: KindName,
  selfId = '',
): ParentChoice[] {
  const usable = items.filter((item) => item.id !== '' && (selfId === '' || !compareIds(item.id, selfId)));
  if (kind === 'Key Result') {
    return usable.filter((i) => i.level === level && i.kind === 'Objective').map((item) => ({ item, warning: '' }));
  }
  if (level === 'Corporate') return [];
  const above: LevelName = level === 'Department' ? 'Corporate' : 'Department';
  const choices = usable.filter((i) => i.level === above).map((item) => ({ item, warning: '' }));
  if (level === 'Team') {
    const warning = 'aligns a team straight to corporate: prefer a department objective or key result';
    for (const item of usable) if (item.level === 'Corporate') choices.push({ item, warning });
  }
  return choices;
}

/** "SAL-KR1 — Grow pipeline…": how pickers name an OKR (as text, never HTML). */
export function itemLabel(item: Pick<OkrItem, 'id' | 'title'>): string {
  return item.title === '' ? item.id : `${item.id} — ${item.title}`;
}

/** A cell value as a person reads it in a message: 4500000 as 4,500,000, 0.45 as 0.45, TRUE, text as is. */
export function showValue(value: CellValue): string {
  if (value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  return value;
}

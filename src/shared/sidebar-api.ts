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

/**
 * One OKR row as a list shows it (§5): the "Open an existing OKR" picker, the parent
 * picker, the Check-in panel. Small on purpose: a list may show hundreds of them.
 */
export interface OkrSummary {
  readonly id: string;
  readonly level: LevelName;
  readonly kind: KindName;
  readonly tab: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The first TITLE_LIMIT characters (src/shared/okr-lists.ts); the row's detail has it whole. */
  readonly title: string;
  /** The row's Unit, or a key result's inherited one. */
  readonly unit: string;
  readonly owner: string;
  /** Only on a key result measured by its own metric: the ones a check-in can update. */
  readonly measure?: KeyResultMeasure;
}

/** What the Check-in panel shows of a key result, and the Current it proves it saw. */
export interface KeyResultMeasure {
  readonly uom: string;
  /** The Current cell exactly as read: a check-in sends it back to prove it is not stale. */
  readonly current: CellValue;
  /** As the form shows them (OkrFields). */
  readonly start: string;
  readonly target: string;
  readonly metricType: string;
  /** In [0, 1], or null when the row has no score (or an error). */
  readonly score: number | null;
  /** Done / On track / Behind / At risk, "" when blank, or the row's error message. */
  readonly status: string;
  /** Progress expected by today (§2.4), in [0, 1]; null when the row's dates are wrong. */
  readonly expected: number | null;
}

/** A KPI as the Check-in panel lists it (§5.2): its Actual is checked in like a key result's Current. */
export interface KpiSummary {
  readonly kind: 'KPI';
  readonly id: string;
  /** The KPI's text. */
  readonly title: string;
  readonly level: string;
  readonly unit: string;
  readonly owner: string;
  readonly tab: string;
  readonly row: number;
  /** Current is the Actual, Start the Baseline, Metric type the Direction; score is its progress. */
  readonly measure: KeyResultMeasure;
}

/** One OKR row in full, as the Edit panel loads it. */
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
  /** The row its Parent ID names (the first, if the ID is repeated), a valid parent or not; null if none. */
  readonly parent: OkrSummary | null;
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
  /** Progress expected by today (§2.4), in [0, 1]; null when the row's dates are wrong. */
  readonly expected: number | null;
  /** A measured key result's recent check-ins, sent with the row so that showing it needs no other call. */
  readonly history?: CheckInHistory;
}

/** The row under the user's selection, as "Load selected row" asks for it. */
export interface SelectedRow {
  /** The OKR row under the selection when the sidebar asked, else null. */
  readonly selected: OkrItem | null;
  /** Why a selection did not load (e.g. "Team OKRs row 9 is empty"), "" otherwise. */
  readonly selectionNote: string;
  /** The level of the OKR tab the selection is on (a new row defaults to it), else null. */
  readonly levelHint: LevelName | null;
}

/** A list of OKR rows the sidebar shows (src/shared/okr-lists.ts says what each holds). */
export type OkrList =
  | { readonly name: 'all' }
  /** §1.2's valid parents for a row of this level and kind. */
  | { readonly name: 'parents'; readonly level: LevelName; readonly kind: KindName }
  /** Key results a check-in can update, of this unit and owner ("" for any). */
  | { readonly name: 'keyResults'; readonly unit: string; readonly owner: string };

export interface OkrQuery {
  readonly list: OkrList;
  /** Every word must appear in the row's ID, title, unit or owner. */
  readonly text: string;
}

export interface OkrPage {
  readonly query: OkrQuery;
  /** The first PAGE_SIZE rows that match, in list order. */
  readonly items: readonly OkrSummary[];
  /** How many rows match the query. */
  readonly matches: number;
  /** How many rows the list holds, whatever the text. */
  readonly size: number;
}

/**
 * What the sidebar needs to open: one call whose size follows what it shows, not the
 * row count (§6.1) — the selected row, the lists' first pages, and the names the
 * forms suggest. Anything else is asked for when shown (searchOkrs, rowDetail).
 */
export interface SidebarContext extends SelectedRow {
  readonly cycleName: string;
  /** How the workbook shows dates (its Start date column's format, e.g. `yyyy-mm-dd`): the forms use it too. */
  readonly dateFormat: string;
  /** Levels whose tab exists and can be read; saving to another level is refused. */
  readonly levels: readonly LevelName[];
  /** Workbook problems the user should know about (missing tabs or columns). */
  readonly notices: readonly string[];
  /** Units and owners used on the OKR tabs, sorted (at most NAME_LIMIT each): the form's suggestions. */
  readonly units: readonly string[];
  readonly owners: readonly string[];
  /** Units and owners of the key results a check-in can update: the Check-in panel's filters. */
  readonly keyResultUnits: readonly string[];
  readonly keyResultOwners: readonly string[];
  /**
   * The first page of each list the opened sidebar shows: every OKR, the parents for
   * the form as it opens, and the key results. A list whose page holds it whole is
   * filtered in the page from then on; any other asks searchOkrs.
   */
  readonly pages: readonly OkrPage[];
}

/** One row's detail, as the Edit panel opens it. */
export interface RowDetail {
  readonly item: OkrItem;
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

/**
 * One thing that stops a save or a check-in, at the form field it is about (null: the row or
 * item as a whole). The sidebar shows every one at once, each at its field (§5).
 */
export interface FieldProblem<F extends string> {
  readonly field: F | null;
  /** In plain words, without a cell reference: the row may not be written yet. */
  readonly message: string;
}

export type SaveProblem = FieldProblem<EditField | 'level' | 'id'>;

/** The Check-in panel's fields (§5.2): the key result or KPI, its new value, confidence, comment. */
export const CHECK_IN_FIELDS = ['item', 'value', 'confidence', 'comment'] as const;
export type CheckInField = (typeof CHECK_IN_FIELDS)[number];
export type CheckInProblem = FieldProblem<CheckInField>;

/** What a refused save or check-in says above its buttons; each problem is at its field. */
export function refusalMessage(problems: number): string {
  return `Not saved: ${problems === 1 ? 'one thing needs' : `${problems} things need`} fixing first.`;
}

export type SaveOkrResult =
  | {
      /** Nothing was written: every problem found, each at its field. */
      readonly status: 'invalid';
      readonly message: string;
      readonly problems: readonly SaveProblem[];
    }
  | {
      readonly status: 'saved';
      readonly message: string;
      /** Validation warnings about the saved row (§4.3), each naming tab, column and row. */
      readonly warnings: readonly string[];
      readonly saved: OkrItem;
      /** Every row whose summary the save changed: the saved row, key results inheriting its Unit. */
      readonly changed: readonly OkrSummary[];
    }
  | {
      /** The row changed in the sheet since the sidebar loaded it; nothing was written. */
      readonly status: 'conflict';
      readonly message: string;
      /** The row as it is now, or null when it is gone. */
      readonly fresh: OkrItem | null;
    };

export interface CheckInInput {
  /** A KPI's Actual instead of a key result's Current. */
  readonly kind?: 'KPI';
  readonly id: string;
  /** The Current value the sidebar showed (KeyResultMeasure.current). */
  readonly seen: CellValue;
  readonly value: string;
  /** 0–10 as typed; blank for none. */
  readonly confidence: string;
  readonly comment: string;
}

/** A row of the `Check-ins` log (§5.2), as the sidebar shows it. */
export interface CheckInEntry {
  /** When it was recorded, ISO 8601 in UTC. */
  readonly at: string;
  readonly id: string;
  readonly oldValue: CellValue;
  readonly newValue: CellValue;
  readonly confidence: number | '';
  readonly comment: string;
  readonly user: string;
}

export type CheckInResult =
  | {
      /** Nothing was written: every problem found, each at its field. */
      readonly status: 'invalid';
      readonly message: string;
      readonly problems: readonly CheckInProblem[];
    }
  | {
      readonly status: 'saved';
      readonly message: string;
      /** The key result (or KPI) as it is now. */
      readonly saved: OkrSummary | KpiSummary;
      readonly entry: CheckInEntry;
    }
  | {
      /** Current changed since the sidebar read it: nothing was written. */
      readonly status: 'stale';
      readonly message: string;
      readonly fresh: OkrSummary | KpiSummary;
    };

/** One check-in of an item, as its history shows it (§5.2). */
export interface HistoryEntry {
  /** When it was recorded: a Sheets serial in the spreadsheet's zone (the page shows it in `dateFormat`). */
  readonly at: number;
  readonly oldValue: CellValue;
  readonly newValue: CellValue;
  readonly confidence: CellValue;
  readonly comment: string;
  readonly user: string;
}

/** An item's recent check-ins, newest first. */
export interface CheckInHistory {
  readonly id: string;
  readonly entries: readonly HistoryEntry[];
  /** How many check-ins the item has in all. */
  readonly total: number;
}

/** The google.script.run targets; server.ts implements exactly these. */
export interface SidebarApi {
  /** The first and only call when the sidebar opens. */
  sidebarContext(): SidebarContext;
  /** "Load selected row". */
  selectedRow(): SelectedRow;
  /** A page of a list the sidebar does not hold whole. */
  searchOkrs(query: OkrQuery): OkrPage;
  /** One row in full, found by its ID if it moved. */
  rowDetail(ref: RowRef): RowDetail;
  saveOkr(input: SaveOkrInput): SaveOkrResult;
  recordCheckIn(input: CheckInInput): CheckInResult;
  /** The KPIs a check-in can update, asked for when the Check-in panel switches to KPIs. */
  kpiSummaries(): readonly KpiSummary[];
  /** An item's (key result's or KPI's) recent check-ins, read from the log when shown. */
  checkInHistory(ref: { readonly id: string }): CheckInHistory;
}

export const SIDEBAR_API_NAMES: readonly (keyof SidebarApi)[] = [
  'sidebarContext',
  'selectedRow',
  'searchOkrs',
  'rowDetail',
  'saveOkr',
  'recordCheckIn',
  'checkInHistory',
  'kpiSummaries',
];

/** "SAL-KR1 — Grow pipeline…": how pickers name an OKR (as text, never HTML). */
export function itemLabel(item: Pick<OkrSummary, 'id' | 'title'>): string {
  return item.title === '' ? item.id : `${item.id} — ${item.title}`;
}

/** A cell value as a person reads it in a message: 4500000 as 4,500,000, 0.45 as 0.45, TRUE, text as is. */
export function showValue(value: CellValue): string {
  if (value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return value.toLocaleString('en-US', { maximumFractionDigits: 10 });
  return value;
}

/**
 * The workbook's tabs (§1.1) and table columns (§1.2, §1.3), and the mapping of a
 * header row onto them. Columns are found by header text, never by position, so
 * everything downstream works with column indices from `mapHeaders`.
 */
import { columnLetter } from './a1';
import { type Finding, tabFinding } from './findings';

export { columnLetter };

/** §1.1 tab names, matched exactly. */
export const TAB = {
  corporate: 'Corporate OKRs',
  department: 'Department OKRs',
  team: 'Team OKRs',
  kpis: 'KPIs',
  settings: 'Settings',
  checkIns: 'Check-ins',
  history: 'History',
  rollUp: 'Roll-up',
  dashboard: 'Dashboard',
  validation: 'Validation',
  rolloutPlan: 'Rollout Plan',
} as const;

export type TabName = (typeof TAB)[keyof typeof TAB];

/** §1.1 order: findings and reports list tabs in it. */
export const TAB_ORDER: readonly TabName[] = Object.values(TAB);

export type Level = 'Corporate' | 'Department' | 'Team';
export const LEVELS: readonly Level[] = ['Corporate', 'Department', 'Team'];

export type OkrTabName = typeof TAB.corporate | typeof TAB.department | typeof TAB.team;

export const OKR_TAB_OF_LEVEL: Readonly<Record<Level, OkrTabName>> = {
  Corporate: TAB.corporate,
  Department: TAB.department,
  Team: TAB.team,
};

/** The level an OKR row has is the tab it stands on; undefined for any other tab. */
export function levelOfTab(tab: string): Level | undefined {
  return LEVELS.find((level) => OKR_TAB_OF_LEVEL[level] === tab);
}

/** Index in LEVELS: 0 corporate, 1 department, 2 team. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export interface ColumnDef<K extends string> {
  readonly key: K;
  /** The header "Set up workbook" writes. */
  readonly header: string;
  /** Other header texts accepted for this column. */
  readonly aliases: readonly string[];
  /** Written by the add-on: on a user's tab, the only columns it may write. */
  readonly owned: boolean;
  /** A live formula's result (Score, SMART…): never input, so it does not make a row non-blank. */
  readonly computed: boolean;
  /** Without it the table cannot be read at all. */
  readonly required: boolean;
}

export interface TableSchema<K extends string> {
  readonly columns: readonly ColumnDef<K>[];
}

function column<K extends string>(
  key: K,
  header: string,
  aliases: readonly string[] = [],
  flags: { owned?: boolean; computed?: boolean; required?: boolean } = {},
): ColumnDef<K> {
  const computed = flags.computed ?? false;
  return {
    key,
    header,
    aliases,
    owned: computed || (flags.owned ?? false),
    computed,
    required: flags.required ?? false,
  };
}

export type OkrColumn =
  | 'id'
  | 'type'
  | 'parentId'
  | 'unit'
  | 'title'
  | 'owner'
  | 'metricType'
  | 'start'
  | 'target'
  | 'current'
  | 'uom'
  | 'weight'
  | 'confidence'
  | 'startDate'
  | 'dueDate'
  | 'score'
  | 'expected'
  | 'status'
  | 'notes';

/**
 * §1.2 in the order "Set up workbook" writes it. Required: ID and Parent ID (without
 * them there is no tree to score) and Title (the statement every report shows). Any
 * other missing column reads as blank in every row, which §1.2 gives a meaning to.
 */
export const OKR_SCHEMA: TableSchema<OkrColumn> = {
  columns: [
    column('id', 'ID', [], { required: true }),
    column('type', 'Type', ['Kind']),
    column('parentId', 'Parent ID', ['Parent', 'Aligns to'], { required: true }),
    column('unit', 'Unit', ['Department', 'Team']),
    column('title', 'Title', ['Objective', 'Key Result'], { required: true }),
    column('owner', 'Owner'),
    column('metricType', 'Metric type', ['Type of metric']),
    column('start', 'Start', ['Baseline']),
    column('target', 'Target'),
    column('current', 'Current', ['Actual']),
    column('uom', 'Unit of measure', ['UoM']),
    column('weight', 'Weight'),
    column('confidence', 'Confidence'),
    column('startDate', 'Start date'),
    column('dueDate', 'Due date'),
    column('score', 'Score', [], { computed: true }),
    column('expected', 'Expected', [], { computed: true }),
    column('status', 'Status', [], { computed: true }),
    column('notes', 'Notes'),
  ],
};

export type KpiColumn =
  | 'id'
  | 'level'
  | 'unit'
  | 'kpi'
  | 'owner'
  | 'linkedOkr'
  | 'baseline'
  | 'target'
  | 'actual'
  | 'uom'
  | 'direction'
  | 'frequency'
  | 'dueDate'
  | 'progress'
  | 'status'
  | 'smart';

/** §1.3. Required: ID and KPI; the SMART check reports every other gap row by row. */
export const KPI_SCHEMA: TableSchema<KpiColumn> = {
  columns: [
    column('id', 'ID', [], { required: true }),
    column('level', 'Level'),
    column('unit', 'Unit'),
    column('kpi', 'KPI', [], { required: true }),
    column('owner', 'Owner'),
    column('linkedOkr', 'Linked OKR'),
    column('baseline', 'Baseline'),
    column('target', 'Target'),
    column('actual', 'Actual'),
    column('uom', 'Unit of measure', ['UoM']),
    column('direction', 'Direction'),
    column('frequency', 'Frequency'),
    column('dueDate', 'Due date'),
    column('progress', 'Progress', [], { computed: true }),
    column('status', 'Status', [], { computed: true }),
    column('smart', 'SMART', [], { computed: true }),
  ],
};

export type CheckInColumn = 'timestamp' | 'id' | 'oldValue' | 'newValue' | 'confidence' | 'comment' | 'user';

/** §5.2: the whole tab belongs to the add-on. */
export const CHECK_IN_SCHEMA: TableSchema<CheckInColumn> = {
  columns: [
    column('timestamp', 'Timestamp', [], { owned: true, required: true }),
    column('id', 'ID', [], { owned: true, required: true }),
    column('oldValue', 'Old value', [], { owned: true }),
    column('newValue', 'New value', [], { owned: true }),
    column('confidence', 'Confidence', [], { owned: true }),
    column('comment', 'Comment', [], { owned: true }),
    column('user', 'User', [], { owned: true }),
  ],
};

export type HistoryColumn = 'date' | 'level' | 'id' | 'title' | 'score' | 'expected' | 'status';

/** §4.5: the whole tab belongs to the add-on. */
export const HISTORY_SCHEMA: TableSchema<HistoryColumn> = {
  columns: [
    column('date', 'Date', [], { owned: true, required: true }),
    column('level', 'Level', [], { owned: true }),
    column('id', 'ID', [], { owned: true, required: true }),
    column('title', 'Title', [], { owned: true }),
    column('score', 'Score', [], { owned: true, required: true }),
    column('expected', 'Expected', [], { owned: true }),
    column('status', 'Status', [], { owned: true }),
  ],
};

/** The header row "Set up workbook" writes for a table. */
export function headerRow<K extends string>(schema: TableSchema<K>): string[] {
  return schema.columns.map((c) => c.header);
}

/** Header and alias comparison: trimmed, case-insensitive, inner runs of spaces as one. */
export function normalizeHeader(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  return String(value).trim().toLowerCase().replace(/\s+/g, ' ');
}

export interface UserColumn {
  readonly index: number;
  readonly header: string;
}

export interface HeaderMap<K extends string> {
  readonly tab: string;
  /** 0-based column index of each known column present (the first, when repeated). */
  readonly index: Readonly<Partial<Record<K, number>>>;
  /** The header text as the user wrote it, for messages ("Baseline", not "Start"). */
  readonly shown: Readonly<Partial<Record<K, string>>>;
  /** Known columns not in the header row. */
  readonly absent: readonly K[];
  /** Headers the add-on does not know: the user's own columns, never touched. */
  readonly userColumns: readonly UserColumn[];
  /** Missing required columns and repeated columns, as findings on row 1. */
  readonly problems: readonly Finding[];
  /** False when a required column is missing: the tab's rows cannot be read. */
  readonly usable: boolean;
}

/**
 * Maps a header row onto a schema. A column named twice (say `Title` and its alias
 * `Objective`) is an error and the first one is used, so a table is still read.
 */
export function mapHeaders<K extends string>(
  tab: string,
  headers: readonly unknown[],
  schema: TableSchema<K>,
): HeaderMap<K> {
  const byName = new Map<string, ColumnDef<K>>();
  for (const def of schema.columns) {
    for (const name of [def.header, ...def.aliases]) byName.set(normalizeHeader(name), def);
  }
  const index: Partial<Record<K, number>> = {};
  const shown: Partial<Record<K, string>> = {};
  const userColumns: UserColumn[] = [];
  const problems: Finding[] = [];
  headers.forEach((cell, i) => {
    const name = normalizeHeader(cell);
    if (name === '') return;
    const text = String(cell).trim();
    const def = byName.get(name);
    if (def === undefined) {
      userColumns.push({ index: i, header: text });
      return;
    }
    const first = index[def.key];
    if (first !== undefined) {
      problems.push(
        tabFinding('error', 'duplicate-column', tab, 1, {
          column: text,
          columnIndex: i,
          message: `column "${text}" repeats "${shown[def.key]}" (column ${columnLetter(first)}): the first one is used; rename or remove the other`,
        }),
      );
      return;
    }
    index[def.key] = i;
    shown[def.key] = text;
  });
  const absent = schema.columns.filter((def) => index[def.key] === undefined).map((def) => def.key);
  let usable = true;
  for (const def of schema.columns) {
    if (!def.required || index[def.key] !== undefined) continue;
    usable = false;
    const also = def.aliases.length > 0 ? ` (or ${def.aliases.map((a) => `"${a}"`).join(', ')})` : '';
    problems.push(
      tabFinding('error', 'missing-column', tab, 1, {
        column: def.header,
        message: `missing column "${def.header}"${also}: add it to the header row`,
      }),
    );
  }
  return { tab, index, shown, absent, userColumns, problems, usable };
}

/** The header text to name a column by in messages: the user's, else ours. */
export function shownHeader<K extends string>(map: HeaderMap<K>, schema: TableSchema<K>, key: K): string {
  return map.shown[key] ?? schema.columns.find((c) => c.key === key)?.header ?? key;
}

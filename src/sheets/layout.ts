/**
 * How "Set up workbook" lays out each table tab (§4.1): widths, number formats,
 * data validation and the Status colours, as plain data; and where the columns
 * of ours that a tab lacks go. Pure: src/actions/setup.ts applies it.
 */
import { METRIC_ALIASES, METRIC_TYPES } from '../core/metric';
import { FREQUENCIES } from '../core/workbook/kpis';
import {
  CHECK_IN_SCHEMA,
  HISTORY_SCHEMA,
  KPI_SCHEMA,
  LEVELS,
  mapHeaders,
  OKR_SCHEMA,
  TAB,
  type TableSchema,
} from '../core/workbook/schema';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const PERCENT_FORMAT = '0%';
/** Plain text: what is written stays text (an ID like `001`, a title like `=x`). */
export const TEXT_FORMAT = '@';

export type ValidationRule =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly help: string }
  // A number rule rejects bad input, and Sheets' own message then names what it accepts.
  | { readonly kind: 'atLeast'; readonly min: number }
  | { readonly kind: 'between'; readonly min: number; readonly max: number };

export interface ColumnLayout {
  readonly width: number;
  readonly format?: string;
  readonly validation?: ValidationRule;
}

export interface TableLayout<K extends string> {
  readonly tab: string;
  readonly schema: TableSchema<K>;
  readonly columns: Readonly<Record<K, ColumnLayout>>;
  /** The column the Status colours apply to. */
  readonly status?: K;
  /** False for the add-on's own logs: a sheet of that name with other content is a user's and is left alone. */
  readonly userTable: boolean;
}

/** §2.5 colours (Done blue, On track green, Behind amber, At risk red), light fills with dark text. */

/** Canonical words first, then every alias core accepts, so a typed alias never shows a warning. */
const TYPE_WORDS = ['Objective', 'Key Result', 'O', 'KR'];
const METRIC_WORDS = [...METRIC_TYPES, ...METRIC_TYPES.flatMap((type) => METRIC_ALIASES[type])];

/** One rule for Metric type and Direction alike: set-up builds it once (§6.1). */
const METRIC_LIST: ValidationRule = {
  kind: 'list',
  values: METRIC_WORDS,
  help: 'How the value is measured: increase, decrease, stay above, stay below, binary or milestone (aliases such as "at least" work too). Blank: increase or decrease, from the first value towards the target.',
};

// Widths: Sheets' default of 100 px wherever that is enough, so that set-up sets few of them
// (a call each, §6.1); wider where names, titles, comments and emails need the room.
const text = (width: number): ColumnLayout => ({ width });
const date: ColumnLayout = { width: 100, format: DATE_FORMAT };
const percent: ColumnLayout = { width: 100, format: PERCENT_FORMAT };

export const OKR_LAYOUT = (tab: string): TableLayout<(typeof OKR_SCHEMA.columns)[number]['key']> => ({
  tab,
  schema: OKR_SCHEMA,
  userTable: true,
  status: 'status',
  columns: {
    id: text(100),
    type: {
      width: 100,
      validation: {
        kind: 'list',
        values: TYPE_WORDS,
        help: 'Objective or Key Result (O, KR). Blank: Key Result when Target is filled, else Objective.',
      },
    },
    parentId: text(100),
    unit: text(130),
    title: text(320),
    owner: text(130),
    metricType: { width: 100, validation: METRIC_LIST },
    start: text(100),
    target: text(100),
    current: text(100),
    uom: text(100),
    weight: {
      width: 100,
      validation: {
        kind: 'atLeast',
        min: 0,
      },
    },
    confidence: {
      width: 100,
      validation: {
        kind: 'between',
        min: 0,
        max: 10,
      },
    },
    startDate: date,
    dueDate: date,
    score: percent,
    expected: percent,
    status: text(100),
    notes: text(240),
  },
});

export const KPI_LAYOUT: TableLayout<(typeof KPI_SCHEMA.columns)[number]['key']> = {
  tab: TAB.kpis,
  schema: KPI_SCHEMA,
  userTable: true,
  status: 'status',
  columns: {
    id: text(100),
    level: {
      width: 100,
      validation: { kind: 'list', values: LEVELS, help: 'Level: Corporate, Department or Team.' },
    },
    unit: text(130),
    kpi: text(260),
    owner: text(130),
    linkedOkr: text(100),
    baseline: text(100),
    target: text(100),
    actual: text(100),
    uom: text(100),
    direction: { width: 100, validation: METRIC_LIST },
    frequency: {
      width: 100,
      validation: {
        kind: 'list',
        values: FREQUENCIES,
        help: 'How often it is measured: weekly, monthly or quarterly.',
      },
    },
    dueDate: date,
    progress: percent,
    status: text(100),
    smart: text(220),
  },
};

export const CHECK_IN_LAYOUT: TableLayout<(typeof CHECK_IN_SCHEMA.columns)[number]['key']> = {
  tab: TAB.checkIns,
  schema: CHECK_IN_SCHEMA,
  userTable: false,
  columns: {
    timestamp: { width: 140, format: DATE_TIME_FORMAT },
    id: text(100),
    oldValue: text(100),
    newValue: text(100),
    confidence: text(100),
    comment: text(300),
    user: text(180),
  },
};

export const HISTORY_LAYOUT: TableLayout<(typeof HISTORY_SCHEMA.columns)[number]['key']> = {
  tab: TAB.history,
  schema: HISTORY_SCHEMA,
  userTable: false,
  status: 'status',
  // Text columns as plain text, as Record snapshot formats them: the whole row is one run of formats.
  columns: {
    date: date,
    level: { width: 100, format: TEXT_FORMAT },
    id: { width: 100, format: TEXT_FORMAT },
    title: { width: 320, format: TEXT_FORMAT },
    score: percent,
    expected: percent,
    status: { width: 100, format: TEXT_FORMAT },
  },
};

export interface TablePlan<K extends string> {
  /** 0-based index of every column of ours once the plan is applied. */
  readonly index: Readonly<Record<K, number>>;
  /** Columns of ours the tab lacks, in schema order, each with the index it gets. */
  readonly appended: readonly { readonly key: K; readonly index: number }[];
}

/**
 * Where each column of ours is: found by header (aliases too), or appended after
 * `lastColumn` (the sheet's last used column, 1-based; 0 for an empty tab), so a
 * user's columns never move and no cell of theirs is written.
 */
export function planTable<K extends string>(
  tab: string,
  headers: readonly unknown[],
  lastColumn: number,
  schema: TableSchema<K>,
): TablePlan<K> {
  const found = mapHeaders(tab, headers, schema).index;
  const index = {} as Record<K, number>;
  const appended: { key: K; index: number }[] = [];
  let next = lastColumn;
  for (const def of schema.columns) {
    const at = found[def.key];
    if (at !== undefined) index[def.key] = at;
    else {
      index[def.key] = next;
      appended.push({ key: def.key, index: next });
      next++;
    }
  }
  return { index, appended };
}

/**
 * The three OKR tabs (§1.2) read into typed rows. Raw start/target/current are kept
 * (the live formulas read the same cells); everything is parsed with the scoring
 * core, and each bad cell becomes a finding naming tab, column and row.
 */
import { type MetricType, parseMetricType } from '../metric';
import { ok, type Result } from '../result';
import { normalizeId, readWeight } from '../rollup';
import { scoreKeyResult } from '../score';
import { isBlank, readDate, readNumber } from '../values';
import type { FormulaRows } from './by-formula';
import { type Finding, type Rule, tabFinding } from './findings';
import { classifyMetricError, type MetricField } from './metric-problems';
import { LEVELS, type Level, OKR_SCHEMA, OKR_TAB_OF_LEVEL, type OkrColumn, type OkrTabName } from './schema';
import { cellFinding, type Grid, readTable, type Table, text } from './table';

export type OkrKind = 'Objective' | 'Key Result';

export interface OkrRow {
  readonly tab: OkrTabName;
  readonly level: Level;
  /** 1-based sheet row. */
  readonly row: number;
  /** As written, trimmed; "" when blank. */
  readonly id: string;
  /** Trimmed, lower case: how IDs are compared. */
  readonly key: string;
  readonly kind: OkrKind;
  readonly parentId: string;
  readonly parentKey: string;
  /** The row's Unit, or for a key result with a blank Unit its objective's. */
  readonly unit: string;
  /** The Unit cell itself. */
  readonly ownUnit: string;
  readonly title: string;
  readonly owner: string;
  /** Parsed Metric type; null when blank or not a type (see ownScore for the error). */
  readonly metricType: MetricType | null;
  readonly start: unknown;
  readonly target: unknown;
  readonly current: unknown;
  /** Current is a formula of the user's (by-formula.ts): it updates by itself and is never checked in. */
  readonly byFormula: boolean;
  readonly uom: string;
  /** Blank is 1; an error for text or a negative number. */
  readonly weight: Result<number>;
  readonly confidence: Result<number | null>;
  /** Sheets serials; ok(null) when blank (the cycle's dates apply). */
  readonly startDate: Result<number | null>;
  readonly dueDate: Result<number | null>;
  readonly notes: string;
  /**
   * The row's own measured score (§2.3): a key result's from its metric, ok(null) for
   * objectives and for key results scored by roll-up, or the metric's error.
   */
  readonly ownScore: Result<number | null>;
}

export interface OkrTabs {
  /** All rows of the three tabs, corporate first, each tab in sheet order. */
  readonly rows: readonly OkrRow[];
  readonly tables: Readonly<Record<Level, Table<OkrColumn>>>;
  readonly problems: readonly Finding[];
}

export interface OkrGrids {
  readonly corporate?: Grid;
  readonly department?: Grid;
  readonly team?: Grid;
}

const KIND_WORDS: ReadonlyMap<string, OkrKind> = new Map([
  ['objective', 'Objective'],
  ['o', 'Objective'],
  ['key result', 'Key Result'],
  ['kr', 'Key Result'],
]);

const METRIC_COLUMN: Readonly<Record<MetricField, OkrColumn>> = {
  start: 'start',
  target: 'target',
  current: 'current',
  type: 'metricType',
};

/** A row as read, its `unit` still its own: a key result's blank Unit is filled in afterwards. */
const typeWordsSeen = new Map<string, string>();

/** A Type cell lower-cased with its spaces collapsed; remembered, since a workbook has a few spellings. */
function typeWords(typed: string): string {
  let words = typeWordsSeen.get(typed);
  if (words === undefined) {
    words = typed.toLowerCase().replace(/\s+/g, ' ');
    if (typeWordsSeen.size < 1000) typeWordsSeen.set(typed, words);
  }
  return words;
}

type Draft = { -readonly [K in keyof OkrRow]: OkrRow[K] };

function readRow(
  table: Table<OkrColumn>,
  level: Level,
  row: number,
  cellOf: (key: OkrColumn) => unknown,
  byFormula: boolean,
  problems: Finding[],
): Draft {
  const id = text(cellOf('id'));
  const problem = (key: OkrColumn, rule: Rule, message: string): void => {
    problems.push(cellFinding(table, row, key, 'error', rule, id, message));
  };
  if (id === '') problem('id', 'missing-id', 'row has no ID: it is left out of scores and the roll-up');

  const typeText = typeWords(text(cellOf('type')));
  let kind = KIND_WORDS.get(typeText);
  if (kind === undefined) {
    if (typeText !== '')
      problem('type', 'bad-type', `Type must be Objective or Key Result (or O, KR), not "${text(cellOf('type'))}"`);
    kind = isBlank(cellOf('target')) ? 'Objective' : 'Key Result';
  }

  const metric = {
    start: cellOf('start'),
    target: cellOf('target'),
    current: cellOf('current'),
    type: cellOf('metricType'),
  };
  const ownScore: Result<number | null> =
    kind === 'Key Result' ? scoreKeyResult(metric, text(cellOf('uom'))) : ok(null);
  if (!ownScore.ok) {
    const { field, rule } = classifyMetricError(ownScore.error);
    problem(METRIC_COLUMN[field], rule, ownScore.error);
  }
  const metricType = parseMetricType(cellOf('metricType'));

  const weight = readWeight(cellOf('weight'));
  if (!weight.ok) problem('weight', 'bad-weight', weight.error);
  let confidence = readNumber(cellOf('confidence'), 'confidence');
  if (confidence.ok && confidence.value !== null && (confidence.value < 0 || confidence.value > 10)) {
    confidence = { ok: false, error: `confidence must be from 0 to 10 (not ${confidence.value})` };
  }
  if (!confidence.ok) problem('confidence', 'bad-number', confidence.error);
  const startDate = readDate(cellOf('startDate'), 'start date');
  if (!startDate.ok) problem('startDate', 'bad-date', startDate.error);
  const dueDate = readDate(cellOf('dueDate'), 'due date');
  if (!dueDate.ok) problem('dueDate', 'bad-date', dueDate.error);

  const parentId = text(cellOf('parentId'));
  return {
    tab: OKR_TAB_OF_LEVEL[level],
    level,
    row,
    id,
    key: normalizeId(id),
    kind,
    parentId,
    parentKey: normalizeId(parentId),
    ownUnit: text(cellOf('unit')),
    unit: '',
    title: text(cellOf('title')),
    owner: text(cellOf('owner')),
    metricType: metricType.ok ? metricType.value : null,
    start: cellOf('start'),
    target: cellOf('target'),
    current: cellOf('current'),
    byFormula,
    uom: text(cellOf('uom')),
    weight,
    confidence,
    startDate,
    dueDate,
    notes: text(cellOf('notes')),
    ownScore,
  };
}

const GRID_OF_LEVEL: Readonly<Record<Level, keyof OkrGrids>> = {
  Corporate: 'corporate',
  Department: 'department',
  Team: 'team',
};

/**
 * Reads the three OKR tabs. A tab that does not exist reads as empty with a warning;
 * a tab missing a required column contributes no rows (its header finding says why).
 * `formulaRows` marks the rows whose Current is a formula, when they were read.
 */
export function parseOkrTabs(grids: OkrGrids, formulaRows: FormulaRows = {}): OkrTabs {
  const problems: Finding[] = [];
  const drafts: Draft[] = [];
  const tables = {} as Record<Level, Table<OkrColumn>>;
  for (const level of LEVELS) {
    const tab = OKR_TAB_OF_LEVEL[level];
    const grid = grids[GRID_OF_LEVEL[level]];
    if (grid === undefined) {
      problems.push(
        tabFinding('warning', 'missing-tab', tab, 1, { message: `there is no "${tab}" tab: run Set up workbook` }),
      );
    }
    const table = readTable(tab, grid ?? [[]], OKR_SCHEMA);
    tables[level] = table;
    if (grid !== undefined) problems.push(...table.header.problems);
    const byFormula = formulaRows[GRID_OF_LEVEL[level]];
    for (const row of table.rows) {
      const cellOf = row.cell
        ? (key: OkrColumn) => (row.cell as (key: OkrColumn) => unknown)(key)
        : (key: OkrColumn) => row.cells[key];
      drafts.push(readRow(table, level, row.row, cellOf, byFormula?.has(row.row) ?? false, problems));
    }
  }

  // A key result's blank Unit is its objective's: the first row with the parent's ID, as in the roll-up.
  const first = new Map<string, Draft>();
  for (const draft of drafts) if (draft.key !== '' && !first.has(draft.key)) first.set(draft.key, draft);
  // Filled in place, not copied: 50,000 rows are 50,000 objects fewer to allocate.
  for (const draft of drafts) {
    draft.unit = draft.ownUnit;
    if (draft.unit === '' && draft.kind === 'Key Result') {
      const parent = first.get(draft.parentKey);
      if (parent !== undefined && parent.kind === 'Objective') draft.unit = parent.ownUnit;
    }
  }
  return { rows: drafts, tables, problems };
}

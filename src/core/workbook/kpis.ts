/**
 * §1.3 the KPIs tab: rows, Progress (KPIPROGRESS), Status (OKRSTATUS on Progress,
 * graded as at the end of the cycle, with the Settings thresholds) and the SMART check.
 */
import { daySpan } from '../expected';
import { type MetricType, parseMetricType, progress } from '../metric';
import { ok, type Result } from '../result';
import { normalizeId } from '../rollup';
import { type Status, statusOf } from '../status';
import { readDate, readNumber } from '../values';
import { type Finding, type Rule, tabFinding } from './findings';
import { classifyMetricError, type MetricField } from './metric-problems';
import { KPI_SCHEMA, type KpiColumn, LEVELS, type Level, TAB } from './schema';
import type { Settings } from './settings';
import { cellFinding, type Grid, readTable, type Table, text } from './table';

export type Frequency = 'weekly' | 'monthly' | 'quarterly';
export const FREQUENCIES: readonly Frequency[] = ['weekly', 'monthly', 'quarterly'];

export interface KpiRow {
  readonly row: number;
  readonly id: string;
  readonly key: string;
  /** null when blank or not a level (a finding says which). */
  readonly level: Level | null;
  readonly unit: string;
  readonly kpi: string;
  readonly owner: string;
  readonly linkedOkr: string;
  readonly baseline: unknown;
  readonly target: unknown;
  readonly actual: unknown;
  /** Actual is a formula of the user's (by-formula.ts): it updates by itself and is never checked in. */
  readonly byFormula: boolean;
  readonly uom: string;
  /** The Direction cell as typed, for progress; `direction` is its parsed type. */
  readonly directionCell: unknown;
  readonly direction: MetricType | null;
  readonly frequency: Frequency | null;
  readonly dueDate: Result<number | null>;
}

export interface KpiTab {
  readonly rows: readonly KpiRow[];
  readonly table: Table<KpiColumn>;
  readonly problems: readonly Finding[];
}

/**
 * Reads the KPIs tab; undefined (no such tab) reads as no KPIs, without a finding: KPIs are optional.
 * `formulaRows` are the sheet rows whose Actual is a formula, when they were read.
 */
export function parseKpis(grid: Grid | undefined, formulaRows?: ReadonlySet<number>): KpiTab {
  const table = readTable(TAB.kpis, grid ?? [[]], KPI_SCHEMA);
  const problems: Finding[] = grid === undefined ? [] : [...table.header.problems];
  const rows = table.rows.map(({ row, cells }): KpiRow => {
    const id = text(cells.id);
    const problem = (key: KpiColumn, rule: Rule, message: string): void => {
      problems.push(cellFinding(table, row, key, 'error', rule, id, message));
    };
    if (id === '') problem('id', 'missing-id', 'KPI has no ID');
    const levelText = text(cells.level).toLowerCase();
    const level = LEVELS.find((l) => l.toLowerCase() === levelText) ?? null;
    if (level === null && levelText !== '') {
      problem('level', 'bad-value', `Level must be Corporate, Department or Team, not "${text(cells.level)}"`);
    }
    const frequencyText = text(cells.frequency).toLowerCase();
    const frequency = FREQUENCIES.find((f) => f === frequencyText) ?? null;
    if (frequency === null && frequencyText !== '') {
      problem(
        'frequency',
        'bad-value',
        `Frequency must be weekly, monthly or quarterly, not "${text(cells.frequency)}"`,
      );
    }
    const direction = parseMetricType(cells.direction);
    const dueDate = readDate(cells.dueDate, 'due date');
    if (!dueDate.ok) problem('dueDate', 'bad-date', dueDate.error);
    return {
      row,
      id,
      key: normalizeId(id),
      level,
      unit: text(cells.unit),
      kpi: text(cells.kpi),
      owner: text(cells.owner),
      linkedOkr: text(cells.linkedOkr),
      baseline: cells.baseline,
      target: cells.target,
      actual: cells.actual,
      byFormula: formulaRows?.has(row) ?? false,
      uom: text(cells.uom),
      directionCell: cells.direction,
      direction: direction.ok ? direction.value : null,
      frequency,
      dueDate,
    };
  });
  return { rows, table, problems };
}

export type SmartCriterion = 'Specific' | 'Measurable' | 'Achievable' | 'Relevant' | 'Time-bound';
export const SMART_CRITERIA: readonly SmartCriterion[] = [
  'Specific',
  'Measurable',
  'Achievable',
  'Relevant',
  'Time-bound',
];

export interface SmartCheck {
  readonly missing: readonly SmartCriterion[];
  /** What the SMART column shows: `✓`, or `Missing: Measurable, Time-bound`. */
  readonly text: string;
}

export const SMART_PASSED = '✓';

/** Directions for which a baseline equal to (or without) the target is still measurable. */
const HOLDING: ReadonlySet<MetricType | null> = new Set<MetricType | null>([
  'stay above',
  'stay below',
  'binary',
  'milestone',
]);

/**
 * §1.3 SMART, each criterion exactly as defined there. `okrKeys` holds the normalized
 * IDs of the OKR rows; `cycleStart` is the Settings cycle start (a serial).
 */
export function checkSmart(kpi: KpiRow, okrKeys: ReadonlySet<string>, cycleStart: number): SmartCheck {
  const missing: SmartCriterion[] = [];
  if (kpi.kpi === '' || kpi.uom === '') missing.push('Specific');
  const baseline = readNumber(kpi.baseline);
  const target = readNumber(kpi.target);
  const differ =
    baseline.ok && target.ok && baseline.value !== null && target.value !== null && baseline.value !== target.value;
  if (!differ && !HOLDING.has(kpi.direction)) missing.push('Measurable');
  if (kpi.owner === '') missing.push('Achievable');
  if (!okrKeys.has(normalizeId(kpi.linkedOkr)) || kpi.linkedOkr === '') missing.push('Relevant');
  const due = kpi.dueDate.ok ? kpi.dueDate.value : null;
  if (due === null || daySpan(cycleStart, due) < 0) missing.push('Time-bound');
  return { missing, text: missing.length === 0 ? SMART_PASSED : `Missing: ${missing.join(', ')}` };
}

export interface KpiResult {
  readonly row: KpiRow;
  /** KPIPROGRESS: raw p, not clamped; ok(null) before the first measurement. */
  readonly progress: Result<number | null>;
  readonly status: Result<Status | null>;
  readonly smart: SmartCheck;
}

const KPI_METRIC_COLUMN: Readonly<Record<MetricField, KpiColumn>> = {
  start: 'baseline',
  target: 'target',
  current: 'actual',
  type: 'direction',
};

/** Progress, Status and SMART of every KPI, with the findings they raise (bad values, SMART gaps). */
export function evaluateKpis(
  kpis: KpiTab,
  okrKeys: ReadonlySet<string>,
  settings: Settings,
): { readonly results: readonly KpiResult[]; readonly findings: readonly Finding[] } {
  const findings: Finding[] = [];
  const results = kpis.rows.map((row): KpiResult => {
    const p = progress(
      { start: row.baseline, target: row.target, current: row.actual, type: row.directionCell },
      row.uom,
    );
    if (!p.ok) {
      const { field, rule } = classifyMetricError(p.error);
      findings.push(cellFinding(kpis.table, row.row, KPI_METRIC_COLUMN[field], 'error', rule, row.id, p.error));
    }
    const status: Result<Status | null> = !p.ok
      ? p
      : p.value === null
        ? ok(null)
        : statusOf(p.value, 1, settings.thresholds);
    const smart = checkSmart(row, okrKeys, settings.cycleStart);
    if (smart.missing.length > 0) {
      findings.push(
        tabFinding('warning', 'kpi-smart', TAB.kpis, row.row, {
          id: row.id,
          message: `KPI is not SMART: ${smart.missing.map(explain).join('; ')}`,
        }),
      );
    }
    return { row, progress: p, status, smart };
  });
  return { results, findings };
}

function explain(criterion: SmartCriterion): string {
  switch (criterion) {
    case 'Specific':
      return 'Specific needs the KPI text and a Unit of measure';
    case 'Measurable':
      return 'Measurable needs a numeric Baseline and Target that differ (or a Direction that holds a value)';
    case 'Achievable':
      return 'Achievable needs an Owner';
    case 'Relevant':
      return 'Relevant needs a Linked OKR that names an OKR row';
    default:
      return 'Time-bound needs a Due date on or after the cycle start';
  }
}

import { err, ok, type Result } from './result';
import { formatInUnit } from './units';
import { isBlank, quote, readDone, readNumber } from './values';

/** §2.1: the six metric types, by their canonical name. */
export type MetricType = 'increase' | 'decrease' | 'stay above' | 'stay below' | 'binary' | 'milestone';

export const METRIC_TYPES: readonly MetricType[] = [
  'increase',
  'decrease',
  'stay above',
  'stay below',
  'binary',
  'milestone',
];

/** Every other name §2.1 accepts for each type (the canonical name is accepted too). */
export const METRIC_ALIASES: Readonly<Record<MetricType, readonly string[]>> = {
  increase: ['increase to', 'up', 'higher'],
  decrease: ['decrease to', 'down', 'lower', 'reduce'],
  'stay above': ['maintain above', 'at least', 'above', '>='],
  'stay below': ['maintain below', 'at most', 'below', '<='],
  binary: ['yes/no', 'done', 'boolean', 'achieved'],
  milestone: ['% complete', 'percent', 'percentage'],
};

const BY_NAME: ReadonlyMap<string, MetricType> = new Map(
  METRIC_TYPES.flatMap((type) => [type, ...METRIC_ALIASES[type]].map((name) => [name, type] as const)),
);

/** A metric type cell: trimmed, case-insensitive, inner spaces collapsed; ok(null) when blank. */
export function parseMetricType(value: unknown): Result<MetricType | null> {
  if (isBlank(value)) return ok(null);
  const type = typeof value === 'string' ? BY_NAME.get(value.trim().toLowerCase().replace(/\s+/g, ' ')) : undefined;
  return type === undefined
    ? err(`unknown metric type ${quote(value)} (use increase, decrease, stay above, stay below, binary or milestone)`)
    : ok(type);
}

/** A key result's or KPI's metric once its type and the numbers that type needs are known. */
export type Metric =
  | { readonly type: 'increase' | 'decrease'; readonly start: number; readonly target: number }
  | { readonly type: 'stay above' | 'stay below'; readonly target: number }
  | { readonly type: 'binary' }
  | { readonly type: 'milestone' };

/** The raw cells of a scored row (OKR key result or KPI). */
export interface MetricCells {
  readonly start: unknown;
  readonly target: unknown;
  readonly current: unknown;
  readonly type: unknown;
}

export const TARGET_EQUALS_START = 'target equals start: use stay above or stay below for a value to hold';

/** A required number: blank is "missing <what>". */
function required(value: unknown, what: string): Result<number> {
  const read = readNumber(value, what);
  if (!read.ok) return read;
  return read.value === null ? err(`missing ${what}`) : ok(read.value);
}

/**
 * The metric of §2.1 from the type, start and target cells. Start and target
 * are not read at all by the types that ignore them, so stray text there is
 * not this row's error.
 */
export function readMetric(start: unknown, target: unknown, typeCell: unknown, uom?: string): Result<Metric> {
  const parsed = parseMetricType(typeCell);
  if (!parsed.ok) return parsed;
  const type = parsed.value;
  if (type === 'binary') return ok({ type });
  if (type === 'milestone') return ok({ type });
  if (type === 'stay above' || type === 'stay below') {
    const t = required(target, 'target');
    return t.ok ? ok({ type, target: t.value }) : t;
  }
  const s = required(start, 'start');
  if (!s.ok) return s;
  const t = required(target, 'target');
  if (!t.ok) return t;
  if (t.value === s.value) return err(TARGET_EQUALS_START);
  const inferred = t.value > s.value ? 'increase' : 'decrease';
  if (type !== null && type !== inferred) {
    const wanted = type === 'increase' ? 'above' : 'below';
    return err(
      `${type} needs a target ${wanted} the start (start ${shown(s.value, uom)}, target ${shown(t.value, uom)})`,
    );
  }
  return ok({ type: inferred, start: s.value, target: t.value });
}

/** Raw progress p of a measured value (§2.1), not clamped; ok(null) when current is blank. */
export function measure(metric: Metric, current: unknown, uom?: string): Result<number | null> {
  if (metric.type === 'binary') {
    if (isBlank(current)) return ok(null);
    const done = readDone(current);
    return done.ok ? ok(done.value ? 1 : 0) : done;
  }
  const read = readNumber(current, 'current');
  if (!read.ok || read.value === null) return read;
  const c = read.value;
  switch (metric.type) {
    case 'milestone':
      // A plain 45 is refused rather than guessed at: 45 could mean 45% or a typo for 0.45.
      return c >= 0 && c <= 1
        ? ok(c)
        : err(`milestone current must be a fraction from 0 to 1, like 45% or 0.45 (not ${shown(c, uom)})`);
    case 'stay above':
      return ok(c >= metric.target ? 1 : 0);
    case 'stay below':
      return ok(c <= metric.target ? 1 : 0);
    default: {
      const p = linearProgress(metric.start, metric.target, c);
      return Number.isFinite(p) ? ok(p) : err('start, target and current are too far apart to compute a progress');
    }
  }
}

/** (c − s) / (t − s), halving first when a difference would overflow (−1e308 to 1e308). */
function linearProgress(s: number, t: number, c: number): number {
  const p = (c - s) / (t - s);
  if (Number.isFinite(t - s) && Number.isFinite(c - s)) return p;
  // Halving is exact for numbers this large, so this is the same quotient without the overflow.
  return (c / 2 - s / 2) / (t / 2 - s / 2);
}

/**
 * True when start, target, current and type are all blank: the row measures
 * nothing itself (an objective, or a key result scored by roll-up).
 */
export function isUnmeasured(cells: MetricCells): boolean {
  return isBlank(cells.start) && isBlank(cells.target) && isBlank(cells.current) && isBlank(cells.type);
}

/**
 * Raw progress p of §2.1 (KPIPROGRESS), not clamped. ok(null) when nothing is
 * measured yet: a blank current means "no measurement yet" (§3.2), whatever
 * the rest of the row holds — Validate reports a half-filled metric.
 */
export function progress(cells: MetricCells, uom?: string): Result<number | null> {
  if (isBlank(cells.current)) return ok(null);
  const metric = readMetric(cells.start, cells.target, cells.type, uom);
  return metric.ok ? measure(metric.value, cells.current, uom) : metric;
}

/**
 * A number in a message: in the row's Unit of measure where the caller knows it (§1.2: the
 * workbook's messages), as typed otherwise (a custom function sees no unit).
 */
function shown(n: number, uom: string | undefined): string {
  if (uom === undefined || uom.trim() === '') return String(n);
  // Shown in the unit only where that keeps every digit (a message about 0.004 must not say 0).
  const scaled = (uom.trim() === '%' ? n * 100 : n) * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))
    ? formatInUnit(n, uom)
    : String(n);
}

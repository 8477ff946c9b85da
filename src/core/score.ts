import { isUnmeasured, type MetricCells, measure, readMetric } from './metric';
import { ok, type Result } from './result';
import { isBlank } from './values';

/** min(max(p, 0), 1) of §2.3. */
export function clampScore(p: number): number {
  return Math.min(Math.max(p, 0), 1);
}

/**
 * The key result score of §2.3, in [0, 1]; its messages show numbers in `uom` when given. ok(null) when the row has no own
 * score (start, target, current and type all blank). A blank current scores 0
 * once the metric is complete; an incomplete metric is an error either way.
 */
export function scoreKeyResult(cells: MetricCells, uom?: string): Result<number | null> {
  if (isUnmeasured(cells)) return ok(null);
  const metric = readMetric(cells.start, cells.target, cells.type, uom);
  if (!metric.ok) return metric;
  if (isBlank(cells.current)) return ok(0);
  const p = measure(metric.value, cells.current, uom);
  if (!p.ok) return p;
  return ok(p.value === null ? 0 : clampScore(p.value));
}

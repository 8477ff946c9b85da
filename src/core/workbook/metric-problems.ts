import { TARGET_EQUALS_START } from '../metric';
import type { Rule } from './findings';

/** The cell of a metric that an error from the scoring core is about. */
export type MetricField = 'start' | 'target' | 'current' | 'type';

/**
 * The core reports a metric's problem as one message for the row; a finding names
 * a cell. The core's messages start with the value they are about, which this reads.
 */
export function classifyMetricError(message: string): { readonly field: MetricField; readonly rule: Rule } {
  if (message === TARGET_EQUALS_START) return { field: 'target', rule: 'start-equals-target' };
  if (message.startsWith('unknown metric type')) return { field: 'type', rule: 'bad-metric-type' };
  if (/^(increase|decrease) needs/.test(message)) return { field: 'type', rule: 'bad-metric-type' };
  if (message === 'missing start') return { field: 'start', rule: 'missing-value' };
  if (message === 'missing target') return { field: 'target', rule: 'missing-value' };
  if (message.startsWith('start ')) return { field: 'start', rule: 'bad-number' };
  if (message.startsWith('target ')) return { field: 'target', rule: 'bad-number' };
  return { field: 'current', rule: 'bad-number' };
}

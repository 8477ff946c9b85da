import { progress } from '../core/metric';
import { defineCustomFunction } from './define';
import { guarded, mapCells, type Output } from './shape';

const NAME = 'KPIPROGRESS';

export const KPIPROGRESS = defineCustomFunction(
  {
    summary:
      'Raw KPI progress from baseline to target, not clamped (−0.5 and 1.3 are valid). Blank while actual is blank.',
    params: [
      { name: 'baseline', description: 'Value at the start (a cell or a column).' },
      { name: 'target', description: 'Value to reach.' },
      { name: 'actual', description: 'Latest measured value; blank means no measurement yet.' },
      {
        name: 'direction',
        description:
          'increase, decrease, stay above, stay below, binary or milestone. Blank: increase or decrease from baseline and target.',
        optional: true,
      },
    ],
    returns: 'The progress as a number (1 = target reached), or one per row for ranges.',
    example: '=KPIPROGRESS(100, 200, 230) → 1.3',
  },
  function KPIPROGRESS(baseline: unknown, target: unknown, actual: unknown, direction?: unknown): Output {
    return guarded(NAME, () =>
      mapCells(NAME, [baseline, target, actual, direction], ([b, t, a, d]) =>
        progress({ start: b, target: t, current: a, type: d }),
      ),
    );
  },
);

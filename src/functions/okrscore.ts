import { scoreKeyResult } from '../core/score';
import { defineCustomFunction } from './define';
import { guarded, mapCells, type Output } from './shape';

const NAME = 'OKRSCORE';

export const OKRSCORE = defineCustomFunction(
  {
    summary:
      'Key result score from 0 to 1: progress from start to target, clamped. Blank when start, target, current and type are all blank.',
    params: [
      { name: 'start', description: 'Value at the start of the cycle (a cell or a column).' },
      { name: 'target', description: 'Value to reach.' },
      { name: 'current', description: 'Latest value; blank scores 0 (not started).' },
      {
        name: 'type',
        description:
          'Metric type: increase, decrease, stay above, stay below, binary or milestone. Blank: increase or decrease from start and target.',
        optional: true,
      },
    ],
    returns: 'A score from 0 to 1, or one per row for ranges.',
    example: '=OKRSCORE(200, 0, 100, "decrease") → 0.5',
  },
  function OKRSCORE(start: unknown, target: unknown, current: unknown, type?: unknown): Output {
    return guarded(NAME, () =>
      mapCells(NAME, [start, target, current, type], ([s, t, c, ty]) =>
        scoreKeyResult({ start: s, target: t, current: c, type: ty }),
      ),
    );
  },
);

import { statusFromCells } from '../core/status';
import { defineCustomFunction } from './define';
import { guarded, mapCells, type Output } from './shape';

const NAME = 'OKRSTATUS';

export const OKRSTATUS = defineCustomFunction(
  {
    summary: 'Status label for a progress: Done, On track, Behind or At risk, graded against the expected progress.',
    params: [
      { name: 'progress', description: 'Score or progress (1 = target reached); blank gives a blank status.' },
      {
        name: 'expected',
        description: 'Expected progress by now, from 0 to 1 (see OKREXPECTED); blank means 1, the end of the cycle.',
        optional: true,
      },
      {
        name: 'on_track',
        description: 'Share of the expected progress that is On track; default 0.7.',
        optional: true,
      },
      { name: 'behind', description: 'Share of the expected progress that is Behind; default 0.4.', optional: true },
    ],
    returns: 'Done, On track, Behind or At risk, or one per row for ranges.',
    example: '=OKRSTATUS(0.3, 0.5) → "Behind" (0.3 / 0.5 = 0.6, between 0.4 and 0.7)',
  },
  function OKRSTATUS(progress: unknown, expected?: unknown, on_track?: unknown, behind?: unknown): Output {
    return guarded(NAME, () =>
      mapCells(NAME, [progress, expected, on_track, behind], ([p, e, o, b]) => statusFromCells(p, e, o, b)),
    );
  },
);

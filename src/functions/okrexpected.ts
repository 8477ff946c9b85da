import { expectedFromCells } from '../core/expected';
import { serialFromEpochMs } from '../core/values';
import { defineCustomFunction } from './define';
import { guarded, mapCells, type Output } from './shape';

const NAME = 'OKREXPECTED';

export const OKREXPECTED = defineCustomFunction(
  {
    summary:
      'Expected progress by a date: the share of the days from start date to end date that have passed, from 0 to 1.',
    params: [
      { name: 'start_date', description: 'First day of the period (a date, a date serial or text like 2027-01-01).' },
      { name: 'end_date', description: 'Last day of the period; must be after start_date.' },
      {
        name: 'as_of',
        description:
          'The day to measure at; blank means today. Sheets only recalculates when arguments change, so feed it a date cell such as =TODAY().',
        optional: true,
      },
    ],
    returns: 'A number from 0 to 1, or one per row for ranges.',
    example: '=OKREXPECTED(DATE(2027,1,1), DATE(2027,1,31), DATE(2027,1,16)) → 0.5',
  },
  function OKREXPECTED(start_date: unknown, end_date: unknown, as_of?: unknown): Output {
    return guarded(NAME, () => {
      // Read once so every row of one call agrees on "today".
      const today = serialFromEpochMs(Date.now());
      return mapCells(NAME, [start_date, end_date, as_of], ([s, e, a]) => expectedFromCells(s, e, a, today));
    });
  },
);

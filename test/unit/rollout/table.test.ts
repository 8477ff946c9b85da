import { describe, expect, it } from 'vitest';
import { mergeRolloutPlan } from '../../../src/core/rollout/merge';
import { buildRolloutPlan } from '../../../src/core/rollout/plan';
import { planRowCells, ROLLOUT_HEADERS, readPlanSheet } from '../../../src/core/rollout/table';

describe('ROLLOUT_HEADERS', () => {
  it('lists the spec columns then W1–W12', () => {
    expect(ROLLOUT_HEADERS.slice(0, 12)).toEqual([
      'Phase',
      'Month',
      'Week(s)',
      'Start',
      'End',
      'Activity',
      'Level',
      'Unit',
      'Owner',
      'Deliverable',
      'Done',
      'Notes',
    ]);
    expect(ROLLOUT_HEADERS.slice(12)).toEqual([
      'W1',
      'W2',
      'W3',
      'W4',
      'W5',
      'W6',
      'W7',
      'W8',
      'W9',
      'W10',
      'W11',
      'W12',
    ]);
  });
});

describe('planRowCells', () => {
  it('writes dates as Sheets serials, one cell per header', () => {
    const [row] = mergeRolloutPlan(
      buildRolloutPlan({ year: 2027, month: 1, day: 4 }, { departments: [], teams: [] }),
      [],
    ).rows;
    if (row?.kind !== 'plan') throw new Error('expected a plan row');
    const cells = planRowCells(row);
    expect(cells).toHaveLength(ROLLOUT_HEADERS.length);
    // 2027-01-04 is serial 46391; its row ends Friday 2027-01-15, 11 days later: 46402.
    expect(cells.slice(0, 12)).toEqual([
      'Planning and Development',
      1,
      '1–2',
      46391,
      46402,
      'Workshops with stakeholders at all levels to define the corporate strategic objectives',
      'Corporate',
      'Corporate',
      'PMO',
      'Approved corporate objectives',
      false,
      '',
    ]);
  });
});

describe('readPlanSheet', () => {
  it('finds columns by header below a title, in any order, and skips blank rows', () => {
    const rows = readPlanSheet([
      ['Rollout plan, 2027 Q1', '', ''],
      ['', '', '', ''],
      [' notes ', 'UNIT', 'Activity', 'Done', 'Key'],
      ['n1', 'Sales', 'Train', true, 'training-department:sales'],
      ['', '', '', false, ''],
      ['', '', 'Hand row', '', ''],
    ]);
    expect(rows).toEqual({
      ok: true,
      value: [
        {
          notes: 'n1',
          unit: 'Sales',
          activity: 'Train',
          done: true,
          key: 'training-department:sales',
          source: ['n1', 'Sales', 'Train', true, 'training-department:sales'],
        },
        { notes: '', unit: '', activity: 'Hand row', done: '', key: '', source: ['', '', 'Hand row', '', ''] },
      ],
    });
  });

  it('reads an empty sheet as no rows', () => {
    expect(readPlanSheet([])).toEqual({ ok: true, value: [] });
    expect(readPlanSheet([[''], ['']])).toEqual({ ok: true, value: [] });
  });

  it('refuses a sheet whose Activity or Unit header is gone, rather than lose its ticks', () => {
    expect(
      readPlanSheet([
        ['Phase', 'Unit'],
        ['x', 'Sales'],
      ]),
    ).toEqual({
      ok: false,
      error:
        'The Rollout Plan sheet has no header row with Activity and Unit columns: restore them or delete the sheet',
    });
  });
});

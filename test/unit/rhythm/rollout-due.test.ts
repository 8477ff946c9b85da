import { describe, expect, it } from 'vitest';
import { dueActivities } from '../../../src/core/rhythm/rollout-due';

const TODAY = 46454; // Monday 2027-03-08

const GRID = [
  ['OKR rollout plan', '', '', '', '', ''],
  ['Start', 'End', 'Activity', 'Unit', 'Owner', 'Done'],
  [TODAY - 7, TODAY - 3, 'Communicate', 'Corporate', 'PMO', false],
  [TODAY - 7, TODAY - 3, 'Done already', 'Corporate', 'PMO', true],
  [TODAY - 28, TODAY - 24, 'Workshops', 'Sales', 'Marcus', 'no'],
  [TODAY, TODAY + 11, 'Training', 'Sales', 'PMO', false],
  [TODAY + 7, TODAY + 11, 'Next week', 'Product', '', ''],
  [TODAY + 8, TODAY + 12, 'Later', 'Product', '', ''],
  [TODAY - 10, TODAY + 2, 'Running', 'Support', 'Omar', false],
  ['', '', '', '', '', ''],
];

describe('rollout activities due next', () => {
  it('lists what runs in the coming week, then what is overdue (latest first); never what is done', () => {
    expect(dueActivities(GRID, TODAY).map((a) => [a.activity, a.overdue])).toEqual([
      ['Running', false],
      ['Training', false],
      ['Next week', false],
      ['Communicate', true],
      ['Workshops', true],
    ]);
  });

  it('is empty without a plan or without its header row', () => {
    expect(dueActivities(undefined, TODAY)).toEqual([]);
    expect(dueActivities([['Notes'], ['anything']], TODAY)).toEqual([]);
  });
});

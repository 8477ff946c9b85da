import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../src/core/rollout/calendar';
import { currentPlanWeek, isOverdue } from '../../../src/core/rollout/week';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const start = d(2027, 1, 4); // Monday

describe('currentPlanWeek', () => {
  it('names the W column of today', () => {
    expect(currentPlanWeek(d(2027, 1, 3), start)).toBeUndefined(); // the day before
    expect(currentPlanWeek(d(2027, 1, 4), start)).toBe(1);
    expect(currentPlanWeek(d(2027, 1, 10), start)).toBe(1); // Sunday still belongs to week 1
    expect(currentPlanWeek(d(2027, 1, 11), start)).toBe(2);
    expect(currentPlanWeek(d(2027, 2, 1), start)).toBe(5); // month 2 week 1
    expect(currentPlanWeek(d(2027, 3, 22), start)).toBe(12); // month 3 week 4
    expect(currentPlanWeek(d(2027, 3, 28), start)).toBe(12); // its Sunday
    expect(currentPlanWeek(d(2027, 3, 29), start)).toBeUndefined(); // the plan is over
  });

  it('counts across a year end and a leap day', () => {
    expect(currentPlanWeek(d(2027, 1, 1), d(2026, 12, 7))).toBe(4); // 25 days in
    expect(currentPlanWeek(d(2028, 2, 29), d(2028, 2, 7))).toBe(4); // 22 days in
  });
});

describe('isOverdue', () => {
  it('is late only after the end day, and never when done', () => {
    const end = d(2027, 1, 15);
    expect(isOverdue(end, false, d(2027, 1, 15))).toBe(false);
    expect(isOverdue(end, false, d(2027, 1, 16))).toBe(true);
    expect(isOverdue(end, true, d(2027, 1, 16))).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  nextMonday,
  toDayNumber,
} from '../../../src/core/rollout/calendar';
import { mergeRolloutPlan } from '../../../src/core/rollout/merge';
import { buildRolloutPlan } from '../../../src/core/rollout/plan';
import { planRowCells, ROLLOUT_HEADERS, readPlanSheet } from '../../../src/core/rollout/table';
import type { Org } from '../../../src/core/rollout/units';

const anyDate = fc
  .integer({ min: toDayNumber({ year: 1900, month: 1, day: 1 }), max: toDayNumber({ year: 9000, month: 1, day: 1 }) })
  .map(fromDayNumber);
// The Monday after any date: every Monday is one.
const anyMonday = anyDate.map(nextMonday);

const name = fc.constantFrom('Sales', 'sales ', 'Ops', 'OPS', 'Finance', 'Brand', 'Platform', ' ', 'Field Sales');
const anyOrg: fc.Arbitrary<Org> = fc.record({
  departments: fc.array(name, { maxLength: 5 }),
  teams: fc.array(fc.record({ name, department: fc.option(name, { nil: undefined }) }), { maxLength: 6 }),
});

describe('rollout plan properties', () => {
  it('ends every row on a Friday no earlier than its start, within the 12 weeks of a Monday start', () => {
    fc.assert(
      fc.property(anyMonday, anyOrg, (start, org) => {
        for (const row of buildRolloutPlan(start, org)) {
          expect(dayOfWeek(row.end)).toBe(5);
          expect(compareDates(row.end, row.start)).toBeGreaterThanOrEqual(0);
          expect(compareDates(row.start, start)).toBeGreaterThanOrEqual(0);
          // The last Friday of a Monday plan is day 7·11 + 4 = 81.
          expect(daysBetween(start, row.end)).toBeLessThanOrEqual(81);
          expect(dayOfWeek(row.start)).toBe(1);
        }
      }),
    );
  });

  it('follows the week formula for any start day', () => {
    fc.assert(
      fc.property(anyDate, anyOrg, (start, org) => {
        for (const row of buildRolloutPlan(start, org)) {
          expect(row.start).toEqual(addDays(start, (row.startWeek - 1) * 7));
          const lastWeek = addDays(start, (row.endWeek - 1) * 7);
          const daysIn = daysBetween(lastWeek, row.end);
          expect(daysIn >= 0 && daysIn < 7 && dayOfWeek(row.end) === 5).toBe(true);
          expect(row.activeWeeks.map((on, i) => (on ? i + 1 : 0)).filter(Boolean)).toEqual(
            Array.from({ length: row.endWeek - row.startWeek + 1 }, (_, i) => row.startWeek + i),
          );
        }
      }),
    );
  });

  it('gives every row a unique key and keeps everything on regeneration', () => {
    fc.assert(
      fc.property(anyMonday, anyOrg, (start: CalendarDate, org) => {
        const fresh = buildRolloutPlan(start, org);
        expect(new Set(fresh.map((r) => r.key)).size).toBe(fresh.length);
        const written = mergeRolloutPlan(fresh, []).rows.map((r) => {
          if (r.kind !== 'plan') throw new Error('no custom rows expected');
          return planRowCells({ ...r, done: true, notes: `note ${r.key}` });
        });
        const read = readPlanSheet([[...ROLLOUT_HEADERS], ...written]);
        if (!read.ok) throw new Error(read.error);
        const merged = mergeRolloutPlan(fresh, read.value);
        expect(merged.added).toEqual([]);
        expect(merged.dropped).toEqual([]);
        for (const r of merged.rows) expect(r.kind === 'plan' && r.done && r.notes === `note ${r.key}`).toBe(true);
      }),
    );
  });
});

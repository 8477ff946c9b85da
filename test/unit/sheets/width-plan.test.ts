import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLUMN_WIDTH, widthPlan } from '../../../src/sheets/width-plan';

/** The widths a fresh sheet ends with after the plan's calls, in order. */
function apply(columns: number, plan: ReturnType<typeof widthPlan>): number[] {
  const widths = Array.from({ length: columns }, () => DEFAULT_COLUMN_WIDTH);
  for (const { first, count, width } of plan) for (let c = first; c < first + count; c++) widths[c - 1] = width;
  return widths;
}

describe('widthPlan', () => {
  it('sets nothing where the default width is wanted', () => {
    expect(widthPlan([100, 100, 100])).toEqual([]);
    expect(widthPlan([100, 300, 100])).toEqual([{ first: 2, count: 1, width: 300 }]);
  });

  it('paints a span and sets the odd ones over it when that is fewer calls', () => {
    const widths = [100, 90, 90, 380, 90, 90, 125, 90, 90];
    const plan = widthPlan(widths);
    expect(plan[0]).toEqual({ first: 2, count: 8, width: 90 });
    expect(plan).toHaveLength(3);
    expect(apply(widths.length, plan)).toEqual(widths);
  });

  it('always ends with the widths asked for, in no more calls than one per run', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(90, 100, 110, 160, 320), { maxLength: 20 }), (widths) => {
        const plan = widthPlan(widths);
        expect(apply(widths.length, plan)).toEqual(widths);
        const runs = widths.filter((w, i) => w !== DEFAULT_COLUMN_WIDTH && (i === 0 || widths[i - 1] !== w)).length;
        expect(plan.length).toBeLessThanOrEqual(runs);
      }),
    );
  });
});

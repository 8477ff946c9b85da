import { describe, expect, it } from 'vitest';
import * as index from '../../../src/functions/index';
import { KPIPROGRESS, OKREXPECTED, OKRROLLUP, OKRSCORE, OKRSTATUS } from '../../../src/functions/index';

const functions = { KPIPROGRESS, OKREXPECTED, OKRROLLUP, OKRSCORE, OKRSTATUS };

/** §3's argument names, in order. */
const SPEC: Record<string, string[]> = {
  OKRSCORE: ['start', 'target', 'current', 'type'],
  KPIPROGRESS: ['baseline', 'target', 'actual', 'direction'],
  OKRROLLUP: ['ids', 'parents', 'scores', 'weights', 'lookup_ids'],
  OKREXPECTED: ['start_date', 'end_date', 'as_of'],
  OKRSTATUS: ['progress', 'expected', 'on_track', 'behind'],
};

const OPTIONAL: Record<string, string[]> = {
  OKRSCORE: ['type'],
  KPIPROGRESS: ['direction'],
  OKRROLLUP: ['weights', 'lookup_ids'],
  OKREXPECTED: ['as_of'],
  OKRSTATUS: ['expected', 'on_track', 'behind'],
};

function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const match = /^function\s*\w*\s*\(([^)]*)\)/.exec(fn.toString());
  return (match?.[1] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

describe('custom function docs (§3)', () => {
  it('exports exactly the five functions', () => {
    expect(Object.keys(index).sort()).toEqual(Object.keys(SPEC).sort());
  });

  for (const [name, params] of Object.entries(SPEC)) {
    const fn = functions[name as keyof typeof functions];
    it(`${name}: documented and JS parameters are §3's, in order`, () => {
      const doc = fn.customFunctionDoc;
      expect(doc.params.map((p) => p.name)).toEqual(params);
      expect(parameterNames(fn)).toEqual(params);
      expect(doc.params.filter((p) => p.optional).map((p) => p.name)).toEqual(OPTIONAL[name]);
      expect(fn.name).toBe(name);
      for (const field of [doc.summary, doc.returns, doc.example, ...doc.params.map((p) => p.description)]) {
        expect(field.trim()).not.toBe('');
      }
      expect(doc.example.startsWith(`=${name}(`)).toBe(true);
    });
  }
});

describe('the worked examples in the docs hold', () => {
  it('OKRSCORE(200, 0, 100, "decrease") → 0.5', () => {
    expect(OKRSCORE(200, 0, 100, 'decrease')).toBe(0.5); // (100 − 200) / (0 − 200)
  });
  it('KPIPROGRESS(100, 200, 230) → 1.3', () => {
    expect(KPIPROGRESS(100, 200, 230)).toBe(1.3); // (230 − 100) / (200 − 100)
  });
  it('OKRROLLUP of O1 with KR1 0.5 (weight 1) and KR2 1 (weight 3) → 0.875', () => {
    const column = (...v: unknown[]) => v.map((x) => [x]);
    // O1 = (1·0.5 + 3·1) / 4
    expect(OKRROLLUP(column('O1', 'KR1', 'KR2'), column('', 'O1', 'O1'), column('', 0.5, 1), column(1, 1, 3))).toEqual(
      column(0.875, 0.5, 1),
    );
  });
  it('OKREXPECTED(2027-01-01, 2027-01-31, 2027-01-16) → 0.5', () => {
    expect(OKREXPECTED(46388, 46418, 46403)).toBe(0.5); // 15 of 30 days
  });
  it('OKRSTATUS(0.3, 0.5) → Behind', () => {
    expect(OKRSTATUS(0.3, 0.5)).toBe('Behind'); // 0.6 lies in [0.4, 0.7)
  });
});

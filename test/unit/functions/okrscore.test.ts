import { describe, expect, it } from 'vitest';
import { KPIPROGRESS, OKRSCORE } from '../../../src/functions/index';

describe('OKRSCORE (§3.1)', () => {
  it.each<[string, unknown[], number | string]>([
    ['decrease 200→0 at 100: (100−200)/(0−200)', [200, 0, 100, 'decrease'], 0.5],
    ['decrease 100→60 at 80: (80−100)/(60−100)', [100, 60, 80, 'decrease'], 0.5],
    ['over-achievement clamps: (230−100)/(200−100) = 1.3 → 1', [100, 200, 230], 1],
    ['under the start clamps: (50−100)/(200−100) = −0.5 → 0', [100, 200, 50], 0],
    ['text numbers: ("1,600"−"1,200")/("$2,000"−"1,200") = 400/800', ['1,200', '$2,000', '1,600'], 0.5],
    ['percent text: (15%−10%)/(20%−10%) = 0.05/0.1', ['10%', '20%', '15%'], 0.5],
    ['milestone 15%', ['', '', '15%', 'milestone'], 0.15],
    ['binary done', ['', '', '✓', 'binary'], 1],
    ['blank current scores 0', [0, 10, ''], 0],
    ['all blank is ""', ['', '', '', ''], ''],
    ['all blank with the type omitted is ""', ['', '', '', undefined], ''],
  ])('%s', (_, args, expected) => {
    const result = OKRSCORE(...(args as [unknown, unknown, unknown, unknown]));
    // Decimal fractions such as 0.15 − 0.1 are inexact in binary: numbers compare to 12 places.
    if (typeof expected === 'number') expect(result).toBeCloseTo(expected, 12);
    else expect(result).toBe(expected);
  });

  it('a single-value call with invalid input throws NAME: message', () => {
    expect(() => OKRSCORE(0, '', 5)).toThrow(new Error('OKRSCORE: missing target'));
    expect(() => OKRSCORE(5, 5, 5)).toThrow(
      new Error('OKRSCORE: target equals start: use stay above or stay below for a value to hold'),
    );
    expect(() => OKRSCORE(0, 10, 'lots')).toThrow(new Error('OKRSCORE: current is not a number: "lots"'));
  });

  it('a range call answers per row: numbers, "" for blank rows, text for bad rows', () => {
    const start = [[200], [''], [0], [100]];
    const target = [[0], [''], [''], [200]];
    const current = [[100], [''], [5], [150]];
    expect(OKRSCORE(start, target, current)).toEqual([
      [0.5], // (100−200)/(0−200)
      [''],
      ['OKRSCORE: missing target'],
      [0.5], // (150−100)/(200−100)
    ]);
  });

  it('single values broadcast over the ranges', () => {
    // stay above 90: 95 ≥ 90 → 1, 80 < 90 → 0; start is ignored
    expect(OKRSCORE('', 90, [[95], [80]], 'stay above')).toEqual([[1], [0]]);
  });

  it('2D ranges keep their shape', () => {
    // increase 0→10: 5 → 0.5, 10 → 1 / 2 → 0.2, 20 → 1 (clamped)
    expect(
      OKRSCORE(0, 10, [
        [5, 10],
        [2, 20],
      ]),
    ).toEqual([
      [0.5, 1],
      [0.2, 1],
    ]);
  });

  it('ranges of different sizes throw', () => {
    expect(() => OKRSCORE([[1], [2], [3]], [[1], [2], [3], [4]], 1)).toThrow(
      new Error('OKRSCORE: ranges must be the same size (3×1 vs 4×1)'),
    );
    expect(() => OKRSCORE([[1, 2]], [[1], [2]], 1)).toThrow(
      new Error('OKRSCORE: ranges must be the same size (1×2 vs 2×1)'),
    );
  });
});

describe('KPIPROGRESS (§3.2)', () => {
  it.each<[string, unknown[], number | string]>([
    ['over-achievement is not clamped: (230−100)/(200−100)', [100, 200, 230], 1.3],
    ['under the baseline is not clamped: (50−100)/(200−100)', [100, 200, 50], -0.5],
    ['decrease 200→0 at 100', [200, 0, 100, 'down'], 0.5],
    ['stay below met', [0, 5, 4, 'at most'], 1],
    ['binary not done', ['', '', 'todo', 'yes/no'], 0],
    ['blank actual is ""', [100, 200, ''], ''],
    ['blank actual on a binary is ""', ['', '', '', 'binary'], ''],
    ['a blank row is ""', ['', '', '', undefined], ''],
    // §3.2 "Blank actual returns """: no measurement yet, even before the metric is complete.
    ['blank actual with target equal to baseline is ""', [100, 100, ''], ''],
    ['blank actual without a baseline is ""', ['', 100, '', 'increase'], ''],
  ])('%s', (_, args, expected) => {
    expect(KPIPROGRESS(...(args as [unknown, unknown, unknown, unknown]))).toBe(expected);
  });

  it('errors carry its own name', () => {
    expect(() => KPIPROGRESS(100, 50, 70, 'increase')).toThrow(
      new Error('KPIPROGRESS: increase needs a target above the start (start 100, target 50)'),
    );
    expect(KPIPROGRESS([[1], [1]], [[2], [1]], [[3], [1]])).toEqual([
      [2], // (3−1)/(2−1)
      ['KPIPROGRESS: target equals start: use stay above or stay below for a value to hold'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { OKRSTATUS } from '../../../src/functions/index';

describe('OKRSTATUS (§3.5)', () => {
  it.each<[string, unknown[], string]>([
    ['progress 1 is Done', [1], 'Done'],
    ['no expected: 0.7 / 1 is On track', [0.7], 'On track'],
    ['no expected: 0.5 / 1 is Behind', [0.5], 'Behind'],
    ['no expected: 0.2 / 1 is At risk', [0.2], 'At risk'],
    ['0.3 / 0.5 = 0.6 is Behind', [0.3, 0.5], 'Behind'],
    ['expected 0 is On track', [0, 0], 'On track'],
    ['custom thresholds: 0.3 / 0.5 = 0.6 ≥ 0.6', [0.3, 0.5, 0.6, 0.3], 'On track'],
    ['blank progress is ""', ['', 0.5], ''],
  ])('%s', (_, args, expected) => {
    expect(OKRSTATUS(...(args as [unknown, unknown, unknown, unknown]))).toBe(expected);
  });

  it('expected outside [0, 1] and bad thresholds throw', () => {
    expect(() => OKRSTATUS(0.5, 1.5)).toThrow(new Error('OKRSTATUS: expected must be between 0 and 1 (not 1.5)'));
    expect(() => OKRSTATUS(0.5, 1, 0.3, 0.6)).toThrow(
      new Error('OKRSTATUS: behind threshold (0.6) must not be above the on-track threshold (0.3)'),
    );
  });

  it('ranges: labels, blanks and error texts side by side', () => {
    expect(OKRSTATUS([[1], [''], ['x'], [0.1]], 0.5)).toEqual([
      ['Done'],
      [''],
      ['OKRSTATUS: progress is not a number: "x"'],
      ['At risk'], // 0.1 / 0.5 = 0.2
    ]);
  });
});

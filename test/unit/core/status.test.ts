import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/core/result';
import { checkThresholds, statusFromCells, statusOf } from '../../../src/core/status';

describe('statusOf (§2.5)', () => {
  it.each<[string, number | null, number, string | null]>([
    ['blank progress is blank', null, 0.5, null],
    ['progress 1 is Done', 1, 0.2, 'Done'],
    ['progress 1.3 is Done', 1.3, 1, 'Done'],
    ['expected 0: On track (nothing was expected yet)', 0, 0, 'On track'],
    // r = progress / expected
    ['r = 0.35 / 0.5 = 0.7: On track (on the threshold)', 0.35, 0.5, 'On track'],
    ['r = 0.28 / 0.4 = 0.7: On track despite floating point', 0.28, 0.4, 'On track'],
    ['r = 0.3 / 0.5 = 0.6: Behind', 0.3, 0.5, 'Behind'],
    ['r = 0.2 / 0.5 = 0.4: Behind (on the threshold)', 0.2, 0.5, 'Behind'],
    ['r = 0.1 / 0.5 = 0.2: At risk', 0.1, 0.5, 'At risk'],
    ['r = 0.6 / 0.5 = 1.2: ahead of pace, On track', 0.6, 0.5, 'On track'],
    ['negative progress: At risk', -0.5, 0.5, 'At risk'],
    // expected 1 (the default): Google grading
    ['0.7 at the end: On track', 0.7, 1, 'On track'],
    ['0.5 at the end: Behind', 0.5, 1, 'Behind'],
    ['0.39 at the end: At risk', 0.39, 1, 'At risk'],
  ])('%s', (_, progress, expected, status) => {
    expect(statusOf(progress, expected)).toEqual(ok(status));
  });

  it('expected defaults to 1', () => {
    expect(statusOf(0.5)).toEqual(ok('Behind'));
  });

  it('custom thresholds', () => {
    // r = 0.5 / 1 = 0.5: at least the on-track 0.5
    expect(statusOf(0.5, 1, { onTrack: 0.5, behind: 0.2 })).toEqual(ok('On track'));
    expect(statusOf(0.1, 1, { onTrack: 0.5, behind: 0.2 })).toEqual(ok('At risk'));
  });

  it('expected must be in [0, 1]', () => {
    expect(statusOf(0.5, 1.2)).toEqual(err('expected must be between 0 and 1 (not 1.2)'));
    expect(statusOf(0.5, -0.1)).toEqual(err('expected must be between 0 and 1 (not -0.1)'));
  });

  it('thresholds: both in [0, 1], behind not above on-track', () => {
    expect(checkThresholds(0.7, 0.4)).toEqual(ok({ onTrack: 0.7, behind: 0.4 }));
    expect(checkThresholds(0.5, 0.5).ok).toBe(true);
    expect(checkThresholds(1.5, 0.4)).toEqual(err('on-track threshold must be between 0 and 1 (not 1.5)'));
    expect(checkThresholds(0.7, -0.1)).toEqual(err('behind threshold must be between 0 and 1 (not -0.1)'));
    expect(checkThresholds(0.4, 0.7)).toEqual(
      err('behind threshold (0.7) must not be above the on-track threshold (0.4)'),
    );
  });
});

describe('statusFromCells', () => {
  it('reads text numbers and defaults blanks', () => {
    // 30% / 50% = 0.6: Behind under 0.7 / 0.4
    expect(statusFromCells('30%', '50%', '', undefined)).toEqual(ok('Behind'));
    // blank expected is 1: 0.8 / 1 ≥ 0.7
    expect(statusFromCells(0.8, '', '', '')).toEqual(ok('On track'));
  });
  it('blank progress is blank whatever else is in the row', () => {
    expect(statusFromCells('', 'junk', 5, 'x')).toEqual(ok(null));
  });
  it('errors name the argument', () => {
    expect(statusFromCells('OKRSCORE: missing target', 1, '', '')).toEqual(
      err('progress is not a number: "OKRSCORE: missing target"'),
    );
    expect(statusFromCells(0.5, 'soon', '', '')).toEqual(err('expected is not a number: "soon"'));
    expect(statusFromCells(0.5, 1, 'high', '')).toEqual(err('on-track threshold is not a number: "high"'));
  });
});

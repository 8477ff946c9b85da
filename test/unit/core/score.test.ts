import { describe, expect, it } from 'vitest';
import { TARGET_EQUALS_START } from '../../../src/core/metric';
import { err, ok } from '../../../src/core/result';
import { clampScore, scoreKeyResult } from '../../../src/core/score';

const kr = (start: unknown, target: unknown, current: unknown, type: unknown = '') => ({
  start,
  target,
  current,
  type,
});

describe('scoreKeyResult (§2.3)', () => {
  it.each<[string, ReturnType<typeof kr>, number | null]>([
    ['decrease 200→0 at 100: (100−200)/(0−200) = 0.5', kr(200, 0, 100, 'decrease'), 0.5],
    ['decrease 100→60 at 80: (80−100)/(60−100) = 0.5', kr(100, 60, 80, 'decrease'), 0.5],
    ['over-achievement 100→200 at 230: p = 1.3 clamps to 1', kr(100, 200, 230), 1],
    ['under start 100→200 at 50: p = −0.5 clamps to 0', kr(100, 200, 50), 0],
    ['blank current with a complete metric scores 0', kr(0, 10, ''), 0],
    ['blank current on a binary scores 0', kr('', '', '', 'binary'), 0],
    ['blank current on a milestone scores 0', kr('', '', '', 'milestone'), 0],
    ['stay above met: 1', kr('', 95, 97, 'stay above'), 1],
    ['milestone 45%: 0.45', kr('', '', '45%', 'milestone'), 0.45],
    ['all blank: no own score', kr('', '', '', ''), null],
    ['all blank with undefined type: no own score', kr('', null, undefined, undefined), null],
  ])('%s', (_, cells, expected) => {
    expect(scoreKeyResult(cells)).toEqual(ok(expected));
  });

  it.each<[string, ReturnType<typeof kr>, string]>([
    ['missing target', kr(0, '', 5), 'missing target'],
    ['missing start', kr('', 10, 5, 'increase'), 'missing start'],
    ['missing target, current blank', kr(0, '', ''), 'missing target'],
    ['target equals start', kr(5, 5, 5), TARGET_EQUALS_START],
    ['a type alone is not a complete increase', kr('', '', '', 'increase'), 'missing start'],
  ])('%s is an error', (_, cells, message) => {
    expect(scoreKeyResult(cells)).toEqual(err(message));
  });

  it('clampScore', () => {
    expect(clampScore(-2)).toBe(0);
    expect(clampScore(0.3)).toBe(0.3);
    expect(clampScore(7)).toBe(1);
  });
});

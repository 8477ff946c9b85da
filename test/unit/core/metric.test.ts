import { describe, expect, it } from 'vitest';
import {
  METRIC_ALIASES,
  METRIC_TYPES,
  type MetricCells,
  parseMetricType,
  progress,
  readMetric,
  TARGET_EQUALS_START,
} from '../../../src/core/metric';
import { err, ok } from '../../../src/core/result';

const row = (start: unknown, target: unknown, current: unknown, type: unknown = ''): MetricCells => ({
  start,
  target,
  current,
  type,
});

describe('parseMetricType (§2.1 aliases)', () => {
  const table: [string, string[]][] = [
    ['increase', ['increase', 'increase to', 'up', 'higher']],
    ['decrease', ['decrease', 'decrease to', 'down', 'lower', 'reduce']],
    ['stay above', ['stay above', 'maintain above', 'at least', 'above', '>=']],
    ['stay below', ['stay below', 'maintain below', 'at most', 'below', '<=']],
    ['binary', ['binary', 'yes/no', 'done', 'boolean', 'achieved']],
    ['milestone', ['milestone', '% complete', 'percent', 'percentage']],
  ];
  for (const [type, names] of table) {
    it.each(names)(`%j is ${type}, trimmed and in any case`, (name) => {
      expect(parseMetricType(name)).toEqual(ok(type));
      expect(parseMetricType(`  ${name.toUpperCase()} `)).toEqual(ok(type));
    });
  }
  it('the exported alias table is the spec’s', () => {
    expect(METRIC_TYPES).toHaveLength(6);
    expect(Object.values(METRIC_ALIASES).flat()).toHaveLength(22);
  });
  it('collapses inner spaces', () => {
    expect(parseMetricType('stay   above')).toEqual(ok('stay above'));
  });
  it('blank is null; anything else is an error', () => {
    expect(parseMetricType('')).toEqual(ok(null));
    expect(parseMetricType(undefined)).toEqual(ok(null));
    expect(parseMetricType('sideways')).toEqual(
      err('unknown metric type "sideways" (use increase, decrease, stay above, stay below, binary or milestone)'),
    );
    expect(parseMetricType(3).ok).toBe(false);
  });
});

describe('raw progress p (§2.1)', () => {
  it.each<[string, MetricCells, number | null]>([
    // increase: (current − start) / (target − start)
    ['increase 0→100 at 40: 40/100', row(0, 100, 40, 'increase'), 0.4],
    ['increase 100→200 at 230: 130/100, not clamped', row(100, 200, 230, 'up'), 1.3],
    ['increase 100→200 at 50: −50/100, not clamped', row(100, 200, 50, 'higher'), -0.5],
    // decrease: same formula, target below start
    ['decrease 200→0 at 100: (100−200)/(0−200) = 0.5', row(200, 0, 100, 'decrease'), 0.5],
    ['decrease 100→60 at 80: (80−100)/(60−100) = 0.5', row(100, 60, 80, 'reduce'), 0.5],
    ['decrease 100→60 at 50: (50−100)/(60−100) = 1.25', row(100, 60, 50, 'down'), 1.25],
    // blank type: direction from start and target
    ['blank type, 10→20 at 15: increase, 5/10', row(10, 20, 15), 0.5],
    ['blank type, 20→10 at 12: decrease, (12−20)/(10−20) = 0.8', row(20, 10, 12), 0.8],
    // stay above / below: 1 or 0, start ignored
    ['stay above 95 at 95: 1', row('', 95, 95, 'stay above'), 1],
    ['stay above 95 at 94.9: 0', row('', 95, 94.9, 'at least'), 0],
    ['stay below 5 at 5: 1', row('junk', 5, 5, 'stay below'), 1],
    ['stay below 5 at 6: 0', row(0, 5, 6, '<='), 0],
    // binary: done words; start and target ignored
    ['binary yes: 1', row('', '', 'yes', 'binary'), 1],
    ['binary TRUE: 1', row('', '', true, 'yes/no'), 1],
    ['binary pending: 0', row('x', 'y', 'pending', 'done'), 0],
    // milestone: current is the fraction
    ['milestone 45% (text): 0.45', row('', '', '45%', 'milestone'), 0.45],
    ['milestone 0.45: 0.45', row('', '', 0.45, '% complete'), 0.45],
    ['milestone 0: 0', row('', '', 0, 'percent'), 0],
    ['milestone 1: 1', row('', '', 1, 'percentage'), 1],
    // text numbers
    ['increase "$1,200"→"$2,000" at "1,600": 400/800', row('$1,200', '$2,000', '1,600'), 0.5],
    // differences beyond the largest number: (0 − −1e308) / (1e308 − −1e308) = 1e308 / 2e308
    ['increase −1e308→1e308 at 0: 0.5', row(-1e308, 1e308, 0, 'increase'), 0.5],
    // blank current: nothing measured yet
    ['increase with blank current', row(0, 100, ''), null],
    ['binary with blank current', row('', '', '', 'binary'), null],
    ['a wholly blank row', row('', '', '', ''), null],
  ])('%s', (_, cells, expected) => {
    expect(progress(cells)).toEqual(ok(expected));
  });

  it.each<[string, MetricCells, string]>([
    ['blank type, target equals start', row(50, 50, 10), TARGET_EQUALS_START],
    ['increase, target equals start', row(50, 50, 10, 'increase'), TARGET_EQUALS_START],
    [
      'increase contradicted by a lower target',
      row(100, 50, 70, 'increase'),
      'increase needs a target above the start (start 100, target 50)',
    ],
    [
      'decrease contradicted by a higher target',
      row(50, 100, 70, 'decrease'),
      'decrease needs a target below the start (start 50, target 100)',
    ],
    ['increase without start', row('', 100, 50, 'increase'), 'missing start'],
    ['decrease without target', row(100, '', 50, 'decrease'), 'missing target'],
    ['blank type without target', row(100, '', 50), 'missing target'],
    ['blank type without start', row('', 100, 50), 'missing start'],
    ['stay above without target', row(1, '', 50, 'stay above'), 'missing target'],
    ['text start', row('lots', 100, 50), 'start is not a number: "lots"'],
    ['text current', row(0, 100, 'half'), 'current is not a number: "half"'],
    [
      'milestone 45 (a plain number)',
      row('', '', 45, 'milestone'),
      'milestone current must be a fraction from 0 to 1, like 45% or 0.45 (not 45)',
    ],
    [
      'milestone below 0',
      row('', '', -0.1, 'milestone'),
      'milestone current must be a fraction from 0 to 1, like 45% or 0.45 (not -0.1)',
    ],
    [
      'binary with an unknown word',
      row('', '', 'maybe', 'binary'),
      'current must be done or not done (yes/no, done/todo, TRUE/FALSE, 1/0, ✓), not "maybe"',
    ],
    [
      'unknown type',
      row(0, 1, 1, 'more'),
      'unknown metric type "more" (use increase, decrease, stay above, stay below, binary or milestone)',
    ],
    [
      'a quotient beyond any number',
      row(0, 5e-324, 1e308, 'increase'),
      'start, target and current are too far apart to compute a progress',
    ],
  ])('%s is an error', (_, cells, message) => {
    expect(progress(cells)).toEqual(err(message));
  });
});

describe('progress with a blank current (§3.2: no measurement yet)', () => {
  it('is blank whatever the rest of the row holds; OKRSCORE and Validate report a half-filled metric', () => {
    expect(progress(row('', 100, ''))).toEqual(ok(null));
    expect(progress(row(100, 100, '  '))).toEqual(ok(null));
    expect(progress(row('', 100, '', 'increase'))).toEqual(ok(null));
  });
});

describe('readMetric', () => {
  it('infers the direction of a blank type', () => {
    expect(readMetric(10, 20, '')).toEqual(ok({ type: 'increase', start: 10, target: 20 }));
    expect(readMetric(20, 10, undefined)).toEqual(ok({ type: 'decrease', start: 20, target: 10 }));
  });
  it('does not read start for stay above', () => {
    expect(readMetric('junk', 5, 'above')).toEqual(ok({ type: 'stay above', target: 5 }));
  });
});

describe('metric messages in the row’s unit', () => {
  it('show numbers as the cells do, and as typed where the unit would round them away', () => {
    const wrong = (start: number, target: number, uom?: string) => {
      const read = readMetric(start, target, 'increase', uom);
      return read.ok ? '' : read.error;
    };
    expect(wrong(0.03, 0.015, '%')).toBe('increase needs a target above the start (start 3%, target 1.5%)');
    expect(wrong(8e6, 7e6, '$')).toBe('increase needs a target above the start (start $8,000,000, target $7,000,000)');
    expect(wrong(0.004, 0.001, 'hours')).toBe('increase needs a target above the start (start 0.004, target 0.001)');
    expect(wrong(0.004, 0.001, '')).toBe('increase needs a target above the start (start 0.004, target 0.001)');
    expect(wrong(0.004, 0.001)).toBe('increase needs a target above the start (start 0.004, target 0.001)');
  });
});

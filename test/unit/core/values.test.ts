import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/core/result';
import {
  isBlank,
  isDate,
  parseNumericText,
  readDate,
  readDone,
  readNumber,
  serialFromEpochMs,
} from '../../../src/core/values';
import { foreignDate } from './realm';

describe('isBlank (§2.2 empty cells)', () => {
  it.each([[''], [null], [undefined], ['   '], ['\t\n']])('%j is blank', (value) => {
    expect(isBlank(value)).toBe(true);
  });
  it.each([[0], [false], ['0'], ['x'], [Number.NaN]])('%j is not blank', (value) => {
    expect(isBlank(value)).toBe(false);
  });
});

describe('readNumber (§2.2)', () => {
  it.each<[unknown, number | null]>([
    [42, 42],
    [-0.5, -0.5],
    [true, 1], // TRUE is 1
    [false, 0], // FALSE is 0
    ['', null],
    [null, null],
    [undefined, null],
    ['  ', null],
    ['12', 12],
    ['  12  ', 12], // trimmed
    ['-3', -3],
    ['+3', 3],
    ['−3', -3], // typographic minus
    ['1,200', 1200], // thousands separator
    ['1,234,567.5', 1234567.5],
    ['$2,000', 2000], // currency and separator
    ['€5', 5],
    ['£7.25', 7.25],
    ['¥300', 300],
    ['-$5', -5],
    ['$-5', -5],
    ['15%', 0.15], // 15 / 100
    ['-20%', -0.2], // −20 / 100
    ['12.5%', 0.125], // 12.5 / 100
    ['.5', 0.5],
    ['3.', 3],
    // Magnitude suffixes (§2.2): the sample's own titles write "$8.0M".
    ['$9.4M', 9_400_000],
    ['9.4m', 9_400_000],
    ['12k', 12_000],
    ['1.5K', 1_500],
    ['$2B', 2_000_000_000],
    ['1.1bn', 1_100_000_000],
    ['2 BN', 2_000_000_000],
    ['-€1.2k', -1_200],
    ['1,200k', 1_200_000],
    ['0.07M', 70_000],
  ])('%j reads as %j', (value, expected) => {
    expect(readNumber(value)).toEqual(ok(expected));
  });

  it.each([
    ['abc'],
    ['1,2'],
    ['1,2345'],
    ['12abc'],
    ['--3'],
    ['-$-3'],
    ['1e3'],
    ['%'],
    ['$'],
    ['1 200'],
    ['M'],
    ['5kk'],
    ['5M%'],
    ['5%k'],
    ['5 million'],
    ['5mb'],
  ])('text %j is an error quoting the text', (text) => {
    expect(readNumber(text, 'current')).toEqual(err(`current is not a number: "${text}"`));
  });

  it('NaN and infinities are errors', () => {
    expect(readNumber(Number.NaN, 'start')).toEqual(err('start is not a finite number: NaN'));
    expect(readNumber(Number.POSITIVE_INFINITY, 'start')).toEqual(err('start is not a finite number: Infinity'));
    expect(readNumber(Number.NEGATIVE_INFINITY, 'start')).toEqual(err('start is not a finite number: -Infinity'));
  });

  it('a date is not a number, nor is an object', () => {
    expect(readNumber(foreignDate('2027-01-01'), 'target')).toEqual(err('target is a date, not a number'));
    expect(readNumber(Object.create(null), 'target').ok).toBe(false);
  });

  it('numeric text too large for a number is an error', () => {
    expect(parseNumericText('9'.repeat(400))).toBeUndefined();
  });

  it('long text is shortened in the message', () => {
    const result = readNumber('x'.repeat(100));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(80);
  });
});

describe('readDone (§2.2 binary)', () => {
  const done = ['yes', 'y', 'done', 'true', 'x', '✓', '✔', 'complete', 'completed', 'achieved'];
  const notDone = ['no', 'n', 'false', 'not done', 'todo', 'open', 'pending'];

  it.each(done)('%j is done, in any case and with spaces', (word) => {
    expect(readDone(word)).toEqual(ok(true));
    expect(readDone(` ${word.toUpperCase()} `)).toEqual(ok(true));
  });
  it.each(notDone)('%j is not done, in any case and with spaces', (word) => {
    expect(readDone(word)).toEqual(ok(false));
    expect(readDone(` ${word.toUpperCase()} `)).toEqual(ok(false));
  });
  it('TRUE and 1 are done; FALSE, 0 and blank are not', () => {
    expect(readDone(true)).toEqual(ok(true));
    expect(readDone(1)).toEqual(ok(true));
    expect(readDone(false)).toEqual(ok(false));
    expect(readDone(0)).toEqual(ok(false));
    expect(readDone('')).toEqual(ok(false));
    expect(readDone(null)).toEqual(ok(false));
    expect(readDone(undefined)).toEqual(ok(false));
  });
  it('the emoji form of ✔ is the same mark', () => {
    expect(readDone('✔\uFE0F')).toEqual(ok(true));
  });
  it.each([['maybe'], [0.5], [2], ['half']])('%j is an error', (value) => {
    expect(readDone(value).ok).toBe(false);
  });
});

describe('readDate (§2.2 dates)', () => {
  it('recognizes a Date from another realm', () => {
    const date = foreignDate('2027-01-15T00:00:00Z');
    expect(date instanceof Date).toBe(false);
    expect(isDate(date)).toBe(true);
    // 2027-01-15 is serial 46402: 1970-01-01 is 25569 and 2027-01-15 is 20833 days later.
    expect(readDate(date)).toEqual(ok(46402));
  });

  it('a Date becomes the serial of its UTC instant (midnight in New York is 5 hours in)', () => {
    // 2027-01-15 00:00 EST = 05:00 UTC → 46402 + 5/24
    const result = readDate(foreignDate('2027-01-15T05:00:00Z'));
    expect(result.ok && result.value).toBeCloseTo(46402 + 5 / 24, 9);
  });

  it('numbers are serials, ISO text is that calendar day', () => {
    expect(readDate(46402)).toEqual(ok(46402));
    expect(readDate(0)).toEqual(ok(0)); // 1899-12-30
    expect(readDate(' 2027-01-15 ')).toEqual(ok(46402));
    expect(readDate('1899-12-30')).toEqual(ok(0));
    expect(readDate('2028-02-29')).toEqual(ok(46812)); // leap day: 46402 + 365 − 14 + 59 = 46812
  });

  it('blank is null', () => {
    expect(readDate('')).toEqual(ok(null));
    expect(readDate(undefined)).toEqual(ok(null));
  });

  it.each([['2027-02-30'], ['2027-13-01'], ['15/01/2027'], ['tomorrow'], [true], [Number.NaN]])(
    '%j is an error',
    (v) => {
      expect(readDate(v, 'start date').ok).toBe(false);
    },
  );

  it('an invalid Date and dates past year 9999 are errors', () => {
    expect(readDate(foreignDate('nonsense'))).toEqual(err('date is not a valid date'));
    expect(readDate(3_000_000).ok).toBe(false);
  });

  it('serialFromEpochMs: the Unix epoch is serial 25569', () => {
    expect(serialFromEpochMs(0)).toBe(25569);
    expect(serialFromEpochMs(86_400_000 / 2)).toBe(25569.5);
  });
});

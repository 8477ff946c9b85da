import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/core/workbook/findings';
import { defaultSettingsRows, parseSettings } from '../../../src/core/workbook/settings';
import { day } from './helpers';

const AS_OF = day(2027, 5, 20); // in 2027 Q2: 2027-04-01 → 2027-06-30

describe('parseSettings', () => {
  it('defaults everything, the cycle to the quarter of as-of, when the tab is missing or empty', () => {
    for (const grid of [undefined, [], [['Setting', 'Value']]]) {
      const parsed = parseSettings(grid, AS_OF);
      expect(parsed.problems).toEqual([]);
      expect(parsed.settings).toEqual({
        company: '',
        cycleName: '2027 Q2',
        cycleStart: day(2027, 4, 1),
        cycleEnd: day(2027, 6, 30),
        thresholds: { onTrack: 0.7, behind: 0.4 },
      });
    }
    expect(parseSettings(undefined, day(2027, 12, 31)).settings.cycleEnd).toBe(day(2027, 12, 31));
    expect(parseSettings(undefined, day(2027, 12, 31)).settings.cycleName).toBe('2027 Q4');
  });

  it('matches keys trimmed and case-insensitive, anywhere in column A, ignoring other rows', () => {
    const parsed = parseSettings(
      [
        ['Setting', 'Value'],
        ['  COMPANY ', 'Northwind'],
        ['my own note', 'kept as is'],
        ['cycle name', '2027 H1'],
        ['Cycle Start', '2027-01-04'],
        ['cycle end', new Date(Date.UTC(2027, 5, 27))],
        ['on-track threshold', '75%'],
        ['Behind threshold', 0.5],
      ],
      AS_OF,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.defaulted).toEqual([]);
    expect(parsed.settings).toEqual({
      company: 'Northwind',
      cycleName: '2027 H1',
      cycleStart: day(2027, 1, 4),
      cycleEnd: day(2027, 6, 27),
      thresholds: { onTrack: 0.75, behind: 0.5 },
    });
  });

  it('puts a lone cycle date a quarter away from the other', () => {
    // 2027-02-15 + 3 months = 2027-05-15, minus one day.
    expect(parseSettings([['Cycle start', day(2027, 2, 15)]], AS_OF).settings.cycleEnd).toBe(day(2027, 5, 14));
    // Inverse: the day after 2027-03-31 is 04-01, minus 3 months is 01-01.
    expect(parseSettings([['Cycle end', day(2027, 3, 31)]], AS_OF).settings.cycleStart).toBe(day(2027, 1, 1));
    // The name follows the cycle, not as-of.
    expect(parseSettings([['Cycle start', day(2027, 2, 15)]], AS_OF).settings.cycleName).toBe('2027 Q1');
  });

  it('names the key of a bad value and takes the default', () => {
    const parsed = parseSettings(
      [
        ['Cycle start', 'next monday'],
        ['On-track threshold', 'high'],
        ['Behind threshold', 1.5],
      ],
      AS_OF,
    );
    expect(parsed.problems.map(formatFinding)).toEqual([
      'Settings!B1 (Cycle start): Cycle start is not a date: "next monday" (use a date, or text like 2027-01-15); the default is used',
      'Settings!B2 (On-track threshold): On-track threshold is not a number: "high"; the default is used',
      'Settings!B3 (Behind threshold): Behind threshold must be a share from 0 to 1, like 0.7 or 70% (not 1.5); the default is used',
    ]);
    expect(parsed.settings.thresholds).toEqual({ onTrack: 0.7, behind: 0.4 });
    expect(parsed.settings.cycleStart).toBe(day(2027, 4, 1));
    expect(parsed.defaulted).toEqual(['company', 'cycleName', 'cycleStart', 'cycleEnd', 'onTrack', 'behind']);
  });

  it('refuses a cycle end on or before its start, and a behind threshold above on-track', () => {
    const parsed = parseSettings(
      [
        ['Cycle start', day(2027, 3, 1)],
        ['Cycle end', day(2027, 3, 1)],
        ['On-track threshold', 0.5],
        ['Behind threshold', 0.6],
      ],
      AS_OF,
    );
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'Cycle end must be after Cycle start; the default quarter is used',
      'behind threshold (0.6) must not be above the on-track threshold (0.5); the defaults are used',
    ]);
    expect(parsed.settings.cycleStart).toBe(day(2027, 4, 1));
    expect(parsed.settings.thresholds).toEqual({ onTrack: 0.7, behind: 0.4 });
  });

  it('reports a key set twice and uses the first', () => {
    const parsed = parseSettings(
      [
        ['Company', 'A'],
        ['company', 'B'],
      ],
      AS_OF,
    );
    expect(parsed.settings.company).toBe('A');
    expect(parsed.problems.map(formatFinding)).toEqual([
      'Settings!A2 (Setting): "company" is set again (row 1 is used): remove one',
    ]);
  });
});

describe('defaultSettingsRows', () => {
  it('writes every key with its default, and reads back without problems', () => {
    const rows = defaultSettingsRows(AS_OF, 'Northwind');
    expect(rows).toEqual([
      ['Setting', 'Value'],
      ['Company', 'Northwind'],
      ['Cycle name', '2027 Q2'],
      ['Cycle start', day(2027, 4, 1)],
      ['Cycle end', day(2027, 6, 30)],
      ['On-track threshold', 0.7],
      ['Behind threshold', 0.4],
    ]);
    const parsed = parseSettings(rows, AS_OF);
    expect(parsed.problems).toEqual([]);
    expect(parsed.defaulted).toEqual([]);
  });
});

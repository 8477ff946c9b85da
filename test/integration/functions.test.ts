/**
 * The five custom functions called BY NAME in the built bundle, with arguments
 * shaped exactly as Sheets passes them: scalars, 2D arrays, `""` for empty
 * cells, undefined for omitted optionals, and Dates of the script's own realm.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';

let rt: AddonRuntime;
beforeAll(() => {
  rt = loadAddon({ timeZone: 'America/Los_Angeles' });
});

/** A Date made inside the bundle's vm realm, as Apps Script makes it. */
const scriptDate = (y: number, m: number, d: number) => rt.evaluate<Date>(`new Date(${y}, ${m - 1}, ${d})`);

describe('OKRSCORE', () => {
  it('scores increase, decrease and clamps over-achievement', () => {
    // (100 − 200) / (0 − 200) = 0.5
    expect(rt.call('OKRSCORE', 200, 0, 100, 'decrease')).toBe(0.5);
    // (80 − 100) / (60 − 100) = 0.5, metric type inferred from target < start
    expect(rt.call('OKRSCORE', 100, 60, 80, '')).toBe(0.5);
    // (150 − 0) / (100 − 0) = 1.5 → clamped to 1
    expect(rt.call('OKRSCORE', 0, 100, 150, 'increase')).toBe(1);
  });

  it('reads numeric text as SPEC §2.2 allows', () => {
    // ($2,000 − 1,200) / (2,000... : (1,600 − 1,200) / (2,000 − 1,200) = 0.5
    expect(rt.call('OKRSCORE', '1,200', '$2,000', '1,600', 'up')).toBe(0.5);
    // milestone 15% → 0.15
    expect(rt.call('OKRSCORE', '', '', '15%', 'milestone')).toBeCloseTo(0.15, 12);
  });

  it('works over ranges: a bad row returns its message, a blank row ""', () => {
    const result = rt.call(
      'OKRSCORE',
      [[0], [''], [10], [5]],
      [[10], [''], [''], [5]],
      [[5], [''], [3], [5]],
      [['increase'], [''], ['increase'], ['']],
    );
    expect(result).toEqual([
      [0.5],
      [''],
      ['OKRSCORE: missing target'],
      [expect.stringMatching(/^OKRSCORE: target equals start/)],
    ]);
  });

  it('throws an error starting with its name for a bad single value and for mismatched ranges', () => {
    expect(() => rt.call('OKRSCORE', 0, 100, 'lots', 'increase')).toThrow(/^OKRSCORE: .*"lots"/);
    expect(() => rt.call('OKRSCORE', [[0], [0], [0]], [[1], [1], [1], [1]], 1, '')).toThrow(
      'OKRSCORE: ranges must be the same size (3×1 vs 4×1)',
    );
  });
});

describe('KPIPROGRESS', () => {
  it('returns raw, unclamped progress and "" for a blank actual', () => {
    // (130 − 0) / (100 − 0) = 1.3
    expect(rt.call('KPIPROGRESS', 0, 100, 130, 'increase')).toBeCloseTo(1.3, 12);
    // (120 − 100) / (60 − 100) = −0.5
    expect(rt.call('KPIPROGRESS', 100, 60, 120, 'decrease')).toBeCloseTo(-0.5, 12);
    expect(rt.call('KPIPROGRESS', 0, 100, '', 'increase')).toBe('');
  });
});

describe('OKRROLLUP', () => {
  it('rolls weighted scores up a tree matched trimmed and case-insensitively', () => {
    const ids = [['O1'], ['KR1'], ['KR2'], ['D1']];
    const parents = [[''], ['o1 '], ['O1'], ['kr2']];
    const scores = [[''], [0.2], [''], [0.8]];
    const weights = [[''], [1], [3], ['']];
    // D1 = 0.8; KR2 has no own score → D1's 0.8; O1 = (1·0.2 + 3·0.8) / 4 = 0.65
    const result = rt.call('OKRROLLUP', ids, parents, scores, weights, undefined as never) as unknown[][];
    expect(result[0]?.[0]).toBeCloseTo(0.65, 12);
    expect(result.slice(1)).toEqual([[0.2], [0.8], [0.8]]);
  });

  it('answers for lookup_ids, with "" for a blank cell and an error text for an unknown ID', () => {
    const result = rt.call('OKRROLLUP', [['A'], ['B']], [[''], ['A']], [[''], [0.4]], '', [['a'], [''], ['Z']]);
    expect(result).toEqual([[0.4], [''], [expect.stringMatching(/^OKRROLLUP: .*Z/)]]);
  });
});

describe('OKREXPECTED', () => {
  it('takes Dates from the script realm and Sheets date serials', () => {
    // 2027-01-01 → 2027-01-31 is 30 days; as of 2027-01-16 is 15 days in: 0.5
    expect(
      rt.call('OKREXPECTED', scriptDate(2027, 1, 1), scriptDate(2027, 1, 31), scriptDate(2027, 1, 16)),
    ).toBeCloseTo(0.5, 12);
    // Serials: 2027-01-01 is 46388 (days since 1899-12-30); +30 and +15 days.
    expect(rt.call('OKREXPECTED', 46388, 46418, 46403)).toBeCloseTo(0.5, 12);
    expect(rt.call('OKREXPECTED', '2027-01-01', '2027-01-31', '2027-03-01')).toBe(1);
  });

  it('refuses an end date on or before the start date', () => {
    expect(() => rt.call('OKREXPECTED', scriptDate(2027, 2, 1), scriptDate(2027, 1, 1), undefined as never)).toThrow(
      /^OKREXPECTED: /,
    );
  });
});

describe('OKRSTATUS', () => {
  it('grades progress against expected with the default thresholds', () => {
    expect(rt.call('OKRSTATUS', 1, undefined as never, undefined as never, undefined as never)).toBe('Done');
    // r = 0.35 / 0.5 = 0.7 → On track; 0.2 / 0.5 = 0.4 → Behind; 0.1 / 0.5 = 0.2 → At risk
    expect(rt.call('OKRSTATUS', [[0.35], [0.2], [0.1], ['']], 0.5, '', '')).toEqual([
      ['On track'],
      ['Behind'],
      ['At risk'],
      [''],
    ]);
    expect(rt.call('OKRSTATUS', 0.3, 0, '', '')).toBe('On track');
  });
});

describe('live formulas in the emulated sheet', () => {
  it('evaluates the custom functions where a user types them', () => {
    const sheet = rt.emulator.spreadsheet.insertSheet('Scores');
    sheet.getRange('A1:D3').setValues([
      [200, 0, 100, 'decrease'],
      [0, 10, 4, 'increase'],
      [0, 10, '', 'increase'],
    ]);
    sheet.getRange('E1').setFormula('=OKRSCORE(A1:A3, B1:B3, C1:C3, D1:D3)');
    expect(sheet.getRange('E1:E3').getValues()).toEqual([[0.5], [0.4], [0]]);
    sheet.getRange('C2').setValue(8);
    expect(sheet.getRange('E2').getValue()).toBe(0.8);
  });
});

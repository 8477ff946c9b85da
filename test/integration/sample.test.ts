/**
 * Insert sample OKRs (§4.1) as a new user meets it: one spelling for each drop-down
 * value, every key result with a metric checked in, a History of the weeks so far, and
 * no stray empty Sheet1 in front of the OKR tabs.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { METRIC_TYPES } from '../../src/core/metric';

const NOW = new Date('2027-02-15T12:00:00Z');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function table(rt: AddonRuntime, tab: string): Record<string, unknown>[] {
  const values = (rt.emulator.spreadsheet.getSheetByName(tab) as Sheet).getDataRange().getValues();
  const header = (values[0] ?? []).map(String);
  return values.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
}

describe('Insert sample OKRs', () => {
  const rt = loadAddon({ now: () => NOW });
  rt.call('insertSampleOkrs');
  const okrRows = ['Corporate OKRs', 'Department OKRs', 'Team OKRs'].flatMap((tab) => table(rt, tab));

  it('leaves no empty Sheet1 first: the OKR tabs lead, and the user lands on Corporate OKRs', () => {
    const names = rt.emulator.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).not.toContain('Sheet1');
    expect(names[0]).toBe('Corporate OKRs');
    expect(rt.emulator.spreadsheet.getActiveSheet().getName()).toBe('Corporate OKRs');
  });

  it('spells every drop-down value exactly as its drop-down offers it', () => {
    expect(new Set(okrRows.map((r) => r.Type))).toEqual(new Set(['Objective', 'Key Result']));
    const metricTypes = new Set(okrRows.map((r) => r['Metric type']).filter((t) => t !== ''));
    for (const type of metricTypes) expect(METRIC_TYPES).toContain(type);
    for (const kpi of table(rt, 'KPIs')) expect(METRIC_TYPES).toContain(kpi.Direction);
  });

  it('checks in every key result with a metric of its own: Current, Confidence and a history', () => {
    const checkIns = table(rt, 'Check-ins');
    const measured = okrRows.filter((r) => r.Type === 'Key Result' && r['Metric type'] !== '');
    expect(measured).toHaveLength(19);
    for (const kr of measured) {
      expect(kr.Current, String(kr.ID)).not.toBe('');
      expect(kr.Confidence, String(kr.ID)).not.toBe('');
      const own = checkIns.filter((c) => c.ID === kr.ID);
      expect(own.length, String(kr.ID)).toBeGreaterThanOrEqual(2);
      // The log's latest value is what the row shows.
      expect(own.at(-1)?.['New value']).toEqual(kr.Current);
    }
    // Key results without a metric are scored by the objectives aligned to them.
    const unmeasured = okrRows.filter((r) => r.Type === 'Key Result' && r['Metric type'] === '');
    for (const kr of unmeasured) expect(okrRows.some((r) => r['Parent ID'] === kr.ID)).toBe(true);
    // KPIs are checked in the same way.
    expect(checkIns.filter((c) => c.ID === 'KPI-1').length).toBeGreaterThanOrEqual(2);
  });

  it('records a weekly History of the quarter so far, before today', () => {
    const history = table(rt, 'History');
    const days = [...new Set(history.map((r) => (r.Date as Date).toISOString().slice(0, 10)))];
    // Weekly, the latest a week before today (15 February), back to the cycle's start on 1 January.
    expect(days).toEqual(['2027-01-04', '2027-01-11', '2027-01-18', '2027-01-25', '2027-02-01', '2027-02-08']);
    // C-KR1 checked in weekly on its way from $8M to today's $8.6M (of $10M): one seventh of 0.3 a week.
    expect(history.filter((r) => r.ID === 'C-KR1').map((r) => r.Score)).toEqual([
      0.045, 0.085, 0.13, 0.17, 0.215, 0.255,
    ]);
    expect(rt.emulator.uiState.alerts.at(-1)?.prompt).toMatch(/^Inserted Northwind Analytics/);
  });
});

/**
 * §1.2 on the built bundle: every value shows in its row's Unit of measure on the OKR
 * tabs, KPIs and the Check-ins log — after Insert sample, after Set up on a workbook a
 * user typed, and on the rows a sidebar check-in writes.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { headerRow, KPI_SCHEMA, OKR_SCHEMA } from '../../src/core/workbook/schema';
import { writeGrids } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the user sees in the row whose ID (column A) is `id`, by header. */
function shownRow(rt: AddonRuntime, tab: string, id: string): Record<string, string> {
  const sheet = rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;
  const shown = sheet.getDataRange().getDisplayValues();
  const header = shown[0] ?? [];
  const row = shown.find((r) => r[header.indexOf('ID')] === id);
  if (!row) throw new Error(`no ${id} on ${tab}`);
  return Object.fromEntries(header.map((h, i) => [h, row[i] ?? '']));
}

describe('values in their unit of measure (§1.2)', () => {
  it('Insert sample: OKR tabs, KPIs and Check-ins show %, currency and counts in their units', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('insertSampleOkrs');
    const arr = shownRow(rt, 'Corporate OKRs', 'C-KR1');
    expect([arr.Start, arr.Target, arr.Current]).toEqual(['$8,000,000', '$10,000,000', '$8,600,000']);
    const churn = shownRow(rt, 'Corporate OKRs', 'C-KR4');
    expect([churn.Start, churn.Target, churn.Current]).toEqual(['3.0%', '1.5%', '2.4%']);
    const nrr = shownRow(rt, 'Corporate OKRs', 'C-KR2');
    expect([nrr.Target, nrr.Current]).toEqual(['110%', '112%']);
    const backlog = shownRow(rt, 'Team OKRs', 'SUP-KR1');
    expect([backlog.Target, backlog.Current]).toEqual(['50', '62']);
    const mrr = shownRow(rt, 'KPIs', 'KPI-1');
    expect([mrr.Baseline, mrr.Target, mrr.Actual]).toEqual(['$660,000', '$830,000', '$715,000']);
    const uptime = shownRow(rt, 'KPIs', 'KPI-4');
    expect([uptime.Target, uptime.Actual]).toEqual(['99.90%', '99.95%']);
    const log = rt.emulator.spreadsheet.getSheetByName('Check-ins') as Sheet;
    const shown = log.getDataRange().getDisplayValues();
    // C-KR1's latest check-in brought it to today's Current; the first one moved it from $8,000,000.
    const own = shown.filter((r) => r[1] === 'C-KR1');
    expect(own.at(-1)?.[3]).toBe('$8,600,000');
    expect(own[0]?.[2]).toBe('$8,000,000');
  });

  it('Set up formats the rows a user typed, each in its own unit; a second run changes nothing', () => {
    const rt = loadAddon({ now: () => NOW });
    const at = (key: string) => OKR_SCHEMA.columns.findIndex((c) => c.key === key);
    const row = (cells: Record<string, unknown>) => {
      const out: unknown[] = headerRow(OKR_SCHEMA).map(() => '');
      for (const [k, v] of Object.entries(cells)) out[at(k)] = v;
      return out;
    };
    const kpi = (cells: unknown[]) => [...cells, ...Array(KPI_SCHEMA.columns.length - cells.length).fill('')];
    writeGrids(rt, {
      corporate: [
        headerRow(OKR_SCHEMA),
        row({ id: 'O1', type: 'Objective', title: 'Grow' }),
        row({
          id: 'KR1',
          type: 'Key Result',
          parentId: 'O1',
          title: 'ARR',
          start: 1e6,
          target: 2.5e6,
          current: 1.2e6,
          uom: '€',
        }),
        row({
          id: 'KR2',
          type: 'Key Result',
          parentId: 'O1',
          title: 'Margin',
          start: 0.2,
          target: 0.25,
          current: 0.215,
          uom: '%',
        }),
        row({
          id: 'KR3',
          type: 'Key Result',
          parentId: 'O1',
          title: 'Logos',
          start: 1000,
          target: 4000,
          current: 2500,
          uom: 'customers',
        }),
      ],
      kpis: [headerRow(KPI_SCHEMA), kpi(['K1', 'Corporate', '', 'Cash', 'A', 'O1', 100.5, 200, 150.25, '£'])],
    });
    rt.call('setUpWorkbook');
    const corp = (id: string) => shownRow(rt, 'Corporate OKRs', id);
    expect([corp('KR1').Start, corp('KR1').Target, corp('KR1').Current]).toEqual([
      '€1,000,000',
      '€2,500,000',
      '€1,200,000',
    ]);
    expect([corp('KR2').Start, corp('KR2').Target, corp('KR2').Current]).toEqual(['20.0%', '25.0%', '21.5%']);
    expect([corp('KR3').Start, corp('KR3').Current]).toEqual(['1,000', '2,500']);
    const k1 = shownRow(rt, 'KPIs', 'K1');
    expect([k1.Baseline, k1.Target, k1.Actual]).toEqual(['£100.50', '£200.00', '£150.25']);

    const formats = () =>
      (rt.emulator.spreadsheet.getSheetByName('Corporate OKRs') as Sheet).getRange('H2:J5').getNumberFormats();
    const first = formats();
    rt.call('setUpWorkbook');
    expect(formats()).toEqual(first);
    expect(rt.emulator.uiState.alerts.at(-1)?.prompt).toMatch(/nothing needed to change/);
  });

  it('a check-in shows the new value in its unit on the row and in the log', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('insertSampleOkrs');
    const result = rt.call('recordCheckIn', {
      id: 'C-KR4',
      seen: 0.024,
      value: '2.05%',
      confidence: '6',
      comment: '',
    }) as {
      status: string;
      message: string;
    };
    expect(result.message).toBe('Checked in C-KR4: 2.4% → 2.05%.');
    expect(shownRow(rt, 'Corporate OKRs', 'C-KR4').Current).toBe('2.05%');
    const log = (rt.emulator.spreadsheet.getSheetByName('Check-ins') as Sheet).getDataRange().getDisplayValues();
    const last = log[log.length - 1] ?? [];
    expect([last[1], last[2], last[3]]).toEqual(['C-KR4', '2.40%', '2.05%']);
  });

  it('values typed by hand into an OKR or KPI tab show in their unit at once (simple onEdit trigger)', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('insertSampleOkrs');
    const corporate = rt.emulator.spreadsheet.getSheetByName('Corporate OKRs') as Sheet;
    const header = corporate.getRange(1, 1, 1, corporate.getLastColumn()).getValues()[0] ?? [];
    const column = (name: string) => header.indexOf(name) + 1;
    const letter = (name: string) => String.fromCharCode(64 + column(name));
    const next = corporate.getLastRow() + 1;
    // A new key result typed cell by cell: ID, then Unit, then its values.
    rt.userEdit('Corporate OKRs', `A${next}`, [['C-KR9']]);
    rt.userEdit('Corporate OKRs', `${letter('Unit of measure')}${next}`, [['%']]);
    rt.userEdit('Corporate OKRs', `${letter('Start')}${next}:${letter('Current')}${next}`, [[0.03, 0.015, 0.024]]);
    expect([shownRow(rt, 'Corporate OKRs', 'C-KR9').Start, shownRow(rt, 'Corporate OKRs', 'C-KR9').Current]).toEqual([
      '3.0%',
      '2.4%',
    ]);
    // The unit changes: the row's values follow it.
    rt.userEdit('Corporate OKRs', `${letter('Unit of measure')}${next}`, [['$']]);
    rt.userEdit('Corporate OKRs', `${letter('Start')}${next}:${letter('Current')}${next}`, [[8e6, 10e6, 8.6e6]]);
    expect(shownRow(rt, 'Corporate OKRs', 'C-KR9').Current).toBe('$8,600,000');

    const kpis = rt.emulator.spreadsheet.getSheetByName('KPIs') as Sheet;
    const kpiHeader = kpis.getRange(1, 1, 1, kpis.getLastColumn()).getValues()[0] ?? [];
    const actual = String.fromCharCode(65 + kpiHeader.indexOf('Actual'));
    rt.userEdit('KPIs', `${actual}2`, [[720000]]);
    expect(shownRow(rt, 'KPIs', 'KPI-1').Actual).toBe('$720,000');
  });

  it('an edit elsewhere, or of a column without values, writes nothing; before authorization nothing runs', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('insertSampleOkrs');
    rt.emulator.calls.reset();
    rt.userEdit('Settings', 'B2', [['Acme']]);
    rt.userEdit('Corporate OKRs', 'C2', [['A new title']]);
    expect(Object.keys(rt.emulator.calls.snapshot()).filter((k) => k.startsWith('Range.set'))).toEqual([]);
    const range = (rt.emulator.spreadsheet.getSheetByName('Corporate OKRs') as Sheet).getRange('J2');
    rt.emulator.calls.reset();
    rt.callAs('NONE', 'onEdit', { authMode: 'NONE', range } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
    expect(rt.emulator.calls.total()).toBe(0);
  });
});

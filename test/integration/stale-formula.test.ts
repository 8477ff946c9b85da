/**
 * A key result's Current or a KPI's Actual that is a formula of the user's updates by itself and
 * cannot be checked in (the sidebar refuses to write over it): Validate, the Roll-up and the
 * Dashboard must not call it stale, nor the sidebar warn of it after a save. The sample workbook,
 * through the built bundle, 17 days after its last check-ins (2027-02-12 → 2027-03-01), when every
 * other measured item not done is stale. (The weekly rhythm's reminders: rhythm.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { KPI_SCHEMA, OKR_SCHEMA } from '../../src/core/workbook/schema';
import type { SaveOkrResult, SidebarContext } from '../../src/shared/sidebar-api';
import { writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const LATER = () => new Date('2027-03-01T12:00:00Z');
const CURRENT = OKR_SCHEMA.columns.findIndex((c) => c.key === 'current') + 1;
const ACTUAL = KPI_SCHEMA.columns.findIndex((c) => c.key === 'actual') + 1;

function sheet(rt: AddonRuntime, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const found = rt.emulator.spreadsheet.getSheetByName(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function setFormula(rt: AddonRuntime, tab: string, id: string, column: number, formula: string): void {
  const s = sheet(rt, tab);
  const row = s
    .getDataRange()
    .getValues()
    .findIndex((r) => r[0] === id);
  if (row < 0) throw new Error(`no ${id} on ${tab}`);
  s.getRange(row + 1, column).setFormula(formula);
}

/**
 * The sample on 2027-03-01; with `formulas`, ENT-KR1's Current (on track) and KPI-2's Actual
 * (Behind) are formulas giving the values they had, so only the way they are measured changes.
 */
function sampleLater(formulas: boolean): AddonRuntime {
  const rt = loadAddon(CLOCK);
  writeSampleWorkbook(rt);
  if (formulas) {
    setFormula(rt, 'Team OKRs', 'ENT-KR1', CURRENT, '=4+2');
    setFormula(rt, 'KPIs', 'KPI-2', ACTUAL, '=0.2+0.01');
  }
  rt.emulator.env.now = LATER;
  rt.emulator.calls.reset();
  return rt;
}

/** The IDs Validate called stale. */
function staleIds(rt: AddonRuntime): string[] {
  return sheet(rt, 'Validation')
    .getDataRange()
    .getValues()
    .filter((r) => /^no check-in/.test(String(r[5])))
    .map((r) => String(r[4]));
}

/** The Dashboard's needs-attention rows (Status … Why), and the count its title gives. */
function attention(rt: AddonRuntime): { total: number; rows: string[][] } {
  const grid = sheet(rt, 'Dashboard').getDataRange().getDisplayValues();
  const title = grid.findIndex((r) => /^Needs attention/.test(r[0] ?? ''));
  const total = Number(/\((\d+)\)/.exec(grid[title]?.[0] ?? '')?.[1]);
  const end = grid.findIndex((r, i) => i > title && r[0] === '');
  return { total, rows: grid.slice(title + 2, end).map((r) => r.slice(0, 8)) };
}

describe('an item measured by formula is never stale', () => {
  it('Validate warns about every other stale item, and not about those two', () => {
    const before = sampleLater(false);
    before.call('validateWorkbook');
    const byHand = staleIds(before);
    expect(byHand).toEqual(expect.arrayContaining(['ENT-KR1', 'ENT-KR2', 'KPI-1', 'KPI-2']));
    const rt = sampleLater(true);
    rt.call('validateWorkbook');
    // The Current and Actual columns of the OKR tabs and KPIs, read after their values, no round trip.
    expect(rt.emulator.calls.count('Range.getFormulas')).toBe(4);
    expect(rt.emulator.calls.roundTrips()).toBe(0);
    expect(staleIds(rt)).toEqual(byHand.filter((id) => id !== 'ENT-KR1' && id !== 'KPI-2'));
  });

  it('the Roll-up says "by formula" in Last check-in, muted, where a day count would be red', () => {
    const rt = sampleLater(true);
    rt.call('buildRollup');
    expect(rt.emulator.calls.roundTrips()).toBeLessThanOrEqual(2);
    const s = sheet(rt, 'Roll-up');
    const grid = s.getDataRange().getDisplayValues();
    const header = grid.find((r) => r[0] === 'Level' && r[1] === 'Title') ?? [];
    const column = header.indexOf('Last check-in') + 1;
    const rowOf = (id: string) => grid.findIndex((r) => r[2] === id) + 1;
    const cell = (id: string) => s.getRange(rowOf(id), column);
    expect(cell('ENT-KR1').getDisplayValue()).toBe('by formula');
    expect(cell('ENT-KR1').getFontColor()).toBe('#80868b');
    expect(cell('ENT-KR1').getFontStyle()).toBe('italic');
    expect(cell('ENT-KR2').getDisplayValue()).toBe('17 days ago');
    expect(cell('ENT-KR2').getFontColor()).toBe('#a50e0e');
  });

  it('the Dashboard lists an on-track key result not at all, and a KPI for being Behind only', () => {
    const before = sampleLater(false);
    before.call('buildRollup');
    const byHand = attention(before);
    expect(byHand.rows.find((r) => r[2] === 'ENT-KR1')?.[7]).toBe('no check-in for 17 days');
    expect(byHand.rows.find((r) => r[2] === 'KPI-2')?.[7]).toBe('Behind: 43%; no check-in for 17 days');

    const rt = sampleLater(true);
    rt.call('buildRollup');
    const listed = attention(rt);
    expect(listed.total).toBe(byHand.total - 1);
    expect(listed.rows.some((r) => r[2] === 'ENT-KR1')).toBe(false);
    expect(listed.rows.find((r) => r[2] === 'KPI-2')?.[7]).toBe('Behind: 43%');
    expect(listed.rows.find((r) => r[2] === 'ENT-KR2')?.[7]).toBe('no check-in for 17 days');
  });

  it('the sidebar saves an edit of such a row without a stale warning, and leaves its formula', () => {
    const saveNotes = (rt: AddonRuntime): { warnings: readonly string[]; calls: number } => {
      const team = sheet(rt, 'Team OKRs');
      const row = team
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'ENT-KR1');
      rt.emulator.spreadsheet.setActiveRange(team.getRange(row + 1, 2));
      const { selected } = JSON.parse(JSON.stringify(rt.call('sidebarContext'))) as SidebarContext;
      if (!selected) throw new Error('ENT-KR1 was not selected');
      rt.emulator.calls.reset();
      const result = rt.call('saveOkr', {
        target: { tab: selected.tab, row: selected.row, id: selected.id },
        level: selected.level,
        id: selected.id,
        fields: { ...selected.fields, notes: 'Pulled from the CRM' },
        base: selected.fields,
      }) as SaveOkrResult;
      if (result.status !== 'saved') throw new Error(`not saved: ${result.status}`);
      return { warnings: result.warnings, calls: rt.emulator.calls.total() };
    };
    const byHand = saveNotes(sampleLater(false));
    expect(byHand.warnings).toEqual(['Team OKRs!J3 (Current): no check-in for 17 days (last on 2027-02-12)']);
    const rt = sampleLater(true);
    const byFormula = saveNotes(rt);
    expect(byFormula.warnings).toEqual([]);
    // The row's cells it reads before writing already hold Current's formula: no call more.
    expect(byFormula.calls).toBe(byHand.calls);
    expect(sheet(rt, 'Team OKRs').getRange(3, CURRENT).getFormula()).toBe('=4+2');
  });
});

/**
 * §5.1/§5.2 in Chromium: the Edit panel shows a loaded row's score against expected, its
 * status and its last check-ins; the Check-in panel shows the chosen item's recent
 * check-ins (date in the workbook's format, value in its unit, confidence, comment), and a
 * new check-in joins the top of that list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { writeSampleWorkbook } from '../support/workbook';
import { browserAvailable, idle, type OpenSidebar, sidebarSession } from './harness';

function selectRow(rt: AddonRuntime, tab: string, row: number): void {
  const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
  sheet?.activate();
  sheet?.getRange(row, 1).activate();
}
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';
const entries = (page: Page, list: string) =>
  page.locator(`${list} li .history-head`).evaluateAll((els) => els.map((e) => e.textContent ?? ''));

describe.skipIf(!browserAvailable())('sidebar: how an item stands and its check-ins', () => {
  const session = sidebarSession();
  let open: OpenSidebar | undefined;

  it('Edit: a loaded key result shows score, expected, status and its last check-ins', async () => {
    open = await session.open((rt) => {
      writeSampleWorkbook(rt);
      selectRow(rt, 'Corporate OKRs', 3); // C-KR1
    });
    const { page } = open;
    await page.click('#edit-load');
    await idle(page);
    await page.waitForSelector('#edit-history-box[data-state="ready"]');
    expect(await text(page, '#edit-progress')).toMatch(/^Score30% \(\d+% expected by today\)StatusBehind|On track$/);
    const shown = await entries(page, '#edit-history');
    expect(shown).toHaveLength(5);
    // Newest first; days as the workbook's date columns show them (yyyy-mm-dd), values in dollars.
    expect(shown[0]).toMatch(/^\d{4}-\d{2}-\d{2} · \$8,600,000 · confidence 7$/);
    expect(await text(page, '#edit-history li:first-child .history-comment')).toBe(
      'Two renewals moved to next month; pipeline covers the gap.',
    );
    expect(await text(page, '#edit-history-note')).toMatch(/^The latest 5 of \d+ check-ins\.$/);
    // An objective has no check-ins of its own: its standing, no list.
    await page.click('#edit-new');
    expect(await page.locator('#edit-status').isHidden()).toBe(true);
    expect(open.pageErrors).toEqual([]);
  });

  it('dates appear, and are typed, in the workbook’s format', async () => {
    open = await session.open((rt) => {
      writeSampleWorkbook(rt);
      // This workbook shows its dates day first (Start date is column N of the OKR tabs).
      rt.emulator.spreadsheet.getSheetByName('Corporate OKRs')?.getRange('N2:N20').setNumberFormat('dd/mm/yyyy');
      selectRow(rt, 'Department OKRs', 6); // PRD-KR1, with its own start and due dates
    });
    const { page, rt } = open;
    await page.click('#edit-load');
    await idle(page);
    const start = await page.inputValue('#edit-start-date');
    expect(start).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getAttribute('#edit-due-date', 'placeholder')).toBe('dd/mm/yyyy');
    const [day, month, year] = start.split('/');
    await page.fill('#edit-due-date', `28/${month}/${year}`);
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-ok')).toMatch(/^Saved PRD-KR1/);
    const due = rt.emulator.spreadsheet.getSheetByName('Department OKRs')?.getRange('O6').getDisplayValue();
    expect(due).toBe(`${year}-${month}-28`);
    expect(day).toMatch(/^\d{2}$/);
    expect(open.pageErrors).toEqual([]);
  });

  it('a refused save shows every problem at its field, in plain words, focus on the first', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page } = open;
    await page.selectOption('#edit-level', 'Team');
    await page.selectOption('#edit-type', 'Key Result');
    await page.fill('#edit-title', 'Win 10 logos');
    await page.fill('#edit-start', 'ten');
    await page.fill('#edit-due-date', 'someday');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-error')).toMatch(/^Not saved: \d things need fixing first\.$/);
    expect(await text(page, '#edit-start-error')).toBe('Start is not a number: "ten".');
    expect(await text(page, '#edit-due-date-error')).toMatch(/^Due date is not a date: "someday"/);
    // No cell reference anywhere: the row does not exist yet.
    expect(await page.locator('.field-error').allTextContents()).not.toContainEqual(expect.stringMatching(/![A-Z]+\d/));
    // The key result has no parent yet: that too, and it comes first in the form, so it has the focus.
    expect(await text(page, '#edit-parent-error')).not.toBe('');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-parent');
    // Fixed and saved again: their messages go.
    await page.fill('#edit-start', '0');
    await page.fill('#edit-target', '10');
    await page.fill('#edit-due-date', '');
    await page.click('#edit-save');
    await idle(page);
    expect(await page.locator('#edit-start-error, #edit-due-date-error').count()).toBe(0);
    expect(open.pageErrors).toEqual([]);
  });

  it('Check-in: the chosen key result’s recent check-ins, and a new one on top after recording', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page } = open;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'C-KR4');
    await page.waitForSelector('#checkin-history-box[data-state="ready"]');
    const before = await entries(page, '#checkin-history');
    expect(before[0]).toMatch(/^\d{4}-\d{2}-\d{2} · 2\.4% · confidence 6$/);
    await page.fill('#checkin-value', '2.2%');
    await page.fill('#checkin-confidence', '8');
    await page.fill('#checkin-comment', 'Annual plans launched');
    await page.click('#checkin-save');
    await idle(page);
    await page.waitForFunction(
      () => document.querySelector('#checkin-history li .history-head')?.textContent?.includes('2.2%') ?? false,
    );
    const after = await entries(page, '#checkin-history');
    expect(after[0]).toMatch(/^\d{4}-\d{2}-\d{2} · 2\.2% · confidence 8$/);
    expect(after[1]).toBe(before[0]);
    expect(await text(page, '#checkin-history li:first-child .history-comment')).toBe('Annual plans launched');
    expect(open.pageErrors).toEqual([]);
  });

  it('Check-in takes a KPI’s Actual, logged the same way, with its history', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-what', 'kpi');
    await idle(page);
    expect(await text(page, '#checkin-kr-label')).toBe('KPI');
    await page.selectOption('#checkin-kr', 'KPI-1');
    await page.waitForSelector('#checkin-history-box[data-state="ready"]');
    expect(await text(page, '#checkin-summary')).toContain('Current$715,000');
    expect((await entries(page, '#checkin-history'))[0]).toMatch(/^\d{4}-\d{2}-\d{2} · \$715,000 · confidence 7$/);
    await page.fill('#checkin-value', '$740k');
    await page.fill('#checkin-confidence', '8');
    await page.click('#checkin-save');
    await idle(page);
    expect(await text(page, '#checkin-ok')).toBe('Checked in KPI-1: $715,000 → $740,000.');
    expect(rt.emulator.spreadsheet.getSheetByName('KPIs')?.getRange('I2').getValue()).toBe(740_000);
    const log = rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
    expect(log.at(-1)?.slice(1, 5)).toEqual(['KPI-1', 715_000, 740_000, 8]);
    await page.waitForFunction(
      () => document.querySelector('#checkin-history li .history-head')?.textContent?.includes('$740,000') ?? false,
    );
    expect(open.pageErrors).toEqual([]);
  });

  it('Check-in filters KPIs by unit and owner, and each list keeps its own filter', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page } = open;
    const kpiIds = () =>
      page.$$eval('#checkin-kr option', (options) => options.map((o) => (o as HTMLOptionElement).value));
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-unit', 'Sales');
    await idle(page);
    await page.selectOption('#checkin-what', 'kpi');
    await idle(page);
    // The KPIs' own units are offered, starting from all of them.
    expect(await page.inputValue('#checkin-unit')).toBe('');
    expect(await kpiIds()).toContain('KPI-6');
    await page.selectOption('#checkin-unit', 'Support');
    expect(await kpiIds()).toEqual(['KPI-3']);
    expect(await text(page, '#checkin-summary')).toContain('Omar Haddad');
    await page.selectOption('#checkin-owner', 'Chloe Martin');
    expect(await text(page, '#checkin-kr')).toBe('No KPIs match these filters');
    await page.selectOption('#checkin-owner', '');
    // Back to key results: their filter is as the user left it; then the KPIs' again.
    await page.selectOption('#checkin-what', 'kr');
    await idle(page);
    expect(await page.inputValue('#checkin-unit')).toBe('Sales');
    await page.selectOption('#checkin-what', 'kpi');
    await idle(page);
    expect(await page.inputValue('#checkin-unit')).toBe('Support');
    expect(await kpiIds()).toEqual(['KPI-3']);
  });
});

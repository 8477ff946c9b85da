/**
 * The built sidebar page in Chromium on a workbook too large to send whole (§6.1):
 * it opens with one call, then asks the server for what the first pages leave out.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { emulatedToday, generatedWorkbook, writeGrids } from '../support/workbook';
import { browserAvailable, idle, type OpenSidebar, sidebarSession } from './harness';

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';
const optionTexts = (page: Page, selector: string) =>
  page.$$eval(`${selector} option`, (options) => options.map((o) => (o as HTMLOptionElement).text));

/** Waits for a search's answer: it comes after a pause in typing, then a server call. */
async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  await page.waitForFunction(([s, t]) => document.querySelector(s as string)?.textContent === t, [selector, expected]);
}

const cell = (rt: AddonRuntime, tab: string, a1: string) =>
  rt.emulator.spreadsheet.getSheetByName(tab)?.getRange(a1).getValue();

describe.skipIf(!browserAvailable())('sidebar page in Chromium, 2,000 OKR rows', () => {
  const session = sidebarSession();
  let open: OpenSidebar | undefined;

  it('opens with one call, finds the rest on the server, and saves without reloading the lists', async () => {
    open = await session.open((rt) => {
      writeGrids(rt, generatedWorkbook(2_000, emulatedToday(rt)));
      // generatedWorkbook: Team OKRs holds T-O<i> on row 2 + 3i, its key results T-KR<i>a and b below.
      const team = rt.emulator.spreadsheet.getSheetByName('Team OKRs');
      if (team) rt.emulator.spreadsheet.setActiveRange(team.getRange('B903'));
    });
    const { page, rt, server } = open;
    const calls = () => server.calls.map((c) => c.name);
    expect(calls()).toEqual(['sidebarContext']);
    expect(await text(page, '#edit-heading')).toBe('Editing T-KR300a · Team OKRs row 903');
    expect(await text(page, '#edit-pick-count')).toBe('The first 200 of 2,000 OKRs: type to find others.');
    // Its parent lies beyond the first page of possible parents, and is chosen all the same.
    expect(await page.inputValue('#edit-parent')).toBe('T-O300');
    expect(await text(page, '#edit-parent-count')).toBe('The first 200 of 399 possible parents: type to find others.');

    // The picker asks the server once typing pauses, and opens what it found.
    await page.fill('#edit-pick-filter', 't-kr398b');
    await waitForText(page, '#edit-pick-count', '1 of 2,000 OKRs match.');
    expect(await optionTexts(page, '#edit-pick')).toEqual(['T-KR398b — Scored by aligned objectives']);
    await page.press('#edit-pick-filter', 'Enter');
    await idle(page);
    expect(await text(page, '#edit-heading')).toBe('Editing T-KR398b · Team OKRs row 1198');
    expect(await page.inputValue('#edit-parent')).toBe('T-O398');

    // Parents too: only objectives of Team OKRs, found by what is typed.
    await page.fill('#edit-parent-filter', 'T-O39');
    await waitForText(page, '#edit-parent-count', '10 of 399 possible parents match.');
    const parents = await optionTexts(page, '#edit-parent');
    expect(parents.slice(1)).toEqual(
      ['T-O39', ...Array.from({ length: 9 }, (_, i) => `T-O39${i}`)].map((id) => `${id} — Objective ${id}`),
    );
    await page.selectOption('#edit-parent', 'T-O391');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Saved T-KR398b on Team OKRs, row 1198.');
    expect(cell(rt, 'Team OKRs', 'C1198')).toBe('T-O391');

    // The Check-in panel's key results, found the same way; a check-in updates the list in place.
    await page.click('#tab-checkin');
    expect(await text(page, '#checkin-count')).toMatch(/^The first 200 of [\d,]+ key results: type to find others\.$/);
    await page.fill('#checkin-filter', 'T-KRx1');
    await waitForText(page, '#checkin-count', '1 of 668 key results match.');
    expect(await optionTexts(page, '#checkin-kr')).toEqual(['T-KRx1 — Extra']);
    await page.fill('#checkin-value', '7');
    await page.press('#checkin-value', 'Enter');
    await idle(page);
    expect(await text(page, '#checkin-ok')).toBe('Checked in T-KRx1: 5 → 7.');
    expect(await text(page, '#checkin-summary')).toContain('Current7');
    expect(cell(rt, 'Team OKRs', 'J1200')).toBe(7); // the last team row

    expect(calls().filter((name) => name === 'sidebarContext')).toHaveLength(1);
    // The Check-in panel asks for the chosen key result's recent check-ins when it shows one.
    expect(new Set(calls())).toEqual(
      new Set(['sidebarContext', 'searchOkrs', 'rowDetail', 'saveOkr', 'recordCheckIn', 'checkInHistory']),
    );
  });
});

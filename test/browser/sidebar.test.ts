/**
 * The built sidebar page in Chromium, with google.script.run going over HTTP to the
 * built bundle in the local runtime: real round trips to real server code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { writeGrids, writeSampleWorkbook } from '../support/workbook';
import { type Browser, browserAvailable, idle, launchBrowser, type OpenSidebar, openSidebar } from './harness';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

function select(rt: AddonRuntime, tab: string, a1: string): void {
  const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
  if (sheet) rt.emulator.spreadsheet.setActiveRange(sheet.getRange(a1));
}

const cell = (rt: AddonRuntime, tab: string, a1: string) =>
  rt.emulator.spreadsheet.getSheetByName(tab)?.getRange(a1).getValue();
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';
const optionTexts = (page: Page, selector: string) =>
  page.$$eval(`${selector} option`, (options) => options.map((o) => (o as HTMLOptionElement).text));

describe.skipIf(!browserAvailable())('sidebar page in Chromium', () => {
  let browser: Browser;
  let open: OpenSidebar | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!open) return;
    const { dialogs, pageErrors } = open;
    await open.close();
    open = undefined;
    expect(dialogs, 'no native dialog may open').toEqual([]);
    expect(pageErrors, 'no uncaught page error').toEqual([]);
  });

  it('creates an objective and a key result under it', async () => {
    open = await openSidebar(browser, (rt) => {
      writeSampleWorkbook(rt);
      select(rt, 'Corporate OKRs', 'A1');
    });
    const { page, rt } = open;
    await page.selectOption('#edit-level', 'Department');
    await page.fill('#edit-title', 'Cut infrastructure costs');
    // A department objective aligns to the corporate level only.
    const parents = await optionTexts(page, '#edit-parent');
    expect(parents[0]).toBe('Not aligned yet');
    expect(parents.slice(1).every((t) => t.startsWith('C-'))).toBe(true);
    expect(parents).toContain('C-KR1 — Grow annual recurring revenue from $8.0M to $10.0M');
    await page.selectOption('#edit-parent', 'C-KR1');
    await page.fill('#edit-unit', 'Finance');
    await page.fill('#edit-owner', 'Ana Ruiz');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Added FIN-O1 on Department OKRs, row 11.');
    expect(await text(page, '#edit-heading')).toBe('Editing FIN-O1 · Department OKRs row 11');

    await page.click('#edit-new');
    await page.selectOption('#edit-type', 'Key Result');
    // A key result's parent is an objective on its own tab.
    expect((await optionTexts(page, '#edit-parent')).slice(1)).toEqual([
      'SAL-O1 — Build a repeatable enterprise sales motion',
      'PRD-O1 — Make onboarding fully self-serve',
      'CS-O1 — Make support fast and friendly',
      'FIN-O1 — Cut infrastructure costs',
    ]);
    expect(await page.isVisible('#metric-fields')).toBe(true);
    await page.fill('#edit-title', 'Lower cloud spend to $90k a month');
    await page.selectOption('#edit-parent', 'FIN-O1');
    await page.selectOption('#edit-metric', 'decrease');
    await page.fill('#edit-start', '120000');
    await page.fill('#edit-target', '90000');
    await page.fill('#edit-current', '110000');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Added FIN-KR1 on Department OKRs, row 12.');
    const row = rt.emulator.spreadsheet.getSheetByName('Department OKRs')?.getRange('A12:J12').getValues()[0];
    expect(row).toEqual([
      'FIN-KR1',
      'Key Result',
      'FIN-O1',
      '',
      'Lower cloud spend to $90k a month',
      '',
      'decrease',
      120000,
      90000,
      110000,
    ]);
    // The new key result is ready for check-ins.
    await page.click('#tab-checkin');
    expect(await optionTexts(page, '#checkin-kr')).toContain('FIN-KR1 — Lower cloud spend to $90k a month');
  });

  it('edits the row selected in the sheet; Enter saves', async () => {
    open = await openSidebar(browser, (rt) => {
      writeSampleWorkbook(rt);
      select(rt, 'Team OKRs', 'E3');
    });
    const { page, rt } = open;
    expect(await text(page, '#edit-heading')).toBe('Editing ENT-KR1 · Team OKRs row 3');
    expect(await page.inputValue('#edit-level')).toBe('Team');
    expect(await page.isDisabled('#edit-level')).toBe(true);
    expect(await page.inputValue('#edit-parent')).toBe('ENT-O1');
    const title = cell(rt, 'Team OKRs', 'E3');
    expect(await page.inputValue('#edit-title')).toBe(title);
    await page.fill('#edit-owner', 'Nadia Boateng');
    await page.press('#edit-owner', 'Enter');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Saved ENT-KR1 on Team OKRs, row 3.');
    expect(cell(rt, 'Team OKRs', 'F3')).toBe('Nadia Boateng');
    expect(cell(rt, 'Team OKRs', 'E3')).toBe(title);
  });

  it('records a check-in: Current and the Check-ins log change', async () => {
    open = await openSidebar(browser, (rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    const logRows = () => rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
    const before = logRows().length;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-unit', 'Sales');
    expect(await optionTexts(page, '#checkin-kr')).toEqual(['SAL-KR1 — Grow qualified pipeline from $2M to $6M']);
    expect(await text(page, '#checkin-summary')).toContain('$4,000,000');
    expect(await text(page, '#checkin-summary')).toContain('$2,000,000 → $6,000,000');
    await page.fill('#checkin-value', '4,500,000');
    await page.fill('#checkin-confidence', '8');
    await page.fill('#checkin-comment', 'Two deals moved to proposal');
    await page.click('#checkin-save');
    await idle(page);
    expect(await text(page, '#checkin-ok')).toBe('Checked in SAL-KR1: 4,000,000 → 4,500,000.');
    expect(await text(page, '#checkin-summary')).toContain('$4,500,000');
    expect(await text(page, '#checkin-summary')).toContain('63%'); // (4.5 − 2) / (6 − 2)
    expect(await page.inputValue('#checkin-value')).toBe('');
    expect(cell(rt, 'Department OKRs', 'J3')).toBe(4500000);
    const log = logRows();
    expect(log).toHaveLength(before + 1);
    expect(log[log.length - 1]?.slice(1)).toEqual([
      'SAL-KR1',
      4000000,
      4500000,
      8,
      'Two deals moved to proposal',
      'pmo.lead@northwind.example',
    ]);
  });

  it('refuses a stale check-in and shows the fresh value, keeping what was typed', async () => {
    open = await openSidebar(browser, (rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'SAL-KR1');
    rt.emulator.spreadsheet.getSheetByName('Department OKRs')?.getRange('J3').setValue(4_200_000);
    const logLength = rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getLastRow();
    await page.fill('#checkin-value', '4500000');
    await page.press('#checkin-value', 'Enter');
    await idle(page);
    expect(await text(page, '#checkin-error')).toBe(
      "SAL-KR1's Current changed to 4,200,000 since the sidebar loaded it (you saw 4,000,000). " +
        'Nothing was saved: check the new value, then record your check-in again.',
    );
    expect(await text(page, '#checkin-summary')).toContain('$4,200,000');
    expect(await page.inputValue('#checkin-value')).toBe('4500000');
    expect(cell(rt, 'Department OKRs', 'J3')).toBe(4200000);
    expect(rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getLastRow()).toBe(logLength);
  });

  it('shows server errors as readable messages, busy while the call runs, and keeps the form', async () => {
    open = await openSidebar(browser, (rt) => writeSampleWorkbook(rt));
    const { page, server } = open;
    await page.fill('#edit-title', 'Expand to two new regions');
    server.failNext('saveOkr', 'Exception: Service Spreadsheets timed out while accessing document with id 1abc.');
    const gate = server.hold();
    await page.click('#edit-save');
    await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'true');
    expect(await page.isDisabled('#edit-save')).toBe(true);
    expect(await page.isDisabled('#edit-new')).toBe(true);
    expect(await text(page, '#progress-text')).toBe('Saving…');
    expect(await page.isVisible('#progress')).toBe(true);
    gate.release();
    await idle(page);
    expect(await page.isDisabled('#edit-save')).toBe(false);
    expect(await page.getAttribute('#edit-error', 'role')).toBe('alert');
    expect(await text(page, '#edit-error')).toBe(
      'Service Spreadsheets timed out while accessing document with id 1abc.',
    );
    expect(await page.inputValue('#edit-title')).toBe('Expand to two new regions');

    // A rule the server enforces: its message, word for word.
    await page.selectOption('#edit-type', 'Key Result');
    await page.selectOption('#edit-parent', 'C-O1');
    await page.fill('#edit-start', 'ten');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-error')).toBe('Not saved. Start is not a number: "ten".');
  });

  it('works with the keyboard alone', async () => {
    open = await openSidebar(browser, (rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const k = page.keyboard;

    await k.press('Tab');
    expect(await focused()).toBe('tab-edit');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).not.toBe(
      'none',
    );
    await k.press('Tab');
    expect(await focused()).toBe('edit-new');
    await k.press('Enter');
    expect(await focused()).toBe('edit-level');
    await k.press('Tab'); // Type
    await k.press('Tab'); // Title
    expect(await focused()).toBe('edit-title');
    await k.type('Become the most trusted brand in analytics');
    await k.press('Enter');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Added C-O4 on Corporate OKRs, row 12.');
    expect(cell(rt, 'Corporate OKRs', 'E12')).toBe('Become the most trusted brand in analytics');

    // Back to the tabs, then Right arrow to Check-in.
    let back = 0;
    while ((await focused()) !== 'tab-edit' && back++ < 12) await k.press('Shift+Tab');
    expect(await focused()).toBe('tab-edit');
    await k.press('ArrowRight');
    expect(await focused()).toBe('tab-checkin');
    expect(await page.isVisible('#panel-checkin')).toBe(true);
    expect(await page.isVisible('#panel-edit')).toBe(false);
    await k.press('Tab');
    expect(await focused()).toBe('checkin-unit');
    await k.press('Tab');
    await k.press('Tab');
    expect(await focused()).toBe('checkin-kr');
    const first = await page.inputValue('#checkin-kr');
    await k.press('ArrowDown');
    const second = await page.inputValue('#checkin-kr');
    expect(second).not.toBe(first);
    await k.press('Tab');
    expect(await focused()).toBe('checkin-value');
    const item = await page.evaluate(() => (document.getElementById('checkin-kr') as HTMLSelectElement).value);
    expect(item).toBe('C-KR2'); // at least 110%: the second measured key result
    await k.type('115%');
    await k.press('Tab');
    await k.type('9');
    await k.press('Enter');
    await idle(page);
    expect(await text(page, '#checkin-ok')).toBe('Checked in C-KR2: 1.12 → 1.15.');
    expect(cell(rt, 'Corporate OKRs', 'J4')).toBe(1.15);
    expect(await text(page, '#checkin-summary')).toContain('115%'); // a % value is a fraction in the sheet

    // Shift+Tab walks back through the panel to the tab list.
    let steps = 0;
    while ((await focused()) !== 'tab-checkin' && steps++ < 12) await k.press('Shift+Tab');
    expect(await focused()).toBe('tab-checkin');
    await k.press('ArrowLeft');
    expect(await focused()).toBe('tab-edit');
    expect(await page.isVisible('#panel-edit')).toBe(true);
  });

  it('shows user text from the workbook as text, never as HTML', async () => {
    const corpus = [
      '<img src=x onerror=alert(1)>',
      '</script><script>alert(1)</script>',
      'javascript:alert(1)',
      '"><svg onload=alert(1)>',
    ];
    open = await openSidebar(browser, (rt) => {
      const grids = writeSampleWorkbook(rt);
      const department = grids.department.map((r) => [...r]);
      // Department OKRs columns D Unit, E Title, F Owner; rows 2–4 hold SAL-O1, SAL-KR1, SAL-KR2.
      const put = (index: number, unit: string | null, title: string, owner: string) => {
        const row = department[index] as unknown[];
        if (unit !== null) row[3] = unit;
        row[4] = title;
        row[5] = owner;
      };
      const [c0 = '', c1 = '', c2 = '', c3 = ''] = corpus;
      put(1, c1, c0, c2);
      put(2, null, c0, c3);
      put(3, null, c1, c2);
      writeGrids(rt, { department });
      select(rt, 'Department OKRs', 'A3');
    });
    const { page } = open;
    expect(await page.inputValue('#edit-title')).toBe(corpus[0]);
    expect(await page.inputValue('#edit-owner')).toBe(corpus[3]);
    expect(await optionTexts(page, '#edit-parent')).toContain(`SAL-O1 — ${corpus[0]}`);
    const datalists = await page.$$eval('#units option, #owners option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    for (const value of [corpus[1], corpus[2], corpus[3]]) expect(datalists).toContain(value);

    await page.click('#tab-checkin');
    expect(await optionTexts(page, '#checkin-unit')).toContain(corpus[1]);
    // Filters list the units and owners of measured key results: SAL-KR1's.
    expect(await optionTexts(page, '#checkin-owner')).toContain(corpus[3]);
    await page.selectOption('#checkin-unit', corpus[1] as string);
    expect(await optionTexts(page, '#checkin-kr')).toEqual([`SAL-KR1 — ${corpus[0]}`]);
    expect(await text(page, '#checkin-summary')).toContain(corpus[3] as string);

    const injected = await page.evaluate(() => ({
      img: document.querySelectorAll('img').length,
      svg: document.querySelectorAll('svg').length,
      scripts: document.querySelectorAll('script').length,
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      links: document.querySelectorAll('a[href^="javascript"]').length,
    }));
    expect(injected).toEqual({ img: 0, svg: 0, scripts: 2, handlers: 0, links: 0 }); // the shim and the page
  });

  it('has no serious or critical accessibility violations (axe-core), and looks right at 300 px', async () => {
    open = await openSidebar(browser, (rt) => {
      writeSampleWorkbook(rt);
      select(rt, 'Department OKRs', 'A3');
    });
    const { page } = open;
    await page.addScriptTag({ path: AXE });
    const serious = async () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const { violations } = await axe.run();
        return violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
    expect(await serious()).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar.png', fullPage: true });
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'SAL-KR1');
    expect(await serious()).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar-checkin.png', fullPage: true });
  });
});

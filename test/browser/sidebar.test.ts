/**
 * The built sidebar page in Chromium, with google.script.run going over HTTP to the
 * built bundle in the local runtime: real round trips to real server code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { emptyFields, type OkrFields } from '../../src/shared/sidebar-api';
import { percentTexts } from '../../src/ui/pages/sidebar/edit-panel';
import { snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';
import { browserAvailable, idle, type OpenSidebar, sidebarSession } from './harness';

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
/** A select's optgroups as { label: option texts }. */
const optionGroups = (page: Page, selector: string) =>
  page.$$eval(`${selector} optgroup`, (groups) =>
    Object.fromEntries(
      groups.map((g) => [
        (g as HTMLOptGroupElement).label,
        Array.from((g as HTMLOptGroupElement).children).map((o) => (o as HTMLOptionElement).text),
      ]),
    ),
  );

/** Every cell (value or formula) that differs between two snapshots, as "Tab!A1 → value". */
function changedCells(before: ReturnType<typeof snapshotCells>, after: ReturnType<typeof snapshotCells>): string[] {
  const out: string[] = [];
  const column = (c: number) => String.fromCharCode(65 + c);
  for (const tab of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [a, b] = [before[tab], after[tab]];
    const rows = Math.max(a?.values.length ?? 0, b?.values.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(a?.values[r]?.length ?? 0, b?.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const [x, y] = [a?.values[r]?.[c] ?? '', b?.values[r]?.[c] ?? ''];
        const [fx, fy] = [a?.formulas[r]?.[c] ?? '', b?.formulas[r]?.[c] ?? ''];
        if (x !== y || fx !== fy) out.push(`${tab}!${column(c)}${r + 1} → ${String(y)}`);
      }
    }
  }
  return out;
}

describe('percentTexts: Start, Target and Current of a % row as percentages', () => {
  const row = (values: Partial<OkrFields>): OkrFields => ({ ...emptyFields('Key Result'), uom: '%', ...values });

  it('shows each plain number × 100 with a % sign, without binary noise', () => {
    expect(percentTexts(row({ start: '0.1', target: '0.2', current: '0.13' }))).toEqual({
      start: '10%',
      target: '20%',
      current: '13%',
    });
    expect(percentTexts(row({ start: '0.07', target: '0.999', current: '1.12' }))).toEqual({
      start: '7%',
      target: '99.9%',
      current: '112%',
    });
    expect(percentTexts(row({ target: '-0.024' }))).toEqual({ target: '-2.4%' });
  });

  it('leaves the row as stored unless the unit is % and every value is a plain number', () => {
    expect(percentTexts(row({ uom: '$', target: '0.5' }))).toBeNull();
    expect(percentTexts(row({ uom: '', target: '0.5' }))).toBeNull();
    expect(percentTexts(row({ target: '0.5', current: 'done' }))).toBeNull();
    expect(percentTexts(row({ target: '1e-9' }))).toBeNull(); // 1e-7% is no way to show it
    expect(percentTexts(row({ target: '45%' }))).toBeNull(); // text in the cell stays as typed
    expect(percentTexts(row({}))).toBeNull();
  });
});

describe.skipIf(!browserAvailable())('sidebar page in Chromium', () => {
  const session = sidebarSession();
  let open: OpenSidebar | undefined;

  it('creates an objective and a key result under it', async () => {
    open = await session.open((rt) => {
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
    open = await session.open((rt) => {
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

  it('opens a key result from "Open an existing OKR" by keyboard alone, and saves only what changed', async () => {
    open = await session.open((rt) => {
      writeSampleWorkbook(rt);
      select(rt, 'Corporate OKRs', 'A1');
    });
    const { page, rt, server } = open;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const k = page.keyboard;
    const all = await optionGroups(page, '#edit-pick');
    expect(Object.keys(all)).toEqual(['Corporate', 'Department', 'Team']);
    expect(all.Corporate?.[0]).toBe('C-O1 — Grow revenue to a sustainable scale');
    expect(all.Department).toContain('SAL-KR1 — Grow qualified pipeline from $2M to $6M');
    expect(await text(page, '#edit-pick-count')).toBe('All 37 OKRs, by level.');

    // Tab to the filter, narrow it to a unit (key results inherit their objective's).
    await k.press('Tab');
    await k.press('Tab');
    await k.press('Tab');
    await k.press('Tab');
    expect(await focused()).toBe('edit-pick-filter');
    await k.type('smb sales');
    expect(await optionGroups(page, '#edit-pick')).toEqual({
      Team: [
        'SMB-O1 — Scale the self-serve sales funnel',
        'SMB-KR1 — Lift trial-to-paid conversion from 10% to 20%',
        'SMB-KR2 — Launch the partner referral program',
      ],
    });
    expect(await text(page, '#edit-pick-count')).toBe('3 of 37 OKRs match.');
    // Down moves into the list, Down again chooses the key result, Enter opens it.
    await k.press('ArrowDown');
    expect(await focused()).toBe('edit-pick');
    await k.press('ArrowDown');
    expect(await page.inputValue('#edit-pick')).toBe('Team OKRs!6');
    await k.press('Enter');
    await idle(page);
    expect(await focused()).toBe('edit-title');
    expect(await text(page, '#edit-heading')).toBe('Editing SMB-KR1 · Team OKRs row 6');
    expect(await text(page, '#edit-ok')).toBe('Loaded SMB-KR1.');
    expect(await page.inputValue('#edit-level')).toBe('Team');
    expect(await page.inputValue('#edit-type')).toBe('Key Result');
    expect(await page.inputValue('#edit-parent')).toBe('SMB-O1');
    expect(await page.inputValue('#edit-owner')).toBe('Nina Kowalski');
    expect(await page.inputValue('#edit-id')).toBe('SMB-KR1');
    // A % row shows 0.1 / 0.2 / 0.13 as the Check-in panel does.
    expect(await page.inputValue('#edit-start')).toBe('10%');
    expect(await page.inputValue('#edit-target')).toBe('20%');
    expect(await page.inputValue('#edit-current')).toBe('13%');
    // Filtering used the lists the sidebar opened with; opening asked for that one row (its check-ins with it).
    await page.waitForSelector('#edit-history-box[data-state="ready"]');
    expect(server.calls.map((c) => c.name)).toEqual(['sidebarContext', 'rowDetail']);

    const before = snapshotCells(rt.emulator.spreadsheet);
    await k.press('ControlOrMeta+A');
    await k.type('Lift trial-to-paid conversion from 10% to 25%');
    await k.press('Enter');
    await idle(page);
    expect(await text(page, '#edit-ok')).toBe('Saved SMB-KR1 on Team OKRs, row 6.');
    expect(changedCells(before, snapshotCells(rt.emulator.spreadsheet))).toEqual([
      'Team OKRs!E6 → Lift trial-to-paid conversion from 10% to 25%',
    ]);
    // The percentages went back as the stored values: the server saw only the title change.
    const sent = server.calls.at(-1)?.args[0] as { fields: OkrFields; base: OkrFields };
    expect(sent.fields).toEqual({ ...sent.base, title: 'Lift trial-to-paid conversion from 10% to 25%' });
    expect(await page.inputValue('#edit-current')).toBe('13%');
    expect(await optionTexts(page, '#edit-pick')).toContain('SMB-KR1 — Lift trial-to-paid conversion from 10% to 25%');

    // A changed percentage is saved as the fraction it means.
    await page.fill('#edit-current', '15%');
    await page.press('#edit-current', 'Enter');
    await idle(page);
    expect(cell(rt, 'Team OKRs', 'J6')).toBe(0.15);
    expect(await page.inputValue('#edit-current')).toBe('15%');

    // Escape clears the filter; Enter in the box opens the choice; nothing matching says so.
    await page.focus('#edit-pick-filter');
    await k.press('Escape');
    expect(await page.inputValue('#edit-pick-filter')).toBe('');
    expect(await text(page, '#edit-pick-count')).toBe('All 37 OKRs, by level.');
    await k.type('chloe tours');
    await k.press('Enter');
    await idle(page);
    expect(await text(page, '#edit-heading')).toBe('Editing GRO-KR2 · Team OKRs row 13');
    expect(await page.inputValue('#edit-current')).toBe('25%');
    await page.focus('#edit-pick-filter');
    await k.press('ControlOrMeta+A');
    await k.type('no such okr');
    expect(await optionTexts(page, '#edit-pick')).toEqual(['No OKRs match the filter']);
    await k.press('Enter');
    expect(await text(page, '#edit-note')).toBe('No objective or key result matches "no such okr": change the filter.');
    expect(await text(page, '#edit-heading')).toBe('Editing GRO-KR2 · Team OKRs row 13');
  });

  it('records a check-in: Current and the Check-ins log change', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
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
    expect(await text(page, '#checkin-ok')).toBe('Checked in SAL-KR1: $4,000,000 → $4,500,000.');
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
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'SAL-KR1');
    rt.emulator.spreadsheet.getSheetByName('Department OKRs')?.getRange('J3').setValue(4_200_000);
    const logLength = rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getLastRow();
    await page.fill('#checkin-value', '4500000');
    await page.press('#checkin-value', 'Enter');
    await idle(page);
    expect(await text(page, '#checkin-error')).toBe(
      "SAL-KR1's Current changed to $4,200,000 since the sidebar loaded it (you saw $4,000,000). " +
        'Nothing was saved: check the new value, then record your check-in again.',
    );
    expect(await text(page, '#checkin-summary')).toContain('$4,200,000');
    expect(await page.inputValue('#checkin-value')).toBe('4500000');
    expect(cell(rt, 'Department OKRs', 'J3')).toBe(4200000);
    expect(rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getLastRow()).toBe(logLength);
  });

  it('shows server errors as readable messages, busy while the call runs, and keeps the form', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
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

    // A rule the server enforces: its message, word for word, at its field, which gets the focus.
    await page.selectOption('#edit-type', 'Key Result');
    await page.selectOption('#edit-parent', 'C-O1');
    await page.fill('#edit-start', 'ten');
    await page.click('#edit-save');
    await idle(page);
    expect(await text(page, '#edit-error')).toBe('Not saved: one thing needs fixing first.');
    expect(await text(page, '#edit-start-error')).toBe('Start is not a number: "ten".');
    expect(await page.getAttribute('#edit-start', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-start');
  });

  it('works with the keyboard alone', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
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
    // First what to check in (a key result or a KPI), then the filters, then the item.
    expect(await focused()).toBe('checkin-what');
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
    expect(await text(page, '#checkin-ok')).toBe('Checked in C-KR2: 112% → 115%.');
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
    open = await session.open((rt) => {
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

    // The picker lists them as text, finds them by the unit typed as text, and opens them.
    expect(await optionGroups(page, '#edit-pick')).toMatchObject({
      Department: expect.arrayContaining([`SAL-O1 — ${corpus[0]}`, `SAL-KR1 — ${corpus[0]}`, `SAL-KR2 — ${corpus[1]}`]),
    });
    await page.fill('#edit-pick-filter', corpus[1] as string);
    expect(await optionTexts(page, '#edit-pick')).toEqual([
      `SAL-O1 — ${corpus[0]}`,
      `SAL-KR1 — ${corpus[0]}`,
      `SAL-KR2 — ${corpus[1]}`,
    ]);
    await page.selectOption('#edit-pick', 'Department OKRs!4');
    await page.click('#edit-open');
    await idle(page);
    expect(await text(page, '#edit-heading')).toBe('Editing SAL-KR2 · Department OKRs row 4');
    expect(await page.inputValue('#edit-title')).toBe(corpus[1]);
    expect(await page.inputValue('#edit-owner')).toBe(corpus[2]);
    expect(await page.getAttribute('#edit-pick', 'title')).toBe(`SAL-KR2 — ${corpus[1]}`);
    await page.fill('#edit-pick-filter', `${corpus[3]}${corpus[0]}`);
    await page.press('#edit-pick-filter', 'Enter');
    expect(await text(page, '#edit-note')).toBe(
      `No objective or key result matches "${corpus[3]}${corpus[0]}": change the filter.`,
    );

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
    open = await session.open((rt) => {
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
    // The picker filtered and a % key result opened from it; then a filter that matches nothing.
    await page.fill('#edit-pick-filter', 'growth');
    await page.selectOption('#edit-pick', 'Team OKRs!12');
    await page.press('#edit-pick', 'Enter');
    await idle(page);
    expect(await page.inputValue('#edit-current')).toBe('50%');
    expect(await serious()).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar-picker.png', fullPage: true });
    await page.fill('#edit-pick-filter', 'no such okr');
    await page.press('#edit-pick-filter', 'Enter');
    expect(await serious()).toEqual([]);
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'SAL-KR1');
    expect(await serious()).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar-checkin.png', fullPage: true });
  });
});

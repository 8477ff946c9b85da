/**
 * §5 in Chromium, for the Check-in panel: a refused check-in shows every problem at its field,
 * all at once, in plain words (no cell reference), with the focus on the first; each field is
 * marked aria-invalid and described by its message, and loses the mark once corrected.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { writeSampleWorkbook } from '../support/workbook';
import { browserAvailable, idle, type OpenSidebar, sidebarSession } from './harness';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');

const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const cell = (rt: AddonRuntime, tab: string, a1: string) =>
  rt.emulator.spreadsheet.getSheetByName(tab)?.getRange(a1).getValue();
const logLength = (rt: AddonRuntime) => rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getLastRow();

/** Each marked control's id with its message, read as a screen reader would: through aria-describedby. */
function marked(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const control of Array.from(document.querySelectorAll('#panel-checkin [aria-invalid="true"]'))) {
      const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
      out[control.id] = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    }
    return out;
  });
}

/** axe-core's serious and critical violations on the page as it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const { axe } = window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } };
    const { violations } = await axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** True when each field message sits in the same form field as its control, right under it. */
function messagesAtTheirFields(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#panel-checkin .field-error')).every((note) => {
      const control = document.getElementById(note.id.replace(/-error$/, ''));
      const field = note.closest('.field');
      return control !== null && field?.contains(control) === true && note.checkVisibility();
    }),
  );
}

describe.skipIf(!browserAvailable())('sidebar: a refused check-in, at its fields', () => {
  const session = sidebarSession();
  let open: OpenSidebar | undefined;

  it('a key result: every problem at its field at once, focus on the first, marks gone once corrected', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page, rt, server } = open;
    const log = logLength(rt);
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-kr', 'SAL-KR1');
    await page.fill('#checkin-value', 'lots');
    await page.fill('#checkin-confidence', '11');
    await page.fill('#checkin-comment', 'x'.repeat(5_001));
    await page.click('#checkin-save');
    await idle(page);

    // The server refused it (it checks everything; the page sent what was typed).
    expect(server.calls.filter((c) => c.name === 'recordCheckIn')).toHaveLength(1);
    expect(await text(page, '#checkin-error')).toBe('Not saved: 3 things need fixing first.');
    expect(await marked(page)).toEqual({
      'checkin-value': 'New value must be a number (like 42, 1,200 or 45%), not "lots".',
      'checkin-confidence': 'Confidence must be a number from 0 to 10, not "11".',
      'checkin-comment': 'Keep the comment to 5,000 characters (it has 5,001).',
    });
    expect(await messagesAtTheirFields(page)).toBe(true);
    // Plain words: no A1 reference in any of them.
    const messages = await page.locator('#panel-checkin .field-error').allTextContents();
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).not.toMatch(/(^|[^A-Za-z])[A-Z]{1,2}\d+\b/);
    expect(await focused(page)).toBe('checkin-value');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/sidebar-checkin-errors.png', fullPage: true });
    // Nothing was written; what was typed is kept.
    expect(cell(rt, 'Department OKRs', 'J3')).toBe(4_000_000);
    expect(logLength(rt)).toBe(log);
    expect(await page.inputValue('#checkin-confidence')).toBe('11');

    // The value corrected: its mark goes, the others stay, and the focus moves to the first left.
    await page.fill('#checkin-value', '4,500,000');
    await page.click('#checkin-save');
    await idle(page);
    expect(await text(page, '#checkin-error')).toBe('Not saved: 2 things need fixing first.');
    expect(Object.keys(await marked(page))).toEqual(['checkin-confidence', 'checkin-comment']);
    expect(await page.getAttribute('#checkin-value', 'aria-invalid')).toBeNull();
    expect(await page.locator('#checkin-value-error').count()).toBe(0);
    expect(await focused(page)).toBe('checkin-confidence');

    // All corrected: recorded, and no mark or message is left.
    await page.fill('#checkin-confidence', '8');
    await page.fill('#checkin-comment', 'Two deals moved to proposal');
    await page.click('#checkin-save');
    await idle(page);
    expect(await text(page, '#checkin-ok')).toBe('Checked in SAL-KR1: $4,000,000 → $4,500,000.');
    expect(await page.isHidden('#checkin-error')).toBe(true);
    expect(await marked(page)).toEqual({});
    expect(await page.locator('#panel-checkin .field-error').count()).toBe(0);
    expect(cell(rt, 'Department OKRs', 'J3')).toBe(4_500_000);
    // aria-describedby is back to what the page gave each control.
    expect(await page.getAttribute('#checkin-comment', 'aria-describedby')).toBe('checkin-comment-hint');
    expect(await page.getAttribute('#checkin-value', 'aria-describedby')).toBeNull();
  });

  it('a KPI: an Actual that is not a number and a confidence out of range, at their fields, as text', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page, rt } = open;
    await page.click('#tab-checkin');
    await page.selectOption('#checkin-what', 'kpi');
    await idle(page);
    await page.selectOption('#checkin-kr', 'KPI-1');
    const typed = '<img src=x onerror="document.title=\'xss\'">';
    await page.fill('#checkin-value', typed);
    await page.fill('#checkin-confidence', '-3');
    await page.press('#checkin-value', 'Enter');
    await idle(page);
    expect(await text(page, '#checkin-error')).toBe('Not saved: 2 things need fixing first.');
    expect(await marked(page)).toEqual({
      'checkin-value': `New value must be a number (like 42, 1,200 or 45%), not "${typed}".`,
      'checkin-confidence': 'Confidence must be a number from 0 to 10, not "-3".',
    });
    // What was typed came back as text, never as markup.
    expect(await page.locator('#panel-checkin img').count()).toBe(0);
    expect(await page.title()).not.toBe('xss');
    expect(await focused(page)).toBe('checkin-value');
    expect(cell(rt, 'KPIs', 'I2')).toBe(715_000);

    // Another KPI chosen: the messages were about the one before, so they go.
    const other = await page.$$eval('#checkin-kr option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== '' && v !== 'KPI-1'),
    );
    await page.selectOption('#checkin-kr', other ?? '');
    expect(await marked(page)).toEqual({});
    expect(await page.isHidden('#checkin-error')).toBe(true);
  });

  it('no key result to check in: said at the picker, with the blank value, focus on the picker', async () => {
    open = await session.open((rt) => writeSampleWorkbook(rt));
    const { page } = open;
    await page.click('#tab-checkin');
    // A unit and an owner with no key result in common empty the list.
    await page.selectOption('#checkin-unit', 'Sales');
    const owners = await page.$$eval('#checkin-owner option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''),
    );
    for (const owner of owners) {
      await page.selectOption('#checkin-owner', owner);
      if ((await page.inputValue('#checkin-kr')) === '') break;
    }
    expect(await page.inputValue('#checkin-kr')).toBe('');
    // No hint left from the key result chosen before.
    expect(await page.getAttribute('#checkin-value', 'placeholder')).toBe('');
    await page.click('#checkin-save');
    await idle(page);
    expect(await text(page, '#checkin-error')).toBe('Not saved: 2 things need fixing first.');
    expect(await marked(page)).toEqual({
      'checkin-kr': 'Choose a key result.',
      'checkin-value': 'Enter the new value.',
    });
    expect(await messagesAtTheirFields(page)).toBe(true);
    expect(await focused(page)).toBe('checkin-kr');
  });
});

/**
 * The built Weekly rhythm dialog in Chromium, its google.script.run calls going over HTTP
 * to the built bundle in the local runtime (local/sidebar-server.ts serves any page).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PropertiesServiceHandle } from '../../local/emulator/services/index';
import { type AddonRuntime, DIST_DIR, loadAddon } from '../../local/runtime';
import { type SidebarServer, startSidebarServer } from '../../local/sidebar-server';
import { writeSampleWorkbook } from '../support/workbook';
import { type Browser, browserAvailable, launchBrowser } from './harness';

const AXE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules/axe-core/axe.min.js');
const SETTER = 'pmo.lead@northwind.example';

interface OpenDialog {
  readonly page: Page;
  readonly rt: AddonRuntime;
  readonly server: SidebarServer;
  readonly problems: string[];
}

const idle = (page: Page) =>
  page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
const text = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe.skipIf(!browserAvailable())('Weekly rhythm dialog in Chromium', () => {
  let browser: Browser;
  let open: OpenDialog | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!open) return;
    const { page, server, problems } = open;
    await page.close();
    await server.close();
    open = undefined;
    expect(problems, 'no native dialog or uncaught page error').toEqual([]);
  });

  async function openDialog(prepare: (rt: AddonRuntime) => void = () => {}): Promise<OpenDialog> {
    const rt = loadAddon({ timeZone: 'America/New_York', user: SETTER, now: () => new Date('2027-03-03T15:00:00Z') });
    writeSampleWorkbook(rt);
    prepare(rt);
    const server = await startSidebarServer(rt, { page: path.join(DIST_DIR, 'rhythm.html') });
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 460, height: 600 });
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await idle(page);
    return { page, rt, server, problems };
  }

  it('turns the rhythm on and off, showing the server’s refusals in place', async () => {
    open = await openDialog();
    const { page, rt } = open;
    expect(await text(page, '#status')).toBe('The weekly rhythm is off.');
    expect(await text(page, '#zone')).toBe("In the spreadsheet's time zone, America/New_York.");
    expect(await text(page, '#setup')).toBe('Not set up yet');
    expect(await page.isDisabled('#day')).toBe(true);

    await page.check('#enabled');
    expect(await page.isDisabled('#day')).toBe(false);
    await page.selectOption('#day', 'FRIDAY');
    await page.selectOption('#hour', '14');
    await page.fill('#recipients', 'ceo@northwind.example\nDana Reyes');
    await page.click('#save');
    await idle(page);
    expect(await text(page, '#error')).toBe('Not saved: "Dana Reyes" is not an email address.');
    expect(rt.emulator.triggers.all()).toEqual([]);

    await page.fill('#recipients', 'ceo@northwind.example, coo@northwind.example');
    await page.click('#save');
    await idle(page);
    expect(await page.isHidden('#error')).toBe(true);
    expect(await text(page, '#status')).toBe('The weekly rhythm is on: every Friday at 14:00 (America/New_York).');
    // The time in the spreadsheet's zone, in the browser's own date format.
    expect(await text(page, '#setup')).toMatch(/^pmo\.lead@northwind\.example, .*2027/);
    expect(await page.inputValue('#recipients')).toBe('ceo@northwind.example\ncoo@northwind.example');
    expect(rt.emulator.triggers.all().map((t) => t.schedule)).toMatchObject([{ weekday: 'FRIDAY', hour: 14 }]);

    // Saved again from the keyboard: still one trigger.
    await page.focus('#save');
    await page.keyboard.press('Enter');
    await idle(page);
    expect(rt.emulator.triggers.all()).toHaveLength(1);

    await page.uncheck('#enabled');
    await page.click('#save');
    await idle(page);
    expect(await text(page, '#status')).toBe('The weekly rhythm is off; its trigger was removed.');
    expect(rt.emulator.triggers.all()).toEqual([]);
  });

  it('shows stored text as text, and has no serious accessibility violations', async () => {
    const evil = '<img src=x onerror="window.pwned=1">';
    open = await openDialog((rt) => {
      const store = (rt.emulator.globals.PropertiesService as PropertiesServiceHandle)._document;
      store.set(
        'okr-cascade.rhythm.record',
        JSON.stringify({
          setUpBy: evil,
          setUpAt: '2027-03-01T14:00:00.000Z',
          triggerId: null,
          day: 'MONDAY',
          hour: 9,
          timeZone: 'America/New_York',
          lastRun: { at: '2027-03-01T14:05:00.000Z', ok: false, summary: `Failed: ${evil}` },
        }),
      );
    });
    const { page } = open;
    const setup = await text(page, '#setup');
    expect(setup.startsWith(`${evil}, `) && setup.includes('2027'), setup).toBe(true);
    const lastRun = await text(page, '#lastrun');
    expect(lastRun.endsWith(`: Failed: ${evil}`) && lastRun.includes('2027'), lastRun).toBe(true);
    expect(await page.getAttribute('#lastrun', 'class')).toBe('failed');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.addScriptTag({ path: AXE });
    const serious = await page.evaluate(async () => {
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
    expect(serious).toEqual([]);
    await page.screenshot({ path: '/tmp/rhythm-dialog.png', fullPage: true });
  });
});

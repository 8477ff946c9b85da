/**
 * `npm run playground` in Chromium: the add-on's menu runs every action on the sample
 * workbook, and the grid draws what the emulator stores — number formats, colours, frozen
 * rows, row groups — and the Dashboard's recorded charts (chart.js, served locally).
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { playgroundRuntime } from '../../local/playground';
import type { AddonRuntime } from '../../local/runtime';
import { type SidebarServer, startSidebarServer } from '../../local/sidebar-server';
import { type Browser, browserAvailable, launchBrowser } from './harness';

const NOW = new Date('2027-02-15T12:00:00Z');

interface Open {
  readonly page: Page;
  readonly rt: AddonRuntime;
  readonly server: SidebarServer;
  readonly problems: string[];
}

const idle = (page: Page) => page.waitForFunction(() => document.body.dataset.busy === 'false');

/** Clicks Extensions ▸ OKR Cascade ▸ `caption`; an action that asks something waits for the answer. */
async function menu(page: Page, caption: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.getByRole('menuitem', { name: caption }).click();
}

/** The text and look of the grid cell in the row whose cells include `id`, column `header`. */
async function cell(page: Page, id: string, header: string) {
  return page.evaluate(
    ({ id, header }) => {
      const rows = Array.from(document.querySelectorAll('#cells tbody tr'));
      const headerRow = rows.find((r) => Array.from(r.querySelectorAll('td')).some((td) => td.textContent === header));
      const col = Array.from(headerRow?.querySelectorAll('td') ?? []).findIndex((td) => td.textContent === header);
      const row = rows.find((r) => Array.from(r.querySelectorAll('td')).some((td) => td.textContent === id));
      const td = row?.querySelectorAll('td')[col] as HTMLElement | undefined;
      if (!td) return null;
      const style = getComputedStyle(td);
      return { text: td.textContent, background: style.backgroundColor, color: style.color, weight: style.fontWeight };
    },
    { id, header },
  );
}

describe.skipIf(!browserAvailable())('the playground in Chromium', () => {
  let browser: Browser;
  let open: Open | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await open?.page.close();
    await open?.server.close();
    open = undefined;
  });

  async function start(): Promise<Open> {
    const rt = playgroundRuntime({ now: () => NOW });
    const server = await startSidebarServer(rt);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1600, height: 1000 });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('dialog', (d) => {
      problems.push(`native ${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    // Nothing may come from the network: every request stays on this server.
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url.replace('/sidebar.html', ''))) problems.push(`request to ${r.url()}`);
    });
    await page.goto(server.url.replace('/sidebar.html', '/'));
    await idle(page);
    open = { page, rt, server, problems };
    return open;
  }

  it('opens on Corporate OKRs with values in their units and the Status colours', async () => {
    const { page, problems } = await start();
    expect(await page.locator('#tabs [aria-pressed="true"]').textContent()).toBe('Corporate OKRs');
    expect(await cell(page, 'C-KR1', 'Current')).toMatchObject({ text: '$8,600,000' });
    expect(await cell(page, 'C-KR4', 'Current')).toMatchObject({ text: '2.4%' });
    // Behind: amber from the conditional format on Status.
    expect(await cell(page, 'C-KR1', 'Status')).toMatchObject({ text: 'Behind', background: 'rgb(252, 229, 205)' });
    expect(problems).toEqual([]);
  });

  it('menu ▸ Build roll-up and dashboard: the Roll-up shows with its colours, groups and frozen header', async () => {
    const { page, problems } = await start();
    await menu(page, 'Build roll-up and dashboard');
    await idle(page);
    await expect.poll(() => page.locator('#overlay').isVisible()).toBe(true);
    expect(await page.locator('#dialog-text').textContent()).toBe(
      'Roll-up: 37 rows, 0 unaligned. Dashboard: 3 charts.',
    );
    await page.click('#dialog-buttons button');
    expect(await page.locator('#tabs [aria-pressed="true"]').textContent()).toBe('Roll-up');
    expect(await cell(page, 'C-KR1', 'Status')).toMatchObject({ text: 'Behind', background: 'rgb(252, 229, 205)' });
    expect(await cell(page, 'C-KR1', 'Progress')).toMatchObject({ color: 'rgb(246, 178, 107)' });
    expect(await cell(page, 'C-KR1', 'Current')).toMatchObject({ text: '$8,600,000' });
    // 30% now, 25.5% at the last weekly snapshot: up 4 points, in green.
    expect(await cell(page, 'C-KR1', 'Trend')).toMatchObject({ text: '▲ +4 pts', color: 'rgb(19, 115, 51)' });
    expect(await cell(page, 'C-O1', 'Title')).toMatchObject({ weight: '700' });
    // The tree header is the last frozen row: it stays put while the grid scrolls.
    const header = page.locator('#cells tbody tr.freeze-line');
    expect(await header.locator('td').nth(1).textContent()).toBe('Title');
    await page.locator('#grid').evaluate((g) => g.scrollBy(0, 600));
    expect(await header.isVisible()).toBe(true);
    await page.locator('#grid').evaluate((g) => g.scrollTo(0, 0));
    // Collapsing C-O1 hides its subtree: C-KR1 goes, C-O2 stays.
    await page
      .getByRole('button', { name: /^Collapse rows/ })
      .first()
      .click();
    await expect.poll(async () => (await cell(page, 'C-KR1', 'Status')) === null).toBe(true);
    expect(await cell(page, 'C-O2', 'Status')).not.toBeNull();
    expect(problems).toEqual([]);
  });

  it('draws the Dashboard’s charts with the local chart library', async () => {
    const { page, problems } = await start();
    await menu(page, 'Build roll-up and dashboard');
    await idle(page);
    await page.click('#dialog-buttons button');
    await page.locator('#tabs button', { hasText: 'Dashboard' }).click();
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(3);
    const labels = await page.locator('.chart').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(labels).toEqual([
      'Score over time against expected, per level',
      'Objectives and key results by status, per level',
      'Average score per unit, grouped by level',
    ]);
    // Drawn, not blank: the canvas holds coloured pixels.
    const painted = await page
      .locator('.chart canvas')
      .first()
      .evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
        let coloured = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) > 0) coloured++;
        return coloured;
      });
    expect(painted).toBeGreaterThan(1000);
    expect(problems).toEqual([]);
  });

  it('asks what an action asks (the rollout plan’s start date), then runs it', async () => {
    const { page, rt, problems } = await start();
    await menu(page, 'Generate rollout plan');
    await expect.poll(() => page.locator('#dialog-input').isVisible()).toBe(true);
    expect(await page.locator('#dialog-text').textContent()).toMatch(/start/i);
    await page.fill('#dialog-input', '2027-03-01');
    await page.click('#dialog-buttons button.primary');
    await idle(page);
    // Its summary, then the plan itself.
    await expect.poll(() => page.locator('#dialog-text').textContent()).toMatch(/Rollout Plan/);
    await page.click('#dialog-buttons button');
    await expect.poll(() => page.locator('#tabs [aria-pressed="true"]').textContent()).toBe('Rollout Plan');
    expect(rt.emulator.spreadsheet.getSheetByName('Rollout Plan')).not.toBeNull();
    expect(problems).toEqual([]);
  });
});

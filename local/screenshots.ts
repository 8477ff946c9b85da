/**
 * `npm run screenshots`: PNGs of what a PMO leader sees, taken in Chromium from the local
 * playground on the sample company (clock fixed at 2027-02-15, mid-quarter), into
 * docs/screenshots/: the Roll-up, the Dashboard, the sidebar (Edit and Check-in) and the
 * Rollout Plan. Every action is run through the add-on's menu, as a user would.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Frame, type Page } from 'playwright-core';
import { playgroundRuntime } from './playground';
import { startSidebarServer } from './sidebar-server';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const NOW = new Date('2027-02-15T12:00:00Z');

const idle = (page: Page) => page.waitForFunction(() => document.body.dataset.busy === 'false');

async function menu(page: Page, caption: string, answer?: string): Promise<void> {
  await page.click('#menu-extensions');
  await page.getByRole('menuitem', { name: caption }).click();
  if (answer !== undefined) {
    await page.waitForSelector('#dialog-input:not([hidden])');
    await page.fill('#dialog-input', answer);
    await page.click('#dialog-buttons button.primary');
  }
  await idle(page);
  // The action's summary: read, then closed.
  await page.waitForSelector('#overlay:not([hidden])');
  await page.click('#dialog-buttons button');
}

async function sidebarIdle(frame: Frame): Promise<void> {
  await frame.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
}

const rt = playgroundRuntime({ now: () => NOW });
const server = await startSidebarServer(rt);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1680, height: 980 } });
  await page.goto(server.url.replace('/sidebar.html', '/'));
  await idle(page);

  // Wide enough for every column of the tree: Status, the bar, Trend, Confidence, Last check-in.
  await page.setViewportSize({ width: 2450, height: 980 });
  await menu(page, 'Build roll-up and dashboard');
  await page.screenshot({ path: path.join(OUT, 'roll-up.png') });

  await page.locator('#tabs button', { hasText: 'Dashboard' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.chart canvas').length === 3);
  await page.setViewportSize({ width: 1680, height: 1300 });
  await page.screenshot({ path: path.join(OUT, 'dashboard.png') });
  await page.setViewportSize({ width: 1680, height: 980 });

  // The sidebar on a key result: its score, expected, status and recent check-ins.
  await page.locator('#tabs button', { hasText: 'Corporate OKRs' }).click();
  await page.locator('#cells tbody tr', { hasText: 'C-KR1' }).click();
  const frame = page.frame({ url: /sidebar\.html/ }) as Frame;
  await sidebarIdle(frame);
  await frame.click('#edit-load');
  await sidebarIdle(frame);
  await frame.waitForSelector('#edit-history-box[data-state="ready"]');
  await page.locator('#sidebar').screenshot({ path: path.join(OUT, 'sidebar-edit.png') });
  await frame.click('#tab-checkin');
  await sidebarIdle(frame);
  await frame.waitForSelector('#checkin-history-box[data-state="ready"]');
  await page.locator('#sidebar').screenshot({ path: path.join(OUT, 'sidebar-checkin.png') });

  // Wide enough for the W1–W12 shading and the highlighted current week.
  await page.setViewportSize({ width: 2500, height: 980 });
  // Started two weeks ago: week 3 is this week, and the first workshops' rows are overdue.
  await menu(page, 'Generate rollout plan', '2027-02-01');
  await page.screenshot({ path: path.join(OUT, 'rollout-plan.png') });
  console.log(`Screenshots in ${path.relative(process.cwd(), OUT)}/`);
} finally {
  await browser.close();
  await server.close();
}

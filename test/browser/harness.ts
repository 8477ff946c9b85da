/**
 * Browser tests drive Debian's Chromium (a Playwright browser download does not work
 * here). In CI a missing Chromium fails the run; locally it skips, loudly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { type SidebarServer, startSidebarServer } from '../../local/sidebar-server';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// CI services set CI to true or 1; only an explicit false or an empty value means a local run.
const inCi = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** False only when Chromium is missing outside CI: then the browser tests skip. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (inCi) return true; // let the tests run and fail in launchBrowser
  console.warn(`\n\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM} (they fail in CI) ***\n\n`);
  return false;
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install the chromium package`);
  const profile = mkdtempSync(path.join(tmpdir(), 'okr-sidebar-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    viewport: { width: 300, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** An open sidebar: the page, its server and the emulated workbook behind it. */
export interface OpenSidebar {
  readonly page: Page;
  readonly server: SidebarServer;
  readonly rt: AddonRuntime;
  /** Native dialogs (alert/confirm) and uncaught page errors: both must stay empty. */
  readonly dialogs: string[];
  readonly pageErrors: string[];
  close(): Promise<void>;
}

/**
 * Loads the built page against a fresh runtime. `prepare` fills the workbook and
 * sets the selection before the page asks for its context.
 */
export async function openSidebar(browser: Browser, prepare: (rt: AddonRuntime) => void): Promise<OpenSidebar> {
  const rt = loadAddon({ timeZone: 'America/New_York', user: 'pmo.lead@northwind.example' });
  prepare(rt);
  const server = await startSidebarServer(rt);
  const page = await browser.context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
  return {
    page,
    server,
    rt,
    dialogs,
    pageErrors,
    close: async () => {
      await page.close();
      await server.close();
    },
  };
}

/** Waits until no server call is running. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('app')?.getAttribute('aria-busy') === 'false');
}

/**
 * The hooks every sidebar suite needs: one Chromium for the suite, and each test's sidebar
 * closed after it with no native dialog and no uncaught page error left behind.
 */
export function sidebarSession(): { open(prepare: (rt: AddonRuntime) => void): Promise<OpenSidebar> } {
  let browser: Browser | undefined;
  let current: OpenSidebar | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (!current) return;
    const { dialogs, pageErrors } = current;
    await current.close();
    current = undefined;
    expect(dialogs, 'no native dialog may open').toEqual([]);
    expect(pageErrors, 'no uncaught page error').toEqual([]);
  });
  return {
    open: async (prepare) => {
      if (browser === undefined) throw new Error('the browser did not start');
      current = await openSidebar(browser, prepare);
      return current;
    },
  };
}

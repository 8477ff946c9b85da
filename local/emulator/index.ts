import { CallLog } from './calls.js';
import type { EmulatorEnv } from './env.js';
import type { CustomFunction } from './formulas/plugin.js';
import { createServices, type UiState } from './services/index.js';
import { createSpreadsheetWorld } from './spreadsheet/app.js';
import { Charts } from './spreadsheet/charts.js';
import type { Toast } from './spreadsheet/spreadsheet.js';

export interface EmulatorOptions {
  /** Spreadsheet / script time zone; default 'UTC'. */
  timeZone?: string;
  user?: string;
  now?: () => Date;
  spreadsheetName?: string;
  htmlDir?: string;
  locale?: string;
  /** The bundle's global scope, for HTML template scriptlets. */
  templateGlobals?: () => object;
}

export interface Emulator {
  env: EmulatorEnv;
  calls: CallLog;
  /** SpreadsheetApp, Charts and the other services, to install as the bundle's globals. */
  globals: Record<string, unknown>;
  /** The active spreadsheet (instrumented: calls on it are counted). */
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  uiState: UiState;
  /** Spreadsheet.toast calls, in order. */
  toasts: Toast[];
  /** Makes the bundle's custom functions callable from formulas (names are case-insensitive). */
  registerCustomFunctions(fns: Record<string, (...args: unknown[]) => unknown>): void;
  /** Dates handed to the bundle are made with this realm's Date. */
  setRealm(realm: { Date: DateConstructor }): void;
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const calls = new CallLog();
  const env: EmulatorEnv = {
    calls,
    timeZone: options.timeZone ?? 'UTC',
    now: options.now ?? (() => new Date()),
    user: options.user ?? 'pmo.lead@example.com',
    Date,
    authMode: 'FULL',
  };
  const services = createServices(env, { htmlDir: options.htmlDir, templateGlobals: options.templateGlobals });
  const { uiState, ...serviceGlobals } = services;
  const world = createSpreadsheetWorld(env, { name: options.spreadsheetName, ui: () => services.Ui });
  if (options.locale) world.ctx.wb.locale = options.locale;
  return {
    env,
    calls,
    globals: { ...serviceGlobals, SpreadsheetApp: world.app, Charts },
    spreadsheet: world.spreadsheet,
    uiState,
    toasts: world.impl._toasts,
    registerCustomFunctions(fns) {
      world.ctx.wb.engine.setCustomFunctions(fns as Record<string, CustomFunction>);
    },
    setRealm(realm) {
      env.Date = realm.Date;
    },
  };
}

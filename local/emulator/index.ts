import { CallLog } from './calls.js';
import type { EmulatorEnv } from './env.js';
import { Faults } from './faults.js';
import type { Recalculation } from './formulas/engine.js';
import type { CustomFunction } from './formulas/plugin.js';
import { createServices, type MailState, type TriggerRecord, type UiState } from './services/index.js';
import { nextRun, timeDrivenEvent } from './services/triggers.js';
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
  /** The script project's zone (the manifest's timeZone), where clock triggers run by default; default timeZone. */
  scriptTimeZone?: string;
  /** The manifest's oauthScopes; absent, every call is allowed (Apps Script would detect the scopes). */
  oauthScopes?: string[];
  /** The scopes the user granted at the consent screen; default: all of oauthScopes. */
  grantedScopes?: string[];
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
  /** Custom functions as Sheets runs them: executions per recalculation, and Loading…. */
  customFunctions: CustomFunctionMonitor;
  triggers: EmulatedTriggers;
  /** MailApp's sent messages and daily quota. */
  mail: MailState;
  /** Makes document-changing calls fail as Sheets does when its service fails (faults.ts). */
  faults: Faults;
}

/** Installable triggers, as Apps Script keeps them for every user of the script. */
export interface EmulatedTriggers {
  /** Every user's triggers, oldest first. */
  all(): readonly TriggerRecord[];
  get(id: string): TriggerRecord | undefined;
  /** When a clock trigger runs next after `after`. */
  nextRun(id: string, after: Date): Date;
  /** The time-driven event object its function receives when it runs at `at`. */
  eventAt(id: string, at: Date): Record<string, unknown>;
  /**
   * Runs `fn` as Apps Script runs an installable trigger's function: as the trigger's
   * owner, in AuthMode.FULL, and with no user interface to show anything in.
   */
  runAs<T>(id: string, fn: () => T): T;
}

export interface CustomFunctionMonitor {
  /** Every recalculation that executed a custom function, oldest first. */
  readonly recalculations: readonly Recalculation[];
  /** Executions in the recalculations from index `from` on (all by default). */
  executionsSince(from?: number): number;
  /**
   * Pending mode: from now on, each cell whose custom function executes reads `Loading...` (its
   * spilled cells blank) until settle(), as in Sheets while the server runs it.
   */
  setPending(on: boolean): void;
  /** Every execution in flight finishes. */
  settle(): void;
  /** Recalculates every formula, as on opening the spreadsheet; the recalculation, if any ran. */
  recalculateAll(): Recalculation | undefined;
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
    oauthScopes: options.oauthScopes,
    grantedScopes: options.grantedScopes,
  };
  let documentId: () => string | null = () => null;
  // "Cannot call SpreadsheetApp.getUi() from this context." in a trigger's run: it has no editor
  // to show anything in (https://github.com/williamlmao/plaid-to-gsheets/issues/2 shows the error).
  let inTrigger = false;
  const services = createServices(env, {
    htmlDir: options.htmlDir,
    templateGlobals: options.templateGlobals,
    documentId: () => documentId(),
    scriptTimeZone: options.scriptTimeZone,
  });
  const { uiState, ...serviceGlobals } = services;
  const world = createSpreadsheetWorld(env, {
    name: options.spreadsheetName,
    ui: () => {
      if (inTrigger) throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
      return services.Ui;
    },
  });
  documentId = () => world.ctx.wb.id;
  env.faults = new Faults(() => world.ctx.wb.id);
  const store = services.ScriptApp._store;
  const trigger = (id: string): TriggerRecord => {
    const record = store.get(id);
    if (record === undefined) throw new Error(`Emulator: there is no trigger ${id}`);
    return record;
  };
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
    customFunctions: {
      get recalculations() {
        return world.ctx.wb.engine.recalculations;
      },
      executionsSince: (from) => world.ctx.wb.engine.executionsSince(from),
      setPending(on) {
        world.ctx.wb.engine.pendingMode = on;
      },
      settle: () => world.ctx.wb.engine.settle(),
      recalculateAll: () => world.ctx.wb.engine.recalculateAll(),
    },
    triggers: {
      all: () => store.all(),
      get: (id) => store.get(id),
      nextRun: (id, after) => new Date(nextRun(trigger(id), after.getTime())),
      eventAt: (id, at) => timeDrivenEvent(trigger(id), at.getTime()),
      runAs(id, fn) {
        const record = trigger(id);
        const saved = { user: env.user, authMode: env.authMode, inTrigger };
        env.user = record.owner;
        env.authMode = 'FULL';
        inTrigger = true;
        try {
          return fn();
        } finally {
          env.user = saved.user;
          env.authMode = saved.authMode;
          inTrigger = saved.inTrigger;
        }
      },
    },
    mail: services.MailApp._state,
    faults: env.faults,
  };
}

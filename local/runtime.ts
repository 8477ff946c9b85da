/**
 * Runs the BUILT add-on (dist/*.js, exactly what clasp pushes) off Google:
 * gas-local loads it into a vm context whose globals are the emulator's
 * services, and tests call its entry points by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import gasLocal from 'gas-local';
import type * as EntryPoints from '../src/main';
import type { AuthModeName } from './emulator/calls';
import { createEmulator, type Emulator, type EmulatorOptions } from './emulator/index';

export type EntryPointName = keyof typeof EntryPoints;
type EntryPoint<K extends EntryPointName> = (typeof EntryPoints)[K];
type AnyFunction = (...args: unknown[]) => unknown;

export const DIST_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export interface AddonRuntime {
  readonly emulator: Emulator;
  /** The vm context the bundle runs in; values made here are of the script's realm. */
  readonly context: vm.Context;
  /** The names of the top-level functions Apps Script would see. */
  readonly topLevelFunctions: readonly string[];
  /** Calls a top-level function as Apps Script would for a menu item (AuthMode.FULL). */
  call<K extends EntryPointName>(name: K, ...args: Parameters<EntryPoint<K>>): ReturnType<EntryPoint<K>>;
  /** Calls a top-level function in a given authorization mode (onOpen runs in NONE before authorization). */
  callAs<K extends EntryPointName>(
    authMode: AuthModeName,
    name: K,
    ...args: Parameters<EntryPoint<K>>
  ): ReturnType<EntryPoint<K>>;
  /** Makes a value inside the script's realm, e.g. `evaluate('new Date(2027, 0, 4)')`. */
  evaluate<T = unknown>(expression: string): T;
  /**
   * Runs clock trigger `id` as Apps Script does when it is due: the clock moves to its next
   * run (or to `at`), and the trigger's function runs as the trigger's owner, in AuthMode.FULL,
   * with the time-driven event object, and without a user interface.
   */
  fireTrigger(id: string, options?: { at?: Date }): FiredTrigger;
  /**
   * A user types `values` into `a1` on tab `tab` (the write is the user's, not a counted call
   * of the script's), then the add-on's simple onEdit trigger runs, in AuthMode.LIMITED, with
   * the edit event (https://developers.google.com/apps-script/guides/triggers/events#edit:
   * `value` and `oldValue` only for a single cell).
   */
  userEdit(tab: string, a1: string, values: unknown[][]): void;
}

export interface FiredTrigger {
  readonly at: Date;
  readonly event: Record<string, unknown>;
  readonly result: unknown;
}

/**
 * The script's own `new Date()` and `Date.now()` read the emulator's clock, so a
 * test that fixes `now` fixes "today" for the bundle, TODAY() and the services alike.
 */
function followEmulatorClock(context: vm.Context, nowMs: () => number): void {
  const install = vm.runInContext(
    `(function (nowMs) {
      var RealDate = Date;
      Date = new Proxy(RealDate, {
        construct: function (target, args, newTarget) {
          return Reflect.construct(target, args.length === 0 ? [nowMs()] : args, newTarget);
        },
        apply: function () { return new RealDate(nowMs()).toString(); },
        get: function (target, key, receiver) {
          return key === 'now' ? nowMs : Reflect.get(target, key, receiver);
        },
      });
    })`,
    context,
  ) as (nowMs: () => number) => void;
  install(nowMs);
}

export interface LoadOptions extends EmulatorOptions {
  distDir?: string;
}

const REPO_MANIFEST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../appsscript.json');

/**
 * The scopes the manifest pushed with the bundle asks for (the repository's manifest when the
 * folder has none): with `oauthScopes`, Apps Script grants exactly those; without, it detects
 * what the code needs (https://developers.google.com/apps-script/concepts/scopes#set-explicit).
 */
export function manifestScopes(distDir: string): string[] | undefined {
  const pushed = path.join(distDir, 'appsscript.json');
  const manifest = JSON.parse(readFileSync(existsSync(pushed) ? pushed : REPO_MANIFEST, 'utf8')) as {
    oauthScopes?: string[];
  };
  return manifest.oauthScopes;
}

/** The manifest's timeZone: the script project's zone, where a clock trigger without inTimezone runs. */
function manifestTimeZone(distDir: string): string | undefined {
  const pushed = path.join(distDir, 'appsscript.json');
  const manifest = JSON.parse(readFileSync(existsSync(pushed) ? pushed : REPO_MANIFEST, 'utf8')) as {
    timeZone?: string;
  };
  return manifest.timeZone;
}

export function loadAddon(options: LoadOptions = {}): AddonRuntime {
  const distDir = options.distDir ?? DIST_DIR;
  const emulator = createEmulator({
    htmlDir: distDir,
    oauthScopes: manifestScopes(distDir),
    scriptTimeZone: manifestTimeZone(distDir),
    ...options,
  });
  // Apps Script has a console (to Cloud Logging); the host's stands in for it.
  const globals: Record<string, unknown> = { ...emulator.globals, console };
  // gas-local contextifies this very object, so remember what was ours before loading.
  const serviceNames = new Set(Object.keys(globals));
  const context = gasLocal.require(distDir, globals);
  emulator.setRealm({ Date: vm.runInContext('Date', context) as DateConstructor });

  const topLevelFunctions = Object.keys(context).filter(
    (name) => !serviceNames.has(name) && typeof context[name] === 'function',
  );
  // After listing the script's functions: the clock replaces the global Date.
  followEmulatorClock(context, () => emulator.env.now().getTime());

  const callAs = (authMode: AuthModeName, name: string, ...args: unknown[]): unknown => {
    const fn = context[name] as AnyFunction | undefined;
    if (typeof fn !== 'function') throw new Error(`The bundle has no top-level function ${name}`);
    const previous = emulator.env.authMode;
    emulator.env.authMode = authMode;
    try {
      return fn(...args);
    } finally {
      emulator.env.authMode = previous;
    }
  };

  const customFunctions: Record<string, AnyFunction> = {};
  const bundle = context.OKRCascade as Record<string, unknown>;
  for (const name of topLevelFunctions) {
    const impl = bundle?.[name] as { customFunctionDoc?: unknown } | undefined;
    if (impl?.customFunctionDoc) customFunctions[name] = (...args) => callAs('CUSTOM_FUNCTION', name, ...args);
  }
  emulator.registerCustomFunctions(customFunctions);

  const fireTrigger = (id: string, options: { at?: Date } = {}): FiredTrigger => {
    const record = emulator.triggers.get(id);
    if (record === undefined) throw new Error(`Emulator: there is no trigger ${id} (deleted?)`);
    if (record.eventType !== 'CLOCK')
      throw new Error(`Emulator: fireTrigger runs clock triggers; ${id} is ${record.eventType}`);
    const at = options.at ?? emulator.triggers.nextRun(id, emulator.env.now());
    const atMs = at.getTime();
    emulator.env.now = () => new Date(atMs);
    const fn = context[record.handler] as AnyFunction | undefined;
    // Apps Script's message when a trigger names a function the project no longer has.
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${record.handler}`);
    const event = emulator.triggers.eventAt(id, at);
    // Made in the script's realm, as Apps Script makes it.
    const inRealm = vm.runInContext(`(${JSON.stringify(event)})`, context) as Record<string, unknown>;
    const result = emulator.triggers.runAs(id, () => fn(inRealm));
    return { at: new Date(atMs), event, result };
  };

  const userEdit = (tab: string, a1: string, values: unknown[][]): void => {
    const { range, oldValue } = emulator.calls.uncounted(() => {
      const sheet = emulator.spreadsheet.getSheetByName(tab);
      if (sheet === null) throw new Error(`Emulator: userEdit: there is no tab "${tab}"`);
      const edited = sheet.getRange(a1);
      const before = edited.getValue();
      edited.setValues(values);
      return { range: edited, oldValue: before };
    });
    if (typeof context.onEdit !== 'function') return;
    const single = values.length === 1 && values[0]?.length === 1;
    const event: Record<string, unknown> = { authMode: 'LIMITED', range, source: emulator.spreadsheet };
    if (single) {
      // Like oldValue for a cell that was empty, value is left out for a cell the user cleared.
      const value = values[0]?.[0];
      if (value !== '' && value !== null && value !== undefined) event.value = value;
      if (oldValue !== '') event.oldValue = oldValue;
    }
    callAs('LIMITED', 'onEdit', event);
  };

  return {
    emulator,
    context,
    topLevelFunctions,
    userEdit,
    call: ((name: string, ...args: unknown[]) => callAs('FULL', name, ...args)) as AddonRuntime['call'],
    callAs: callAs as AddonRuntime['callAs'],
    evaluate: <T>(expression: string) => vm.runInContext(expression, context) as T,
    fireTrigger,
  };
}

import { type RoundTrip, RoundTripTracker } from './roundtrips.js';
import { isGranted, missingFromTable, permissionError, REQUIRED_SCOPES } from './scopes.js';

/**
 * Every emulated service call is counted per `Class.method`, so integration
 * tests and benchmarks can show that an action's I/O is batched (constant in
 * the row count). Anything the emulator does not implement throws instead of
 * silently doing nothing.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  private readonly tracker = new RoundTripTracker();

  private muted = 0;

  record(key: string): void {
    if (this.muted > 0) return;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.tracker.record(key);
  }

  /** Runs `fn` without counting its calls: the playground's view of the workbook is no action's I/O. */
  uncounted<T>(fn: () => T): T {
    this.muted++;
    try {
      return fn();
    } finally {
      this.muted--;
    }
  }

  /** Read-after-write round trips the calls cost, in order (see roundtrips.ts). */
  roundTrips(): number {
    return this.tracker.trips.length;
  }

  /** Each round trip: the call that forced it and the write it found pending. */
  roundTripLog(): readonly RoundTrip[] {
    return [...this.tracker.trips];
  }

  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** Counts sorted by key, for stable snapshots and printing. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.tracker.reset();
  }
}

export function notImplemented(className: string, method: string): never {
  throw new Error(`Emulator: ${className}.${method} is not implemented`);
}

/** What instrument needs of the environment (EmulatorEnv satisfies it). */
export interface InstrumentEnv {
  readonly calls: CallLog;
  readonly authMode: AuthModeName;
  readonly oauthScopes?: readonly string[];
  readonly grantedScopes?: readonly string[];
  /** Injected failures (faults.ts): consulted before every call. */
  readonly faults?: { before(key: string): void };
}

/** Throws as Apps Script does when the call's scopes are not granted (see scopes.ts). */
function checkScopes(key: string, env: InstrumentEnv): void {
  const requirement = REQUIRED_SCOPES.get(key);
  if (requirement === undefined) throw missingFromTable(key);
  if (env.oauthScopes !== undefined && !isGranted(requirement, env.oauthScopes)) {
    throw permissionError('not in the manifest', key, requirement);
  }
  if (env.grantedScopes !== undefined && !isGranted(requirement, env.grantedScopes)) {
    throw permissionError('not granted', key, requirement);
  }
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/**
 * In AuthMode.NONE (an editor add-on's onOpen before the user authorized it on
 * this document) a script may only build its add-on menu: "access to no
 * services that require authorization".
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
 */
const ALLOWED_WITHOUT_AUTH = new Set(['SpreadsheetApp.getUi', 'Ui.createAddonMenu', 'Ui.createMenu', 'Logger.log']);
const ALLOWED_CLASSES_WITHOUT_AUTH = new Set(['Menu']);

/** Property names that JS tooling probes on any object; they must not throw. */
const INTROSPECTION = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  'inspect',
  'valueOf',
  'toString',
]);

/**
 * Wraps an emulated Apps Script object: each method call is recorded as
 * `className.method`; a method the class does not define throws
 * `Emulator: className.method is not implemented` when called; a call whose scopes the
 * manifest or the user did not grant throws Apps Script's permission error (scopes.ts).
 * Properties starting with `_` are the emulator's internals: reachable, not counted.
 */
export function instrument<T extends object>(target: T, className: string, env: InstrumentEnv): T {
  const log = env.calls;
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || INTROSPECTION.has(prop) || prop.startsWith('_')) {
        return Reflect.get(obj, prop, receiver);
      }
      if (!(prop in obj)) {
        return () => notImplemented(className, prop);
      }
      const value = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const key = `${className}.${prop}`;
        if (
          (env.authMode === 'NONE' || env.authMode === 'CUSTOM_FUNCTION') &&
          !ALLOWED_WITHOUT_AUTH.has(key) &&
          !ALLOWED_CLASSES_WITHOUT_AUTH.has(className)
        ) {
          // Custom functions "cannot call services that require authorization" either.
          throw new Error(`Emulator: ${key} needs authorization, but the script runs in AuthMode.${env.authMode}`);
        }
        checkScopes(key, env);
        env.faults?.before(key);
        log.record(key);
        return value.apply(receiver, args);
      };
    },
  });
}

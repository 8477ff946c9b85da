import type { AuthModeName, CallLog } from './calls.js';
import type { Faults } from './faults.js';

/** What every emulated service shares: the call log, the clock, the user, the realm. */
export interface EmulatorEnv {
  readonly calls: CallLog;
  /** IANA time zone of the spreadsheet / script (Spreadsheet.getSpreadsheetTimeZone, Session.getScriptTimeZone). */
  timeZone: string;
  /** The clock; tests fix it. */
  now: () => Date;
  /** Email returned by Session.getActiveUser / getEffectiveUser. */
  user: string;
  /**
   * The Date constructor of the vm context the bundle runs in. Dates handed to
   * the bundle are made with it, as Apps Script's are made in the script's realm.
   * Defaults to the host's Date until the loader sets it.
   */
  Date: DateConstructor;
  /**
   * The authorization mode the current entry point runs in. The loader sets it
   * per call (onOpen in NONE, custom functions in CUSTOM_FUNCTION, menu items FULL).
   */
  authMode: AuthModeName;
  /**
   * The manifest's `oauthScopes`: with the list, Apps Script grants only those scopes. Absent,
   * it detects the scopes the code needs, so every call is allowed (tests of services alone).
   */
  oauthScopes?: readonly string[];
  /** The scopes the user consented to (granular consent may decline some); default: all of oauthScopes. */
  grantedScopes?: readonly string[];
  /** Injected service failures (faults.ts); absent in services tested on their own. */
  faults?: Faults;
}

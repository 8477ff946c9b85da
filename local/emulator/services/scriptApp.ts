import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';
import {
  MAX_TRIGGERS_PER_USER,
  minuteFor,
  type TriggerRecord,
  TriggerStore,
  WEEKDAYS,
  type WeekdayName,
} from './triggers.js';

/** https://developers.google.com/apps-script/reference/script/auth-mode */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const);
/** https://developers.google.com/apps-script/reference/script/authorization-status */
export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const);
/** https://developers.google.com/apps-script/reference/script/trigger-source */
export const TriggerSource = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const);
/** https://developers.google.com/apps-script/reference/script/event-type */
export const EventType = Object.freeze({
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
} as const);
/** ScriptApp.WeekDay is the Base Weekday enum: https://developers.google.com/apps-script/reference/base/weekday */
export const WeekDay = Object.freeze(
  Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as Record<WeekdayName, WeekdayName>,
);

export interface ScriptAppOptions {
  scriptId: string;
  /** The id of the document the add-on runs in (add-on triggers belong to it). */
  documentId: () => string | null;
  /**
   * The script project's zone (the manifest's timeZone): a clock trigger without
   * inTimezone runs in it, "in the time zone that your script is set to".
   * https://developers.google.com/apps-script/guides/triggers/installable#managing_triggers_programmatically
   */
  scriptTimeZone?: string;
}

/** The emulated user has granted every scope the add-on asks for. */
class AuthorizationInfoImpl {
  getAuthorizationStatus(): string {
    return AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
}

/** https://developers.google.com/apps-script/reference/script/trigger */
class TriggerImpl {
  constructor(readonly _record: TriggerRecord) {}

  getUniqueId(): string {
    return this._record.id;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): string {
    return this._record.eventType;
  }
  getTriggerSource(): string {
    return this._record.source;
  }
  /** "the id specific to the source", e.g. the spreadsheet's; a clock has none. */
  getTriggerSourceId(): string | null {
    return this._record.sourceId;
  }
}

/**
 * "Each add-on can only have one trigger of each type, per user, per document", and the
 * message Apps Script gives for a second time-driven one.
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions
 */
const KIND_WORDS: Readonly<Record<TriggerRecord['eventType'], string>> = {
  CLOCK: 'time-based',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
  ON_FORM_SUBMIT: 'form submit',
};

function invalid(argument: string, value: unknown): Error {
  return new Error(`Invalid argument: ${argument} (${String(value)})`);
}

function checkedZone(timeZone: unknown): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: String(timeZone) }).resolvedOptions().timeZone;
  } catch {
    throw invalid('timezone', timeZone);
  }
}

/**
 * A builder for clock triggers: the weekly ones (onWeekDay + atHour, optionally everyWeeks,
 * nearMinute, inTimezone). Other schedules (after, at, atDate, everyMinutes/Hours/Days,
 * onMonthDay) are not emulated and throw as not implemented.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder
 */
class ClockTriggerBuilderImpl {
  _weekday: WeekdayName | null = null;
  _hour: number | null = null;
  _minute: number | null = null;
  _everyWeeks = 1;
  _timeZone: string | null = null;

  constructor(
    private readonly _app: ScriptAppImpl,
    private readonly _handler: string,
  ) {}

  onWeekDay(day: unknown): this {
    if (!WEEKDAYS.includes(day as WeekdayName)) throw invalid('day', day);
    this._weekday = day as WeekdayName;
    return this;
  }
  /** "hour: The hour at which to fire", 0–23. */
  atHour(hour: unknown): this {
    if (!Number.isInteger(hour) || (hour as number) < 0 || (hour as number) > 23) throw invalid('hour', hour);
    this._hour = hour as number;
    return this;
  }
  /** "Specifies the minute at which the trigger runs (plus or minus 15 minutes)." */
  nearMinute(minute: unknown): this {
    if (!Number.isInteger(minute) || (minute as number) < 0 || (minute as number) > 59) throw invalid('minute', minute);
    this._minute = minute as number;
    return this;
  }
  everyWeeks(n: unknown): this {
    if (!Number.isInteger(n) || (n as number) < 1) throw invalid('n', n);
    this._everyWeeks = n as number;
    return this;
  }
  inTimezone(timezone: unknown): this {
    this._timeZone = checkedZone(timezone);
    return this;
  }
  create(): TriggerImpl {
    if (this._weekday === null || this._hour === null) {
      throw new Error(
        'Emulator: ClockTriggerBuilder.create: only weekly triggers (onWeekDay(day).atHour(hour)) are emulated',
      );
    }
    const app = this._app;
    return app._add({
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: null,
      schedule: {
        weekday: this._weekday,
        hour: this._hour,
        // Apps Script picks a time within the hour and keeps it from week to week.
        minute: this._minute ?? minuteFor(`${this._handler}:${app._store.all().length}`),
        everyWeeks: this._everyWeeks,
        timeZone: this._timeZone ?? app._scriptTimeZone(),
      },
    });
  }
}

/** https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder */
class SpreadsheetTriggerBuilderImpl {
  _eventType: TriggerRecord['eventType'] | null = null;

  constructor(
    private readonly _app: ScriptAppImpl,
    private readonly _handler: string,
    private readonly _spreadsheetId: string,
  ) {}

  onOpen(): this {
    this._eventType = 'ON_OPEN';
    return this;
  }
  onEdit(): this {
    this._eventType = 'ON_EDIT';
    return this;
  }
  onChange(): this {
    this._eventType = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): this {
    this._eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): TriggerImpl {
    if (this._eventType === null) {
      throw new Error('Emulator: SpreadsheetTriggerBuilder.create: choose onOpen, onEdit, onChange or onFormSubmit');
    }
    return this._app._add({
      handler: this._handler,
      eventType: this._eventType,
      source: 'SPREADSHEETS',
      sourceId: this._spreadsheetId,
      schedule: null,
    });
  }
}

/** https://developers.google.com/apps-script/reference/script/trigger-builder */
class TriggerBuilderImpl {
  constructor(
    private readonly _app: ScriptAppImpl,
    private readonly _handler: string,
  ) {}

  timeBased(): ClockTriggerBuilderImpl {
    return instrument(new ClockTriggerBuilderImpl(this._app, this._handler), 'ClockTriggerBuilder', this._app._env);
  }
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilderImpl {
    const id =
      typeof sheet === 'string' ? sheet : (sheet as { getId?: () => string } | null)?.getId?.call(sheet as object);
    if (typeof id !== 'string' || id === '') throw invalid('sheet', sheet);
    return instrument(
      new SpreadsheetTriggerBuilderImpl(this._app, this._handler, id),
      'SpreadsheetTriggerBuilder',
      this._app._env,
    );
  }
}

class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  readonly _store = new TriggerStore();

  constructor(
    readonly _env: EmulatorEnv,
    private readonly _options: ScriptAppOptions,
  ) {}

  getScriptId(): string {
    return this._options.scriptId;
  }
  getAuthorizationInfo(_authMode: string): AuthorizationInfoImpl {
    return instrument(new AuthorizationInfoImpl(), 'AuthorizationInfo', this._env);
  }
  /** "Begins the process of creating an installable trigger that, when fired, calls a given function." */
  newTrigger(functionName: unknown): TriggerBuilderImpl {
    if (typeof functionName !== 'string' || functionName.trim() === '') throw invalid('functionName', functionName);
    return instrument(new TriggerBuilderImpl(this, functionName), 'TriggerBuilder', this._env);
  }
  /** "Gets all installable triggers associated with the current project and current user." */
  getProjectTriggers(): TriggerImpl[] {
    return this._visible().map((r) => this._wrap(r));
  }
  /** "Gets all installable triggers owned by this user in the given spreadsheet, for this script or add-on only." */
  getUserTriggers(document: unknown): TriggerImpl[] {
    const id = (document as { getId?: () => string } | null)?.getId?.call(document as object);
    if (typeof id !== 'string') throw invalid('document', document);
    return this._visible()
      .filter((r) => r.documentId === id)
      .map((r) => this._wrap(r));
  }
  /**
   * "Removes the given trigger so it no longer runs." A user sees, and so can delete, only
   * their own triggers; deleting one that is gone is a bug the emulator reports.
   */
  deleteTrigger(trigger: unknown): void {
    const record = (trigger as { _record?: TriggerRecord } | null)?._record;
    if (record === undefined) throw invalid('trigger', trigger);
    const live = this._store.get(record.id);
    if (live === undefined || live.owner !== this._env.user) {
      throw new Error(
        `Emulator: ScriptApp.deleteTrigger: trigger ${record.id} does not exist for ${this._env.user} (deleted already, or another user's)`,
      );
    }
    this._store.remove(record.id);
  }

  _scriptTimeZone(): string {
    return this._options.scriptTimeZone ?? this._env.timeZone;
  }
  _visible(): TriggerRecord[] {
    return this._store.all().filter((r) => r.owner === this._env.user);
  }
  _wrap(record: TriggerRecord): TriggerImpl {
    return instrument(new TriggerImpl(record), 'Trigger', this._env);
  }
  _add(fields: Omit<TriggerRecord, 'id' | 'owner' | 'documentId' | 'createdAt'>): TriggerImpl {
    const owner = this._env.user;
    const documentId = this._options.documentId();
    const mine = this._visible();
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (mine.some((r) => r.documentId === documentId && r.eventType === fields.eventType)) {
      throw new Error(
        `This add-on has created too many ${KIND_WORDS[fields.eventType]} triggers in this document for this Google user account.`,
      );
    }
    const record = this._store.add({ ...fields, owner, documentId, createdAt: this._env.now().getTime() });
    return this._wrap(record);
  }
}

export type ScriptAppHandle = GoogleAppsScript.Script.ScriptApp & {
  /** Every user's triggers, for tests and the runtime's fireTrigger (bypasses counting and auth checks). */
  readonly _store: TriggerStore;
};

export function createScriptApp(env: EmulatorEnv, options: ScriptAppOptions): ScriptAppHandle {
  return instrument(new ScriptAppImpl(env, options), 'ScriptApp', env) as unknown as ScriptAppHandle;
}

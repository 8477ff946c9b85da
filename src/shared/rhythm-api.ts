/**
 * The contract between the Weekly rhythm dialog and its server functions
 * (google.script.run, SPEC §4.7). Plain data only: times cross as ISO 8601 text, never
 * as Dates. Both sides import this file; it must not touch Apps Script or the DOM.
 */

/** ScriptApp.WeekDay names, Monday first as a PMO leader reads a week. */
export const RHYTHM_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type RhythmDay = (typeof RHYTHM_DAYS)[number];

export const RHYTHM_DAY_LABELS: Readonly<Record<RhythmDay, string>> = {
  MONDAY: 'Monday',
  TUESDAY: 'Tuesday',
  WEDNESDAY: 'Wednesday',
  THURSDAY: 'Thursday',
  FRIDAY: 'Friday',
  SATURDAY: 'Saturday',
  SUNDAY: 'Sunday',
};

export interface RhythmSettings {
  readonly enabled: boolean;
  readonly day: RhythmDay;
  /** 0–23, in the spreadsheet's time zone. */
  readonly hour: number;
  /** Who gets the weekly digest. */
  readonly recipients: readonly string[];
  /** Whether owners with stale key results or KPIs get a reminder. */
  readonly remindOwners: boolean;
}

/** What the dialog sends: recipients as typed (commas, semicolons or new lines between them). */
export interface RhythmInput {
  readonly enabled: boolean;
  readonly day: string;
  readonly hour: number | string;
  readonly recipients: string;
  readonly remindOwners: boolean;
}

export interface RhythmLastRun {
  /** ISO 8601. */
  readonly at: string;
  readonly ok: boolean;
  /** One line: what the run did, or what failed. */
  readonly summary: string;
}

export interface RhythmDialogState {
  readonly settings: RhythmSettings;
  /** The spreadsheet's time zone, in which day and hour are read. */
  readonly timeZone: string;
  /** Who turned the rhythm on (its weekly run uses their account), and when (ISO 8601). */
  readonly setUpBy: string | null;
  readonly setUpAt: string | null;
  readonly lastRun: RhythmLastRun | null;
  /** The user looking at the dialog. */
  readonly you: string;
  /** On, and set up by someone else: only they can change it; anyone may turn it off. */
  readonly managedByOther: boolean;
  /** What the last save did, for the dialog's status line. */
  readonly message?: string;
}

export interface RhythmApi {
  rhythmDialogState(): RhythmDialogState;
  saveWeeklyRhythm(input: RhythmInput): RhythmDialogState;
}

export const DEFAULT_RHYTHM: RhythmSettings = {
  enabled: false,
  day: 'MONDAY',
  hour: 9,
  recipients: [],
  remindOwners: true,
};

/** `9:00`, `14:00`: the hour as the dialog and the emails show it. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

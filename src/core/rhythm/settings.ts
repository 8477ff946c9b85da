/**
 * §4.7 the weekly rhythm's settings and record, as kept in the document's properties
 * (strings of JSON), and the dialog's input checked again on the server. Pure.
 */
import {
  DEFAULT_RHYTHM,
  RHYTHM_DAYS,
  type RhythmDay,
  type RhythmInput,
  type RhythmLastRun,
  type RhythmSettings,
} from '../../shared/rhythm-api';
import { err, ok, type Result } from '../result';

/** Who turned the rhythm on and the trigger that runs it: what a weekly run checks itself against. */
export interface RhythmRecord {
  readonly setUpBy: string;
  /** ISO 8601. */
  readonly setUpAt: string;
  /** The trigger's unique id; null while the rhythm is off. */
  readonly triggerId: string | null;
  /** The schedule the trigger was made with: a save that changes nothing keeps the trigger. */
  readonly day: RhythmDay;
  readonly hour: number;
  readonly timeZone: string;
  readonly lastRun: RhythmLastRun | null;
}

/** A plain address, as an Owner cell or the digest list holds it: `name@domain.tld`, nothing around it. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/**
 * A digest list holds at most this many addresses: each costs a recipient of the daily quota
 * (100 for a consumer account), and the list must fit one document property (9 KB).
 */
export const MAX_RECIPIENTS = 25;

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null || text === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const isDay = (value: unknown): value is RhythmDay => RHYTHM_DAYS.includes(value as RhythmDay);
const isHour = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 23;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** The stored settings; anything missing or unreadable takes its default (the rhythm stays off). */
export function readRhythmSettings(stored: string | null): RhythmSettings {
  const raw = parseJson(stored);
  if (raw === null) return DEFAULT_RHYTHM;
  return {
    enabled: raw.enabled === true,
    day: isDay(raw.day) ? raw.day : DEFAULT_RHYTHM.day,
    hour: isHour(raw.hour) ? raw.hour : DEFAULT_RHYTHM.hour,
    recipients: strings(raw.recipients).filter(isEmailAddress),
    remindOwners: typeof raw.remindOwners === 'boolean' ? raw.remindOwners : DEFAULT_RHYTHM.remindOwners,
  };
}

function readLastRun(value: unknown): RhythmLastRun | null {
  if (typeof value !== 'object' || value === null) return null;
  const run = value as Record<string, unknown>;
  if (typeof run.at !== 'string' || typeof run.ok !== 'boolean' || typeof run.summary !== 'string') return null;
  return { at: run.at, ok: run.ok, summary: run.summary };
}

/** The stored record; null when there is none (or it cannot be read). */
export function readRhythmRecord(stored: string | null): RhythmRecord | null {
  const raw = parseJson(stored);
  if (raw === null || typeof raw.setUpBy !== 'string' || typeof raw.setUpAt !== 'string') return null;
  return {
    setUpBy: raw.setUpBy,
    setUpAt: raw.setUpAt,
    triggerId: typeof raw.triggerId === 'string' ? raw.triggerId : null,
    day: isDay(raw.day) ? raw.day : DEFAULT_RHYTHM.day,
    hour: isHour(raw.hour) ? raw.hour : DEFAULT_RHYTHM.hour,
    timeZone: typeof raw.timeZone === 'string' ? raw.timeZone : 'UTC',
    lastRun: readLastRun(raw.lastRun),
  };
}

/** Addresses as typed: separated by commas, semicolons or new lines ("Dana Reyes" stays one entry, and is refused). */
export function splitAddresses(text: string): string[] {
  return text
    .split(/[,;\n\r]+/)
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/**
 * The dialog's input, checked as if the page could not be trusted: a known day, an hour
 * from 0 to 23, real addresses (each once, case ignored), and booleans.
 */
export function checkRhythmInput(input: unknown): Result<RhythmSettings> {
  if (typeof input !== 'object' || input === null) return err('Not saved: the dialog sent nothing readable.');
  const raw = input as Partial<Record<keyof RhythmInput, unknown>>;
  const day = typeof raw.day === 'string' ? raw.day.trim().toUpperCase() : '';
  if (!isDay(day)) return err(`Not saved: choose a day of the week (not "${String(raw.day ?? '')}").`);
  const hour = typeof raw.hour === 'string' && /^\d{1,2}$/.test(raw.hour.trim()) ? Number(raw.hour) : raw.hour;
  if (!isHour(hour))
    return err(`Not saved: the hour must be a whole number from 0 to 23 (not "${String(raw.hour ?? '')}").`);
  const typed = typeof raw.recipients === 'string' ? splitAddresses(raw.recipients) : [];
  const bad = typed.filter((a) => !isEmailAddress(a));
  if (bad.length > 0) {
    const list = bad.map((a) => `"${a}"`).join(', ');
    return err(`Not saved: ${list} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}.`);
  }
  const seen = new Set<string>();
  const recipients = typed.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (recipients.length > MAX_RECIPIENTS) {
    return err(`Not saved: the digest can go to at most ${MAX_RECIPIENTS} people (you listed ${recipients.length}).`);
  }
  return ok({
    enabled: raw.enabled === true,
    day,
    hour,
    recipients,
    remindOwners: raw.remindOwners === true,
  });
}

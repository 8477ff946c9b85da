/**
 * Date values and Sheets date serials. A serial counts days since 1899-12-30 in the
 * spreadsheet's time zone (wall clock), so conversions go through that zone.
 * https://developers.google.com/sheets/api/guides/formats#about_date_time_values
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_SERIAL = 25_569; // 1970-01-01 as a serial

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

/** en_US names, as Sheets' number formats and Java's SimpleDateFormat print them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl formatter giving the wall-clock fields of an instant in `tz` (throws for an unknown zone). */
export function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isDate(v: unknown): v is Date {
  // Only objects can be Dates (of any realm): the cheap test first, for a million cells read.
  return typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';
}

export function wallClock(ms: number, tz: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const frac = ((ms % 1000) + 1000) % 1000;
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    ms: frac,
  };
}

function wallAsUtc(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.ms);
  return d.getTime();
}

/** The instant whose wall clock in `tz` reads `w` (first match across DST overlaps). */
export function wallToInstant(w: WallClock, tz: string): number {
  const asUtc = wallAsUtc(w);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const offset = wallAsUtc(wallClock(guess, tz)) - guess;
    const next = asUtc - offset;
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

export function dateToSerial(ms: number, tz: string): number {
  return wallAsUtc(wallClock(ms, tz)) / MS_PER_DAY + EPOCH_SERIAL;
}

export function serialToMs(serial: number, tz: string): number {
  const wallMs = Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY);
  const d = new Date(wallMs);
  return wallToInstant(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
    },
    tz,
  );
}

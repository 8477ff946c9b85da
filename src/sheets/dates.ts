/**
 * Sheets stores a date as a serial day number in the SPREADSHEET's time zone and
 * hands scripts a Date at that local midnight. Core works on serials, so the
 * adapter converts with Intl (available in Apps Script V8) — no service call per
 * cell, and the same calendar day whatever the script's or machine's zone.
 */
const SERIAL_OF_UNIX_EPOCH = 25569;
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time of `epochMs` in `timeZone`, as if it were UTC. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** A Date (from any realm) as the Sheets serial the user sees in `timeZone`. */
export function serialInZone(date: Date, timeZone: string): number {
  const ms = Date.prototype.getTime.call(date);
  return wallClockMs(ms, timeZone) / MS_PER_DAY + SERIAL_OF_UNIX_EPOCH;
}

/** Today's whole-day serial in `timeZone`. */
export function todaySerial(timeZone: string, now: Date = new Date()): number {
  return Math.floor(serialInZone(now, timeZone));
}

// Only objects can be Dates: the cheap typeof test first keeps a 1,000,000-cell grid fast.
const isDate = (v: unknown): v is Date =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Date]';

/** A grid with every Date replaced by its serial in `timeZone`; other values as they are. */
export function withSerialDates(grid: unknown[][], timeZone: string): unknown[][] {
  return grid.map((row) => row.map((v) => (isDate(v) ? serialInZone(v, timeZone) : v)));
}

/** withSerialDates on a grid of one's own (as getValues returns it): replaced in place, nothing copied. */
export function serialDatesInPlace(grid: unknown[][], timeZone: string): unknown[][] {
  for (const row of grid) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isDate(v)) row[c] = serialInZone(v, timeZone);
    }
  }
  return grid;
}

/**
 * The next cycle: the same length as the old one, its name following the old
 * name's pattern (2027 Q1 → 2027 Q2, Sprint 09 → Sprint 10, else "X (next)").
 */

import { daysInMonth, formatIsoDate, fromSheetsSerial, MONTH_NAMES, toSheetsSerial } from '../../rollout/calendar';

export interface Cycle {
  readonly name: string;
  /** Sheets serials of the first and last day. */
  readonly start: number;
  readonly end: number;
}

/** Sheets refuses longer tab names. */
export const MAX_TAB_NAME = 100;
/** Cycles longer than this many months are measured in days. */
const MAX_MONTHS = 36;

function addMonths(day: number, months: number): number {
  const date = fromSheetsSerial(day);
  if (!date.ok) return day;
  const index = date.value.year * 12 + date.value.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toSheetsSerial({ year, month, day: Math.min(date.value.day, daysInMonth(year, month)) });
}

/** n when the cycle is exactly n calendar months (2027-01-01 – 2027-03-31 is 3), else null. */
export function cycleMonths(start: number, end: number): number | null {
  for (let n = 1; n <= MAX_MONTHS; n++) if (addMonths(start, n) - 1 === end) return n;
  return null;
}

/**
 * The cycle after `old`, of the same length: as many calendar months when it was whole
 * months (a quarter after a quarter, whatever the months' lengths), else as many days.
 */
export function proposeNextCycle(old: Cycle): Cycle {
  const months = cycleMonths(old.start, old.end);
  const start = old.end + 1;
  const end = months === null ? start + (old.end - old.start) : addMonths(start, months) - 1;
  return { name: nextCycleName(old.name, months), start, end };
}

/** A number in a name moved on, keeping its zero padding; a two-digit year wraps (FY99 → FY00). */
const bump = (digits: string, by: number, wrap = false): string =>
  String(wrap && digits.length === 2 ? (Number(digits) + by) % 100 : Number(digits) + by).padStart(digits.length, '0');

/** The year in a name: `2027`, `FY27`, `FY2027` or `'27`; the last one when there are several. */
const YEAR = /(^|\D)(\d{4})(?!\d)|(?:FY\s?|')(\d{2})(?!\d)/gi;

function bumpYear(name: string, years: number): string {
  if (years === 0) return name;
  const matches = [...name.matchAll(YEAR)];
  const last = matches[matches.length - 1];
  if (last === undefined || last.index === undefined) return name;
  const digits = last[2] ?? last[3] ?? '';
  const at = last.index + last[0].length - digits.length;
  return name.slice(0, at) + bump(digits, years, true) + name.slice(at + digits.length);
}

/** Q1–Q4 or H1–H2 stepped `step` periods on, the year carried: `2027 Q4` → `2028 Q1`. */
function bumpPeriod(name: string, letter: 'Q' | 'H', count: number, step: number): string | null {
  const match = new RegExp(`(^|[^a-z])${letter}([1-${count}])(?![0-9])`, 'i').exec(name);
  if (match === null) return null;
  const index = Number(match[2]) - 1 + step;
  const at = match.index + match[0].length - 1;
  const renamed = name.slice(0, at) + String((index % count) + 1) + name.slice(at + 1);
  return bumpYear(renamed, Math.floor(index / count));
}

const MONTH_WORD = new RegExp(`\\b(${MONTH_NAMES.map((m) => `${m}|${m.slice(0, 3)}`).join('|')})\\b`, 'gi');

/** One month name (`March 2027`, `Mar '27`) stepped `step` months on, in the same spelling. */
function bumpMonthName(name: string, step: number): string | null {
  const matches = [...name.matchAll(MONTH_WORD)];
  const match = matches[0];
  if (matches.length !== 1 || match === undefined || match.index === undefined) return null;
  const word = match[1] ?? '';
  const month = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(word.toLowerCase().slice(0, 3)));
  const index = month + step;
  let next = MONTH_NAMES[index % 12] ?? '';
  if (word.length === 3) next = next.slice(0, 3);
  if (word === word.toUpperCase()) next = next.toUpperCase();
  else if (word === word.toLowerCase()) next = next.toLowerCase();
  return bumpYear(name.slice(0, match.index) + next + name.slice(match.index + word.length), Math.floor(index / 12));
}

/** `2027-03` → `2027-04`. */
function bumpYearMonth(name: string, step: number): string | null {
  const match = /(^|\D)(\d{4})([-/.])(\d{1,2})(?!\d)/.exec(name);
  if (match === null) return null;
  const month = Number(match[4]);
  if (month < 1 || month > 12) return null;
  const index = Number(match[2]) * 12 + month - 1 + step;
  const text = `${Math.floor(index / 12)}${match[3]}${String((index % 12) + 1).padStart(match[4]?.length ?? 2, '0')}`;
  const at = match.index + (match[1]?.length ?? 0);
  return name.slice(0, at) + text + name.slice(at + match[0].length - (match[1]?.length ?? 0));
}

/**
 * The next cycle's name in the old one's own style: `2027 Q1` → `2027 Q2`, `Q4 FY27` →
 * `Q1 FY28`, `H2 2027` → `H1 2028`, `March 2027` → `April 2027`, `2027` → `2028` (a year
 * long), `Sprint 7` → `Sprint 8`; anything else gets ` (next)`. `months` is the cycle's
 * length in whole months, null when it is not whole months.
 */
export function nextCycleName(name: string, months: number | null): string {
  const trimmed = name.trim();
  const every = (unit: number): number => (months !== null && months % unit === 0 ? months / unit : 1);
  const named =
    bumpPeriod(trimmed, 'Q', 4, every(3)) ??
    bumpPeriod(trimmed, 'H', 2, every(6)) ??
    bumpYearMonth(trimmed, months ?? 1) ??
    bumpMonthName(trimmed, months ?? 1);
  if (named !== null) return named;
  // A lone year names a year-long cycle; any other last number counts cycles.
  const last = /(\d+)(?!.*\d)/.exec(trimmed);
  if (last !== null && last.index !== undefined) {
    const digits = last[1] ?? '';
    const isYear = digits.length === 4 && Number(digits) >= 1900 && Number(digits) <= 2999;
    if (!isYear || (months !== null && months % 12 === 0)) {
      return (
        trimmed.slice(0, last.index) +
        bump(digits, isYear ? (months ?? 12) / 12 : 1) +
        trimmed.slice(last.index + digits.length)
      );
    }
  }
  return /\(next\)$/.test(trimmed) ? trimmed.replace(/\(next\)$/, '(next 2)') : `${trimmed} (next)`;
}

export function archiveName(tab: string, cycleName: string): string {
  return `${tab} (${cycleName})`;
}

export function formatDay(serial: number): string {
  const date = fromSheetsSerial(serial);
  return date.ok ? formatIsoDate(date.value) : String(serial);
}

export function formatCycle(cycle: Cycle): string {
  return `${cycle.name} (${formatDay(cycle.start)} – ${formatDay(cycle.end)})`;
}

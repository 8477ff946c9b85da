import { err, ok, type Result } from './result';

/**
 * §2.2 cell reading. Values arrive from Sheets (or from another realm in
 * tests), so nothing here trusts `instanceof` or a value's own methods.
 */

/** Sheets serial of 1970-01-01, the Unix epoch (serial 0 is 1899-12-30). */
export const UNIX_EPOCH_SERIAL = 25569;
export const MS_PER_DAY = 86_400_000;
/** Sheets' own date range: 0001-01-01 to 9999-12-31. */
export const MIN_DATE_SERIAL = -693_593;
export const MAX_DATE_SERIAL = 2_958_465;

/**
 * Whitespace-only text is blank too: a cell that looks empty to the user must
 * not fail with `not a number: "  "`.
 */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Cross-realm Date test (§2.2): a Date built in another realm fails `instanceof Date`. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A Date's epoch milliseconds, or NaN for an invalid Date or a fake that only claims to be one. */
function timeOf(value: Date): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

const QUOTE_LIMIT = 40;

/** How a message shows an offending value: text in quotes (shortened), anything else as printed. */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const text = value.trim();
    return `"${text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT - 1)}…` : text}"`;
  }
  if (isDate(value)) return 'a date';
  try {
    return String(value);
  } catch {
    // Objects without a usable toString (Object.create(null), hostile getters).
    return 'a value that is not text';
  }
}

// Sign and currency may come in either order (-$5, $-5) but only one sign; thousands
// separators must form whole groups so that a decimal comma (1,5) is refused, not misread as 15.
// A trailing % or magnitude suffix (k, M, B, bn) scales the number; never both.
const NUMERIC_TEXT =
  /^([+\-−]?)([$€£¥]?)\s*([+\-−]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)\s*(%|[kKmMbB]|bn|BN|Bn)?$/;

const MAGNITUDE: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, b: 1e9, bn: 1e9 };

/** Numeric text of §2.2 as a number, or undefined when the text is not numeric. */
export function parseNumericText(text: string): number | undefined {
  const match = NUMERIC_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign1 = '', , sign2 = '', digits = '', suffix = ''] = match;
  if (sign1 !== '' && sign2 !== '') return undefined;
  const magnitude = Number(digits.replace(/,/g, ''));
  const sign = sign1 || sign2;
  const signed = sign === '-' || sign === '−' ? -magnitude : magnitude;
  const scale = MAGNITUDE[suffix.toLowerCase()];
  // 1.1 × 1e6 is 1100000.0000000002 in binary floating point; the user meant 1100000.
  const value = suffix === '%' ? signed / 100 : scale === undefined ? signed : Number((signed * scale).toPrecision(15));
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A numeric cell (§2.2): ok(null) when blank. `what` names the value in the
 * message, e.g. `current is not a number: "abc"`.
 */
export function readNumber(value: unknown, what = 'value'): Result<number | null> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? ok(value) : err(`${what} is not a finite number: ${value}`);
  }
  if (typeof value === 'boolean') return ok(value ? 1 : 0);
  if (isBlank(value)) return ok(null);
  if (typeof value === 'string') {
    const parsed = parseNumericText(value);
    return parsed === undefined ? err(`${what} is not a number: ${quote(value)}`) : ok(parsed);
  }
  if (isDate(value)) return err(`${what} is a date, not a number`);
  return err(`${what} is not a number: ${quote(value)}`);
}

const DONE_WORDS = new Set(['yes', 'y', 'done', 'true', 'x', '✓', '✔', 'complete', 'completed', 'achieved']);
const NOT_DONE_WORDS = new Set(['no', 'n', 'false', 'not done', 'todo', 'open', 'pending']);

/** The words of §2.2, for drop-downs and help text. */
export const DONE_TEXT: readonly string[] = [...DONE_WORDS];
export const NOT_DONE_TEXT: readonly string[] = [...NOT_DONE_WORDS];

/**
 * Binary "done" (§2.2). Blank is not done. Numeric text counts as its number,
 * so "1" and "0" behave like 1 and 0; any other number is an error because
 * a binary result is either reached or not.
 */
export function readDone(value: unknown, what = 'current'): Result<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (isBlank(value)) return ok(false);
  if (typeof value === 'string') {
    // U+FE0F turns ✔ into the emoji ✔️; it is the same mark to the user.
    const word = value
      .trim()
      .toLowerCase()
      .replace(/\uFE0F/g, '')
      .replace(/\s+/g, ' ');
    if (DONE_WORDS.has(word)) return ok(true);
    if (NOT_DONE_WORDS.has(word)) return ok(false);
    const numeric = parseNumericText(word);
    if (numeric === 1 || numeric === 0) return ok(numeric === 1);
  } else if (value === 1 || value === 0) {
    return ok(value === 1);
  }
  return err(`${what} must be done or not done (yes/no, done/todo, TRUE/FALSE, 1/0, ✓), not ${quote(value)}`);
}

/** The Sheets serial (fractional days since 1899-12-30 UTC) of an instant. */
export function serialFromEpochMs(ms: number): number {
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function serialFromIsoText(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  // setUTCFullYear rolls 2027-02-30 over to March; a real date survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return serialFromEpochMs(date.getTime());
}

/**
 * A date cell as a day number: the Sheets serial, ok(null) when blank.
 *
 * Time zones: Sheets hands a date cell over as the instant of midnight in the
 * spreadsheet's time zone, which core cannot know. A Date therefore becomes
 * the serial of its instant in UTC (fractional: midnight in New York is
 * serial + 5/24). Differences between two Dates are then exact elapsed time,
 * whatever the zone; expected.ts turns differences into whole days, which
 * absorbs daylight-saving hours. Plain serial numbers and ISO text
 * (`2027-01-15`, read as that calendar day, a whole serial) carry no zone.
 */
export function readDate(value: unknown, what = 'date'): Result<number | null> {
  if (isBlank(value)) return ok(null);
  let serial: number | undefined;
  if (isDate(value)) {
    const time = timeOf(value);
    if (Number.isNaN(time)) return err(`${what} is not a valid date`);
    serial = serialFromEpochMs(time);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) return err(`${what} is not a date: ${value}`);
    serial = value;
  } else if (typeof value === 'string') {
    serial = serialFromIsoText(value.trim());
    if (serial === undefined)
      return err(`${what} is not a date: ${quote(value)} (use a date, or text like 2027-01-15)`);
  } else {
    return err(`${what} is not a date: ${quote(value)}`);
  }
  if (serial < MIN_DATE_SERIAL || serial >= MAX_DATE_SERIAL + 1) return err(`${what} is outside years 1 to 9999`);
  return ok(serial);
}

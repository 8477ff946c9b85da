/**
 * Dates as the workbook shows them (§5: "dates appear in the workbook's format"): the
 * subset of Sheets' date patterns its date columns use — yyyy, yy, mm/m, dd/d (month names
 * as mmm, mmmm) — to show a day and to read one typed that way. Shared by the sidebar page
 * and its server functions; pure.
 */

export const ISO_DAY = 'yyyy-mm-dd';
/** en_US month names, as Sheets' date formats print them. */
export const MONTH_NAMES: readonly string[] = [
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
];
const TOKENS = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|"[^"]*"|\\.|./gi;

/** A Sheets date format reduced to its day part ("yyyy-mm-dd hh:mm" → "yyyy-mm-dd"); ISO when it has none. */
export function dayPattern(format: string): string {
  const day = format.replace(/\s*[hH].*$/, '').trim();
  return /y/i.test(day) && /d/i.test(day) ? day : ISO_DAY;
}

/** Civil date of a Sheets serial (days since 1899-12-30). */
function civil(serial: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDay(serial: number, pattern: string): string {
  const { year, month, day } = civil(serial);
  return (dayPattern(pattern).match(TOKENS) ?? [])
    .map((t) => {
      switch (t.toLowerCase()) {
        case 'yyyy':
          return String(year);
        case 'yy':
          return pad(year % 100);
        case 'mmmm':
          return MONTH_NAMES[month - 1] ?? '';
        case 'mmm':
          return (MONTH_NAMES[month - 1] ?? '').slice(0, 3);
        case 'mm':
          return pad(month);
        case 'm':
          return String(month);
        case 'dd':
          return pad(day);
        case 'd':
          return String(day);
        default:
          return t.startsWith('"') ? t.slice(1, -1) : t.startsWith('\\') ? t.slice(1) : t;
      }
    })
    .join('');
}

/** ISO `yyyy-mm-dd` text as shown in `pattern`; other text as it is. */
export function showIsoDay(iso: string, pattern: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return iso;
  const serial = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return formatDay(serial, pattern);
}

/**
 * A day typed in `pattern` (or in ISO form) as ISO `yyyy-mm-dd`; text that is neither comes
 * back as typed, for the server to refuse with its own message.
 */
export function isoFromTyped(text: string, pattern: string): string {
  const typed = text.trim();
  if (typed === '' || /^\d{4}-\d{2}-\d{2}$/.test(typed)) return typed;
  const order = (dayPattern(pattern).match(/y+|m+|d+/gi) ?? []).map((t) => t[0]?.toLowerCase());
  const parts = typed.split(/[^0-9]+/).filter((p) => p !== '');
  if (parts.length !== 3 || order.length !== 3) return typed;
  const value: Record<string, number> = {};
  order.forEach((k, i) => {
    if (k !== undefined) value[k] = Number(parts[i]);
  });
  let year = value.y ?? Number.NaN;
  if (year < 100) year += 2000;
  const month = value.m ?? Number.NaN;
  const day = value.d ?? Number.NaN;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return typed;
  return `${year}-${pad(month)}-${pad(day)}`;
}

import { dateToSerial, isDate, MONTH_NAMES, serialToMs, WEEKDAY_NAMES, wallClock } from './dates.js';

/**
 * Display values under a number format: a documented subset of the Sheets format language
 * (https://developers.google.com/sheets/api/guides/formats). Anything else throws, so a test
 * never passes on a format the emulator silently misreads.
 */

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[dy]|h|s/i.test(bare) && !/[0#]/.test(bare);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function formatDate(ms: number, format: string, tz: string): string {
  const w = wallClock(ms, tz);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const ampm = /am\/pm/i.test(format);
  const tokens = format.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|./gi) ?? [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const lower = t.toLowerCase();
    // `m`/`mm` mean minutes right after an hour or right before seconds, as in Sheets.
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((x) => /^[a-z]/i.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[a-z]/i.test(x));
    const isMinute = /^h/i.test(prev ?? '') || /^s/i.test(next ?? '');
    const hour12 = ampm ? ((w.hour + 11) % 12) + 1 : w.hour;
    switch (lower) {
      case 'yyyy':
        out += pad(w.year, 4);
        break;
      case 'yy':
        out += pad(w.year % 100, 2);
        break;
      case 'mmmm':
        out += MONTH_NAMES[w.month - 1];
        break;
      case 'mmm':
        out += (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
        break;
      case 'mm':
        out += isMinute ? pad(w.minute, 2) : pad(w.month, 2);
        break;
      case 'm':
        out += isMinute ? String(w.minute) : String(w.month);
        break;
      case 'dddd':
        out += WEEKDAY_NAMES[weekday];
        break;
      case 'ddd':
        out += (WEEKDAY_NAMES[weekday] ?? '').slice(0, 3);
        break;
      case 'dd':
        out += pad(w.day, 2);
        break;
      case 'd':
        out += String(w.day);
        break;
      case 'hh':
        out += pad(hour12, 2);
        break;
      case 'h':
        out += String(hour12);
        break;
      case 'ss':
        out += pad(w.second, 2);
        break;
      case 's':
        out += String(w.second);
        break;
      case 'am/pm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      default:
        if (t.startsWith('"')) out += t.slice(1, -1);
        else if (t.startsWith('\\')) out += t.slice(1);
        else out += t;
    }
  }
  return out;
}

function formatNumber(n: number, section: string): string {
  const literal = (s: string) => s.replace(/"([^"]*)"|\\(.)/g, (_m, q, e) => q ?? e ?? '');
  const m = /^((?:"[^"]*"|\\.|[^#0.,%"\\])*)([#0,]*(?:\.[0#]*)?)((?:"[^"]*"|\\.|[^#0"\\])*)$/.exec(section);
  if (!m || !/[0#]/.test(m[2] ?? '')) throw new Error(`Emulator: number format "${section}" is not supported`);
  const [, pre = '', pattern = '', post = ''] = m;
  const percent = (pre + post).includes('%');
  let v = percent ? n * 100 : n;
  const [intPart = '', decPart = ''] = pattern.split('.');
  const decimals = decPart.length;
  const minDecimals = (decPart.match(/0/g) ?? []).length;
  const minInt = (intPart.match(/0/g) ?? []).length;
  const thousands = intPart.includes(',');
  const negative = v < 0;
  v = Math.abs(v);
  let fixed = v.toFixed(decimals);
  let [ip = '', dp = ''] = fixed.split('.');
  while (dp.length > minDecimals && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (thousands) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  fixed = dp ? `${ip}.${dp}` : ip;
  const body = literal(pre) + fixed + literal(post);
  return negative && Number(fixed.replace(/,/g, '')) !== 0 ? `-${body}` : body;
}

function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s;
}

/** The text Sheets shows for `value` under `format`, in `tz`. */
export function formatValue(value: unknown, format: string | undefined, tz: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format ?? '';
  if (isDate(value)) {
    if (isDateFormat(fmt)) return formatDate(value.getTime(), fmt, tz);
    if (fmt && fmt !== '@' && fmt.toLowerCase() !== 'general') {
      return formatValue(dateToSerial(value.getTime(), tz), fmt, tz);
    }
    const w = wallClock(value.getTime(), tz);
    const hasTime = w.hour || w.minute || w.second;
    return formatDate(value.getTime(), hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy', tz);
  }
  if (typeof value !== 'number') return String(value);
  if (!fmt || fmt === '@' || fmt.toLowerCase() === 'general') return general(value);
  if (isDateFormat(fmt)) return formatDate(serialToMs(value, tz), fmt, tz);
  const sections = fmt.split(';');
  if (value < 0 && sections[1] !== undefined) return formatNumber(-value, sections[1]);
  if (value === 0 && sections[2] !== undefined) return formatNumber(0, sections[2]);
  return formatNumber(value, sections[0] ?? fmt);
}

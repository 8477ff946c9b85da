/**
 * Values as the rhythm's emails show them: a value in its unit of measure, a score as a
 * percentage, a day as ISO text, and HTML escaping for everything a user typed. Pure.
 */
import { formatIsoDate, fromSheetsSerial } from '../rollout/calendar';
import { formatInUnit, formatPercent } from '../units';
import { isBlank } from '../values';

/** Text for HTML element content and quoted attribute values: nothing a user typed becomes markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** One line of user text for a subject: no line breaks or control characters, at most `max` characters. */
export function oneLine(text: string, max = 120): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const flat = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** 0.546875 → `55%`. */
export const percent = formatPercent;

/** +0.12 → `+12 pts`, −0.05 → `−5 pts`. */
export function points(delta: number): string {
  const size = Math.round(Math.abs(delta) * 100);
  return `${delta >= 0 ? '+' : '−'}${size} pts`;
}

/**
 * A Current or Actual in its unit of measure (§1.2, core/units.ts): `$8,600,000`, `112%`,
 * `3 incidents`; a binary result as done or not done; blank as "no value yet".
 */
export function valueInUnit(value: unknown, uom: string): string {
  if (isBlank(value) || value === null || value === undefined) return 'no value yet';
  if (typeof value === 'boolean') return value ? 'done' : 'not done';
  return formatInUnit(value, uom);
}

/** A Sheets serial as `2027-03-08`. */
export function isoDay(serial: number): string {
  const date = fromSheetsSerial(Math.floor(serial));
  return date.ok ? formatIsoDate(date.value) : String(serial);
}

/** `2 key results`, `1 KPI`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

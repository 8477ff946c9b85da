/**
 * Colours and small text helpers shared by the generated reports (status colours:
 * ../status-style.ts).
 */
import { formatIsoDate, fromSheetsSerial } from '../../core/rollout/calendar';

export const HEADER_BACKGROUND = '#e8eaed';
export const SECTION_BACKGROUND = '#d0e0e3';
export const ERROR_BACKGROUND = '#f4cccc';
export const WARNING_BACKGROUND = '#fff2cc';
export const OK_BACKGROUND = '#d9ead3';

/** A Sheets serial as `2027-02-15`. */
export function isoDay(serial: number): string {
  const date = fromSheetsSerial(Math.floor(serial));
  return date.ok ? formatIsoDate(date.value) : String(serial);
}

/** `3 errors`, `1 warning`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

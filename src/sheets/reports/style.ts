/**
 * Colours and small text helpers shared by the generated reports. Status colours
 * follow §2.5 (Done blue, On track green, Behind amber, At risk red) as light
 * tints, so the black text on them stays readable.
 */
import { formatIsoDate, fromSheetsSerial } from '../../core/rollout/calendar';
import type { Status } from '../../core/status';

export const STATUS_BACKGROUND: Readonly<Record<Status, string>> = {
  Done: '#cfe2f3',
  'On track': '#d9ead3',
  Behind: '#fce5cd',
  'At risk': '#f4cccc',
};

/** The same four colours at full strength, for chart series. */
export const STATUS_CHART_COLOURS: Readonly<Record<Status, string>> = {
  Done: '#3d85c6',
  'On track': '#6aa84f',
  Behind: '#f6b26b',
  'At risk': '#e06666',
};

export const HEADER_BACKGROUND = '#e8eaed';
export const SECTION_BACKGROUND = '#d0e0e3';
export const ERROR_BACKGROUND = '#f4cccc';
export const WARNING_BACKGROUND = '#fff2cc';
export const OK_BACKGROUND = '#d9ead3';

const BAR_LENGTH = 10;

/** `██████░░░░` for 0.6: a progress bar that needs no chart (SPARKLINE needs a formula per row). */
export function progressBar(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return '';
  const filled = Math.round(Math.min(Math.max(score, 0), 1) * BAR_LENGTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_LENGTH - filled);
}

/** A Sheets serial as `2027-02-15`. */
export function isoDay(serial: number): string {
  const date = fromSheetsSerial(Math.floor(serial));
  return date.ok ? formatIsoDate(date.value) : String(serial);
}

/** `3 errors`, `1 warning`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

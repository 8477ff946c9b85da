/**
 * Report cells shared by the Roll-up and the Dashboard (§4.2): values in their unit,
 * percents, the gap to expected and the trend in percentage points, a progress bar in
 * the status colour with a mark at Expected, days since the last check-in, a status
 * cell, and a link to a row. Pure: each returns a Cell for ReportGrid.
 */
import type { Status } from '../../core/status';
import { formatPoints, numberFormatFor, SCORE_FORMAT } from '../../core/units';
import { isBlank } from '../../core/values';
import type { Cell } from '../report-sheet';
import { TEXT_FORMAT } from '../report-sheet';
import { STATUS_STYLE } from '../status-style';
import { ERROR_BACKGROUND } from './style';

export const UP_COLOR = '#137333';
export const DOWN_COLOR = '#a50e0e';
export const MUTED_COLOR = '#80868b';
/** A check-in older than this many days needs attention (§4.2, §4.3). */

export const percentCell = (value: number | null | undefined): Cell =>
  value === null || value === undefined || !Number.isFinite(value) ? '' : { value, format: SCORE_FORMAT };

/**
 * A Current or Target in its unit (§1.2), formatted with the decimals the row's values
 * need; text (a binary "done") stays text; a measured key result without a Current yet
 * reads "not started".
 */
export function measureCell(value: unknown, uom: string, rowValues: readonly unknown[], notStarted = false): Cell {
  if (notStarted) return { value: 'not started', italic: true, fontColor: MUTED_COLOR };
  if (isBlank(value) || value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isFinite(value)) {
    const format =
      Math.abs(value) === 1
        ? numberFormatFor(uom, rowValues, { withUnit: true, one: true })
        : rowFormat(uom, rowValues);
    return { value, format };
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return { value: String(value).trim(), format: TEXT_FORMAT };
}

let lastRow: { uom: string; values: readonly unknown[]; format: string } | undefined;

/** A row's number format, worked out once for its Current and its Target (same values). */
function rowFormat(uom: string, values: readonly unknown[]): string {
  if (lastRow !== undefined && lastRow.values === values && lastRow.uom === uom) return lastRow.format;
  const format = numberFormatFor(uom, values, { withUnit: true });
  lastRow = { uom, values, format };
  return format;
}

/** score − expected in percentage points: red behind the cycle's pace, green ahead. */
export function gapCell(gap: number | null): Cell {
  if (gap === null || !Number.isFinite(gap)) return '';
  const points = Math.round(gap * 100);
  return { value: formatPoints(gap), fontColor: points < 0 ? DOWN_COLOR : points > 0 ? UP_COLOR : MUTED_COLOR };
}

/** `▲ +12 pts` green, `▼ −5 pts` red, `=` and `new` muted. */
export function trendCell(text: string, delta: number | null): Cell {
  if (text === '') return '';
  const color = delta === null || text === '=' ? MUTED_COLOR : delta > 0 ? UP_COLOR : DOWN_COLOR;
  return { value: text, fontColor: color };
}

const BAR_LENGTH = 20;
const FILLED = '█';
const EMPTY = '░';
const EXPECTED_MARK = '│';

/**
 * `█████████│░░░░░░░░░░` in the status colour: filled to the score, the mark where
 * Expected is today (the pace of the cycle). A text bar needs no formula per row.
 */
export function progressBarText(score: number | null, expected: number | null, length = BAR_LENGTH): string {
  if (score === null || !Number.isFinite(score)) return '';
  const filled = Math.round(Math.min(Math.max(score, 0), 1) * length);
  const mark =
    expected !== null && Number.isFinite(expected) && expected > 0 && expected < 1
      ? Math.min(length - 1, Math.round(expected * length))
      : -1;
  // A few hundred bars at most, shown on 50,000 rows: each is made once (a number for a key:
  // a string built per row cost more than the bar).
  let ofLength = bars.get(length);
  if (ofLength === undefined) {
    ofLength = new Map();
    bars.set(length, ofLength);
  }
  const key = filled * (length + 1) + mark + 1;
  let bar = ofLength.get(key);
  if (bar === undefined) {
    const chars: string[] = Array.from({ length }, (_, i) => (i < filled ? FILLED : EMPTY));
    if (mark >= 0) chars[mark] = EXPECTED_MARK;
    bar = chars.join('');
    ofLength.set(key, bar);
  }
  return bar;
}

/** Bars by length, then by fill and mark. */
const bars = new Map<number, Map<number, string>>();

export function barCell(score: number | null, expected: number | null, status: Status | null): Cell {
  const text = progressBarText(score, expected);
  if (text === '') return '';
  return { value: text, fontColor: status === null ? MUTED_COLOR : STATUS_STYLE[status].chart };
}

export function statusCell(status: Status | null, failed = false): Cell {
  if (failed) return { value: 'Error', background: ERROR_BACKGROUND };
  if (status === null) return '';
  return { value: status, background: STATUS_STYLE[status].background, fontColor: STATUS_STYLE[status].font };
}

/**
 * `today`, `1 day ago`, `12 days ago`, or `never`; red when the check-in is overdue by the rule
 * Validate and the Dashboard use (core/workbook/stale.ts), so the three never disagree.
 */
export function checkInCell(days: number | null, overdue: boolean): Cell {
  const text = days === null ? 'never' : days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
  return overdue ? { value: text, fontColor: DOWN_COLOR } : text;
}

/** A key result whose Current is a formula updates by itself: no check-in to count days from, nothing overdue. */
export const BY_FORMULA_CELL: Cell = { value: 'by formula', italic: true, fontColor: MUTED_COLOR };

const formulaText = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** `=HYPERLINK("#gid=…&range=A5:5", "C-KR1")`: opens the row; plain text without the sheet's id. */
export function rowLink(text: string, tab: string, row: number, sheetIds: ReadonlyMap<string, number>): Cell {
  const gid = sheetIds.get(tab);
  if (gid === undefined || text === '') return text;
  return { formula: `=HYPERLINK(${formulaText(`#gid=${gid}&range=${row}:${row}`)},${formulaText(text)})` };
}

import { err, ok, type Result } from './result';
import { readDate } from './values';

/**
 * §2.4 counts in whole days. Dates from date cells are instants at midnight in
 * the spreadsheet's zone (see readDate), so two of them can be a whole number of
 * days apart ± one daylight-saving hour; both rules below absorb that hour.
 */
const DST_HOUR = 1 / 24;
// Floating-point slack so that an exact DST midnight (k − 1/24 + 1/24) never floors to k − 1.
const SLACK = 1e-9;

/** Calendar days from one date to another: both are dates, so the nearest whole number is meant. */
export function daySpan(fromDay: number, toDay: number): number {
  return Math.round(toDay - fromDay);
}

/**
 * Whole days elapsed from the start of `fromDay` to `toDay`, which may be an
 * instant ("now"). Floors, so a whole day counts once it has begun; the DST
 * hour means the last hour before midnight already counts as the next day.
 */
export function daysElapsed(fromDay: number, toDay: number): number {
  return Math.floor(toDay - fromDay + DST_HOUR + SLACK);
}

/**
 * E = (as-of − start) / (end − start), in whole days, clamped to [0, 1].
 * Days are Sheets serials (see readDate). On the end date E is 1.
 */
export function expectedProgress(startDay: number, endDay: number, asOfDay: number): Result<number> {
  if (!Number.isFinite(startDay) || !Number.isFinite(endDay) || !Number.isFinite(asOfDay)) {
    return err('dates must be finite day numbers');
  }
  const span = daySpan(startDay, endDay);
  if (span <= 0) return err('end date must be after the start date');
  return ok(Math.min(Math.max(daysElapsed(startDay, asOfDay) / span, 0), 1));
}

/**
 * Expected progress from date cells (OKREXPECTED). ok(null) when both dates are
 * blank (a blank row); a blank as-of means `today`, the caller's clock as a serial.
 */
export function expectedFromCells(
  startDate: unknown,
  endDate: unknown,
  asOf: unknown,
  today: number,
): Result<number | null> {
  const start = readDate(startDate, 'start date');
  if (!start.ok) return start;
  const end = readDate(endDate, 'end date');
  if (!end.ok) return end;
  const at = readDate(asOf, 'as-of date');
  if (!at.ok) return at;
  if (start.value === null && end.value === null) return ok(null);
  if (start.value === null) return err('missing start date');
  if (end.value === null) return err('missing end date');
  return expectedProgress(start.value, end.value, at.value ?? today);
}

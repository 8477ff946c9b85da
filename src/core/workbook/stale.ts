/**
 * One rule for Validate (§4.3) and the Dashboard (§4.2): an item measured by check-ins needs
 * one every 14 days; before its first, the clock runs from its start (the row's Start date,
 * else the cycle's), so nothing is overdue on the first day of a cycle. An item measured by
 * formula (by-formula.ts) is never overdue: it updates by itself, and a check-in could not
 * write over it anyway.
 */
export const STALE_CHECK_IN_DAYS = 14;

export interface CheckInGap {
  /** Calendar days since the last check-in, or since the start when there was none (as the Roll-up counts). */
  readonly days: number;
  /** That last check-in or start (a Sheets serial). */
  readonly since: number;
  /** No check-in since the start (none at all, or only before it: a key result carried over into a new cycle). */
  readonly neverCheckedIn: boolean;
}

/** The gap when it is more than 14 days; null when the item is not overdue (or has no start to count from). */
export function overdueCheckIn(
  lastCheckIn: number | null | undefined,
  start: number | null,
  asOfDay: number,
  byFormula: boolean,
): CheckInGap | null {
  if (byFormula) return null;
  const last = lastCheckIn ?? null;
  // A check-in from before the start (last cycle's) does not make the item overdue on day one.
  const neverCheckedIn = last === null || (start !== null && Math.floor(last) < Math.floor(start));
  const since = neverCheckedIn ? start : last;
  if (since === null) return null;
  const days = Math.floor(asOfDay) - Math.floor(since);
  if (days <= STALE_CHECK_IN_DAYS) return null;
  return { days, since, neverCheckedIn };
}

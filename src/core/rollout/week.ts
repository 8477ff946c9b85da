/**
 * Where "today" falls in the plan: the current-week highlight and the overdue colouring.
 * The sheet does these with conditional-format formulas so they stay current without a
 * regeneration; these are the same rules, for tests and for messages.
 */
import { type CalendarDate, compareDates, daysBetween } from './calendar';
import { PLAN_WEEKS } from './plan';

/**
 * The plan week (1–12, the W column) that contains `today`, or undefined before the plan
 * starts or after its twelfth week. Weeks run 7 days from the plan start's weekday, so the
 * weekend after a Monday-start week's Friday still belongs to that week.
 */
export function currentPlanWeek(today: CalendarDate, planStart: CalendarDate): number | undefined {
  const days = daysBetween(planStart, today);
  if (days < 0) return undefined;
  const week = Math.floor(days / 7) + 1;
  return week <= PLAN_WEEKS ? week : undefined;
}

/** Red on the sheet: the row ended before today and is not done. Its end day itself is not late. */
export function isOverdue(end: CalendarDate, done: boolean, today: CalendarDate): boolean {
  return !done && compareDates(end, today) < 0;
}

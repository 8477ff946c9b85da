/**
 * Extensions ▸ OKR Cascade ▸ Generate rollout plan (SPEC §4.4).
 *
 * Asks for the start date, reads the units off the OKR tabs, merges the fresh plan with what
 * is on the `Rollout Plan` sheet (keeping users' Done, Owner and Notes), and rewrites it.
 * The prompt comes before the document lock: a user reading a dialog must not make every
 * other action wait. Nothing is written until the answer is a date.
 */
import {
  type CalendarDate,
  dayOfWeek,
  formatIsoDate,
  formatLongDate,
  fridayOf,
  fromSheetsSerial,
  MONDAY,
  MONTH_NAMES,
  nextMonday,
  WEEKDAY_NAMES,
} from '../core/rollout/calendar';
import { type DroppedPlanRow, mergeRolloutPlan, type RolloutMerge } from '../core/rollout/merge';
import { dateOrderFor, parseStartDate } from '../core/rollout/parse';
import { buildRolloutPlan, PLAN_WEEKS, planWeekStart } from '../core/rollout/plan';
import { planUnits } from '../core/rollout/units';
import { currentPlanWeek } from '../core/rollout/week';
import { formatFinding } from '../core/workbook/findings';
import { parseOkrTabs } from '../core/workbook/okr-rows';
import { TAB } from '../core/workbook/schema';
import { serialInZone, todaySerial } from '../sheets/dates';
import { indexSheets, startAside, swapIn } from '../sheets/generated';
import { readGrid } from '../sheets/io';
import type { Journal } from '../sheets/journal';
import type { ExistingRow } from '../sheets/rollout/existing';
import { planLayout } from '../sheets/rollout/layout';
import { orgFromOkrRows } from '../sheets/rollout/org';
import { readRolloutGrids, readRolloutSheet, writeRolloutSheet } from '../sheets/rollout-sheet';
import { runAction, UserError } from './run';

const TITLE = 'Generate rollout plan';
export const GENERATED_KIND = 'rollout-plan';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function generateRolloutPlan(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const today = calendarToday(timeZone);
  const answer = askStartDate(today, locale);
  if (answer === undefined) return; // Cancel or closed: nothing happens.
  runAction(TITLE, (journal) => {
    const start = parseStartDate(answer, today, { locale });
    if (!start.ok) throw new UserError(`${start.error}.\n\nNothing was changed.`);
    return writePlan(ss, journal, timeZone, start.value, today);
  });
}

function calendarToday(timeZone: string): CalendarDate {
  const today = fromSheetsSerial(todaySerial(timeZone));
  if (!today.ok) throw new Error(today.error);
  return today.value;
}

/** The typed text, or undefined when the user cancelled. */
function askStartDate(today: CalendarDate, locale: string): string | undefined {
  const ui = SpreadsheetApp.getUi();
  const fallback = nextMonday(today);
  const order = dateOrderFor(locale) === 'MDY' ? 'month/day/year' : 'day/month/year';
  const response = ui.prompt(
    TITLE,
    `When does the three-month rollout start?\n\n` +
      `Leave blank for the coming Monday, ${formatLongDate(fallback)} (${formatIsoDate(fallback)}).\n` +
      `Or type a date such as ${formatIsoDate(fallback)} or ${fallback.day} ${shortMonth(fallback)} ${fallback.year}; ` +
      `a date like 1/4/${fallback.year} is read as ${order}, as this spreadsheet's locale writes it.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (response.getSelectedButton() !== ui.Button.OK) return undefined;
  return response.getResponseText();
}

const shortMonth = (date: CalendarDate) => (MONTH_NAMES[date.month - 1] ?? '').slice(0, 3);

function writePlan(
  ss: Spreadsheet,
  journal: Journal,
  timeZone: string,
  start: CalendarDate,
  today: CalendarDate,
): string {
  const okr = parseOkrTabs({
    corporate: readGrid(ss, TAB.corporate, timeZone),
    department: readGrid(ss, TAB.department, timeZone),
    team: readGrid(ss, TAB.team, timeZone),
  });
  const org = orgFromOkrRows(okr.rows);
  const fresh = buildRolloutPlan(start, org);

  // The plan on the sheet now, found by its mark: what users typed there is carried over.
  const index = indexSheets(ss);
  const old = index.marked.get(GENERATED_KIND);
  const before = old === undefined ? EMPTY_PLAN : readRolloutSheet(old);
  if (!before.result.ok) throw new UserError(`${before.result.error}\n\nNothing was changed.`);
  const existing = before.result.plan;
  const merge = mergeRolloutPlan(fresh, existing.rows);
  const toSerial = (value: unknown) => serialOf(value, timeZone);
  const layout = planLayout(start, merge, existing, toSerial);
  // Built aside and swapped in (§6.3): a failure leaves the previous plan as it was.
  const aside = startAside(ss, index, journal, TAB.rolloutPlan, GENERATED_KIND);
  writeRolloutSheet(aside.sheet, layout);
  const target = swapIn(ss, index, aside);
  ss.setActiveSheet(target.sheet);

  const units = planUnits(org);
  return summary({
    start,
    today,
    sheetName: aside.finalName,
    nameTakenByUser: target.nameTakenByUser,
    regenerated: existing.rows.length > 0,
    rows: layout.dataRows,
    departments: units.departments.length,
    teams: units.teams.length,
    merge,
    unreadable: okr.problems.filter((p) => p.rule === 'missing-column').map(formatFinding),
  });
}

const EMPTY_PLAN = readRolloutGrids([], [], []);

function serialOf(value: unknown, timeZone: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (Object.prototype.toString.call(value) === '[object Date]')
    return Math.floor(serialInZone(value as Date, timeZone));
  return undefined;
}

interface SummaryFacts {
  readonly start: CalendarDate;
  readonly today: CalendarDate;
  readonly sheetName: string;
  readonly nameTakenByUser?: string;
  readonly regenerated: boolean;
  readonly rows: number;
  readonly departments: number;
  readonly teams: number;
  readonly merge: RolloutMerge<ExistingRow>;
  readonly unreadable: readonly string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(f: SummaryFacts): string {
  const end = fridayOf(planWeekStart(f.start, PLAN_WEEKS));
  const lines: string[] = [
    `${f.regenerated ? 'Updated' : 'Wrote'} "${f.sheetName}": ${plural(f.rows, 'row')} from ${formatLongDate(f.start)} ` +
      `to ${formatLongDate(end)}, for the corporate level, ${plural(f.departments, 'department')} ` +
      `and ${plural(f.teams, 'team')}.`,
  ];
  const weekday = dayOfWeek(f.start);
  if (weekday !== MONDAY) {
    const name = WEEKDAY_NAMES[weekday - 1] ?? '';
    const before = WEEKDAY_NAMES[(weekday + 5) % 7] ?? '';
    lines.push(
      `The plan starts on a ${name}, so its weeks run ${name} to ${before}; each row still ends on the Friday of its last week.`,
    );
  }
  if (f.nameTakenByUser !== undefined) {
    lines.push(`Your own sheet "${f.nameTakenByUser}" was left as it is; the plan is on "${f.sheetName}".`);
  }
  const week = currentPlanWeek(f.today, f.start);
  if (week !== undefined) lines.push(`Today is in week ${week} of the plan (W${week} is highlighted).`);
  if (f.departments + f.teams === 0) {
    lines.push(
      'No departments or teams were found on the Department OKRs and Team OKRs tabs, so the plan has the corporate rows only. ' +
        'Add your units there and run Generate rollout plan again: their rows are added and what you typed is kept.',
    );
  }
  if (f.unreadable.length > 0) lines.push(`Some OKR tabs could not be read:\n${bullets(f.unreadable)}`);
  if (f.regenerated) {
    const kept = f.merge.rows.filter((r) => r.kind === 'plan' && r.existed).length;
    lines.push(`Kept what you typed in Done, Owner and Notes on ${plural(kept, 'row')}.`);
    if (f.merge.added.length > 0) lines.push(`Added rows for new units:\n${bullets(f.merge.added)}`);
    if (f.merge.dropped.length > 0) {
      lines.push(`Dropped rows of units no longer on the OKR tabs:\n${bullets(f.merge.dropped)}`);
    }
    const lost = f.merge.droppedRows.filter((d) => d.hasUserData);
    if (lost.length > 0) {
      lines.push(
        `Warning: these dropped rows had Done ticked or Notes, copied here so nothing is lost:\n${bullets(lost.map(lostLine))}`,
      );
    }
  }
  return lines.join('\n\n');
}

function lostLine(row: DroppedPlanRow<ExistingRow>): string {
  const parts = [row.done ? 'Done' : '', row.notes.trim() === '' ? '' : `Notes: "${row.notes.trim()}"`].filter(Boolean);
  return `${row.unit} (${row.level.toLowerCase()}), ${row.activity}: ${parts.join('; ')}`;
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

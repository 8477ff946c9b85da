/** What the user reads before (the confirmation) and after (the summary) Start next cycle. */

import { formatCycle, formatDay } from './cycle';
import type { NextCyclePlan } from './plan';

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const LIST_LIMIT = 5;

function listed(lines: readonly string[]): string {
  const shown = lines.slice(0, LIST_LIMIT).map((l) => `    ${l}`);
  if (lines.length > LIST_LIMIT) shown.push(`    … and ${lines.length - LIST_LIMIT} more`);
  return shown.join('\n');
}

function tabList(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What each rule does, worded once for both the question and the summary. */
function ruleLines(plan: NextCyclePlan, done: boolean): string[] {
  const lines: string[] = [];
  const was = (future: string, past: string) => (done ? past : future);
  lines.push(
    `• ${was('Carry', 'Carried')} ${plural(plan.carried.length, 'unfinished key result')} over: Start ${was('becomes', 'became')} the last Current and Current ${was('is', 'was')} cleared, so each starts ${plan.newCycle.name} at 0 until its first check-in.`,
  );
  lines.push(
    `• ${was('Leave', 'Left')} ${plural(plan.finished.length, 'finished key result')}, ${plural(plan.objectives, 'objective')} and ${plural(plan.rolledUp, 'key result')} scored by roll-up as they are. Nothing is deleted: replace or remove rows yourself when you set the new OKRs.`,
  );
  if (plan.datesCleared > 0) {
    lines.push(
      `• ${was('Clear', 'Cleared')} ${plural(plan.datesCleared, 'row date')} (Start date, Due date) set before ${plan.newCycle.name}, so those rows use the cycle's dates.`,
    );
  }
  if (plan.archives.some((a) => a.key === 'kpis')) {
    lines.push(
      `• KPIs: ${was('roll', 'rolled')} ${plural(plan.kpisRolled.length, 'KPI')} over (Baseline ${was('becomes', 'became')} the last Actual, Actual ${was('is', 'was')} cleared); ${plural(plan.kpisReached.length, 'KPI')} already at target ${was(plan.kpisReached.length === 1 ? 'keeps' : 'keep', 'kept')} Baseline and Actual; ${plural(plan.kpiDatesMoved, 'Due date')} ${was('move', 'moved')} to ${formatDay(plan.newCycle.end)}.`,
    );
  }
  return lines;
}

function warningLines(plan: NextCyclePlan, done: boolean): string[] {
  const lines: string[] = [];
  const left = done ? 'were left unchanged' : 'will be left unchanged';
  if (plan.broken.length > 0)
    lines.push(
      `${plural(plan.broken.length, 'key result has', 'key results have')} errors and ${left}:\n${listed(plan.broken)}`,
    );
  if (plan.kpisBroken.length > 0)
    lines.push(
      `${plural(plan.kpisBroken.length, 'KPI has', 'KPIs have')} errors and ${left}:\n${listed(plan.kpisBroken)}`,
    );
  if (plan.formulaCells.length > 0)
    lines.push(
      `${plural(plan.formulaCells.length, 'cell holds a formula', 'cells hold formulas')}, so ${done ? 'it was' : 'they are'} not overwritten:\n${listed(plan.formulaCells)}`,
    );
  return lines;
}

/** The YES/NO question asked before anything changes. */
export function confirmationText(plan: NextCyclePlan): string {
  const archived = tabList(plan.archives.map((a) => a.tab));
  const lines = [`Start ${formatCycle(plan.newCycle)} after ${plan.oldCycle.name}?`];
  const left = plan.oldCycle.end - Math.floor(plan.asOfDay);
  if (left > 0)
    lines.push(
      `Note: ${plan.oldCycle.name} still runs until ${formatDay(plan.oldCycle.end)} (${plural(left, 'day')} from today).`,
    );
  lines.push('');
  lines.push(`• Archive ${archived} as frozen copies named "… (${plan.oldCycle.name})".`);
  lines.push(...ruleLines(plan, false));
  lines.push(`• Set Cycle name, Cycle start and Cycle end in Settings (you can change them there afterwards).`);
  const warnings = warningLines(plan, false);
  if (warnings.length > 0) lines.push('', ...warnings);
  lines.push('', 'Check-ins and History are not changed.');
  return lines.join('\n');
}

/** The summary shown once everything is written. */
export function summaryText(plan: NextCyclePlan): string {
  const lines = [`Started ${formatCycle(plan.newCycle)}.`, ''];
  lines.push(
    `• Archived ${plan.oldCycle.name}: ${plan.archives.map((a) => a.name).join(', ')} (values only, protected with a warning).`,
  );
  lines.push(...ruleLines(plan, true));
  lines.push(`• Settings now hold ${plan.newCycle.name}.`);
  const warnings = warningLines(plan, true);
  if (warnings.length > 0) lines.push('', ...warnings);
  lines.push('', 'Check-ins and History were not changed.');
  return lines.join('\n');
}

/**
 * §4.3 Validate: every rule as a finding, sorted by tab order, row and severity.
 * Structure (IDs, parents, cycles) comes from the scoring core's roll-up, so what
 * Validate reports is exactly what the Score column shows.
 */

import { formatIsoDate, fromSheetsSerial } from '../rollout/calendar';
import { type Finding, sortFindings } from './findings';
import type { OkrRow } from './okr-rows';
import { latestCheckIns } from './report';
import { OKR_SCHEMA, type OkrColumn, TAB_ORDER } from './schema';
import { overdueCheckIn } from './stale';
import { cellFinding, type Table } from './table';
import type { Workbook } from './workbook';

export const MAX_OBJECTIVES_PER_UNIT = 5;
export const MIN_KEY_RESULTS = 2;
export const MAX_KEY_RESULTS = 5;

const isoDays = new Map<number, string>();

/** A check-in timestamp is an instant: its day is the one it falls in. Remembered: thousands of findings share a few days. */
function isoDay(day: number): string {
  const whole = Math.floor(day);
  let text = isoDays.get(whole);
  if (text === undefined) {
    const date = fromSheetsSerial(whole);
    if (!date.ok) return String(day);
    text = formatIsoDate(date.value);
    if (isoDays.size < 100_000) isoDays.set(whole, text);
  }
  return text;
}

export function validateWorkbook(workbook: Workbook): Finding[] {
  const { okr } = workbook;
  const findings: Finding[] = [...earlierFindings(workbook)];
  checkRows(workbook, (row, key, severity, rule, message) => {
    const table: Table<OkrColumn> = okr.tables[row.level];
    findings.push(
      cellFinding(
        { tab: row.tab, schema: OKR_SCHEMA, header: table.header },
        row.row,
        key,
        severity,
        rule,
        row.id,
        message,
      ),
    );
  });
  return sortFindings(findings, TAB_ORDER);
}

/** What Validate would count, without making (or sorting) each finding: Build roll-up's summary. */
export function countProblems(workbook: Workbook): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  const add = (severity: Finding['severity']) => {
    if (severity === 'error') errors++;
    else warnings++;
  };
  for (const finding of earlierFindings(workbook)) add(finding.severity);
  checkRows(workbook, (_row, _key, severity) => add(severity));
  return { errors, warnings };
}

/** Findings made while the workbook was read: settings, headers, KPIs, logs. */
function earlierFindings(workbook: Workbook): Finding[] {
  return [
    ...workbook.settings.problems,
    ...workbook.okr.problems,
    ...workbook.kpis.problems,
    ...workbook.kpiFindings,
    ...staleKpis(workbook),
    ...workbook.logProblems,
  ];
}

/** Every rule of §4.3 on the OKR rows, each problem handed to `at`. */
function checkRows(workbook: Workbook, at: At): void {
  const { okr, scores } = workbook;
  const { rollup } = scores;
  const rows = okr.rows;
  const where = (row: OkrRow): string => `${row.tab} row ${row.row}`;
  const onCycle = new Uint8Array(rows.length);
  for (const cycle of rollup.cycles) for (const i of cycle) onCycle[i] = 1;

  rows.forEach((row, i) => {
    if (row.key === '') return;
    const node = rollup.nodeIndex.get(row.key) ?? i;
    if (node !== i) {
      const first = rows[node] as OkrRow;
      at(row, 'id', 'error', 'duplicate-id', `duplicate ID "${row.id}": ${where(first)} already has it`);
      return;
    }
    if (row.owner === '') at(row, 'owner', 'warning', 'missing-owner', `${row.kind.toLowerCase()} has no Owner`);
    if (rollup.unknownParent[i]) {
      at(row, 'parentId', 'error', 'unknown-parent', `Parent ID "${row.parentId}" names no row on the OKR tabs`);
      return;
    }
    if (onCycle[i]) {
      const score = scores.rows[i]?.score;
      at(row, 'parentId', 'error', 'cycle', score && !score.ok ? score.error : 'cycle of Parent IDs');
    }
    const p = rollup.parentIndex[i] ?? -1;
    const parent = p >= 0 ? rows[p] : undefined;
    if (row.kind === 'Key Result') {
      if (parent === undefined) {
        at(row, 'parentId', 'error', 'kr-parent', 'key result has no Parent ID: name its objective on this tab');
      } else if (parent.kind !== 'Objective' || parent.tab !== row.tab) {
        const what = parent.kind === 'Objective' ? `an objective on ${parent.tab}` : 'a key result';
        at(
          row,
          'parentId',
          'error',
          'kr-parent',
          `a key result's parent must be an objective on ${row.tab}; "${row.parentId}" is ${what}`,
        );
      }
      return;
    }
    checkObjectiveLevel(row, parent, at);
  });

  countObjectivesPerUnit(rows, rollup.nodeIndex, at);
  countKeyResults(rows, rollup.parentIndex, rollup.nodeIndex, at);
  staleCheckIns(workbook, at, isoDay);
  datesAfterCycle(workbook, at);
}

type At = (row: OkrRow, key: OkrColumn, severity: Finding['severity'], rule: Finding['rule'], message: string) => void;

/** §1.2: corporate objectives align to nothing, department to corporate, team to department (or, warned, corporate). */
function checkObjectiveLevel(row: OkrRow, parent: OkrRow | undefined, at: At): void {
  if (row.level === 'Corporate') {
    if (parent !== undefined) {
      at(row, 'parentId', 'error', 'wrong-level', 'a corporate objective aligns to nothing: clear its Parent ID');
    }
    return;
  }
  const above = row.level === 'Department' ? 'Corporate' : 'Department';
  if (parent === undefined) {
    at(
      row,
      'parentId',
      'warning',
      'unaligned',
      `objective is not aligned: name the ${above.toLowerCase()} objective or key result it contributes to`,
    );
  } else if (parent.level === above) {
    return;
  } else if (row.level === 'Team' && parent.level === 'Corporate') {
    at(
      row,
      'parentId',
      'warning',
      'team-to-corporate',
      `team objective aligns straight to corporate "${parent.id}": align it to a department objective or key result`,
    );
  } else {
    at(
      row,
      'parentId',
      'error',
      'wrong-level',
      `a ${row.level.toLowerCase()} objective must align to the ${above.toLowerCase()} level, not to ${parent.tab} ("${parent.id}")`,
    );
  }
}

function countObjectivesPerUnit(rows: readonly OkrRow[], nodeIndex: ReadonlyMap<string, number>, at: At): void {
  const groups = new Map<string, OkrRow[]>();
  rows.forEach((row, i) => {
    if (row.kind !== 'Objective' || row.key === '' || nodeIndex.get(row.key) !== i) return;
    const group = `${row.level}\u0000${row.unit.toLowerCase()}`;
    const list = groups.get(group) ?? [];
    list.push(row);
    groups.set(group, list);
  });
  for (const list of groups.values()) {
    const excess = list[MAX_OBJECTIVES_PER_UNIT];
    if (excess === undefined) continue;
    const unit = excess.unit === '' ? `${excess.tab} (no Unit)` : `unit "${excess.unit}"`;
    at(
      excess,
      'unit',
      'warning',
      'too-many-objectives',
      `${unit} has ${list.length} objectives: keep to ${MAX_OBJECTIVES_PER_UNIT} or fewer`,
    );
  }
}

function countKeyResults(
  rows: readonly OkrRow[],
  parentIndex: readonly number[],
  nodeIndex: ReadonlyMap<string, number>,
  at: At,
): void {
  const count = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const p = parentIndex[i] ?? -1;
    if (row.kind === 'Key Result' && p >= 0) count[p] = (count[p] ?? 0) + 1;
  });
  rows.forEach((row, i) => {
    if (row.kind !== 'Objective' || row.key === '' || nodeIndex.get(row.key) !== i) return;
    const n = count[i] ?? 0;
    if (n < MIN_KEY_RESULTS) {
      at(
        row,
        'id',
        'warning',
        'key-result-count',
        `objective has ${n} key result${n === 1 ? '' : 's'}: give it ${MIN_KEY_RESULTS} to ${MAX_KEY_RESULTS}`,
      );
    } else if (n > MAX_KEY_RESULTS) {
      at(
        row,
        'id',
        'warning',
        'key-result-count',
        `objective has ${n} key results: keep to ${MAX_KEY_RESULTS} or fewer`,
      );
    }
  });
}

/**
 * A key result measured by its own metric and not yet done needs a check-in every
 * 14 days; before its first one the clock runs from its start (row date, else cycle).
 */
function staleCheckIns(workbook: Workbook, at: At, isoDay: (day: number) => string): void {
  const last = latestCheckIns(workbook.checkIns);
  const { rollup } = workbook.scores;
  workbook.scores.rows.forEach(({ row, score }, i) => {
    if (row.kind !== 'Key Result' || row.key === '' || rollup.nodeIndex.get(row.key) !== i) return;
    if (!row.ownScore.ok || row.ownScore.value === null) return;
    if (score.ok && score.value !== null && score.value >= 1) return;
    const start = (row.startDate.ok ? row.startDate.value : null) ?? workbook.settings.settings.cycleStart;
    const gap = overdueCheckIn(last.get(row.key), start, workbook.asOfDay, row.byFormula);
    if (gap !== null) at(row, 'current', 'warning', 'stale-check-in', staleMessage(gap, isoDay));
  });
}

function staleMessage(gap: { days: number; since: number; neverCheckedIn: boolean }, isoDay: (day: number) => string) {
  return gap.neverCheckedIn
    ? `no check-in since the start on ${isoDay(gap.since)} (${gap.days} days)`
    : `no check-in for ${gap.days} days (last on ${isoDay(gap.since)})`;
}

/** KPIs are checked in too (§5.2): one not Done with no Actual recorded for 14 days, counted from the cycle's start. */
function staleKpis(workbook: Workbook): Finding[] {
  const last = latestCheckIns(workbook.checkIns);
  const findings: Finding[] = [];
  for (const { row, status } of workbook.kpiResults) {
    if (row.key === '' || (status.ok && status.value === 'Done')) continue;
    const { cycleStart } = workbook.settings.settings;
    const gap = overdueCheckIn(last.get(row.key), cycleStart, workbook.asOfDay, row.byFormula);
    if (gap === null) continue;
    findings.push(
      cellFinding(
        workbook.kpis.table,
        row.row,
        'actual',
        'warning',
        'stale-check-in',
        row.id,
        staleMessage(gap, isoDay),
      ),
    );
  }
  return findings;
}

/** Dates that parse but make no period with the other date (a row's or the cycle's) break Expected. */
function datesAfterCycle(workbook: Workbook, at: At): void {
  for (const { row, expected } of workbook.scores.rows) {
    if (expected.ok || !row.startDate.ok || !row.dueDate.ok) continue;
    const key: OkrColumn = row.dueDate.value !== null ? 'dueDate' : 'startDate';
    const which = row.dueDate.value !== null && row.startDate.value !== null ? 'Start date' : 'the cycle start';
    const message =
      key === 'dueDate'
        ? `Due date must be after ${which}`
        : 'Start date must be before the cycle end (set a Due date, or fix the Start date)';
    at(row, key, 'error', 'bad-date', message);
  }
}

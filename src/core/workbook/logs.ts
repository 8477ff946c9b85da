/**
 * The add-on's own logs: `Check-ins` (§5.2) and `History` (§4.5). Only what
 * validation and the roll-up report need is read; rows the add-on cannot read are
 * skipped with a finding rather than guessed at.
 */
import { normalizeId } from '../rollup';
import { isBlank, readDate, readNumber } from '../values';
import type { Finding } from './findings';
import { CHECK_IN_SCHEMA, type CheckInColumn, HISTORY_SCHEMA, type HistoryColumn, TAB } from './schema';
import { cellFinding, type Grid, readTable, text } from './table';

export interface CheckIn {
  readonly row: number;
  /** When it was made, as a Sheets serial. */
  readonly at: number;
  readonly id: string;
  readonly key: string;
  /** As logged (raw cells): the sidebar shows an item's recent check-ins. */
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly confidence: unknown;
  readonly comment: string;
  readonly user: string;
}

export function parseCheckIns(grid: Grid | undefined): { readonly checkIns: CheckIn[]; readonly problems: Finding[] } {
  if (grid === undefined) return { checkIns: [], problems: [] };
  const table = readTable(TAB.checkIns, grid, CHECK_IN_SCHEMA);
  const problems: Finding[] = [...table.header.problems];
  const checkIns: CheckIn[] = [];
  for (const { row, cells } of table.rows) {
    const id = text(cells.id);
    const at = readDate(cells.timestamp, 'timestamp');
    if (!at.ok || at.value === null || id === '') {
      const key: CheckInColumn = id === '' ? 'id' : 'timestamp';
      const message = at.ok ? 'check-in without a timestamp or ID is ignored' : `${at.error}; the check-in is ignored`;
      problems.push(cellFinding(table, row, key, 'warning', 'bad-value', id, message));
      continue;
    }
    checkIns.push({
      row,
      at: at.value,
      id,
      key: normalizeId(id),
      oldValue: cells.oldValue,
      newValue: cells.newValue,
      confidence: cells.confidence,
      comment: text(cells.comment),
      user: text(cells.user),
    });
  }
  return { checkIns, problems };
}

export interface Snapshot {
  readonly row: number;
  /** The snapshot's day, a Sheets serial. */
  readonly date: number;
  readonly id: string;
  readonly key: string;
  /** As recorded ("" when the column is missing). */
  readonly level: string;
  /** null when the row had no score that day (blank or an error). */
  readonly score: number | null;
  /** null when not recorded. */
  readonly expected: number | null;
  readonly status: string;
}

export function parseHistory(grid: Grid | undefined): { readonly snapshots: Snapshot[]; readonly problems: Finding[] } {
  if (grid === undefined) return { snapshots: [], problems: [] };
  const table = readTable(TAB.history, grid, HISTORY_SCHEMA);
  const problems: Finding[] = [...table.header.problems];
  const snapshots: Snapshot[] = [];
  for (const { row, cells } of table.rows) {
    const id = text(cells.id);
    const date = readDate(cells.date, 'date');
    if (!date.ok || date.value === null || id === '') {
      const key: HistoryColumn = id === '' ? 'id' : 'date';
      problems.push(
        cellFinding(table, row, key, 'warning', 'bad-value', id, 'snapshot without a date or ID is ignored'),
      );
      continue;
    }
    // An error text in a snapshot's Score is a score the row did not have that day.
    const score = readNumber(cells.score);
    const expected = readNumber(cells.expected);
    snapshots.push({
      row,
      date: date.value,
      id,
      key: normalizeId(id),
      level: text(cells.level),
      score: score.ok && !isBlank(cells.score) ? score.value : null,
      expected: expected.ok && !isBlank(cells.expected) ? expected.value : null,
      status: text(cells.status),
    });
  }
  return { snapshots, problems };
}

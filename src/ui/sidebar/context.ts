/**
 * What the sidebar shows: every OKR row as a plain OkrItem, the pickers' lists, and
 * the row under the user's selection. Built from a SidebarState, so a save can reply
 * with the workbook as it is after its write.
 */
import { isUnmeasured } from '../../core/metric';
import { formatFinding } from '../../core/workbook/findings';
import { levelOfTab } from '../../core/workbook/schema';
import type { RowScore } from '../../core/workbook/score-workbook';
import type { OkrItem, SidebarContext } from '../../shared/sidebar-api';
import { fieldsOf, wireValue } from './fields';
import { rawCellsOf, type SidebarState, usableLevels } from './state';

/** Where the user's selection was when the sidebar asked. */
export interface Selection {
  readonly tab: string;
  readonly row: number;
}

function itemOf(state: SidebarState, { row, score, status }: RowScore): OkrItem {
  const cells = rawCellsOf(state, row);
  return {
    id: row.id,
    level: row.level,
    kind: row.kind,
    tab: row.tab,
    row: row.row,
    title: row.title,
    unit: row.unit,
    owner: row.owner,
    parentId: row.parentId,
    uom: row.uom,
    fields: fieldsOf(cells, row.kind),
    current: wireValue(cells.current),
    measured:
      row.kind === 'Key Result' &&
      !isUnmeasured({ start: cells.start, target: cells.target, current: cells.current, type: cells.metricType }),
    score: score.ok ? score.value : null,
    status: status.ok ? (status.value ?? '') : status.error,
  };
}

export function okrItems(state: SidebarState): OkrItem[] {
  return state.workbook.scores.rows.map((rowScore) => itemOf(state, rowScore));
}

/** The item of a tab's row, or undefined for a row that holds no OKR. */
export function itemAt(state: SidebarState, tab: string, row: number): OkrItem | undefined {
  const found = state.workbook.scores.byRow.get(`${tab}!${row}`);
  return found === undefined ? undefined : itemOf(state, found);
}

const sortedDistinct = (values: readonly string[]): string[] =>
  [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));

function selectionOf(
  state: SidebarState,
  selection: Selection | null,
): { selected: OkrItem | null; selectionNote: string; levelHint: OkrItem['level'] | null } {
  const none = { selected: null, selectionNote: '', levelHint: null };
  if (selection === null) return none;
  const level = levelOfTab(selection.tab);
  if (level === undefined) return none;
  if (selection.row <= 1) return { ...none, levelHint: level };
  const selected = itemAt(state, selection.tab, selection.row) ?? null;
  if (selected !== null) return { selected, selectionNote: '', levelHint: level };
  return {
    selected: null,
    selectionNote: `${selection.tab} row ${selection.row} holds no objective or key result: fill in the form to add one.`,
    levelHint: level,
  };
}

export function sidebarContextOf(state: SidebarState, selection: Selection | null): SidebarContext {
  const items = okrItems(state);
  const { okr, settings } = state.workbook;
  const notices = okr.problems
    .filter((f) => f.rule === 'missing-tab' || f.rule === 'missing-column' || f.rule === 'duplicate-column')
    .map(formatFinding);
  return {
    cycleName: settings.settings.cycleName,
    ...selectionOf(state, selection),
    items,
    units: sortedDistinct(items.map((i) => i.unit)),
    owners: sortedDistinct(items.map((i) => i.owner)),
    levels: usableLevels(state),
    notices,
  };
}

import type { Ctx } from './context.js';
import type { SheetData } from './model.js';

/**
 * Row groups, as Apps Script documents them:
 * - https://developers.google.com/apps-script/reference/spreadsheet/group — a group is an
 *   interval of contiguous rows that expands or collapses as a unit; its *depth* is how many
 *   groups contain it; its control toggle sits on the row directly before or after it;
 *   remove() lowers the depth of its range by one.
 * - https://developers.google.com/apps-script/reference/spreadsheet/range#shiftRowGroupDepth(Integer)
 *   — changes the row group depth of the range by the given amount, creating, modifying or
 *   deleting the groups that intersect it; no effect below zero or above eight.
 * - https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRowGroup(Integer,Integer)
 *   — the group at a row index (the control toggle's or one inside the group) and depth; it
 *   throws when there is none.
 * The model is a depth per row: the groups of depth k are the maximal runs of rows whose
 * depth is at least k, which is how adjacent groups of one depth merge in Sheets.
 */

export const MAX_GROUP_DEPTH = 8;

interface RowGroupState {
  readonly depth: Map<number, number>;
  /** Collapsed groups by `${depth}:${first row}`. */
  readonly collapsed: Set<string>;
  /** Sheets' default: the toggle on the row after the group. */
  controlAfter: boolean;
}

const states = new WeakMap<SheetData, RowGroupState>();

export function rowGroupState(sheet: SheetData): RowGroupState {
  let state = states.get(sheet);
  if (state === undefined) {
    state = { depth: new Map(), collapsed: new Set(), controlAfter: true };
    states.set(sheet, state);
  }
  return state;
}

export function rowDepth(sheet: SheetData, row: number): number {
  return states.get(sheet)?.depth.get(row) ?? 0;
}

export interface RowGroupSpan {
  readonly depth: number;
  /** 1-based, inclusive. */
  readonly first: number;
  readonly last: number;
}

/** The group of `depth` holding `row`, or undefined. */
export function groupHolding(sheet: SheetData, row: number, depth: number): RowGroupSpan | undefined {
  if (depth < 1 || rowDepth(sheet, row) < depth) return undefined;
  let first = row;
  while (first > 1 && rowDepth(sheet, first - 1) >= depth) first--;
  let last = row;
  while (last < sheet.maxRows && rowDepth(sheet, last + 1) >= depth) last++;
  return { depth, first, last };
}

/** Every group of the sheet, outer ones first, then in row order. */
export function allRowGroups(sheet: SheetData): RowGroupSpan[] {
  const state = states.get(sheet);
  if (state === undefined) return [];
  const rows = [...state.depth.entries()].filter(([, d]) => d > 0).sort(([a], [b]) => a - b);
  const groups: RowGroupSpan[] = [];
  for (let depth = 1; depth <= MAX_GROUP_DEPTH; depth++) {
    let open: { first: number; last: number } | undefined;
    for (const [row, d] of rows) {
      if (d < depth) continue;
      if (open !== undefined && row === open.last + 1) open.last = row;
      else {
        if (open) groups.push({ depth, ...open });
        open = { first: row, last: row };
      }
    }
    if (open) groups.push({ depth, ...open });
  }
  return groups;
}

export function isCollapsed(sheet: SheetData, group: RowGroupSpan): boolean {
  return states.get(sheet)?.collapsed.has(`${group.depth}:${group.first}`) ?? false;
}

/** Rows a collapsed group hides (shown nowhere until it is expanded). */
export function rowsHiddenByGroups(sheet: SheetData): Set<number> {
  const hidden = new Set<number>();
  for (const group of allRowGroups(sheet)) {
    if (!isCollapsed(sheet, group)) continue;
    for (let r = group.first; r <= group.last; r++) hidden.add(r);
  }
  return hidden;
}

export function shiftDepth(sheet: SheetData, first: number, count: number, delta: number): void {
  const state = rowGroupState(sheet);
  for (let r = first; r < first + count; r++) {
    const depth = Math.min(MAX_GROUP_DEPTH, Math.max(0, (state.depth.get(r) ?? 0) + delta));
    if (depth === 0) state.depth.delete(r);
    else state.depth.set(r, depth);
  }
  // A collapsed state belongs to a group's first row; a group that no longer starts there is gone.
  for (const key of [...state.collapsed]) {
    const [d, row] = key.split(':').map(Number) as [number, number];
    const group = groupHolding(sheet, row, d);
    if (group === undefined || group.first !== row) state.collapsed.delete(key);
  }
}

/**
 * Inserted rows (count > 0 at `at`) join a group that surrounds them; deleted rows (count < 0)
 * leave theirs: depths move with the rows, as row heights do.
 */
export function moveRowGroups(sheet: SheetData, at: number, count: number): void {
  const state = states.get(sheet);
  if (state === undefined || state.depth.size === 0) return;
  const inserted = count > 0 ? Math.min(rowDepth(sheet, at - 1), rowDepth(sheet, at)) : 0;
  const moved = new Map<number, number>();
  for (const [row, depth] of state.depth) {
    if (count < 0 && row >= at && row < at - count) continue;
    moved.set(row >= at ? row + count : row, depth);
  }
  if (inserted > 0) for (let r = at; r < at + count; r++) moved.set(r, inserted);
  state.depth.clear();
  for (const [row, depth] of moved) state.depth.set(row, depth);
  const collapsed = [...state.collapsed].map((key) => key.split(':').map(Number) as [number, number]);
  state.collapsed.clear();
  for (const [depth, row] of collapsed) {
    if (count < 0 && row >= at && row < at - count) continue;
    state.collapsed.add(`${depth}:${row >= at ? row + count : row}`);
  }
}

/** https://developers.google.com/apps-script/reference/spreadsheet/group */
export function wrapGroup(ctx: Ctx, sheet: SheetData, span: RowGroupSpan): GoogleAppsScript.Spreadsheet.Group {
  const state = rowGroupState(sheet);
  const key = `${span.depth}:${span.first}`;
  const group = {
    collapse() {
      state.collapsed.add(key);
      return self;
    },
    expand() {
      state.collapsed.delete(key);
      return self;
    },
    getControlIndex: () => (state.controlAfter ? span.last + 1 : span.first - 1),
    getDepth: () => span.depth,
    getRange: () =>
      ctx.range(sheet, { row: span.first, col: 1, numRows: span.last - span.first + 1, numCols: sheet.maxCols }),
    isCollapsed: () => state.collapsed.has(key),
    remove() {
      state.collapsed.delete(key);
      shiftDepth(sheet, span.first, span.last - span.first + 1, -1);
    },
  };
  const self = ctx.wrap(group, 'Group') as unknown as GoogleAppsScript.Spreadsheet.Group;
  return self;
}

/** Sheet.getRowGroup: the group at a toggle's index or at a row inside it, else Sheets' error. */
export function rowGroupAt(
  ctx: Ctx,
  sheet: SheetData,
  rowIndex: number,
  depth: number,
): GoogleAppsScript.Spreadsheet.Group {
  const state = rowGroupState(sheet);
  const inside = groupHolding(sheet, rowIndex, depth);
  const toggle = groupHolding(sheet, state.controlAfter ? rowIndex - 1 : rowIndex + 1, depth);
  const span =
    inside ??
    (toggle && (state.controlAfter ? toggle.last === rowIndex - 1 : toggle.first === rowIndex + 1)
      ? toggle
      : undefined);
  if (span === undefined) throw new Error(`A row group does not exist at index ${rowIndex} and depth ${depth}.`);
  return wrapGroup(ctx, sheet, span);
}

/**
 * What the sidebar shows, built from a SidebarState: one row in full (OkrItem), every
 * row as a list summary, and the context the sidebar opens with — the selected row,
 * the lists' first pages and the names the forms suggest, so its size follows what
 * the sidebar shows, not the row count (§6.1).
 */
import { isUnmeasured } from '../../core/metric';
import { normalizeId } from '../../core/rollup';
import { formatFinding } from '../../core/workbook/findings';
import type { KpiResult } from '../../core/workbook/kpis';
import type { OkrRow } from '../../core/workbook/okr-rows';
import { levelOfTab, OKR_TAB_OF_LEVEL, type OkrColumn, TAB } from '../../core/workbook/schema';
import type { RowScore } from '../../core/workbook/score-workbook';
import { dayPattern, ISO_DAY } from '../../shared/date-format';
import { clip, NAME_CHARS, namesOf, pageOf, TITLE_LIMIT } from '../../shared/okr-lists';
import type {
  KpiSummary,
  LevelName,
  OkrItem,
  OkrQuery,
  OkrSummary,
  SelectedRow,
  SidebarContext,
} from '../../shared/sidebar-api';
import { fieldsOf, fieldText, wireValue } from './fields';
import { rawCellOf, rawCellsOf, type SidebarState, usableLevels } from './state';

/** Where the user's selection was when the sidebar asked. */
export interface Selection {
  readonly tab: string;
  readonly row: number;
}

type MetricCells = Readonly<Pick<Record<OkrColumn, unknown>, 'start' | 'target' | 'current' | 'metricType'>>;

function isMeasured(row: OkrRow, cells: MetricCells): boolean {
  return (
    row.kind === 'Key Result' &&
    !isUnmeasured({ start: cells.start, target: cells.target, current: cells.current, type: cells.metricType })
  );
}

const scoreOf = ({ score }: RowScore): number | null => (score.ok ? score.value : null);
const statusOf = ({ status }: RowScore): string => (status.ok ? (status.value ?? '') : status.error);
const expectedOf = ({ expected }: RowScore): number | null => (expected.ok ? expected.value : null);

/** A row in full, with the row its Parent ID names. */
function itemOf(state: SidebarState, rowScore: RowScore, parent: OkrSummary | null): OkrItem {
  const { row } = rowScore;
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
    parent,
    uom: row.uom,
    fields: fieldsOf(cells, row.kind),
    current: wireValue(cells.current),
    measured: isMeasured(row, cells),
    score: scoreOf(rowScore),
    status: statusOf(rowScore),
    expected: expectedOf(rowScore),
  };
}

/** A row as lists show it. Only a key result's cells are looked at: most rows need none. */
function summaryOfRow(state: SidebarState, rowScore: RowScore): OkrSummary {
  const { row } = rowScore;
  const summary: { -readonly [K in keyof OkrSummary]: OkrSummary[K] } = {
    id: row.id,
    level: row.level,
    kind: row.kind,
    tab: row.tab,
    row: row.row,
    title: clip(row.title, TITLE_LIMIT),
    unit: clip(row.unit, NAME_CHARS),
    owner: clip(row.owner, NAME_CHARS),
  };
  if (row.kind !== 'Key Result') return summary;
  // OkrRow keeps Start, Target and Current as read; Metric type only parsed.
  const cells = {
    start: row.start,
    target: row.target,
    current: row.current,
    metricType: rawCellOf(state, row, 'metricType'),
  };
  if (!isMeasured(row, cells)) return summary;
  summary.measure = {
    uom: row.uom,
    current: wireValue(cells.current),
    start: fieldText('start', cells.start),
    target: fieldText('target', cells.target),
    metricType: fieldText('metricType', cells.metricType),
    score: scoreOf(rowScore),
    status: statusOf(rowScore),
    expected: expectedOf(rowScore),
  };
  return summary;
}

/** Every OKR row as lists show it, in sheet order (by level, then row). */
export function okrSummaries(state: SidebarState): OkrSummary[] {
  return state.workbook.scores.rows.map((rowScore) => summaryOfRow(state, rowScore));
}

/** The row a Parent ID names: the first row with that ID, as the roll-up reads it. */
function parentOf(state: SidebarState, parentId: string): OkrSummary | null {
  const index = state.workbook.scores.rollup.nodeIndex.get(normalizeId(parentId));
  const parent = index === undefined ? undefined : state.workbook.scores.rows[index];
  return parent === undefined ? null : summaryOfRow(state, parent);
}

/** The item of a tab's row, or undefined for a row that holds no OKR. */
export function itemAt(state: SidebarState, tab: string, row: number): OkrItem | undefined {
  const found = state.workbook.scores.byRow.get(`${tab}!${row}`);
  return found === undefined ? undefined : itemOf(state, found, parentOf(state, found.row.parentId));
}

export function summaryAt(state: SidebarState, tab: string, row: number): OkrSummary | undefined {
  const found = state.workbook.scores.byRow.get(`${tab}!${row}`);
  return found === undefined ? undefined : summaryOfRow(state, found);
}

export function selectedRowOf(state: SidebarState, selection: Selection | null): SelectedRow {
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

/**
 * The lists the sidebar shows as it opens; the form's parents are asked for as the
 * page opens its form: the selected row, else a new objective on the selection's level.
 */
function firstQueries(selection: SelectedRow, levels: readonly LevelName[]): OkrQuery[] {
  const { selected } = selection;
  const level = selected?.level ?? selection.levelHint ?? levels[0] ?? 'Corporate';
  const kind = selected?.kind ?? 'Objective';
  return [
    { list: { name: 'all' }, text: '' },
    { list: { name: 'parents', level, kind }, text: '' },
    { list: { name: 'keyResults', unit: '', owner: '' }, text: '' },
  ];
}

export function sidebarContextOf(
  state: SidebarState,
  selection: Selection | null,
  dateFormat = ISO_DAY,
): SidebarContext {
  const summaries = okrSummaries(state);
  const measured = summaries.filter((s) => s.measure !== undefined && s.id !== '');
  const { okr, settings } = state.workbook;
  const notices = okr.problems
    .filter((f) => f.rule === 'missing-tab' || f.rule === 'missing-column' || f.rule === 'duplicate-column')
    .map(formatFinding);
  const selected = selectedRowOf(state, selection);
  const levels = usableLevels(state);
  return {
    cycleName: settings.settings.cycleName,
    dateFormat,
    ...selected,
    levels,
    notices,
    units: namesOf(summaries.map((s) => s.unit)),
    owners: namesOf(summaries.map((s) => s.owner)),
    keyResultUnits: namesOf(measured.map((s) => s.unit)),
    keyResultOwners: namesOf(measured.map((s) => s.owner)),
    pages: firstQueries(selected, levels).map((query) => pageOf(summaries, query)),
  };
}

/**
 * The summaries a change made different, comparing the rows before and after it:
 * the rows it wrote, and any whose inherited Unit follows them.
 */
export function changedSummaries(before: SidebarState, after: SidebarState): OkrSummary[] {
  const was = new Map(okrSummaries(before).map((s) => [`${s.tab}!${s.row}`, JSON.stringify(s)]));
  return okrSummaries(after).filter((s) => was.get(`${s.tab}!${s.row}`) !== JSON.stringify(s));
}

/**
 * How the workbook shows a day: the number format of the first OKR tab's Start date column
 * (Set up gives it yyyy-mm-dd; a user may have chosen another), reduced to its day part.
 */
export function workbookDateFormat(state: SidebarState): string {
  for (const level of usableLevels(state)) {
    const column = state.workbook.okr.tables[level].header.index.startDate;
    const sheet = column === undefined ? null : state.ss.getSheetByName(OKR_TAB_OF_LEVEL[level]);
    if (sheet === null || column === undefined) continue;
    return dayPattern(sheet.getRange(2, column + 1).getNumberFormat());
  }
  return ISO_DAY;
}

const clamp = (n: number) => Math.min(Math.max(n, 0), 1);

/** A KPI as the Check-in panel lists it: Actual as Current, Baseline as Start, Direction as Metric type. */
export function kpiSummaryOf(result: KpiResult): KpiSummary {
  const { row } = result;
  const progress = result.progress.ok ? result.progress.value : null;
  return {
    kind: 'KPI',
    id: row.id,
    title: clip(row.kpi, TITLE_LIMIT),
    level: row.level ?? '',
    unit: clip(row.unit, NAME_CHARS),
    owner: clip(row.owner, NAME_CHARS),
    tab: TAB.kpis,
    row: row.row,
    measure: {
      uom: row.uom,
      current: wireValue(row.actual),
      start: fieldText('start', row.baseline),
      target: fieldText('target', row.target),
      metricType: fieldText('metricType', row.directionCell),
      score: progress === null ? null : clamp(progress),
      status: result.status.ok ? (result.status.value ?? '') : result.status.error,
      expected: null,
    },
  };
}

/** Every KPI with an ID, as the Check-in panel lists them (at most KPI_LIMIT). */
export const KPI_LIMIT = 500;
export function kpiSummaries(state: SidebarState): KpiSummary[] {
  return state.workbook.kpiResults
    .filter((k) => k.row.id !== '')
    .slice(0, KPI_LIMIT)
    .map(kpiSummaryOf);
}

export function kpiSummaryAt(state: SidebarState, key: string): KpiSummary | undefined {
  const found = state.workbook.kpiResults.find((k) => k.row.key === key);
  return found === undefined ? undefined : kpiSummaryOf(found);
}

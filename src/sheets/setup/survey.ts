/**
 * Everything Set up and Insert sample read, read first (§6.1): Apps Script sends cached
 * writes when a script reads, so a read after a write costs a round trip of its own. After
 * the survey these actions only write.
 */
import {
  CHECK_IN_SCHEMA,
  HISTORY_SCHEMA,
  LEVELS,
  type Level,
  mapHeaders,
  OKR_TAB_OF_LEVEL,
  TAB,
  type TableSchema,
} from '../../core/workbook/schema';
import { serialDatesInPlace } from '../dates';
import { GENERATED_KEY, type SheetsIndex } from '../generated';
import { KPI_LAYOUT, OKR_LAYOUT, type TableLayout } from '../layout';
import { liveFormulaHeader } from '../live-formulas';
import { LOG_KIND, type LogKind, type OwnLog, readOwnLog } from '../own-logs';
import { settingsNeedSize } from './settings';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** A tab as read: its used range (values as getValues gives them, and formulas) and its shape. */
export interface TabRead {
  readonly name: string;
  readonly sheet: Sheet;
  /** Dates as serials in the spreadsheet's zone, as core reads them. */
  readonly values: readonly (readonly unknown[])[];
  /** Same shape as `values`; "" where a cell holds no formula. Empty for logs (not needed). */
  readonly formulas: readonly (readonly string[])[];
  /** The sheet's size, read only where set-up needs it (undefined elsewhere: see readTab). */
  readonly maxRows: number | undefined;
  readonly maxColumns: number | undefined;
  /** Undefined for Settings, whose frozen rows set-up leaves alone. */
  readonly frozenRows: number | undefined;
  /** The sheet's conditional format rules, read for tabs that get Status colours. */
  readonly rules: readonly Rule[];
}

/**
 * The tab's header row as Set up maps it: a header cell holding one of the add-on's live formulas
 * counts as the header that formula answers, whatever it shows now. While its custom function
 * runs it shows `Loading...` (and an error when something it reads is broken): read by what it
 * shows, Set up would find no Score column and add a second one.
 */
export function mappedHeaderRow(read: TabRead | undefined): unknown[] {
  const values = read?.values[0] ?? [];
  const formulas = read?.formulas[0] ?? [];
  return values.map((value, c) => {
    const formula = formulas[c] ?? '';
    return formula === '' ? value : (liveFormulaHeader(formula) ?? value);
  });
}

export interface LogRead {
  readonly log: OwnLog;
  /** The log's sheet as read, when it has one. */
  readonly tab?: TabRead;
}

export interface Survey {
  readonly ss: Spreadsheet;
  readonly timeZone: string;
  readonly index: SheetsIndex;
  readonly okr: Readonly<Record<Level, TabRead | undefined>>;
  readonly kpis?: TabRead;
  readonly settings?: TabRead;
  readonly checkIns: LogRead;
  readonly history: LogRead;
}

/** Width of the used range: the last column holding anything, 1-based (0 for an empty tab). */
export function usedWidth(tab: TabRead | undefined): number {
  if (tab === undefined) return 0;
  let width = 0;
  tab.values.forEach((row, r) => {
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c] !== '' || (tab.formulas[r]?.[c] ?? '') !== '') {
        width = c + 1;
        break;
      }
    }
  });
  return width;
}

/** Rows of the used range that hold anything (0 for an empty tab), 1-based. */
export function usedHeight(tab: TabRead | undefined): number {
  if (tab === undefined) return 0;
  for (let r = tab.values.length - 1; r >= 0; r--) {
    const row = tab.values[r] ?? [];
    const formulas = tab.formulas[r] ?? [];
    if (row.some((v) => v !== '') || formulas.some((f) => f !== '')) return r + 1;
  }
  return 0;
}

/**
 * What a tab's read includes besides its cells. `size`: a tab's rows and columns are read only
 * where set-up needs them (§6.1: each is a service call, and Set up has a budget of 150).
 */
interface ReadOptions {
  readonly rules: boolean;
  readonly frozen: boolean;
  readonly size: (read: TabRead) => boolean;
}

function readTab(sheet: Sheet, name: string, timeZone: string, options: ReadOptions): TabRead {
  const range = sheet.getDataRange();
  const cells: TabRead = {
    name,
    sheet,
    values: serialDatesInPlace(range.getValues(), timeZone),
    formulas: range.getFormulas(),
    maxRows: undefined,
    maxColumns: undefined,
    frozenRows: options.frozen ? sheet.getFrozenRows() : undefined,
    rules: options.rules ? sheet.getConditionalFormatRules() : [],
  };
  if (!options.size(cells)) return cells;
  return { ...cells, maxRows: sheet.getMaxRows(), maxColumns: sheet.getMaxColumns() };
}

/**
 * A user's table needs its size when set-up adds columns to it (they may not fit), writes its
 * body from the sheet's size (an empty tab, or one with no row under its header), or may find
 * a sheet of one row. A tab with every column of ours and rows under its header needs none:
 * the formats of the columns set-up takes over go on open-ended ranges (tables.ts).
 */
function tableNeedsSize(layout: TableLayout<string>): (read: TabRead) => boolean {
  return (read) => {
    if (read.values.length < 2) return true;
    const found = mapHeaders(layout.tab, mappedHeaderRow(read), layout.schema).index;
    return layout.schema.columns.some((c) => found[c.key] === undefined);
  };
}

/**
 * A History holding no row yet (a new one, or one with only its header, marked or made by hand)
 * gets no Status colours from Set up: it has no row to colour (unless set-up writes rows into
 * it: Insert sample), and Record snapshot colours it with its first rows (snapshot.ts), so
 * nothing a user sees changes. One sheet fewer to colour keeps Set up within its 150 calls (§6.1).
 */
export function historyColouredBySnapshot(history: LogRead | undefined, writesRows: boolean): boolean {
  return !writesRows && (history?.tab === undefined || usedHeight(history.tab) <= 1);
}

function readLog(index: SheetsIndex, tab: string, kind: LogKind, timeZone: string, writesRows: boolean): LogRead {
  const schema = (kind === LOG_KIND.history ? HISTORY_SCHEMA : CHECK_IN_SCHEMA) as TableSchema<string>;
  const log = readOwnLog(index, tab, kind, schema, timeZone);
  if (log.sheet === null || log.grid === undefined) return { log };
  const read: TabRead = {
    name: log.name,
    sheet: log.sheet,
    values: log.grid,
    formulas: [],
    maxRows: log.maxRows,
    maxColumns: log.maxColumns,
    frozenRows: log.sheet.getFrozenRows(),
    rules: [],
  };
  // History has Status colours: read them, so that a second run finds them in place.
  if (kind !== LOG_KIND.history || historyColouredBySnapshot({ log, tab: read }, writesRows)) return { log, tab: read };
  return { log, tab: { ...read, rules: log.sheet.getConditionalFormatRules() } };
}

/**
 * The spreadsheet's sheets as generated.ts indexes them, with the marks of the add-on's logs
 * only (all set-up reads of marks: own-logs.ts), found by one search instead of one read per
 * sheet (§6.1: Set up has a budget of 150 calls): the spreadsheet's finder searches the
 * metadata of every location in it
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#createDeveloperMetadataFinder()),
 * withKey keeps those of our key
 * (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#withKey(String)),
 * and a mark's location gives its sheet
 * (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location#getSheet()),
 * matched to the sheets listed by name (names are unique). As in indexSheets, the first sheet
 * in tab order carrying a kind's mark is that kind's.
 */
function indexWithLogMarks(ss: Spreadsheet): SheetsIndex {
  const order = ss.getSheets();
  const nameOf = new Map(order.map((s) => [s, s.getName()] as const));
  const byName = new Map(order.map((s) => [(nameOf.get(s) ?? '').toLowerCase(), s] as const));
  const kinds: ReadonlySet<string> = new Set(Object.values(LOG_KIND));
  const marked = new Map<string, Sheet>();
  for (const mark of ss.createDeveloperMetadataFinder().withKey(GENERATED_KEY).find()) {
    const kind = mark.getValue();
    if (kind === null || !kinds.has(kind)) continue;
    const sheet = mark.getLocation().getSheet();
    const listed = sheet === null ? undefined : byName.get(sheet.getName().toLowerCase());
    if (listed === undefined) continue;
    const known = marked.get(kind);
    if (known === undefined || order.indexOf(listed) < order.indexOf(known)) marked.set(kind, listed);
  }
  return { order, names: new Set(byName.keys()), marked, byName, nameOf };
}

/**
 * Reads every tab Set up may change, each once, before anything is written. `writesRows`: the
 * caller may write rows into the logs (Insert sample), see historyColouredBySnapshot.
 */
export function surveyWorkbook(ss: Spreadsheet, writesRows = false): Survey {
  const timeZone = ss.getSpreadsheetTimeZone();
  const index = indexWithLogMarks(ss);
  const tab = (name: string, options: ReadOptions): TabRead | undefined => {
    // Sheets keeps no two names that differ only in case, so the lower-cased index finds it.
    const sheet = index.byName.get(name.toLowerCase());
    return sheet === undefined ? undefined : readTab(sheet, name, timeZone, options);
  };
  const table = (layout: TableLayout<string>) =>
    tab(layout.tab, { rules: true, frozen: true, size: tableNeedsSize(layout) });
  const okr = {} as Record<Level, TabRead | undefined>;
  for (const level of LEVELS) okr[level] = table(OKR_LAYOUT(OKR_TAB_OF_LEVEL[level]) as TableLayout<string>);
  const kpis = table(KPI_LAYOUT as TableLayout<string>);
  // Set-up leaves the frozen rows of Settings as they are, and has no colours for it.
  const settings = tab(TAB.settings, { rules: false, frozen: false, size: settingsNeedSize });
  return {
    ss,
    timeZone,
    index,
    okr,
    ...(kpis ? { kpis } : {}),
    ...(settings ? { settings } : {}),
    checkIns: readLog(index, TAB.checkIns, LOG_KIND.checkIns, timeZone, writesRows),
    history: readLog(index, TAB.history, LOG_KIND.history, timeZone, writesRows),
  };
}

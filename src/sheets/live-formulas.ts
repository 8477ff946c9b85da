/**
 * The live formulas of §1.2 and §1.3, as text. Pure: input is where each column
 * stands (indices from mapHeaders) and where the Settings values are; output is one
 * formula per computed column, written in its header cell, answering the header
 * text and then one value per sheet row.
 *
 * What Sheets does to them shapes them (README, "Sheets compatibility"):
 * - Whole-column references (`'Team OKRs'!C:C`). Sheets moves a reference when rows or
 *   columns are inserted or deleted: `C2:C` becomes `C3:C` after a row is inserted
 *   under the header, which would leave every answer one row off. A whole column stays
 *   whole, so row k of the answer is always row k of the sheet; the header row of each
 *   input is skipped by blanking its ID (OKRROLLUP skips rows without an ID) or by the
 *   answer's own header.
 * - Each custom-function call site is one execution on Google's servers, and the cell
 *   shows Loading... meanwhile (§6.1: at most 15 for a full recalculation, 6 for an
 *   edit of a Current). So each custom function is called once per column on whole
 *   columns, Status is graded with native functions, and Settings' In use column is
 *   native only. Score needs one OKRSCORE and one OKRROLLUP per OKR tab.
 * - Custom functions get dates as plain serials (TO_PURE_NUMBER): a date cell would
 *   arrive as a Date, which a script reads in UTC, not the spreadsheet's zone.
 *
 * They mirror core/workbook/score-workbook.ts and core/workbook/kpis.ts exactly:
 * wherever a cell must be parsed as core parses it (numbers, metric types, dates,
 * IDs), the formula asks a custom function or a native function that parses alike.
 */
import { DEFAULT_THRESHOLDS } from '../core/status';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../core/values';
import { columnLetter, type KpiColumn, type OkrColumn } from '../core/workbook/schema';
import type { SettingKey } from '../core/workbook/settings';

export type ColumnIndex<K extends string> = Readonly<Record<K, number>>;

/** The three OKR tabs, in the roll-up's order: corporate, department, team. */
export interface OkrTabColumns {
  readonly name: string;
  readonly columns: ColumnIndex<OkrColumn>;
}

/**
 * 1-based rows of the Settings keys. The live formulas read each setting's
 * "In use" cell (column C: the value core uses, see settingsInUseFormulas), never
 * the Value the user typed (column B), so the sheet and the menu actions agree on
 * a missing or bad value. Today is read from its Value cell.
 */
export interface SettingsCells {
  readonly tab: string;
  readonly company: number;
  readonly cycleName: number;
  readonly cycleStart: number;
  readonly cycleEnd: number;
  readonly onTrack: number;
  readonly behind: number;
  /** A cell holding =TODAY(): custom functions recalculate only when an argument changes. */
  readonly today: number;
}

/** Settings columns, 1-based: the user's Value, and the value in use that set-up computes beside it. */
export const SETTINGS_VALUE_COLUMN = 2;
export const SETTINGS_IN_USE_COLUMN = 3;
export const SETTINGS_IN_USE_HEADER = 'In use';

/** `'Team OKRs'`: always quoted, quotes doubled (Sheets may store it unquoted: compare with sameFormula). */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A whole column: `'Team OKRs'!C:C`. Whole, so that inserted and deleted rows never move it. */
export function columnRange(tab: string, index: number): string {
  const letter = columnLetter(index);
  return `${sheetRef(tab)}!${letter}:${letter}`;
}

/** A setting's In use cell (column C), as the live formulas on other tabs read it. */
function settingsCell(settings: SettingsCells, row: number): string {
  return `${sheetRef(settings.tab)}!$${columnLetter(SETTINGS_IN_USE_COLUMN - 1)}$${row}`;
}

/** The Today cell: its Value (=TODAY()). */
function todayCell(settings: SettingsCells): string {
  return `${sheetRef(settings.tab)}!$${columnLetter(SETTINGS_VALUE_COLUMN - 1)}$${settings.today}`;
}

/** A date as a plain serial for a custom function; text stays text (core reads ISO dates). */
function pure(date: string): string {
  return `IF(ISNUMBER(${date}), TO_PURE_NUMBER(${date}), ${date})`;
}

/**
 * Ranges of the three tabs stacked into one column. VSTACK rather than `{a; b}`:
 * the same in Sheets, and the local formula engine tracks what it depends on.
 */
function stack(parts: readonly string[]): string {
  return `VSTACK(${parts.join(', ')})`;
}

/** TRUE on a tab's header row, FALSE below, as a column as tall as the sheet. */
function headerRowOf(column: string): string {
  return `SEQUENCE(ROWS(${column}))=1`;
}

/** The header text on row 1, then `body`'s value for every row below. */
function withHeader(header: string, rowsOf: string, body: string): string {
  return `=ARRAYFORMULA(IF(${headerRowOf(rowsOf)}, "${header}", ${body}))`;
}

const LIVE_HEADER = /^=ARRAYFORMULA\(IF\(SEQUENCE\(ROWS\([^()]*\)\)=1, "([^"]+)", /i;

/**
 * The header a live formula answers on row 1, which its cell shows once calculated: while
 * its custom functions run, the cell reads Loading... instead.
 */
export function liveFormulaHeader(formula: string): string | undefined {
  return LIVE_HEADER.exec(formula)?.[1];
}

/** A tab's ID column with the header blanked, so that OKRROLLUP skips that row. */
function idsBelowHeader(tab: OkrTabColumns): string {
  const id = columnRange(tab.name, tab.columns.id);
  return `IF(${headerRowOf(id)}, "", ${id})`;
}

/**
 * A row's own measured score, "" for objectives. Core's kind rule: Type
 * `Objective`/`O` is an objective, `Key Result`/`KR` a key result, anything else
 * (blank or not a type) a key result when Target is filled. OKRSCORE alone cannot
 * tell, and an objective with a Target must still be scored by roll-up only.
 */
export function ownScore(tabs: readonly OkrTabColumns[]): string {
  const all = (key: OkrColumn) => stack(tabs.map((t) => columnRange(t.name, t.columns[key])));
  const type = `LOWER(TRIM(${all('type')}))`;
  const isObjective =
    `(${type}="objective")+(${type}="o")` + `+(${type}<>"key result")*(${type}<>"kr")*(TRIM(${all('target')})="")`;
  return `IF(${isObjective}, "", OKRSCORE(${all('start')}, ${all('target')}, ${all('current')}, ${all('metricType')}))`;
}

/**
 * Score of every row of `tabs[self]`: OKRROLLUP over the three tabs stacked, then
 * this tab's slice of the answer (FILTER on a tab number per row, since a lookup by
 * ID would give a duplicate ID's later rows the first row's score). A key result
 * whose own metric is wrong shows OKRSCORE's message: OKRROLLUP passes it through.
 */
export function okrScoreFormula(tabs: readonly OkrTabColumns[], self: number): string {
  const all = (key: OkrColumn) => stack(tabs.map((t) => columnRange(t.name, t.columns[key])));
  const tabNumbers = stack(tabs.map((t, i) => `SEQUENCE(ROWS(${columnRange(t.name, t.columns.id)}))*0+${i}`));
  const rolled = `OKRROLLUP(${stack(tabs.map(idsBelowHeader))}, ${all('parentId')}, ${ownScore(tabs)}, ${all('weight')})`;
  const own = tabs[self] as OkrTabColumns;
  return withHeader('Score', columnRange(own.name, own.columns.id), `FILTER(${rolled}, ${tabNumbers}=${self})`);
}

/** Expected (§2.4) from the row's dates, else the cycle's, as of Settings' Today; "" for rows without an ID. */
export function okrExpectedFormula(tab: OkrTabColumns, settings: SettingsCells): string {
  const col = (key: OkrColumn) => columnRange(tab.name, tab.columns[key]);
  const orCycle = (key: OkrColumn, row: number) =>
    pure(`IF(TRIM(${col(key)})="", ${settingsCell(settings, row)}, ${col(key)})`);
  const expected = `OKREXPECTED(${orCycle('startDate', settings.cycleStart)}, ${orCycle('dueDate', settings.cycleEnd)}, ${pure(todayCell(settings))})`;
  return withHeader('Expected', col('id'), `IF(TRIM(${col('id')})="", "", ${expected})`);
}

/**
 * §2.5 with native functions, as core's statusOf grades: progress and expected are
 * numbers here (from the live Score and Expected), thresholds from Settings' In use.
 * The epsilon is core's: a ratio exactly on a threshold grades as computed by hand.
 */
function graded(progress: string, expected: string, settings: SettingsCells): string {
  const ratio = `${progress}/${expected}`;
  const onTrack = settingsCell(settings, settings.onTrack);
  const behind = settingsCell(settings, settings.behind);
  return (
    `IF(${progress}>=1-0.000000001, "Done", IF(${expected}=0, "On track", ` +
    `IF(${ratio}>=${onTrack}-0.000000001, "On track", IF(${ratio}>=${behind}-0.000000001, "Behind", "At risk"))))`
  );
}

/**
 * Status (§2.5) from this tab's Score and Expected columns. A Score or Expected
 * that is an error message is shown as it is, as core passes the error on.
 */
export function statusFormula(
  tab: string,
  rowsOf: number,
  scoreIndex: number,
  expected: string | number,
  settings: SettingsCells,
): string {
  const score = columnRange(tab, scoreIndex);
  const exp = typeof expected === 'number' ? columnRange(tab, expected) : expected;
  const grade = graded(score, exp, settings);
  const body =
    typeof expected === 'number'
      ? `IF(ISNUMBER(${score})*ISNUMBER(${exp}), ${grade}, IF(ISNUMBER(${score}), ${exp}, ${score}))`
      : `IF(ISNUMBER(${score}), ${grade}, ${score})`;
  return withHeader('Status', columnRange(tab, rowsOf), body);
}

export function okrStatusFormula(tab: OkrTabColumns, settings: SettingsCells): string {
  return statusFormula(tab.name, tab.columns.id, tab.columns.score, tab.columns.expected, settings);
}

export interface KpiTabColumns {
  readonly name: string;
  readonly columns: ColumnIndex<KpiColumn>;
}

/** KPIPROGRESS per row; a blank row (no actual, nothing measured) is "". */
export function kpiProgressFormula(kpi: KpiTabColumns): string {
  const col = (key: KpiColumn) => columnRange(kpi.name, kpi.columns[key]);
  return withHeader(
    'Progress',
    col('id'),
    `KPIPROGRESS(${col('baseline')}, ${col('target')}, ${col('actual')}, ${col('direction')})`,
  );
}

/** Status on Progress, graded as at the end of the cycle (expected 1), as core/kpis.ts does. */
export function kpiStatusFormula(kpi: KpiTabColumns, settings: SettingsCells): string {
  return statusFormula(kpi.name, kpi.columns.id, kpi.columns.progress, '1', settings);
}

/** The KPI columns a row counts as filled by (all but the computed ones), as core's readTable. */
const KPI_INPUTS: readonly KpiColumn[] = [
  'id',
  'level',
  'unit',
  'kpi',
  'owner',
  'linkedOkr',
  'baseline',
  'target',
  'actual',
  'uom',
  'direction',
  'frequency',
  'dueDate',
];

/**
 * SMART (§1.3) as core's checkSmart: `✓` or `Missing: …`. Cells are parsed by the
 * custom functions so that numbers, directions, IDs and dates read exactly as core
 * reads them:
 * - baseline and target numbers that differ: KPIPROGRESS(b, t, b, "") is a number
 *   exactly then (a blank direction needs t ≠ b; a blank actual answers "");
 * - a direction that holds a value (stay above/below, binary, milestone, or an
 *   alias): KPIPROGRESS("", 0, 0, d) is a number for those and a "missing start"
 *   or "unknown metric type" message for any other;
 * - a Linked OKR that names a row: OKRROLLUP over the OKR IDs answers "" for a
 *   known ID and "unknown ID" otherwise (IDs trimmed, case-insensitive);
 * - a due date on or after the cycle start: OKREXPECTED(start − 1, due, start) is a
 *   number exactly when due is a date at least one day after start − 1.
 * The missing names are joined once and "Missing: |" (nothing missing) becomes ✓,
 * so each criterion is computed once per row.
 */
export function kpiSmartFormula(
  kpi: KpiTabColumns,
  okrTabs: readonly OkrTabColumns[],
  settings: SettingsCells,
): string {
  const col = (key: KpiColumn) => columnRange(kpi.name, kpi.columns[key]);
  const filled = (key: KpiColumn) => `(TRIM(${col(key)})<>"")`;
  const specific = `${filled('kpi')}*${filled('uom')}`;
  const holds = `ISNUMBER(KPIPROGRESS("", 0, 0, ${col('direction')}))`;
  const differ = `ISNUMBER(KPIPROGRESS(${col('baseline')}, ${col('target')}, ${col('baseline')}, ""))`;
  const measurable = `((${differ})+${holds}>0)`;
  const achievable = filled('owner');
  const okrIds = stack(okrTabs.map(idsBelowHeader));
  const relevant = `${filled('linkedOkr')}*(OKRROLLUP(${okrIds}, "", "", "", ${col('linkedOkr')})="")`;
  const start = pure(settingsCell(settings, settings.cycleStart));
  const timeBound = `ISNUMBER(OKREXPECTED(${start}-1, ${pure(col('dueDate'))}, ${start}))`;
  const missing = [
    ['Specific', specific],
    ['Measurable', measurable],
    ['Achievable', achievable],
    ['Relevant', relevant],
    ['Time-bound', timeBound],
  ]
    .map(([name, test]) => `IF(${test}, "", ", ${name}")`)
    .join('&');
  const text = `SUBSTITUTE(SUBSTITUTE("Missing: "&MID(${missing}, 3, 200)&"|", "Missing: |", "✓"), "|", "")`;
  const blankRow = `TRIM(${KPI_INPUTS.map(col).join('&')})=""`;
  return withHeader('SMART', col('id'), `IF(${blankRow}, "", ${text})`);
}

/**
 * The "In use" column of Settings (§1.4): one formula per key beside its Value,
 * giving exactly the value core's parseSettings uses, so that the live formulas
 * (which read these cells) and the menu actions agree. A missing, blank or bad
 * Value gives the default; Validate names the key and says why. Native functions
 * only: no custom-function execution for settings.
 * - Dates are read as core's readDate reads them: a number is a serial of years
 *   1 to 9999; text must be an ISO date (yyyy-mm-dd), which DATEVALUE reads.
 * - A Cycle end not after the Cycle start drops both; then one date alone fixes
 *   the other 3 months away (EDATE clamps to the month's end, as core does), and
 *   without either the cycle is the calendar quarter of the Today cell.
 * - Thresholds are read as core's readNumber reads them: a number as it is, text
 *   through VALUE ("70%" is 0.7, text that is no number is an error); each must lie
 *   in [0, 1], and a Behind threshold above On-track drops both.
 * No LET: a value used twice is written twice.
 */
export function settingsInUseFormulas(settings: SettingsCells): Readonly<Record<SettingKey, string>> {
  const value = (row: number) => `$${columnLetter(SETTINGS_VALUE_COLUMN - 1)}$${row}`;
  const inUse = (row: number) => `$${columnLetter(SETTINGS_IN_USE_COLUMN - 1)}$${row}`;
  const isoText = (cell: string) => {
    const t = `TRIM(${cell})`;
    return `(LEN(${t})=10)*(MID(${t}, 5, 1)="-")*(MID(${t}, 8, 1)="-")*ISNUMBER(VALUE(LEFT(${t}, 4)&MID(${t}, 6, 2)&RIGHT(${t}, 2)))`;
  };
  const date = (cell: string) =>
    `IFERROR(IF(ISNUMBER(${cell}), IF((${cell}>=${MIN_DATE_SERIAL})*(${cell}<${MAX_DATE_SERIAL + 1}), ${cell}, ""), ` +
    `IF(${isoText(cell)}, DATEVALUE(TRIM(${cell})), "")), "")`;
  const start = date(value(settings.cycleStart));
  const end = date(value(settings.cycleEnd));
  const agree = `IF(ISNUMBER(${start})*ISNUMBER(${end}), ROUND(${end}-${start}, 0)>0, TRUE)`;
  const today = `ROUND(${value(settings.today)}, 0)`;
  const quarterStart = `DATE(YEAR(${today}), INT((MONTH(${today})-1)/3)*3+1, 1)`;
  const startInUse = `ROUND(${inUse(settings.cycleStart)}, 0)`;
  const quarterName = `YEAR(${startInUse})&" Q"&(INT((MONTH(${startInUse})-1)/3)+1)`;
  const share = (row: number, fallback: number) => {
    const cell = value(row);
    const read = `IF(ISNUMBER(${cell}), ${cell}, IF(TRIM(${cell})="", "", IFERROR(VALUE(TRIM(${cell})), "")))`;
    return `IF(ISNUMBER(${read}), IF((${read}>=0)*(${read}<=1), ${read}, ${fallback}), ${fallback})`;
  };
  const onTrack = share(settings.onTrack, DEFAULT_THRESHOLDS.onTrack);
  const behind = share(settings.behind, DEFAULT_THRESHOLDS.behind);
  const cycleName = value(settings.cycleName);
  return {
    company: `=TRIM(${value(settings.company)})`,
    cycleName: `=IF(TRIM(${cycleName})="", ${quarterName}, TRIM(${cycleName}))`,
    cycleStart:
      `=IF(ISNUMBER(${start})*${agree}, ${start}, ` +
      `IF(ISNUMBER(${end})*${agree}, EDATE(ROUND(${end}, 0)+1, -3), ${quarterStart}))`,
    cycleEnd: `=IF(ISNUMBER(${end})*${agree}, ${end}, EDATE(${startInUse}, 3)-1)`,
    onTrack: `=IF(${behind}<=${onTrack}, ${onTrack}, ${DEFAULT_THRESHOLDS.onTrack})`,
    behind: `=IF(${behind}<=${onTrack}, ${behind}, ${DEFAULT_THRESHOLDS.behind})`,
  };
}

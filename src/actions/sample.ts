/**
 * Insert sample OKRs (§4.1): fills an empty workbook with the example company of
 * core/workbook/sample.ts. Set-up runs first (it is idempotent), then each tab's
 * sample rows go into the columns of ours wherever they stand. It refuses, before
 * writing anything, when the OKR tabs or KPIs already hold rows: a sample must
 * never mix with or overwrite real OKRs.
 */

import { measureFormats } from '../core/workbook/measures';
import { SAMPLE_COMPANY, sampleHistoryGrid, sampleWorkbook } from '../core/workbook/sample';
import {
  CHECK_IN_SCHEMA,
  HISTORY_SCHEMA,
  KPI_SCHEMA,
  LEVELS,
  OKR_SCHEMA,
  OKR_TAB_OF_LEVEL,
  TAB,
  type TableSchema,
} from '../core/workbook/schema';
import type { Grid } from '../core/workbook/table';
import { readTable } from '../core/workbook/table';
import { todaySerial } from '../sheets/dates';
import { asText, readGrid } from '../sheets/io';
import { DATE_FORMAT, DATE_TIME_FORMAT, PERCENT_FORMAT } from '../sheets/layout';
import { writeFormatsAt } from '../sheets/measure-formats';
import { emptyOnlySheet, removeEmptySheet } from '../sheets/stray-sheet';
import { runAction, UserError } from './run';
import { setUpWorkbookIn } from './setup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const GRID_KEY = { Corporate: 'corporate', Department: 'department', Team: 'team' } as const;

/** Tabs holding data rows, as "Corporate OKRs (12 rows)". */
function filledTabs(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): string[] {
  const tables: [string, TableSchema<string>][] = [
    ...LEVELS.map((level): [string, TableSchema<string>] => [OKR_TAB_OF_LEVEL[level], OKR_SCHEMA]),
    [TAB.kpis, KPI_SCHEMA],
  ];
  return tables.flatMap(([tab, schema]) => {
    const grid = readGrid(ss, tab, timeZone);
    const rows = grid ? readTable(tab, grid, schema).rows.length : 0;
    return rows > 0 ? [`"${tab}" (${rows} row${rows === 1 ? '' : 's'})`] : [];
  });
}

/**
 * Writes a sample grid (headers in schema order) below row 1 into the tab's own
 * columns: one setValues per run of adjacent columns of ours, never a user's
 * column, never a computed one. `dates` get a date format on the rows written.
 */
function writeRows<K extends string>(
  sheet: Sheet,
  schema: TableSchema<K>,
  index: Readonly<Record<K, number>>,
  grid: Grid,
  formats: Readonly<Partial<Record<K, string>>>,
  startRow = 2,
): void {
  const rows = grid.slice(1);
  if (rows.length === 0) return;
  const inputs = schema.columns
    .map((def, position) => ({ def, position, column: index[def.key] }))
    .filter(({ def }) => !def.computed)
    .sort((a, b) => a.column - b.column);
  let run: typeof inputs = [];
  const flush = () => {
    const first = run[0];
    if (!first) return;
    sheet
      .getRange(startRow, first.column + 1, rows.length, run.length)
      .setValues(rows.map((row) => run.map(({ position }) => asText(row[position] ?? ''))));
    run = [];
  };
  for (const input of inputs) {
    const last = run[run.length - 1];
    if (last && input.column !== last.column + 1) flush();
    run.push(input);
  }
  flush();
  for (const def of schema.columns) {
    const format = formats[def.key];
    if (format) sheet.getRange(startRow, index[def.key] + 1, rows.length, 1).setNumberFormat(format);
  }
}

export function insertSampleOkrs(): void {
  runAction('Insert sample OKRs', () => {
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const timeZone = ss.getSpreadsheetTimeZone();
    const filled = filledTabs(ss, timeZone);
    if (filled.length > 0) {
      throw new UserError(
        `The sample only goes into an empty workbook, and ${filled.join(', ')} already hold${filled.length === 1 ? 's' : ''} data. Nothing was changed. To explore the sample, make a new spreadsheet and insert it there.`,
      );
    }
    const today = todaySerial(timeZone);
    const sample = sampleWorkbook(today);
    const stray = emptyOnlySheet(ss);
    // Read before set-up writes anything: a read after a write costs a round trip (§6.1).
    const historyRows = ss.getSheetByName(TAB.history)?.getLastRow() ?? 0;
    const setUp = setUpWorkbookIn(ss, today, SAMPLE_COMPANY);
    removeEmptySheet(ss, stray);

    LEVELS.forEach((level, i) => {
      const table = setUp.okr[i];
      if (!table) return;
      writeRows(table.sheet, OKR_SCHEMA, table.plan.index, sample[GRID_KEY[level]], {
        startDate: DATE_FORMAT,
        dueDate: DATE_FORMAT,
      });
    });
    writeRows(setUp.kpis.sheet, KPI_SCHEMA, setUp.kpis.plan.index, sample.kpis, { dueDate: DATE_FORMAT });
    const measures = measureFormats(sample);
    LEVELS.forEach((level, i) => {
      const table = setUp.okr[i];
      if (table) writeFormatsAt(table.sheet, measures[GRID_KEY[level]], table.plan.index);
    });
    writeFormatsAt(setUp.kpis.sheet, measures.kpis, setUp.kpis.plan.index);

    // Company: only into a blank value, never over what the user typed.
    const companyCell = ss.getSheetByName(TAB.settings)?.getRange(setUp.settings.rows.company, 2);
    if (companyCell && companyCell.getValue() === '') companyCell.setValue(SAMPLE_COMPANY);

    // Sample check-ins only into an empty log: the log is append-only history.
    const checkIns = setUp.checkIns;
    let checkInNote = '';
    if (checkIns && checkIns.sheet.getLastRow() <= 1) {
      writeRows(checkIns.sheet, CHECK_IN_SCHEMA, checkIns.plan.index, sample.checkIns, {
        timestamp: DATE_TIME_FORMAT,
      });
      writeFormatsAt(checkIns.sheet, measures.checkIns, checkIns.plan.index);
      checkInNote = ` and ${sample.checkIns.length - 1} check-ins`;
    }
    // The weeks so far, only into an empty History (append-only too): Trend and the Dashboard's line chart.
    const history = setUp.history;
    if (history && historyRows <= 1) {
      writeRows(history.sheet, HISTORY_SCHEMA, history.plan.index, sampleHistoryGrid(today), {
        date: DATE_FORMAT,
        score: PERCENT_FORMAT,
        expected: PERCENT_FORMAT,
      });
    }
    // Land on the company's objectives, not on whichever tab set-up created last.
    setUp.okr[0]?.sheet.activate();
    const count = (grid: Grid) => grid.length - 1;
    const okrRows = count(sample.corporate) + count(sample.department) + count(sample.team);
    return [
      `Inserted ${SAMPLE_COMPANY}: ${okrRows} objectives and key results on the three OKR tabs, ${count(sample.kpis)} KPIs${checkInNote}.`,
      '',
      'Scores, Expected and Status are live formulas: change a Current, Target or Weight and watch them update.',
      ...(setUp.warnings.length > 0 ? ['', ...setUp.warnings] : []),
    ].join('\n');
  });
}

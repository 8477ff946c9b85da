/**
 * Custom-function executions on the sample workbook (§6.1: at most 15 for a full
 * recalculation, 6 for an edit of one Current): each call site Sheets evaluates is one
 * execution on Google's servers, counted by the emulator (emulator.customFunctions).
 */
import { loadAddon } from '../local/runtime';

export interface ExecutionsBench {
  /** Executions of a full recalculation (as on opening the spreadsheet). */
  readonly fullRecalculation: number;
  /** Executions after one Current is edited. */
  readonly editOfCurrent: number;
  readonly byFunction: Readonly<Record<string, number>>;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function benchExecutions(): ExecutionsBench {
  const rt = loadAddon({ now: () => new Date('2027-02-15T12:00:00Z') });
  rt.call('insertSampleOkrs');
  const full = rt.emulator.customFunctions.recalculateAll();
  const sheet = rt.emulator.spreadsheet.getSheetByName('Corporate OKRs') as Sheet;
  const values = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map(String);
  const row = values.findIndex((r) => r[0] === 'C-KR1') + 1;
  const current = sheet.getRange(row, header.indexOf('Current') + 1);
  const mark = rt.emulator.customFunctions.recalculations.length;
  current.setValue(Number(current.getValue()) + 1);
  sheet.getDataRange().getValues(); // the edit recalculates on the next read
  return {
    fullRecalculation: full?.executions ?? 0,
    editOfCurrent: rt.emulator.customFunctions.executionsSince(mark),
    byFunction: full?.byFunction ?? {},
  };
}

export function printExecutionsBench(result: ExecutionsBench): void {
  console.log('\nCustom-function executions on the sample workbook (§6.1: at most 15 and 6)');
  const byFunction = Object.entries(result.byFunction)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  console.log(`full recalculation: ${result.fullRecalculation} (${byFunction})`);
  console.log(`edit of one Current: ${result.editOfCurrent}`);
}

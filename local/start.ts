/**
 * `npm start`: the add-on's real bundle, run locally on the sample workbook.
 * Opens the spreadsheet as Sheets would (onOpen in AuthMode.NONE), then clicks
 * through the menu like a PMO leader on day one — set up with the sample
 * company, build the roll-up, validate, snapshot, plan the rollout — and
 * prints what each action said and what the workbook holds afterwards.
 *
 *   npm start                 the whole tour
 *   npm start -- --rows 8     show more rows of each tab (default 6)
 */
import type { MenuEntry } from './emulator/services/ui';
import { type EntryPointName, loadAddon } from './runtime';

const rowsShown = Number(process.argv[process.argv.indexOf('--rows') + 1]) || 6;
const MAX_CELL = 28;

function printMenu(entries: readonly MenuEntry[], indent: string): void {
  for (const entry of entries) {
    if (entry.kind === 'separator') console.log(`${indent}────────`);
    else if (entry.kind === 'submenu') {
      console.log(`${indent}${entry.caption} ▸`);
      printMenu(entry.items, `${indent}  `);
    } else console.log(`${indent}${entry.caption}  → ${entry.functionName}()`);
  }
}

const cellText = (v: unknown): string => {
  const text =
    Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString().slice(0, 10) : String(v ?? '');
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text;
};

/** The columns worth a glance on a tab: the scored ones on OKR tabs, else the first nine. */
const GLANCE = ['ID', 'Title', 'Owner', 'Metric type', 'Start', 'Target', 'Current', 'Score', 'Expected', 'Status'];
function pickShownColumns(header: readonly string[], row: readonly string[]): string[] {
  const columns = GLANCE.map((name) => header.indexOf(name));
  if (columns.filter((c) => c >= 0).length < GLANCE.length) return row.slice(0, 9);
  return columns.map((c) => row[c] ?? '');
}

function printTable(rows: string[][]): void {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  }
  for (const row of rows) console.log(`    ${row.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ')}`.trimEnd());
}

const runtime = loadAddon({
  timeZone: 'Europe/London',
  user: 'pmo@northwind.example',
  spreadsheetName: 'Northwind Analytics — OKRs',
});
const { uiState, spreadsheet, calls } = runtime.emulator;

runtime.callAs('NONE', 'onOpen', { authMode: 'NONE' } as never);
for (const menu of uiState.menus) {
  console.log(`Extensions ▸ ${menu.caption}`);
  printMenu(menu.items, '  ');
}

const tour: Array<[string, EntryPointName, { button: 'OK' | 'YES'; text?: string }[]]> = [
  ['Insert sample OKRs', 'insertSampleOkrs', []],
  ['Build roll-up and dashboard', 'buildRollup', []],
  ['Validate', 'validateWorkbook', []],
  ['Record snapshot', 'recordSnapshot', []],
  // The rollout plan asks for a start date: an empty answer takes the default (next Monday).
  ['Generate rollout plan', 'generateRolloutPlan', [{ button: 'OK', text: '' }]],
];
for (const [caption, name, answers] of tour) {
  const alertsBefore = uiState.alerts.length;
  uiState.answerNext(...answers);
  calls.reset();
  runtime.call(name);
  console.log(`\n▶ ${caption}  (${calls.total()} service calls)`);
  for (const alert of uiState.alerts.slice(alertsBefore)) {
    for (const line of alert.prompt.split('\n')) console.log(`  │ ${line}`);
  }
}

console.log(`\nWorkbook "${spreadsheet.getName()}" (${spreadsheet.getSpreadsheetTimeZone()}):`);
for (const sheet of spreadsheet.getSheets()) {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  console.log(`\n  ${sheet.getName()}  (${lastRow} rows × ${lastColumn} columns)`);
  if (lastRow === 0 || lastColumn === 0) continue;
  const shown = Math.min(lastRow, rowsShown + 1);
  const values = sheet.getRange(1, 1, shown, lastColumn).getDisplayValues();
  printTable(values.map((row) => pickShownColumns(values[0] ?? [], row).map(cellText)));
}
console.log(`\nCustom functions: ${runtime.topLevelFunctions.filter((n) => /^[A-Z]/.test(n)).join(', ')}`);

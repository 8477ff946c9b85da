/**
 * `npm start`: the add-on's real bundle, run locally on an in-memory workbook.
 * Opens the spreadsheet as Sheets would (onOpen in AuthMode.NONE), then prints
 * the add-on menu and the workbook's tabs.
 */
import type { MenuEntry } from './emulator/services/ui';
import { loadAddon } from './runtime';

function printMenu(entries: readonly MenuEntry[], indent: string): void {
  for (const entry of entries) {
    if (entry.kind === 'separator') console.log(`${indent}────────`);
    else if (entry.kind === 'submenu') {
      console.log(`${indent}${entry.caption} ▸`);
      printMenu(entry.items, `${indent}  `);
    } else console.log(`${indent}${entry.caption}  → ${entry.functionName}()`);
  }
}

const runtime = loadAddon({ timeZone: 'Europe/London', user: 'pmo@example.com' });
runtime.callAs('NONE', 'onOpen', { authMode: 'NONE' } as never);
const { uiState, spreadsheet } = runtime.emulator;

for (const menu of uiState.menus) {
  console.log(`Extensions ▸ ${menu.caption}`);
  printMenu(menu.items, '  ');
}
console.log(`\nWorkbook "${spreadsheet.getName()}" (${spreadsheet.getSpreadsheetTimeZone()}), tabs:`);
for (const sheet of spreadsheet.getSheets()) {
  console.log(`  ${sheet.getName()}  (${sheet.getLastRow()} rows × ${sheet.getLastColumn()} columns)`);
}
console.log(`\nCustom functions: ${runtime.topLevelFunctions.filter((n) => /^[A-Z]/.test(n)).join(', ')}`);

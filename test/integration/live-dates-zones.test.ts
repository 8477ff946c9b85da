/**
 * Issue 9, point 6: a custom function gets a Date for a date cell but a number for a computed
 * date, and a Date read by its UTC instant is a day off west of UTC. The live formulas hand
 * custom functions plain serials (TO_PURE_NUMBER), so no day moves with the zone.
 */
import { describe, expect, it } from 'vitest';
import { serialToMs } from '../../local/emulator/spreadsheet/dates';
import { loadAddon } from '../../local/runtime';
import { toSheetsSerial } from '../../src/core/rollout/calendar';
import { mapHeaders, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { cellValue } from '../../src/core/workbook/score-workbook';
import { readWorkbook } from '../../src/core/workbook/workbook';
import { readWorkbookGrids } from '../../src/sheets/workbook';
import { emulatedToday } from '../support/workbook';

/** Local noon of 2027-02-15 in each zone: one east of UTC across the date line, UTC, one west. */
const ZONES = [
  { timeZone: 'Pacific/Auckland', noon: '2027-02-14T23:00:00Z' },
  { timeZone: 'UTC', noon: '2027-02-15T12:00:00Z' },
  { timeZone: 'America/Los_Angeles', noon: '2027-02-15T20:00:00Z' },
];

describe('live Expected reads date cells and computed dates alike in every zone', () => {
  for (const { timeZone, noon } of ZONES) {
    it(timeZone, () => {
      const rt = loadAddon({ timeZone, now: () => new Date(noon) });
      rt.call('insertSampleOkrs');
      const sheet = rt.emulator.spreadsheet.getSheetByName(TAB.corporate) as GoogleAppsScript.Spreadsheet.Sheet;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
      const at = mapHeaders(TAB.corporate, header, OKR_SCHEMA).index;
      const col = (i: number | undefined) => (i as number) + 1;
      // C-KR1 (row 3): from a date cell (a Date at local midnight) to a date held as a serial number.
      const midnight = serialToMs(toSheetsSerial({ year: 2027, month: 1, day: 15 }), timeZone);
      sheet.getRange(3, col(at.startDate)).setValue(rt.evaluate(`new Date(${midnight})`));
      sheet.getRange(3, col(at.startDate)).setNumberFormat('yyyy-mm-dd');
      sheet.getRange(3, col(at.dueDate)).setValue(toSheetsSerial({ year: 2027, month: 3, day: 15 }));
      sheet.getRange(3, col(at.dueDate)).setNumberFormat('yyyy-mm-dd');
      // A Date at local midnight in the spreadsheet's zone, as Sheets hands a typed date to scripts.
      const typed = sheet.getRange(3, col(at.startDate)).getDisplayValue();
      expect(typed).toBe('2027-01-15');
      // Jan 15 → Mar 15 is 59 days; Feb 15 is 31 days in.
      expect(sheet.getRange(3, col(at.expected)).getValue()).toBeCloseTo(31 / 59, 12);
      // And every row agrees with core, as the menu actions compute it in the spreadsheet's zone.
      const wb = readWorkbook(readWorkbookGrids(rt.emulator.spreadsheet, timeZone), emulatedToday(rt));
      const values = sheet.getDataRange().getValues();
      for (const { row, expected } of wb.scores.rows.filter((r) => r.row.tab === TAB.corporate)) {
        expect([row.id, values[row.row - 1]?.[at.expected as number]]).toEqual([row.id, cellValue(expected)]);
      }
    });
  }
});

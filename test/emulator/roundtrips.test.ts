/**
 * Read-after-write round trips (local/emulator/roundtrips.ts): Apps Script caches writes and
 * sends them when the script reads, so each read that follows writes costs a round trip
 * (https://developers.google.com/apps-script/guides/support/best-practices#use_batch_operations).
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';
import { callKind } from '../../local/emulator/roundtrips.js';
import { REQUIRED_SCOPES } from '../../local/emulator/scopes.js';

type SA = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function setup() {
  const emu = createEmulator({ now: () => new Date('2027-02-10T12:00:00Z') });
  const app = emu.globals.SpreadsheetApp as SA;
  const sheet = emu.spreadsheet.getActiveSheet();
  emu.calls.reset();
  return { emu, app, ss: emu.spreadsheet, sheet };
}

describe('read-after-write round trips', () => {
  it('costs nothing when every read comes before every write', () => {
    const { emu, sheet, ss } = setup();
    sheet.getDataRange().getValues();
    ss.getSheetByName('Sheet1');
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('C1').setValue('x').setFontWeight('bold');
    expect(emu.calls.roundTrips()).toBe(0);
  });

  it('costs one per read that finds writes pending, however many writes came before it', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A2').setValue(2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([[1], [2]]);
    sheet.getRange('A3').getValue(); // nothing pending any more
    expect(emu.calls.roundTrips()).toBe(1);
    sheet.getRange('A3').setValue(3);
    sheet.getLastRow();
    expect(emu.calls.roundTripLog()).toEqual([
      { call: 'Range.getValues', after: 'Range.setValue' },
      { call: 'Sheet.getLastRow', after: 'Range.setValue' },
    ]);
  });

  it('counts metadata getters as reads: sheet names, sizes, the list of sheets, developer metadata', () => {
    for (const read of [
      (s: ReturnType<typeof setup>) => s.ss.getSheetByName('Sheet1'),
      (s: ReturnType<typeof setup>) => s.ss.getSheets(),
      (s: ReturnType<typeof setup>) => s.sheet.getName(),
      (s: ReturnType<typeof setup>) => s.sheet.getMaxRows(),
      (s: ReturnType<typeof setup>) => s.sheet.getDataRange(),
      (s: ReturnType<typeof setup>) => s.sheet.getDeveloperMetadata(),
      (s: ReturnType<typeof setup>) => s.sheet.getRange('A1').getFormulas(),
      (s: ReturnType<typeof setup>) => s.sheet.getRange('A1').getNumberFormats(),
    ]) {
      const s = setup();
      s.sheet.setColumnWidth(1, 120);
      read(s);
      expect(s.emu.calls.roundTrips()).toBe(1);
    }
  });

  it('does not count a handle’s own coordinates, builders or what a read already returned', () => {
    const { emu, app, sheet } = setup();
    sheet.addDeveloperMetadata('k', 'v');
    const [metadata] = sheet.getDeveloperMetadata(); // the one round trip
    sheet.getRange('A1').setValue(1);
    const range = sheet.getRange(2, 3, 4, 5);
    range.getA1Notation();
    range.getRow();
    range.getNumRows();
    range.getSheet();
    app.newDataValidation().requireNumberBetween(0, 1).build();
    metadata?.getKey();
    metadata?.getValue();
    sheet.getRangeList(['A1', 'B2']).getRanges();
    expect(emu.calls.roundTrips()).toBe(1);
  });

  it('counts a flush that sent writes only when the script goes on using the spreadsheet', () => {
    const { emu, app, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    app.flush();
    expect(emu.calls.roundTrips()).toBe(0); // the commit every run ends with
    sheet.getRange('A2').setValue(2);
    expect(emu.calls.roundTrips()).toBe(1);
    app.flush();
    sheet.getRange('A2').getValue(); // the flush already sent the write: one trip, not two
    expect(emu.calls.roundTrips()).toBe(2);
    app.flush(); // nothing pending: free
    sheet.getRange('A3').getValue();
    expect(emu.calls.roundTrips()).toBe(2);
  });

  it('starts again from zero on reset', () => {
    const { emu, sheet } = setup();
    sheet.getRange('A1').setValue(1);
    sheet.getRange('A1').getValue();
    emu.calls.reset();
    expect(emu.calls.roundTrips()).toBe(0);
    expect(emu.calls.roundTripLog()).toEqual([]);
    sheet.getRange('A1').getValue(); // the write before the reset was sent already
    expect(emu.calls.roundTrips()).toBe(0);
  });

  it('classifies every Spreadsheet-service method the emulator knows', () => {
    const kinds: Record<string, string> = {};
    for (const key of REQUIRED_SCOPES.keys()) kinds[key] = callKind(key);
    expect(kinds).toMatchObject({
      'Range.getValues': 'read',
      'Range.getFormulas': 'read',
      'Range.getNumberFormats': 'read',
      'Sheet.getDataRange': 'read',
      'Sheet.getLastRow': 'read',
      'Sheet.getName': 'read',
      'Spreadsheet.getSheetByName': 'read',
      'Spreadsheet.getSpreadsheetTimeZone': 'read',
      'Sheet.getConditionalFormatRules': 'read',
      'DeveloperMetadataFinder.find': 'read',
      'Range.setValues': 'write',
      'Range.clearContent': 'write',
      'Sheet.insertRowsAfter': 'write',
      'Sheet.deleteRows': 'write',
      'Sheet.setColumnWidths': 'write',
      'Spreadsheet.insertSheet': 'write',
      'Sheet.addDeveloperMetadata': 'write',
      'DeveloperMetadata.remove': 'write',
      'Sheet.activate': 'write',
      'Sheet.getRange': 'neutral',
      'Range.getA1Notation': 'neutral',
      'DeveloperMetadata.getKey': 'neutral',
      'DataValidationBuilder.build': 'neutral',
      'Ui.alert': 'neutral',
      'Lock.tryLock': 'neutral',
    });
    // Every getter of a document class reads unless it is listed as a handle's own.
    const documentGetters = Object.entries(kinds).filter(
      ([key]) => /^(Spreadsheet|Sheet|Range)\.get/.test(key) && kinds[key] === 'neutral',
    );
    expect(documentGetters.map(([key]) => key).sort()).toEqual(
      [
        'Range.getA1Notation',
        'Range.getCell',
        'Range.getColumn',
        'Range.getGridId',
        'Range.getHeight',
        'Range.getLastColumn',
        'Range.getLastRow',
        'Range.getNumColumns',
        'Range.getNumRows',
        'Range.getRow',
        'Range.getRowIndex',
        'Range.getSheet',
        'Range.getWidth',
        'Sheet.getParent',
        'Sheet.getRange',
        'Sheet.getRangeList',
        'Sheet.getSheetId',
        'Spreadsheet.getId',
        'Spreadsheet.getRange',
        'Spreadsheet.getUrl',
      ].sort(),
    );
  });
});

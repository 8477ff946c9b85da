/**
 * Injected failures (local/emulator/faults.ts) and the cell's text limit: a call that fails
 * changes nothing and says what Apps Script says, so tests of what an action leaves behind
 * mean what they would mean in Sheets.
 */
import { describe, expect, it } from 'vitest';
import { MUTATING } from '../../local/emulator/faults.js';
import { createEmulator } from '../../local/emulator/index.js';
import { REQUIRED_SCOPES } from '../../local/emulator/scopes.js';

const ID = '1EmuLatedSpreadsheetId0000000000000000000000';
const FAILURE = `Service Spreadsheets failed while accessing document with id ${ID}.`;

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call did not throw');
}

function world() {
  const emu = createEmulator();
  const ss = emu.spreadsheet;
  const sheet = ss.getSheets()[0] as GoogleAppsScript.Spreadsheet.Sheet;
  return { emu, ss, sheet };
}

describe('faults: the n-th call that changes the document fails', () => {
  it('fails the n-th change with Apps Script’s exception, and that call changes nothing', () => {
    const { emu, sheet } = world();
    emu.faults.set({ nth: 2 });
    sheet.getRange('A1').setValue('first');
    // Reads do not count.
    expect(sheet.getRange('A1').getValue()).toBe('first');
    const error = thrown(() => sheet.getRange('A2').setValue('second'));
    expect(error.name).toBe('Exception');
    expect(error.message).toBe(FAILURE);
    expect(String(error)).toBe(`Exception: ${FAILURE}`);
    expect(sheet.getRange('A2').getValue()).toBe('');
    // Only the n-th: the next one works.
    sheet.getRange('A3').setValue('third');
    expect(sheet.getRange('A3').getValue()).toBe('third');
    expect(emu.faults.failed).toBe(1);
    expect(emu.faults.changes).toBe(2);
  });

  it('a sustained outage fails every change from the n-th on; reads work unless asked', () => {
    const { emu, ss, sheet } = world();
    emu.faults.set({ nth: 1, sustained: true });
    expect(thrown(() => ss.insertSheet('New')).message).toBe(FAILURE);
    expect(thrown(() => sheet.setName('Renamed')).message).toBe(FAILURE);
    expect(thrown(() => sheet.getRange('A1').setNumberFormat('@')).message).toBe(FAILURE);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    expect(sheet.getRange('A1').getNumberFormat()).not.toBe('@');
    emu.faults.clear();
    sheet.getRange('A1').setValue(1);
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  it('an outage with reads fails reads once it has begun, not before', () => {
    const { emu, ss, sheet } = world();
    emu.faults.set({ nth: 2, sustained: true, reads: true });
    sheet.getRange('A1').setValue('kept');
    expect(sheet.getRange('A1').getValue()).toBe('kept');
    expect(thrown(() => sheet.getRange('A2').setValue('x')).message).toBe(FAILURE);
    expect(thrown(() => sheet.getRange('A1').getValue()).message).toBe(FAILURE);
    expect(thrown(() => ss.getSheets()).message).toBe(FAILURE);
  });

  it('selection, toasts and builders change nothing in the document and never count', () => {
    const { emu, ss, sheet } = world();
    emu.faults.set({ nth: 1 });
    sheet.activate();
    ss.setActiveSheet(sheet);
    ss.toast('hello');
    SpreadsheetAppOf(emu).newDataValidation().requireCheckbox().build();
    expect(emu.faults.failed).toBe(0);
    expect(thrown(() => sheet.getRange('A1').setValue(1)).message).toBe(FAILURE);
  });

  it('refuses an n below 1', () => {
    const { emu } = world();
    expect(() => emu.faults.set({ nth: 0 })).toThrow('fault nth must be 1 or more');
  });
});

function SpreadsheetAppOf(emu: ReturnType<typeof createEmulator>): GoogleAppsScript.Spreadsheet.SpreadsheetApp {
  return emu.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

describe('faults: which calls change the document', () => {
  const DOCUMENT_CLASSES = ['Spreadsheet', 'Sheet', 'Range', 'NamedRange', 'Protection', 'DeveloperMetadata', 'Group'];
  const CHANGING =
    /^(set|insert|delete|clear|remove|add|append|hide|show|move|sort|copyTo|protect|rename|merge|breakApart|check|uncheck|autoResize|update|shift|expand|collapse)/;

  it('lists only methods of the scope table', () => {
    for (const key of MUTATING) expect(REQUIRED_SCOPES.has(key), key).toBe(true);
  });

  it('lists every method of the table whose name says it changes something', () => {
    const missing = [...REQUIRED_SCOPES.keys()].filter((key) => {
      const [cls = '', method = ''] = key.split('.');
      // Selection is the user's view, not the document.
      if (/^(setActive|setCurrentCell)/.test(method)) return false;
      return DOCUMENT_CLASSES.includes(cls) && CHANGING.test(method) && !MUTATING.has(key);
    });
    expect(missing).toEqual([]);
  });
});

describe('a cell holds at most 50,000 characters', () => {
  const LIMIT = 'Your input contains more than the maximum of 50000 characters in a single cell.';

  it('refuses a longer text, in Sheets’ words, and writes none of the range', () => {
    const { sheet } = world();
    const error = thrown(() => sheet.getRange('A1:B1').setValues([['short', 'x'.repeat(50_001)]]));
    expect(error.name).toBe('Exception');
    expect(error.message).toBe(LIMIT);
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(thrown(() => sheet.getRange('A2').setValue('y'.repeat(60_000))).message).toBe(LIMIT);
  });

  it('takes exactly 50,000, with or without the text marker', () => {
    const { sheet } = world();
    const text = 'z'.repeat(50_000);
    sheet.getRange('A1:B1').setValues([[text, `'${text}`]]);
    expect(sheet.getRange('A1').getValue()).toBe(text);
    expect(sheet.getRange('B1').getValue()).toBe(text);
  });
});

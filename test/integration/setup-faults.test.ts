/**
 * §6.3 with every write of Set up and Insert sample failing in turn (the emulator's fault hook,
 * local/emulator/faults.ts): no cell of the user's is lost, and the alert is exact — "Nothing
 * was changed." only when the workbook is as it was, else the list of what stayed changed.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { TAB } from '../../src/core/workbook/schema';
import { snapshotCells, writeGrids } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');
type Action = 'setUpWorkbook' | 'insertSampleOkrs';
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const names = (rt: AddonRuntime) => rt.emulator.spreadsheet.getSheets().map((s) => s.getName());
const lastAlert = (rt: AddonRuntime) => rt.emulator.uiState.alerts.at(-1)?.prompt ?? '';
const failure = (rt: AddonRuntime) =>
  `Something went wrong: Service Spreadsheets failed while accessing document with id ${rt.emulator.spreadsheet.getId()}.`;

/** The document-changing calls the action makes when nothing fails. */
function changesOf(make: () => AddonRuntime, action: Action): number {
  const rt = make();
  rt.emulator.faults.set({ nth: 1_000_000 });
  rt.call(action);
  expect(lastAlert(rt)).not.toMatch(/went wrong/);
  return rt.emulator.faults.changes;
}

/** The bullets of one section of the alert ("Done before it stopped:" …). */
function listed(alert: string, heading: string): string[] {
  const section = alert.split('\n\n').find((part) => part.startsWith(heading));
  return section === undefined ? [] : section.split('\n').slice(1);
}

const empty = () => loadAddon({ now: () => NOW });

/**
 * What a cell stores, read from the emulator's model: getValue would calculate the workbook's
 * live formulas, seconds per run with 71 runs to check.
 */
function stored(sheet: Sheet, a1: string): unknown {
  const range = sheet.getRange(a1) as unknown as {
    _info(): { sheet: { cell(r: number, c: number): { v?: unknown } | undefined }; rect: { row: number; col: number } };
  };
  const { sheet: data, rect } = range._info();
  return data.cell(rect.row, rect.col)?.v;
}

/** A user's Corporate OKRs that kept scores by hand: Set up takes the Score column over. */
const USER_TABLE = [
  ['ID', 'Type', 'Parent ID', 'Title', 'Start', 'Target', 'Current', 'Score', 'Priority'],
  ['C-O1', 'Objective', '', 'Grow', '', '', '', 0.9, 'high'],
  ['C-KR1', 'Key Result', 'C-O1', 'Revenue', 0, 10, 5, 0.8, ''],
  ['C-KR2', 'Key Result', 'C-O1', 'Logos', 0, 4, 4, '', 'low'],
];
function userWorkbook(): AddonRuntime {
  const rt = loadAddon({ now: () => NOW });
  writeGrids(rt, { corporate: USER_TABLE });
  return rt;
}

describe('Insert sample OKRs with each write failing in turn', () => {
  const total = changesOf(empty, 'insertSampleOkrs');

  it(`leaves the new spreadsheet as it was and says nothing changed (${total} writes)`, () => {
    expect(total).toBeGreaterThan(30);
    for (let nth = 1; nth <= total; nth++) {
      const rt = empty();
      rt.emulator.faults.set({ nth });
      rt.call('insertSampleOkrs');
      expect(lastAlert(rt), `write ${nth}`).toBe(`${failure(rt)}\n\nNothing was changed.`);
      expect(names(rt), `write ${nth}`).toEqual(['Sheet1']);
      expect(rt.emulator.spreadsheet.getSheets()[0]?.getLastRow(), `write ${nth}`).toBe(0);
    }
  });

  it('lists exactly the sheets left behind when Sheets keeps failing (the undo fails too)', () => {
    for (let nth = 1; nth <= total; nth += 3) {
      const rt = empty();
      rt.emulator.faults.set({ nth, sustained: true });
      rt.call('insertSampleOkrs');
      rt.emulator.faults.clear();
      const alert = lastAlert(rt);
      const left = names(rt).filter((name) => name !== 'Sheet1');
      const stuck = listed(alert, 'Changed, and Sheets failed to undo it too:');
      expect(alert.startsWith(failure(rt)), `write ${nth}`).toBe(true);
      expect(stuck.map((line) => /^• a new sheet "(.+?)"/.exec(line)?.[1]).sort(), `write ${nth}`).toEqual(
        [...left].sort(),
      );
      expect(alert.endsWith(left.length === 0 ? 'Nothing was changed.' : 'Nothing else was changed.')).toBe(true);
    }
  });
});

describe('Set up on a user’s tab with each write failing in turn', () => {
  const total = changesOf(userWorkbook, 'setUpWorkbook');
  const typed = [
    ['H2', 0.9],
    ['H3', 0.8],
  ] as const;

  it(`loses no typed value, and "Nothing was changed" only when nothing was (${total} writes)`, () => {
    for (let nth = 1; nth <= total; nth++) {
      const rt = userWorkbook();
      const before = snapshotCells(rt.emulator.spreadsheet);
      rt.emulator.faults.set({ nth });
      rt.call('setUpWorkbook');
      const alert = lastAlert(rt);
      expect(alert.startsWith(failure(rt)), `write ${nth}`).toBe(true);
      const after = snapshotCells(rt.emulator.spreadsheet);
      // The undo put back every cell the user had: values, formulas and the sheets there were.
      expect(after, `write ${nth}`).toEqual(before);
      const done = listed(alert, 'Done before it stopped:');
      if (done.length === 0) expect(alert.endsWith('\n\nNothing was changed.'), `write ${nth}`).toBe(true);
      else {
        // What stays is formatting Set up cannot read back cheaply, each item named on its tab.
        for (const line of done) expect(line, `write ${nth}`).toMatch(/^• Corporate OKRs: /);
        expect(alert.endsWith('\n\nNothing else was changed.'), `write ${nth}`).toBe(true);
      }
    }
  });

  it('keeps each typed Score in its cell or in the note on the header, whatever keeps failing', () => {
    for (let nth = 1; nth <= total; nth++) {
      const rt = userWorkbook();
      rt.emulator.faults.set({ nth, sustained: true });
      rt.call('setUpWorkbook');
      rt.emulator.faults.clear();
      const sheet = rt.emulator.spreadsheet.getSheetByName(TAB.corporate) as Sheet;
      const note = sheet.getRange('H1').getNote();
      for (const [cell, value] of typed) {
        const kept = sheet.getRange(cell).getFormula() === '' && stored(sheet, cell) === value;
        expect(kept || note.includes(`${cell}: ${value}`), `write ${nth}, ${cell}`).toBe(true);
      }
      // The user's own column and input cells are never written.
      USER_TABLE.forEach((row, r) => {
        row.forEach((value, c) => {
          if (c === 7) return; // Score, checked above
          expect(stored(sheet, `${'ABCDEFGHI'[c]}${r + 1}`) ?? '', `write ${nth}`).toBe(value);
        });
      });
    }
  });
});

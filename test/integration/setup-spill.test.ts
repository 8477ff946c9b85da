/**
 * Set up replacing a live formula whose text is not its own (an older version, or one with
 * #REF! for a deleted tab): the values below it are what it spilled (getFormulas() reads "" for
 * them, as for typed values), not typed, so nothing is kept in a note and nothing is said about
 * typed values. A value typed in a live formula's way is still the user's.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { columnLetter } from '../../src/core/workbook/a1';
import { headerRow, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import {
  brokenFormulas,
  emulatedToday,
  generatedWorkbook,
  snapshotCells,
  writeGrids,
  writeSampleWorkbook,
} from '../support/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const sheetOf = (rt: AddonRuntime, tab: string) => rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;
const lastPrompt = (rt: AddonRuntime) => (rt.emulator.uiState.alerts.at(-1) as { prompt: string }).prompt;
const SCORE_INDEX = OKR_SCHEMA.columns.findIndex((c) => c.key === 'score');
const SCORE = columnLetter(SCORE_INDEX);
const scoresOf = (grid: unknown[][] | undefined) => (grid ?? []).map((row) => row[SCORE_INDEX]);

/** The notes on the header rows of the OKR tabs and KPIs. */
function headerNotes(rt: AddonRuntime): string[] {
  return [TAB.corporate, TAB.department, TAB.team, TAB.kpis]
    .flatMap((tab) => sheetOf(rt, tab).getRange(1, 1, 1, sheetOf(rt, tab).getLastColumn()).getNotes()[0] ?? [])
    .filter((note) => note !== '');
}

describe('Set up replacing a live formula of another text', () => {
  it('takes what it spilled for its answers: no note, no typed values, every other cell as it was', () => {
    const rt = loadAddon(CLOCK);
    writeSampleWorkbook(rt);
    rt.call('setUpWorkbook');
    const team = sheetOf(rt, TAB.team);
    const header = team.getRange(`${SCORE}1`);
    const ours = header.getFormula();
    const before = snapshotCells(rt.emulator.spreadsheet);
    // The same answers in other words, as an older version of the add-on might have written them.
    const older = ours.replace("SEQUENCE(ROWS('Team OKRs'!A:A))=1", "SEQUENCE(ROWS('Team OKRs'!A:A), 1, 1, 1)=1");
    expect(older).not.toBe(ours);
    header.setFormula(older);
    const scores = scoresOf(before[TAB.team]?.values);
    expect(
      team
        .getRange(1, SCORE_INDEX + 1, scores.length)
        .getValues()
        .flat(),
    ).toEqual(scores);

    rt.call('setUpWorkbook');
    expect(lastPrompt(rt)).not.toMatch(/typed/);
    expect(header.getNote()).toBe('');
    expect(lastPrompt(rt)).toMatch(/^The workbook is set up:\n• wrote 1 live formula\n/);
    expect(header.getFormula()).toBe(ours);
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
  });

  it('after a deleted tab on 7,500 rows: mends every #REF! formula, and says nothing of typed values', () => {
    const rt = loadAddon(CLOCK);
    // Team OKRs gets 4,500 rows: a note of its Score's "#REF!" answers would pass Sheets' 50,000 characters.
    writeGrids(rt, generatedWorkbook(7_500, emulatedToday(rt)));
    rt.call('setUpWorkbook');
    const ss = rt.emulator.spreadsheet;
    ss.deleteSheet(sheetOf(rt, TAB.corporate));
    expect(brokenFormulas(rt).length).toBeGreaterThan(0);
    expect(sheetOf(rt, TAB.team).getRange(`${SCORE}2`).getValue()).toBe('#REF!');

    rt.call('setUpWorkbook');
    const prompt = lastPrompt(rt);
    expect(prompt).toMatch(/^The workbook is set up:\n• created "Corporate OKRs"\n/);
    expect(prompt).not.toMatch(/typed|Move them elsewhere|left as it is/);
    expect(brokenFormulas(rt)).toEqual([]);
    expect(headerNotes(rt)).toEqual([]);
    expect(sheetOf(rt, TAB.corporate).getRange(1, 1, 1, OKR_SCHEMA.columns.length).getValues()[0]).toEqual(
      headerRow(OKR_SCHEMA),
    );
    expect(sheetOf(rt, TAB.team).getRange(`${SCORE}2`).getValue()).not.toBe('#REF!');
  });
});

describe('Set up and values that were typed, not spilled', () => {
  it('keeps in the note what is typed below a header formula that spills nothing', () => {
    const rt = loadAddon(CLOCK);
    writeGrids(rt, {
      corporate: [
        ['ID', 'Type', 'Parent ID', 'Title', 'Start', 'Target', 'Current', 'Score'],
        ['C-O1', 'Objective', '', 'Grow', '', '', '', 0.9],
        ['C-KR1', 'Key Result', 'C-O1', 'Revenue', 0, 10, 5, 0.5],
      ],
    });
    // The header shows its text, but from a formula that is no array formula: 0.9 and 0.5 were typed.
    sheetOf(rt, TAB.corporate).getRange('H1').setFormula('="Score"');
    rt.call('setUpWorkbook');
    expect(lastPrompt(rt)).toContain('• replaced 2 typed values under "Score" with its live formula');
    expect(sheetOf(rt, TAB.corporate).getRange('H1').getNote()).toBe(
      'Set up workbook put the live formula of "Score" here on 2027-02-15. What was typed below it:\nH2: 0.9\nH3: 0.5',
    );
  });

  it('never takes a value typed in a live formula’s way (its header shows #REF!) for an answer', () => {
    const rt = loadAddon(CLOCK);
    rt.call('insertSampleOkrs');
    const team = sheetOf(rt, TAB.team);
    team.getRange(`${SCORE}30`).setValue(0.5);
    expect(team.getRange(`${SCORE}1`).getValue()).toBe('#REF!');
    const before = snapshotCells(rt.emulator.spreadsheet);

    rt.call('setUpWorkbook');
    expect(lastPrompt(rt)).not.toMatch(/typed/);
    expect(team.getRange(`${SCORE}30`).getValue()).toBe(0.5);
    // Its header no longer reads Score, so Set up does not know the column: it keeps every cell of it.
    const after = snapshotCells(rt.emulator.spreadsheet, [TAB.team])[TAB.team];
    expect(scoresOf(after?.values)).toEqual(scoresOf(before[TAB.team]?.values));
    expect(scoresOf(after?.formulas)).toEqual(scoresOf(before[TAB.team]?.formulas));
  });
});

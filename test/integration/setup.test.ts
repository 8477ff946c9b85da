/**
 * Set up workbook (§4.1) on the built bundle: what it creates, that a second run
 * changes nothing, that a user's tabs keep every cell, and constant service calls.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { headerRow, KPI_SCHEMA, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { pickColumns, snapshotCells, writeGrids } from '../support/workbook';

const NOW = new Date('2027-02-15T12:00:00Z');
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const sheetOf = (rt: AddonRuntime, tab: string) => rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;
const LIVE_NOTE =
  '\n\nScore, Expected and Status (and the KPIs’ Progress, Status and SMART) are live formulas: they update as you type.';
const prompts = (rt: AddonRuntime) => rt.emulator.uiState.alerts.map((a) => (a as { prompt: string }).prompt);

/** Everything set-up may write besides cell values: formats, validation, rules, frozen rows, widths. */
function layoutOf(rt: AddonRuntime) {
  return rt.emulator.spreadsheet.getSheets().map((sheet) => {
    const width = Math.max(sheet.getLastColumn(), 1);
    const body = sheet.getRange(1, 1, Math.min(sheet.getMaxRows(), 5), width);
    return {
      name: sheet.getName(),
      frozen: sheet.getFrozenRows(),
      maxRows: sheet.getMaxRows(),
      widths: Array.from({ length: width }, (_, i) => sheet.getColumnWidth(i + 1)),
      formats: body.getNumberFormats(),
      weights: body.getFontWeights(),
      validations: body
        .getDataValidations()
        .map((r) => r.map((v) => (v ? (v as unknown as { _spec: unknown })._spec : null))),
      rules: sheet.getConditionalFormatRules().map((r) => (r as unknown as { _spec: unknown })._spec),
      notes: body.getNotes(),
    };
  });
}

describe('Set up workbook on an empty spreadsheet', () => {
  it('creates every user tab with headers, frozen bold header row, formats, validation and Status colours', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    const ss = rt.emulator.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Sheet1',
      'Corporate OKRs',
      'Department OKRs',
      'Team OKRs',
      'KPIs',
      'Settings',
      'Check-ins',
      'History',
    ]);
    const team = sheetOf(rt, TAB.team);
    // Headers as values (computed columns show their formula's header).
    expect(team.getRange(1, 1, 1, 19).getValues()[0]).toEqual(headerRow(OKR_SCHEMA));
    expect(
      team
        .getRange(1, 1, 1, 19)
        .getFontWeights()[0]
        ?.every((w) => w === 'bold'),
    ).toBe(true);
    expect(team.getFrozenRows()).toBe(1);
    // Set-up's order: P Score, Q Expected, R Status; N/O dates; B Type, G Metric type, L Weight, M Confidence.
    expect(team.getRange('P1').getFormula()).toMatch(
      /^=ARRAYFORMULA\(IF\(SEQUENCE\(ROWS\('Team OKRs'!A:A\)\)=1, "Score", /,
    );
    expect(team.getRange('P2').getNumberFormat()).toBe('0%');
    expect(team.getRange('Q1000').getNumberFormat()).toBe('0%');
    expect(team.getRange('N2').getNumberFormat()).toBe('yyyy-mm-dd');
    expect(team.getRange('B2').getDataValidation()?.getCriteriaValues()).toEqual([
      ['Objective', 'Key Result', 'O', 'KR'],
      true,
    ]);
    const metricWords = (team.getRange('G500').getDataValidation()?.getCriteriaValues()[0] ?? []) as string[];
    expect(metricWords.slice(0, 6)).toEqual([
      'increase',
      'decrease',
      'stay above',
      'stay below',
      'binary',
      'milestone',
    ]);
    expect(metricWords).toContain('at least');
    const weight = team.getRange('L2').getDataValidation();
    expect(String(weight?.getCriteriaType())).toBe('NUMBER_GREATER_THAN_OR_EQUAL_TO');
    expect(weight?.getCriteriaValues()).toEqual([0]);
    expect(weight?.getAllowInvalid()).toBe(false);
    // A number rule rejects bad input; Sheets' own message then names the range it accepts.
    expect(weight?.getHelpText()).toBeNull();
    const confidence = team.getRange('M2').getDataValidation();
    expect(String(confidence?.getCriteriaType())).toBe('NUMBER_BETWEEN');
    expect(confidence?.getCriteriaValues()).toEqual([0, 10]);
    expect(team.getRange('A2').getDataValidation()).toBeNull();
    // KPIs: Level, Direction, Frequency drop-downs.
    const kpis = sheetOf(rt, TAB.kpis);
    expect(kpis.getRange(1, 1, 1, 16).getValues()[0]).toEqual(headerRow(KPI_SCHEMA));
    expect(kpis.getRange('B2').getDataValidation()?.getCriteriaValues()).toEqual([
      ['Corporate', 'Department', 'Team'],
      true,
    ]);
    expect(kpis.getRange('L2').getDataValidation()?.getCriteriaValues()).toEqual([
      ['weekly', 'monthly', 'quarterly'],
      true,
    ]);
    expect(kpis.getRange('N2').getNumberFormat()).toBe('0%');
    // Status colours: R2:R1000, Done blue, On track green, Behind amber, At risk red.
    const rules = team.getConditionalFormatRules().map((r) => ({
      ranges: r.getRanges().map((g) => g.getA1Notation()),
      text: r.getBooleanCondition()?.getCriteriaValues()[0],
      background: r.getBooleanCondition()?.getBackground(),
    }));
    expect(rules).toEqual([
      { ranges: ['R2:R1000'], text: 'Done', background: '#cfe2f3' },
      { ranges: ['R2:R1000'], text: 'On track', background: '#d9ead3' },
      { ranges: ['R2:R1000'], text: 'Behind', background: '#fce5cd' },
      { ranges: ['R2:R1000'], text: 'At risk', background: '#f4cccc' },
    ]);
    // Settings: the defaults for 2027 Q1 (serial 46388 is 2027-01-01, 46477 2027-03-31), and Today.
    const settings = sheetOf(rt, TAB.settings);
    expect(settings.getRange('A1:B8').getDisplayValues()).toEqual([
      ['Setting', 'Value'],
      ['Company', ''],
      ['Cycle name', '2027 Q1'],
      ['Cycle start', '2027-01-01'],
      ['Cycle end', '2027-03-31'],
      ['On-track threshold', '70%'],
      ['Behind threshold', '40%'],
      ['Today', '2027-02-15'],
    ]);
    expect(settings.getRange('B8').getFormula()).toBe('=TODAY()');
    // In use: what the add-on uses (the Value, or its default), computed beside each Value; Today has none.
    expect(settings.getRange('C1:C8').getDisplayValues().flat()).toEqual([
      'In use',
      '',
      '2027 Q1',
      '2027-01-01',
      '2027-03-31',
      '70%',
      '40%',
      '',
    ]);
    expect(settings.getRange('C4').getFormula()).toMatch(/^=IF\(ISNUMBER\(/);
    expect(settings.getRange('C1').getFontWeight()).toBe('bold');
    expect(sheetOf(rt, TAB.history).getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      'Date',
      'Level',
      'ID',
      'Title',
      'Score',
      'Expected',
      'Status',
    ]);
    expect(prompts(rt)[0]).toMatch(/^The workbook is set up:\n• created "Corporate OKRs"/);
  });

  it('changes nothing when run a second time: cells, formats, validation, rules', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    const cells = snapshotCells(rt.emulator.spreadsheet);
    const layout = layoutOf(rt);
    rt.call('setUpWorkbook');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(cells);
    expect(layoutOf(rt)).toEqual(layout);
    expect(prompts(rt)[1]).toBe('The workbook was already set up: nothing needed to change.');
  });
});

describe('Set up workbook on a spreadsheet with one OKR tab of the user’s', () => {
  it('makes the two missing OKR tabs as on an empty spreadsheet (one styled, the other its copy)', () => {
    const fresh = loadAddon({ now: () => NOW });
    fresh.call('setUpWorkbook');
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, { corporate: [headerRow(OKR_SCHEMA), ['C-O1', 'Objective', '', 'Company', 'Grow']] });
    rt.call('setUpWorkbook');
    expect(prompts(rt)[0]).toMatch(/created "Department OKRs"\n• created "Team OKRs"/);
    const made = (r: AddonRuntime) => layoutOf(r).filter((l) => l.name === TAB.department || l.name === TAB.team);
    expect(made(rt)).toEqual(made(fresh));
    for (const tab of [TAB.department, TAB.team]) {
      expect(sheetOf(rt, tab).getRange('P1:R1').getFormulas()).toEqual(
        sheetOf(fresh, tab).getRange('P1:R1').getFormulas(),
      );
    }
    expect(rt.emulator.spreadsheet.getSheets().map((sh) => sh.getName())).toEqual([
      'Sheet1',
      'Corporate OKRs',
      'Department OKRs',
      'Team OKRs',
      'KPIs',
      'Settings',
      'Check-ins',
      'History',
    ]);
  });
});

describe('Set up workbook on a user’s tabs', () => {
  // A user's Team OKRs: an alias header (Kind for Type, Objective for Title, Aligns to for Parent ID),
  // their own column between ours, our Weight at the far right.
  const USER_TEAM = [
    ['ID', 'Kind', 'Aligns to', 'Team notes', 'Objective', 'Start', 'Target', 'Current', 'Weight'],
    ['T-O1', 'O', '', 'kick-off =1+1', 'Ship it', '', '', '', ''],
    ['T-KR1', 'KR', 'T-O1', '-risky', 'Ten demos', 0, 10, 4, 3],
    ['T-KR2', 'KR', 'T-O1', '', 'Docs done', 0, 4, 4, 1],
  ];

  it('keeps every user cell, appends missing columns after the last one, and formulas read the right columns', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, { team: USER_TEAM });
    const team = sheetOf(rt, TAB.team);
    team.getRange('D2').setFormula('=LEN(E2)');
    const before = snapshotCells(rt.emulator.spreadsheet, [TAB.team])[TAB.team];
    rt.call('setUpWorkbook');
    const after = snapshotCells(rt.emulator.spreadsheet, [TAB.team])[TAB.team];
    const userColumns = [0, 1, 2, 3, 4, 5, 6, 7, 8];
    expect(pickColumns(after?.formulas ?? [], userColumns).slice(0, 4)).toEqual(before?.formulas);
    expect(pickColumns(after?.values ?? [], userColumns).slice(0, 4)).toEqual(before?.values);
    expect(team.getRange('D2').getValue()).toBe(7); // the user's formula still runs: LEN("Ship it")
    // Missing columns from J on, in schema order: Unit, Owner, Metric type, UoM, Confidence, Start date, Due date, Score…
    expect(team.getRange(1, 10, 1, 10).getValues()[0]).toEqual([
      'Unit',
      'Owner',
      'Metric type',
      'Unit of measure',
      'Confidence',
      'Start date',
      'Due date',
      'Score',
      'Expected',
      'Status',
    ]);
    expect(team.getRange(1, 20).getValue()).toBe('Notes');
    // A user column keeps its formats and gets no validation; a new one gets ours.
    expect(team.getRange('B2').getDataValidation()).toBeNull();
    expect(team.getRange('L2').getDataValidation()).not.toBeNull(); // Metric type, column L
    // Scores: T-KR1 4/10 = 0.4 (weight 3), T-KR2 4/4 = 1 (weight 1) → T-O1 = (1.2 + 1) / 4 = 0.55.
    expect(team.getRange('Q2:Q4').getValues()).toEqual([[0.55], [0.4], [1]]);
    const formula = team.getRange('Q1').getFormula();
    expect(formula).toContain("'Team OKRs'!F:F), VSTACK(");
    expect(formula).toContain("'Team OKRs'!L:L))");
    expect(formula).toContain('\'Team OKRs\'!B:B)))="objective"');
  });

  it('says how many typed values a live formula replaced, the first time only', () => {
    const rt = loadAddon({ now: () => NOW });
    // A user's tab that kept scores by hand: ID, Type, Parent ID, Title, Start, Target, Current, Score.
    writeGrids(rt, {
      corporate: [
        ['ID', 'Type', 'Parent ID', 'Title', 'Start', 'Target', 'Current', 'Score'],
        ['C-O1', 'Objective', '', 'Grow', '', '', '', 0.9],
        ['C-KR1', 'Key Result', 'C-O1', 'Revenue', 0, 10, 5, 0.8],
        ['C-KR2', 'Key Result', 'C-O1', 'Logos', 0, 4, 4, ''],
      ],
    });
    rt.call('setUpWorkbook');
    // Two typed scores (0.9 and 0.8; the third cell was empty) gave way to the formula.
    expect(prompts(rt)[0]).toContain('• replaced 2 typed values under "Score" with its live formula');
    // …whose answers are computed: C-KR1 5/10 = 0.5, C-KR2 4/4 = 1, C-O1 (0.5 + 1) / 2 = 0.75.
    expect(sheetOf(rt, TAB.corporate).getRange('H2:H4').getValues()).toEqual([[0.75], [0.5], [1]]);
    rt.call('setUpWorkbook');
    expect(prompts(rt)[1]).not.toContain('replaced');
  });

  it('leaves a user’s own History sheet alone and says so', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, {
      history: [
        ['Year', 'Event'],
        [2019, 'Founded'],
      ],
    });
    const before = snapshotCells(rt.emulator.spreadsheet, [TAB.history]);
    rt.call('setUpWorkbook');
    expect(snapshotCells(rt.emulator.spreadsheet, [TAB.history])).toEqual(before);
    expect(sheetOf(rt, TAB.history).getFrozenRows()).toBe(0);
    expect(prompts(rt)[0]).toContain(
      '"History" is a sheet of yours with other columns, so it was left as it is. Rename it and run Set up workbook again to let OKR Cascade keep its History there.',
    );
  });

  it('finds its logs by their mark when the user renamed them, and makes no second one', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    sheetOf(rt, TAB.history).setName('Snapshots');
    sheetOf(rt, TAB.checkIns).setName('Our check-ins');
    rt.call('setUpWorkbook');
    expect(prompts(rt)[1]).toBe('The workbook was already set up: nothing needed to change.');
    const names = rt.emulator.spreadsheet.getSheets().map((s) => s.getName());
    expect(names.filter((n) => n === TAB.history || n === TAB.checkIns)).toEqual([]);
  });

  it('formats the Score and Expected it takes over down to the sheet’s last row', () => {
    const rt = loadAddon({ now: () => NOW });
    const grid: unknown[][] = [headerRow(OKR_SCHEMA)];
    for (let i = 1; i <= 30; i++) grid.push([`T-${i}`, 'KR', '', '', `KR ${i}`, '', 'increase', 0, 10, i % 10]);
    writeGrids(rt, { team: grid });
    const team = sheetOf(rt, TAB.team);
    rt.call('setUpWorkbook');
    const score = OKR_SCHEMA.columns.findIndex((c) => c.key === 'score') + 1;
    const last = team.getMaxRows();
    expect(
      team
        .getRange(2, score, last - 1, 2)
        .getNumberFormats()
        .flat(),
    ).toEqual(Array(2 * (last - 1)).fill('0%'));
    expect(team.getRange(1, score).getNumberFormat()).not.toBe('0%');
  });

  it('adds only the missing Settings keys, below the user’s rows', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, {
      settings: [
        ['Setting', 'Value'],
        ['Company', 'Acme'],
        ['On-track threshold', 0.8],
      ],
    });
    rt.call('setUpWorkbook');
    const values = sheetOf(rt, TAB.settings).getRange('A1:B8').getDisplayValues();
    expect(values).toEqual([
      ['Setting', 'Value'],
      ['Company', 'Acme'],
      ['On-track threshold', '0.8'],
      ['Cycle name', '2027 Q1'],
      ['Cycle start', '2027-01-01'],
      ['Cycle end', '2027-03-31'],
      ['Behind threshold', '40%'],
      ['Today', '2027-02-15'],
    ]);
    // In use beside every key, the user's own rows included; Status formulas read the In use of row 3.
    expect(sheetOf(rt, TAB.settings).getRange('C1:C8').getDisplayValues().flat()).toEqual([
      'In use',
      'Acme',
      '80%',
      '2027 Q1',
      '2027-01-01',
      '2027-03-31',
      '40%',
      '',
    ]);
    // As Sheets stores it: a sheet name without quotes it does not need.
    expect(sheetOf(rt, TAB.team).getRange('R1').getFormula()).toContain('>=Settings!$C$7-0.000000001, "Behind"');
  });

  it('gives a Settings tab without In use (an older set-up) its In use column, and says so', () => {
    const rt = loadAddon({ now: () => NOW });
    rt.call('setUpWorkbook');
    const settings = sheetOf(rt, TAB.settings);
    settings.getRange('C1:C7').clearContent();
    settings.getRange('B6').setValue('high');
    rt.call('setUpWorkbook');
    expect(prompts(rt)[1]).toBe(`The workbook is set up:\n• wrote the "In use" column of "Settings"${LIVE_NOTE}`);
    expect(settings.getRange('B6:C6').getDisplayValues()).toEqual([['high', '70%']]);
    // Then nothing more to do.
    rt.call('setUpWorkbook');
    expect(prompts(rt)[2]).toBe('The workbook was already set up: nothing needed to change.');
  });

  it('adds no header to a header-less Settings tab; column C of each key row is In use (the add-on’s)', () => {
    const rt = loadAddon({ now: () => NOW });
    writeGrids(rt, { settings: [['On-track threshold', 0.9, 'my note']] });
    rt.call('setUpWorkbook');
    const settings = sheetOf(rt, TAB.settings);
    // Row 1 is a key row: no header goes above or beside it, and its C (the user's note) becomes In use.
    expect(settings.getRange('A1:C1').getDisplayValues()).toEqual([['On-track threshold', '0.9', '90%']]);
    expect(settings.getRange('C2').getDisplayValue()).toBe('');
  });
});

describe('Set up workbook service calls', () => {
  function callsFor(rows: number): Record<string, number> {
    const rt = loadAddon({ now: () => NOW });
    const grid: unknown[][] = [headerRow(OKR_SCHEMA)];
    for (let i = 1; i <= rows; i++)
      grid.push([`T-${i}`, 'KR', '', '', `KR ${i}`, '', 'increase', 0, 10, i % 10, '', '', '', '', '', '', '', '', '']);
    writeGrids(rt, { team: grid });
    rt.call('setUpWorkbook');
    return rt.emulator.calls.snapshot();
  }

  it('are the same for 100 and 10,000 existing rows', () => {
    const small = callsFor(100);
    expect(callsFor(10_000)).toEqual(small);
    expect(small['Range.setValue'] ?? 0).toBe(0);
  });
});

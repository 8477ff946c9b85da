/**
 * The live formulas of §1.2/§1.3 evaluated by the emulator's formula engine, compared
 * row by row with core (which menu actions use), and recalculating on edits alone.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { KPI_SCHEMA, mapHeaders, OKR_SCHEMA, TAB } from '../../src/core/workbook/schema';
import { cellValue } from '../../src/core/workbook/score-workbook';
import { readWorkbook, type Workbook } from '../../src/core/workbook/workbook';
import { readWorkbookGrids } from '../../src/sheets/workbook';
import { emulatedToday, snapshotCells } from '../support/workbook';

// 2027-02-15: the cycle is 2027 Q1, 2027-01-01 to 2027-03-31 (89 days); 45 days have begun.
const NOW = new Date('2027-02-15T12:00:00Z');
const EXPECTED_TODAY = 45 / 89;

function sampleRuntime(): AddonRuntime {
  const rt = loadAddon({ now: () => NOW });
  rt.call('insertSampleOkrs');
  return rt;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const sheetOf = (rt: AddonRuntime, tab: string) => rt.emulator.spreadsheet.getSheetByName(tab) as Sheet;

/** Column values of a tab by header, keyed by ID. */
function byId(rt: AddonRuntime, tab: string, header: string): Map<string, unknown> {
  const values = sheetOf(rt, tab).getDataRange().getValues();
  const headers = values[0] ?? [];
  const id = headers.indexOf('ID');
  const col = headers.indexOf(header);
  return new Map(values.slice(1).map((row) => [String(row[id]), row[col]]));
}

function setById(rt: AddonRuntime, tab: string, id: string, header: string, value: unknown): void {
  const sheet = sheetOf(rt, tab);
  const values = sheet.getDataRange().getValues();
  const row = values.findIndex((r) => r[0] === id) + 1;
  sheet.getRange(row, (values[0] ?? []).indexOf(header) + 1).setValue(value);
}

/**
 * Every OKR row's live Score, Expected and Status, and every KPI's Progress, Status and
 * SMART, equal what core computes from the same raw cells (as the menu actions do); and
 * the Settings In use column holds the settings core uses. Returns core's workbook.
 */
function expectLiveMatchesCore(rt: AddonRuntime): Workbook {
  const ss = rt.emulator.spreadsheet;
  const grids = readWorkbookGrids(ss, 'UTC');
  const wb = readWorkbook(grids, emulatedToday(rt));
  expect(wb.scores.rows).toHaveLength(37);
  for (const tab of [TAB.corporate, TAB.department, TAB.team]) {
    const values = sheetOf(rt, tab).getDataRange().getValues();
    const map = mapHeaders(tab, values[0] ?? [], OKR_SCHEMA).index;
    const rows = wb.scores.rows.filter((r) => r.row.tab === tab);
    for (const { row, score, expected, status } of rows) {
      const cells = values[row.row - 1] ?? [];
      expect([row.id, cells[map.score as number]]).toEqual([row.id, cellValue(score)]);
      expect([row.id, cells[map.expected as number]]).toEqual([row.id, cellValue(expected)]);
      expect([row.id, cells[map.status as number]]).toEqual([row.id, cellValue(status)]);
    }
    // Below the data, the formulas answer "".
    const last = Math.max(...rows.map((r) => r.row.row));
    const below = sheetOf(rt, tab)
      .getRange(last + 1, (map.score as number) + 1, 5, 3)
      .getValues();
    expect(below.flat().every((v) => v === '')).toBe(true);
  }
  const kpiValues = sheetOf(rt, TAB.kpis).getDataRange().getValues();
  const k = mapHeaders(TAB.kpis, kpiValues[0] ?? [], KPI_SCHEMA).index;
  expect(wb.kpiResults).toHaveLength(6);
  for (const { row, progress, status, smart } of wb.kpiResults) {
    const cells = kpiValues[row.row - 1] ?? [];
    expect([row.id, cells[k.progress as number], cells[k.status as number], cells[k.smart as number]]).toEqual([
      row.id,
      cellValue(progress),
      cellValue(status),
      smart.text,
    ]);
  }
  // Settings rows 2–7 as set-up wrote them: Company … Behind threshold; C is In use.
  const { settings } = wb.settings;
  const inUse = (grids.settings ?? []).slice(1, 7).map((row) => row[2]);
  expect(inUse).toEqual([
    settings.company,
    settings.cycleName,
    settings.cycleStart,
    settings.cycleEnd,
    settings.thresholds.onTrack,
    settings.thresholds.behind,
  ]);
  return wb;
}

describe('live formulas on the sample company', () => {
  it('give exactly the Score, Expected and Status core computes, on every row of every tab', () => {
    expectLiveMatchesCore(sampleRuntime());
  });

  it('match scores worked out by hand', () => {
    const rt = sampleRuntime();
    const score = byId(rt, TAB.corporate, 'Score');
    // C-KR1: (8.6M − 8M) / (10M − 8M) = 0.3. C-KR2: 1.12 ≥ 1.1 → 1.
    expect(score.get('C-KR1')).toBeCloseTo(0.3, 12);
    expect(score.get('C-KR2')).toBe(1);
    // C-KR3 has no metric: scored by SAL-O1 = mean(SAL-KR1 (4M−2M)/(6M−2M) = 0.5, SAL-KR2)
    // SAL-KR2 = mean(ENT-O1, SMB-O1); ENT-O1 = mean(6/12, 27/30) = 0.7; SMB-O1 = mean(0.03/0.1, done 1) = 0.65
    // SAL-KR2 = 0.675; SAL-O1 = (0.5 + 0.675) / 2 = 0.5875.
    expect(byId(rt, TAB.department, 'Score').get('SAL-KR2')).toBeCloseTo(0.675, 12);
    expect(score.get('C-KR3')).toBeCloseTo(0.5875, 12);
    // C-O1 = (2·0.3 + 1·1 + 1·0.5875) / 4 = 2.1875 / 4 = 0.546875 (C-KR1 weighs 2).
    expect(score.get('C-O1')).toBeCloseTo(0.546875, 12);
    // Expected: 45 of 89 days; C-KR1 0.3 / 0.5056 = 0.59 → Behind; C-O1 0.5469 / 0.5056 = 1.08 → On track.
    expect(byId(rt, TAB.corporate, 'Expected').get('C-O1')).toBe(EXPECTED_TODAY);
    expect(byId(rt, TAB.corporate, 'Status').get('C-KR1')).toBe('Behind');
    expect(byId(rt, TAB.corporate, 'Status').get('C-O1')).toBe('On track');
    // PRD-KR1 has its own dates: Jan 15 to Mar 15 (59 days), 31 days begun → 31/59; 0.6 / 0.525 → On track.
    expect(byId(rt, TAB.department, 'Expected').get('PRD-KR1')).toBe(31 / 59);
    expect(byId(rt, TAB.department, 'Status').get('PRD-KR1')).toBe('On track');
    // C-KR2 reached its target: Done.
    expect(byId(rt, TAB.corporate, 'Status').get('C-KR2')).toBe('Done');
  });

  it('recalculate when Current, Target, Weight or Parent ID change, without any menu action', () => {
    const rt = sampleRuntime();
    rt.emulator.calls.reset();
    // Current of C-KR1 9M: (9M − 8M) / 2M = 0.5 → C-O1 = (2·0.5 + 1 + 0.5875) / 4 = 0.646875.
    setById(rt, TAB.corporate, 'C-KR1', 'Current', 9_000_000);
    expect(byId(rt, TAB.corporate, 'Score').get('C-O1')).toBeCloseTo(0.646875, 12);
    // Weight of C-KR1 back to 1: (0.5 + 1 + 0.5875) / 3 = 0.695833…
    setById(rt, TAB.corporate, 'C-KR1', 'Weight', 1);
    expect(byId(rt, TAB.corporate, 'Score').get('C-O1')).toBeCloseTo(2.0875 / 3, 12);
    // Target of ENT-KR1 6 (current 6): 1 → ENT-O1 = (1 + 0.9) / 2 = 0.95.
    setById(rt, TAB.team, 'ENT-KR1', 'Target', 6);
    expect(byId(rt, TAB.team, 'Score').get('ENT-O1')).toBeCloseTo(0.95, 12);
    // SMB-O1 no longer aligned: SAL-KR2 = ENT-O1 = 0.95; SAL-O1 = (0.5 + 0.95) / 2 = 0.725.
    setById(rt, TAB.team, 'SMB-O1', 'Parent ID', '');
    expect(byId(rt, TAB.department, 'Score').get('SAL-O1')).toBeCloseTo(0.725, 12);
    expect(byId(rt, TAB.corporate, 'Score').get('C-KR3')).toBeCloseTo(0.725, 12);
    // Nothing but the edits and reads ran: no add-on function was called.
    expect(rt.emulator.calls.count('Ui.alert')).toBe(0);
  });

  it('show a key result’s own metric problem and a duplicate ID as messages, other rows unharmed', () => {
    const rt = sampleRuntime();
    setById(rt, TAB.team, 'ENT-KR1', 'Target', ''); // increase without a target
    setById(rt, TAB.team, 'PLT-KR1', 'ID', 'ENT-KR2'); // a second ENT-KR2
    const team = sheetOf(rt, TAB.team).getDataRange().getValues();
    const col = (team[0] ?? []).indexOf('Score');
    const scoreOf = (row: number) => team[row - 1]?.[col];
    // ENT-KR1 stands on row 3, PLT-KR1 (now a duplicate ENT-KR2) on row 9.
    expect(scoreOf(3)).toBe('OKRSCORE: missing target');
    expect(scoreOf(9)).toBe('OKRROLLUP: duplicate ID "ENT-KR2": an earlier row has the same ID');
    // ENT-O1 now rests on ENT-KR2 alone: 27/30 = 0.9.
    expect(byId(rt, TAB.team, 'Score').get('ENT-O1')).toBeCloseTo(0.9, 12);
    expect(byId(rt, TAB.team, 'Status').get('ENT-KR1')).toBe('OKRSCORE: missing target');
  });

  it('KPI SMART names what is missing, live', () => {
    const rt = sampleRuntime();
    const kpis = sheetOf(rt, TAB.kpis);
    const headers = kpis.getRange(1, 1, 1, kpis.getLastColumn()).getValues()[0] ?? [];
    const at = (h: string) => headers.indexOf(h) + 1;
    // KPI-1 on row 2: no owner, a Linked OKR that names no row, a due date before the cycle start.
    kpis.getRange(2, at('Owner')).setValue('');
    kpis.getRange(2, at('Linked OKR')).setValue('NOPE-1');
    kpis.getRange(2, at('Due date')).setValue('2026-12-31');
    expect(kpis.getRange(2, at('SMART')).getValue()).toBe('Missing: Achievable, Relevant, Time-bound');
    // Baseline equal to target is not measurable for "increase", but is for "stay above".
    kpis.getRange(2, at('Baseline')).setValue(830_000);
    expect(kpis.getRange(2, at('SMART')).getValue()).toBe('Missing: Measurable, Achievable, Relevant, Time-bound');
    kpis.getRange(2, at('Direction')).setValue('at least');
    kpis.getRange(2, at('Owner')).setValue('Dana Reyes');
    kpis.getRange(2, at('Linked OKR')).setValue(' c-kr1 ');
    kpis.getRange(2, at('Due date')).setValue('2027-01-01');
    expect(kpis.getRange(2, at('SMART')).getValue()).toBe('✓');
  });
});

describe('live formulas with a missing or bad Setting use what core uses (SPEC §1.4)', () => {
  /** The sample with Settings values changed (rows: 4 Cycle start, 5 Cycle end, 6 On-track, 7 Behind). */
  function withSettings(values: Readonly<Record<string, unknown>>, plainText: readonly string[] = []): AddonRuntime {
    const rt = sampleRuntime();
    const settings = sheetOf(rt, TAB.settings);
    for (const a1 of plainText) settings.getRange(a1).setNumberFormat('@');
    for (const [a1, value] of Object.entries(values)) settings.getRange(a1).setValue(value);
    return rt;
  }
  const corporate = (rt: AddonRuntime, header: string, id: string) => byId(rt, TAB.corporate, header).get(id);
  const inUse = (rt: AddonRuntime) => sheetOf(rt, TAB.settings).getRange('C4:C7').getDisplayValues().flat();
  // The sample as of 2027-02-15: C-KR1 scores (8.6M − 8M) / (10M − 8M) = 0.3, C-O1 0.546875.

  it('Cycle start blank: a quarter before the Cycle end', () => {
    const rt = withSettings({ B4: '', B5: '2027-04-30' });
    const wb = expectLiveMatchesCore(rt);
    expect(wb.settings.problems).toEqual([]);
    // Start = (Apr 30 + 1 day) − 3 months = Feb 1. Span Feb 1 → Apr 30 = 27 + 31 + 30 = 88 days,
    // 14 days begun by Feb 15: E = 14/88; C-KR1 0.3 / 0.159 = 1.89 → On track.
    expect(inUse(rt)).toEqual(['2027-02-01', '2027-04-30', '70%', '40%']);
    expect(corporate(rt, 'Expected', 'C-KR1')).toBe(14 / 88);
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('On track');
  });

  it('Cycle end blank: 3 months from the Cycle start, less a day', () => {
    const rt = withSettings({ B4: '2027-01-15', B5: '' });
    expectLiveMatchesCore(rt);
    // End = Jan 15 + 3 months − 1 day = Apr 14. Span = 16 + 28 + 31 + 14 = 89 days, 31 begun by Feb 15:
    // E = 31/89 = 0.348; C-KR1 0.3 / 0.348 = 0.86 → On track; C-O1 0.546875 / 0.348 = 1.57 → On track.
    expect(inUse(rt)).toEqual(['2027-01-15', '2027-04-14', '70%', '40%']);
    expect(corporate(rt, 'Expected', 'C-KR1')).toBe(31 / 89);
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('On track');
    expect(corporate(rt, 'Status', 'C-O1')).toBe('On track');
  });

  it('both cycle dates blank: the calendar quarter of Today', () => {
    const rt = withSettings({ B3: '', B4: '', B5: '' });
    const wb = expectLiveMatchesCore(rt);
    // 2027-02-15 is in Q1: Jan 1 → Mar 31 = 89 days, 45 begun: E = 45/89; C-KR1 0.3 / 0.506 = 0.59 → Behind.
    expect(inUse(rt)).toEqual(['2027-01-01', '2027-03-31', '70%', '40%']);
    expect(sheetOf(rt, TAB.settings).getRange('C3').getValue()).toBe('2027 Q1');
    expect(wb.settings.settings.cycleName).toBe('2027 Q1');
    expect(corporate(rt, 'Expected', 'C-KR1')).toBe(45 / 89);
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('Behind');
  });

  it('On-track threshold "high": 0.7, while a good Behind threshold stays in use', () => {
    const rt = withSettings({ B6: 'high', B7: 0.6 });
    const wb = expectLiveMatchesCore(rt);
    expect(wb.settings.problems.map((p) => p.message)).toEqual([
      'On-track threshold is not a number: "high"; the default is used',
    ]);
    // r = 0.3 / (45/89) = 26.7 / 45 = 0.593: below Behind 0.6 → At risk. C-O1: 0.546875 / 0.506 = 1.08 → On track.
    expect(inUse(rt)).toEqual(['2027-01-01', '2027-03-31', '70%', '60%']);
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('At risk');
    expect(corporate(rt, 'Status', 'C-O1')).toBe('On track');
  });

  it('Behind threshold above On-track: both defaults', () => {
    const rt = withSettings({ B6: 0.5, B7: 0.6 });
    const wb = expectLiveMatchesCore(rt);
    expect(wb.settings.problems.map((p) => p.message)).toEqual([
      'behind threshold (0.6) must not be above the on-track threshold (0.5); the defaults are used',
    ]);
    // 0.7 and 0.4 again: C-KR1's r = 0.593 is in [0.4, 0.7) → Behind (with 0.5/0.6 it would be At risk).
    expect(inUse(rt)).toEqual(['2027-01-01', '2027-03-31', '70%', '40%']);
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('Behind');
  });

  it('a text date and a text share read as core reads them; a bad date yields to the good one', () => {
    // Plain-text cells: "2027-01-15" is a date to core, "65%" a share; "next monday" is no date.
    const text = withSettings({ B4: '2027-01-15', B5: '', B6: '65%' }, ['B4', 'B6']);
    expectLiveMatchesCore(text);
    expect(inUse(text)).toEqual(['2027-01-15', '2027-04-14', '65%', '40%']);
    const bad = withSettings({ B4: 'next monday', B5: '2027-04-30' });
    const wb = expectLiveMatchesCore(bad);
    expect(wb.settings.problems.map((p) => p.message)).toEqual([
      'Cycle start is not a date: "next monday" (use a date, or text like 2027-01-15); the 3 months up to Cycle end are used',
    ]);
    // As with a blank start: Feb 1 → Apr 30, E = 14/88.
    expect(inUse(bad)).toEqual(['2027-02-01', '2027-04-30', '70%', '40%']);
    expect(corporate(bad, 'Expected', 'C-O1')).toBe(14 / 88);
  });

  it('a Cycle end on or before the start: the quarter of Today', () => {
    const rt = withSettings({ B4: '2027-03-01', B5: '2027-03-01' });
    expectLiveMatchesCore(rt);
    expect(inUse(rt)).toEqual(['2027-01-01', '2027-03-31', '70%', '40%']);
  });

  it('follow a fixed Settings value as it is typed in, without any menu action', () => {
    const rt = withSettings({ B6: 'high' });
    sheetOf(rt, TAB.settings).getRange('B6').setValue(0.55);
    // r = 0.593 ≥ 0.55 → On track.
    expect(corporate(rt, 'Status', 'C-KR1')).toBe('On track');
    expectLiveMatchesCore(rt);
  });
});

describe('Insert sample OKRs', () => {
  it('refuses a workbook that already holds OKRs, changing nothing', () => {
    const rt = sampleRuntime();
    const before = snapshotCells(rt.emulator.spreadsheet);
    rt.emulator.uiState.alerts.length = 0;
    rt.call('insertSampleOkrs');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
    const alert = rt.emulator.uiState.alerts[0] as { prompt: string };
    expect(alert.prompt).toBe(
      'The sample only goes into tabs that hold nothing of yours, and "Corporate OKRs" (first at A2), "Department OKRs" (first at A2), "Team OKRs" (first at A2), "KPIs" (first at A2) hold cells of yours. Nothing was changed. To explore the sample, make a new spreadsheet and insert it there.',
    );
  });

  it('writes dates as serials with a date format', () => {
    const rt = sampleRuntime();
    const dept = sheetOf(rt, TAB.department);
    const headers = dept.getRange(1, 1, 1, dept.getLastColumn()).getValues()[0] ?? [];
    // PRD-KR1 (row 6) starts 14 days after 2027-01-01.
    const cell = dept.getRange(6, headers.indexOf('Start date') + 1);
    expect(cell.getNumberFormat()).toBe('yyyy-mm-dd');
    expect(cell.getDisplayValue()).toBe('2027-01-15');
  });
});

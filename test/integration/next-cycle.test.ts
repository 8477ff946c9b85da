/**
 * Start next cycle (§4.6) on the built bundle in the emulator, clock fixed mid 2027 Q1.
 * Columns of the sample's OKR tabs: G Metric type, H Start, I Target, J Current,
 * N Start date, O Due date, P Score, Q Expected. KPIs: G Baseline, I Actual, M Due date.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { toSheetsSerial } from '../../src/core/rollout/calendar';
import { serialInZone } from '../../src/sheets/dates';
import { pickColumns, snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';

const ZONE = 'America/New_York';
const NOW = new Date('2027-02-15T17:00:00Z'); // Monday 2027-02-15, midday in New York
const day = (y: number, m: number, d: number) => toSheetsSerial({ year: y, month: m, day: d });

const OKR_TABS = ['Corporate OKRs', 'Department OKRs', 'Team OKRs'];
const ARCHIVED = [...OKR_TABS, 'KPIs'];
const archiveOf = (tab: string) => `${tab} (2027 Q1)`;
/** 0-based columns the action may write: Start, Current, Start date, Due date; KPIs Baseline, Actual, Due date. */
const WRITTEN_OKR = [7, 9, 13, 14];
const WRITTEN_KPI = [6, 8, 12];

function runtime(): AddonRuntime {
  return loadAddon({ timeZone: ZONE, now: () => NOW });
}

const sheet = (rt: AddonRuntime, name: string) => {
  const s = rt.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no tab ${name}`);
  return s;
};
const values = (rt: AddonRuntime, name: string) => sheet(rt, name).getDataRange().getValues();
const others = (grid: unknown[][], written: readonly number[]) =>
  pickColumns(
    grid,
    (grid[0] ?? []).map((_, i) => i).filter((i) => !written.includes(i)),
  );
const column = (grid: unknown[][], c: number) => grid.map((row) => row[c]);

/** Runs the action; `answer` is the user's reply to the confirmation (none when it should not be asked). */
function startNextCycle(rt: AddonRuntime, answer: 'YES' | 'NO' | null = 'YES') {
  if (answer !== null) rt.emulator.uiState.answerNext({ button: answer });
  rt.call('startNextCycle');
  return rt.emulator.uiState.alerts;
}

describe('Start next cycle on the sample company', () => {
  it('archives frozen, marked, protected copies and carries unfinished key results over', () => {
    const rt = runtime();
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet);
    const alerts = startNextCycle(rt);

    expect(alerts).toHaveLength(2);
    expect(alerts[0]?.buttons).toBe('YES_NO');
    expect(alerts[0]?.prompt).toContain('Start 2027 Q2 (2027-04-01 – 2027-06-30) after 2027 Q1?');
    expect(alerts[0]?.prompt).toContain('Carry 14 unfinished key results over');
    expect(alerts[1]?.prompt).toContain('Started 2027 Q2 (2027-04-01 – 2027-06-30).');
    expect(rt.emulator.uiState.pendingAnswers).toBe(0);

    const after = snapshotCells(rt.emulator.spreadsheet);
    for (const tab of ARCHIVED) {
      const archive = after[archiveOf(tab)];
      // Cell for cell what the live tab held before, and no formula anywhere.
      expect(archive?.values, tab).toEqual(before[tab]?.values);
      expect(
        archive?.formulas.flat().every((f) => f === ''),
        tab,
      ).toBe(true);
      const copy = sheet(rt, archiveOf(tab));
      const marks = copy.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]);
      expect(marks).toEqual([['okr-cascade.archive', '2027 Q1']]);
      const protections = copy.getProtections('SHEET' as never);
      expect(protections.map((p) => p.isWarningOnly())).toEqual([true]);
    }

    // Carried over, by hand: Start := last Current, Current cleared.
    const corporate = values(rt, 'Corporate OKRs');
    expect([corporate[2]?.[0], corporate[2]?.[7], corporate[2]?.[9]]).toEqual(['C-KR1', 8_600_000, '']);
    expect([corporate[6]?.[0], corporate[6]?.[7], corporate[6]?.[9]]).toEqual(['C-KR4', 0.024, '']);
    // C-KR2 (1.12 ≥ 1.1) is finished: kept as it was.
    expect([corporate[3]?.[0], corporate[3]?.[9]]).toEqual(['C-KR2', 1.12]);
    const team = values(rt, 'Team OKRs');
    expect([team[14]?.[0], team[14]?.[7], team[14]?.[9]]).toEqual(['SUP-KR1', 62, '']);
    // PLT-KR1 has no Current yet: its Start stays 48.
    expect([team[8]?.[0], team[8]?.[7], team[8]?.[9]]).toEqual(['PLT-KR1', 48, '']);
    // PRD-KR1's own dates were in 2027 Q1: cleared so it takes the cycle's.
    const department = values(rt, 'Department OKRs');
    expect([department[5]?.[0], department[5]?.[13], department[5]?.[14]]).toEqual(['PRD-KR1', '', '']);
    // SMB-KR2 is done, but its Due date (cycle start + 56 days = 2027-02-26) is before 2027 Q2:
    // cleared, or its Expected would read "end date must be after the start date".
    expect([team[6]?.[0], team[6]?.[14]]).toEqual(['SMB-KR2', '']);

    // Nothing deleted; every column the action does not own is identical.
    for (const tab of OKR_TABS) {
      const old = before[tab]?.values ?? [];
      const now = after[tab]?.values ?? [];
      expect(now.length, tab).toBe(old.length);
      expect(others(now, WRITTEN_OKR), tab).toEqual(others(old, WRITTEN_OKR));
    }
    // The Start column changed only where a key result was carried.
    const oldStart = column(before['Corporate OKRs']?.values ?? [], 7);
    const newStart = column(after['Corporate OKRs']?.values ?? [], 7);
    expect(newStart.flatMap((v, i) => (v === oldStart[i] ? [] : [i + 1]))).toEqual([3, 7]);

    // KPIs: Baseline := Actual below target, Actual cleared, Due date to 2027-06-30.
    const kpis = after.KPIs?.values ?? [];
    // KPI-1: Baseline 660k → 715k (its Actual), Target 830k kept, Actual cleared.
    expect(kpis[1]?.slice(6, 9)).toEqual([715_000, 830_000, '']);
    expect([kpis[4]?.[0], kpis[4]?.[6], kpis[4]?.[8]]).toEqual(['KPI-4', '', 0.9995]); // at target: kept
    expect(column(kpis, 12).slice(1)).toEqual(Array(6).fill(day(2027, 6, 30)));
    expect(others(kpis, WRITTEN_KPI)).toEqual(others(before.KPIs?.values ?? [], WRITTEN_KPI));

    // Settings: only the three cycle values changed.
    const settings = after.Settings?.values ?? [];
    expect(column(settings, 1).slice(2, 5)).toEqual(['2027 Q2', day(2027, 4, 1), day(2027, 6, 30)]);
    const oldSettings = before.Settings?.values ?? [];
    expect(settings.map((r, i) => (i >= 2 && i <= 4 ? r[0] : r))).toEqual(
      oldSettings.map((r, i) => (i >= 2 && i <= 4 ? r[0] : r)),
    );
    expect(after['Check-ins']).toEqual(before['Check-ins']);
    expect(after.History).toEqual(before.History);
  });

  it('freezes formulas that read the live tabs and Settings, writing dates as dates', () => {
    const rt = runtime();
    writeSampleWorkbook(rt);
    const corporate = sheet(rt, 'Corporate OKRs');
    const q = "'Corporate OKRs'!";
    corporate.getRange('P1').setFormula(`={"Score"; OKRSCORE(${q}H2:H12, ${q}I2:I12, ${q}J2:J12, ${q}G2:G12)}`);
    corporate.getRange('Q3').setFormula('=OKREXPECTED(Settings!B4, Settings!B5, DATE(2027, 2, 15))');
    sheet(rt, 'Settings').getRange('B4:B5').setNumberFormat('yyyy-mm-dd');
    const before = corporate.getDataRange().getValues();
    // C-KR1 (8M → 10M, at 8.6M): 0.6 / 2 = 0.3; C-KR4 (0.03 → 0.015 at 0.024): 0.006 / 0.015 = 0.4.
    expect([before[2]?.[15], before[6]?.[15]]).toEqual([0.3, expect.closeTo(0.4, 12)]);
    // Feb 15 is 45 days into Jan 1 → Mar 31 (89 days).
    expect(before[2]?.[16]).toBeCloseTo(45 / 89, 10);

    startNextCycle(rt);

    const archive = sheet(rt, archiveOf('Corporate OKRs')).getDataRange();
    expect(
      archive
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    const frozen = archive.getValues();
    expect(frozen).toEqual(before);
    // The live tab recalculates for 2027 Q2: C-KR1 now starts at 8.6M with no Current → 0,
    // and Feb 15 is before Apr 1 → expected 0. The archive kept 0.3 and 45/89.
    const live = corporate.getDataRange().getValues();
    expect([live[2]?.[15], live[2]?.[16]]).toEqual([0, 0]);
    expect([frozen[2]?.[15], frozen[2]?.[16]]).toEqual([0.3, before[2]?.[16]]);
    expect(corporate.getRange('P1').getFormula()).not.toBe('');
    // The new cycle's dates went into the date-formatted cells as dates of that day in New York.
    const [[start], [end]] = sheet(rt, 'Settings').getRange('B4:B5').getValues() as [[Date], [Date]];
    expect(Object.prototype.toString.call(start)).toBe('[object Date]');
    expect([serialInZone(start, ZONE), serialInZone(end, ZONE)]).toEqual([day(2027, 4, 1), day(2027, 6, 30)]);
  });

  it('refuses to archive the same cycle twice and changes nothing', () => {
    const rt = runtime();
    writeSampleWorkbook(rt);
    startNextCycle(rt);
    // Settings now say 2027 Q2; put 2027 Q1 back as if the user undid only Settings.
    sheet(rt, 'Settings').getRange('B3').setValue('2027 Q1');
    const before = snapshotCells(rt.emulator.spreadsheet);
    const alerts = startNextCycle(rt, null);
    expect(alerts).toHaveLength(3);
    expect(alerts[2]?.buttons).toBe('OK');
    expect(alerts[2]?.prompt).toContain(
      'A tab named "Corporate OKRs (2027 Q1)" already exists, so 2027 Q1 looks archived already.',
    );
    expect(alerts[2]?.prompt).toContain('Nothing was changed.');
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
  });

  it('changes nothing when the user says No', () => {
    const rt = runtime();
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet);
    const alerts = startNextCycle(rt, 'NO');
    expect(alerts).toHaveLength(1);
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
    expect(rt.emulator.calls.count('Range.setValues')).toBe(0);
    expect(rt.emulator.calls.count('Sheet.copyTo')).toBe(0);
  });

  // Fail the nth call of a method: during the archives (2nd copy's name, 3rd freeze) and
  // during the live writes (the 4 freezes come first, so the 7th setValues is a live column).
  it.each([
    ['Sheet.setName', 2],
    ['Range.setValues', 3],
    ['Range.setValues', 7],
  ])('undoes what it wrote when %s call %i fails', (failing, nth) => {
    const rt = runtime();
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet);
    const sheetsBefore = rt.emulator.spreadsheet.getSheets().map((s) => s.getName());
    const calls = rt.emulator.calls;
    const record = calls.record.bind(calls);
    let seen = 0;
    calls.record = (key: string) => {
      // An Error of the script's realm, as Apps Script's services throw.
      if (key === failing && ++seen === nth) throw rt.evaluate<Error>('new Error("Service Spreadsheets timed out")');
      record(key);
    };
    const alerts = startNextCycle(rt);
    calls.record = record;
    expect(alerts[1]?.prompt).toBe('Something went wrong: Service Spreadsheets timed out.\n\nNothing was changed.');
    expect(rt.emulator.spreadsheet.getSheets().map((s) => s.getName())).toEqual(sheetsBefore);
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
  });
});

/** The sample plus `n` generated key results on Team OKRs and `n` KPIs. */
function bigWorkbook(rt: AddonRuntime, n: number): void {
  const grids = writeSampleWorkbook(rt);
  const team = grids.team.map((r) => [...r]);
  for (let i = 0; i < n; i++) {
    const row = Array(team[0]?.length ?? 0).fill('');
    if (i % 4 === 0) Object.assign(row, { 0: `G-O${i}`, 1: 'Objective', 2: 'ENT-KR1', 3: 'Growth', 4: 'Objective' });
    // Current i % 12 of target 10: some finished (≥ 10), most carried; every third with an old due date.
    else
      Object.assign(row, {
        0: `G-KR${i}`,
        2: `G-O${i - (i % 4)}`,
        4: 'KR',
        6: 'increase',
        7: 0,
        8: 10,
        9: i % 12,
        14: i % 3 === 0 ? day(2027, 2, 1) : '',
      });
    team.push(row);
  }
  const kpis = grids.kpis.map((r) => [...r]);
  for (let i = 0; i < n; i++)
    kpis.push([
      `K${i}`,
      'Team',
      'Growth',
      'KPI',
      'Owner',
      'ENT-KR1',
      0,
      10,
      i % 12,
      'x',
      'increase',
      'weekly',
      day(2027, 3, 31),
      '',
      '',
      '',
    ]);
  writeGrids(rt, { team, kpis });
}

describe('Start next cycle service calls', () => {
  it('are the same for 100 and 5,000 rows', () => {
    const counts = [100, 5000].map((n) => {
      const rt = runtime();
      bigWorkbook(rt, n);
      rt.emulator.calls.reset();
      startNextCycle(rt);
      expect(rt.emulator.uiState.alerts[1]?.prompt, `${n} rows`).toContain('Started 2027 Q2');
      return rt.emulator.calls.snapshot();
    });
    expect(counts[1]).toEqual(counts[0]);
    // One freeze per archive (4), then one write per changed column: Corporate Start, Current (2);
    // Department Start, Current, Start date, Due date (4); Team Start, Current, Due date (3);
    // KPIs Baseline, Actual, Due date (3); Settings column B (1). 4 + 2 + 4 + 3 + 3 + 1 = 17.
    expect(counts[0]?.['Range.setValues']).toBe(17);
    // One read of each of the 5 tabs; the archives are frozen from those reads, never read back.
    expect(counts[0]?.['Range.getValues']).toBe(5);
  });
});

describe('Start next cycle on a workbook with the live formulas of Set up', () => {
  it('archives what it read, never a custom function still loading in a copy or the live tab', () => {
    const rt = runtime();
    rt.call('insertSampleOkrs');
    const settled = snapshotCells(rt.emulator.spreadsheet, ARCHIVED);
    // From here on, as in Sheets, each custom function reads Loading... until it has run.
    rt.emulator.customFunctions.setPending(true);
    const current = sheet(rt, 'Corporate OKRs').getRange('J3');
    const value = current.getValue();
    current.setValue(1);
    expect(sheet(rt, 'Corporate OKRs').getRange('P1').getValue()).toBe('Loading...');
    current.setValue(value);
    expect(sheet(rt, 'Corporate OKRs').getRange('P1:P3').getValues()).toEqual([['Loading...'], [''], ['']]);
    startNextCycle(rt);
    expect(rt.emulator.uiState.alerts.at(-1)?.prompt).toContain('Started 2027 Q2');
    for (const tab of ARCHIVED) {
      const archive = snapshotCells(rt.emulator.spreadsheet, [archiveOf(tab)])[archiveOf(tab)]?.values ?? [];
      expect(
        archive.flat().filter((v) => v === 'Loading...'),
        tab,
      ).toEqual([]);
      // Each live column holds the value it showed when settled.
      expect(archive, tab).toEqual(settled[tab]?.values);
    }
  });

  it('stops, changing nothing, when a cell it cannot recompute is still loading', () => {
    const rt = runtime();
    rt.call('insertSampleOkrs');
    const corporate = sheet(rt, 'Corporate OKRs');
    corporate.getRange('T1').setValue('My check');
    corporate.getRange('T2').setFormula('=OKRSCORE(H2, I2, J2)');
    rt.emulator.customFunctions.setPending(true);
    corporate.getRange('J2').setValue(5);
    const before = snapshotCells(rt.emulator.spreadsheet);
    startNextCycle(rt, null);
    expect(rt.emulator.uiState.alerts.at(-1)?.prompt).toContain(
      'Corporate OKRs!T2 still shows Loading... (a formula is still calculating).',
    );
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
  });

  it('leaves no Expected or Status error on any row of the new cycle', () => {
    const rt = runtime();
    rt.call('insertSampleOkrs');
    startNextCycle(rt);
    // Ten days into 2027 Q2 (2027-04-01 – 2027-06-30): expected 10/90 on rows on the cycle's dates.
    rt.emulator.env.now = () => new Date('2027-04-11T17:00:00Z');
    for (const tab of OKR_TABS) {
      const grid = values(rt, tab);
      const expected = column(grid, 16).slice(1);
      const status = column(grid, 17).slice(1);
      for (const [i, value] of expected.entries()) {
        const where = `${tab} row ${i + 2} (${grid[i + 1]?.[0]})`;
        expect(typeof value === 'number' || value === '', `${where} Expected: ${String(value)}`).toBe(true);
        expect(String(status[i]), `${where} Status`).not.toMatch(/^OKR|#/);
      }
    }
    const corporate = values(rt, 'Corporate OKRs');
    expect(corporate[1]?.[16]).toBeCloseTo(10 / 90, 12);
  });
});

/**
 * A catalogue of broken workbooks and what each action does with them. Every case
 * also checks that Build roll-up, Validate and Record snapshot leave every user tab
 * exactly as it was. Sample scores by hand: see rollup.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { MUTATING } from '../../local/emulator/faults';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { sampleWorkbook } from '../../src/core/workbook/sample';
import type { WorkbookGrids } from '../../src/core/workbook/workbook';
import { emulatedToday, generatedWorkbook, snapshotCells, writeGrids } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const USER_TABS = ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs', 'Settings', 'Check-ins'];
// Sample OKR columns (0-based): ID, Type, Parent ID, Unit, Title, Owner, Metric type, Start, Target, Current…
const PARENT = 2;
const TITLE = 4;
const START = 7;
const CURRENT = 9;

type Grid = unknown[][];
type Grids = { -readonly [K in keyof WorkbookGrids]-?: Grid };

let rt: AddonRuntime;
beforeEach(() => {
  rt = loadAddon(CLOCK);
});

function sample(): Grids {
  const grids = sampleWorkbook(emulatedToday(rt));
  return Object.fromEntries(Object.entries(grids).map(([k, g]) => [k, g.map((r) => [...r])])) as Grids;
}
const sheet = (name: string) => {
  const s = rt.emulator.spreadsheet.getSheetByName(name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};
const values = (name: string) => sheet(name).getDataRange().getValues();
const alerts = () => rt.emulator.uiState.alerts.map((a) => a.prompt);
/** Roll-up columns (0-based): Level, Title, ID, Type, Unit, Owner, Current, Target, Score, Expected, Gap, Status, …, Problem. */
const SCORE = 8;
const STATUS = 11;
const PROBLEM = 16;
/** Roll-up lines whose ID column matches. */
const rollupRow = (id: string) => values('Roll-up').find((r) => r[2] === id) as unknown[];
const findings = () => values('Validation').slice(2);

/** Runs the three actions; returns their alerts and checks that no user tab changed. */
function runAll(): { rollup: string; validate: string; snapshot: string } {
  const before = snapshotCells(rt.emulator.spreadsheet, USER_TABS);
  rt.call('buildRollup');
  rt.call('validateWorkbook');
  rt.call('recordSnapshot');
  expect(snapshotCells(rt.emulator.spreadsheet, USER_TABS)).toEqual(before);
  const [rollup = '', validate = '', snapshot = ''] = alerts().slice(-3);
  return { rollup, validate, snapshot };
}

describe('broken workbooks', () => {
  it('no OKR tabs at all: roll-up and snapshot say what to do; Validate lists the missing tabs', () => {
    const { rollup, validate, snapshot } = runAll();
    const message =
      'There are no OKR tabs yet. Run Set up workbook to create them, or Insert sample OKRs to see an example.';
    expect(rollup).toBe(message);
    expect(snapshot).toBe(message);
    expect(rt.emulator.spreadsheet.getSheetByName('Roll-up')).toBeNull();
    expect(rt.emulator.spreadsheet.getSheetByName('History')).toBeNull();
    expect(validate).toBe('3 warnings, listed on "Validation" with a link to each cell.');
    // A missing tab has no cell to link to.
    expect(findings()[0]).toEqual([
      'Warning',
      'Corporate OKRs',
      1,
      '',
      '',
      'there is no "Corporate OKRs" tab: run Set up workbook',
      '',
    ]);
  });

  it('a missing tab: the other tabs are reported, the alert names the one left out', () => {
    const grids = sample();
    const { team: _team, ...rest } = grids;
    writeGrids(rt, rest);
    const { rollup, snapshot } = runAll();
    // 10 corporate + 9 department rows.
    expect(rollup).toMatch(/^Roll-up: 19 rows, 0 unaligned\. Dashboard: 3 charts\./);
    expect(rollup).toContain('\n\nLeft out:\n• Team OKRs row 1: there is no "Team OKRs" tab: run Set up workbook');
    expect(snapshot).toBe('History: 19 rows recorded for 2027-02-15; 0 earlier rows kept.');
    expect(findings().some((r) => r[1] === 'Team OKRs' && r[0] === 'Warning')).toBe(true);
  });

  it('a missing required column: that tab is left out and its team objectives are unaligned', () => {
    const grids = sample();
    grids.department = grids.department.map((r) => r.filter((_, c) => c !== PARENT));
    writeGrids(rt, grids);
    const { rollup, snapshot } = runAll();
    // Corporate 10 rows aligned; the 18 team rows name department key results that are not read.
    expect(rollup).toMatch(/^Roll-up: 28 rows, 18 unaligned\./);
    expect(rollup).toContain(
      '• Department OKRs row 1 (Parent ID): missing column "Parent ID" (or "Parent", "Aligns to"): add it to the header row',
    );
    expect(rollupRow('ENT-O1')?.[PROBLEM]).toBe('Parent ID "SAL-KR2" names no row');
    expect(findings()[0]?.slice(0, 4)).toEqual(['Error', 'Department OKRs', 1, 'Parent ID']);
    expect(snapshot).toBe('History: 28 rows recorded for 2027-02-15; 0 earlier rows kept.');
  });

  it('headers renamed to their aliases: the same report as with our headers', () => {
    writeGrids(rt, sample());
    rt.call('buildRollup');
    const expected = values('Roll-up');
    rt = loadAddon(CLOCK);
    const grids = sample();
    for (const tab of [grids.corporate, grids.department, grids.team]) {
      const header = tab[0] as unknown[];
      header[PARENT] = '  aligns TO ';
      header[TITLE] = 'Objective';
      header[START] = 'Baseline';
      header[CURRENT] = 'Actual';
    }
    writeGrids(rt, grids);
    const { validate } = runAll();
    expect(values('Roll-up')).toEqual(expected);
    expect(validate).toBe('No problems found (37 OKR rows, 6 KPIs checked).');
  });

  it('extra user columns between ours: read around, never written', () => {
    writeGrids(rt, sample());
    rt.call('buildRollup');
    const expected = values('Roll-up');
    rt = loadAddon(CLOCK);
    const grids = sample();
    grids.corporate = grids.corporate.map((r, i) => [
      ...r.slice(0, 5),
      i === 0 ? 'My notes' : `=1+${i}`,
      ...r.slice(5),
    ]);
    writeGrids(rt, grids);
    runAll();
    expect(values('Roll-up')).toEqual(expected);
    // The user's formulas are still formulas (runAll also compared every cell).
    expect(sheet('Corporate OKRs').getRange('F3').getFormula()).toBe('=1+2');
  });

  it('blank rows in the middle: skipped, and findings name the real sheet row', () => {
    const grids = sample();
    const blank = Array(19).fill('');
    // Two blank lines after SAL-KR2 (sheet row 4): CS-KR1 moves from row 9 to row 11.
    grids.department.splice(4, 0, [...blank], [...blank]);
    (grids.department[10] as unknown[])[CURRENT] = 'n/a';
    writeGrids(rt, grids);
    const { rollup } = runAll();
    expect(rollup).toMatch(/^Roll-up: 37 rows, 0 unaligned\./);
    expect(findings()[0]?.slice(0, 5)).toEqual(['Error', 'Department OKRs', 11, 'Current (J)', 'CS-KR1']);
    const gid = sheet('Department OKRs').getSheetId();
    expect(sheet('Validation').getRange('G3').getFormula()).toBe(
      `=HYPERLINK("#gid=${gid}&range=J11","Department OKRs!J11")`,
    );
  });

  it('a duplicate ID: the first row counts, the second is listed as unaligned with its error', () => {
    const grids = sample();
    grids.team.push([
      'ENT-KR1',
      'Key Result',
      'ENT-O1',
      '',
      'Close 12 deals (copy)',
      'Tom Becker',
      'increase',
      0,
      12,
      12,
    ]);
    writeGrids(rt, grids);
    const { rollup, snapshot } = runAll();
    expect(rollup).toMatch(/^Roll-up: 38 rows, 1 unaligned\./);
    // ENT-O1 still scores (0.5 + 0.9)/2 = 0.7 from the first ENT-KR1, not the copy at 12/12.
    expect(rollupRow('ENT-O1')?.[SCORE]).toBeCloseTo(0.7, 12);
    const copy = values('Roll-up').filter((r) => r[2] === 'ENT-KR1')[1] as unknown[];
    expect(copy[STATUS]).toBe('Error');
    expect(copy[PROBLEM]).toContain('duplicate');
    expect(findings()).toContainEqual([
      'Error',
      'Team OKRs',
      20,
      'ID (A)',
      'ENT-KR1',
      'duplicate ID "ENT-KR1": Team OKRs row 3 already has it',
      'Team OKRs!A20',
    ]);
    // The copy is not a second history line for ENT-KR1.
    expect(snapshot).toBe('History: 37 rows recorded for 2027-02-15; 0 earlier rows kept.');
  });

  it('a cycle of Parent IDs: its rows have no score and are unaligned; Validate names the cycle', () => {
    const grids = sample();
    // ENT-O1 (row 2) aligns to its own key result ENT-KR1 (row 3): ENT-O1 → ENT-KR1 → ENT-O1.
    (grids.team[1] as unknown[])[PARENT] = 'ENT-KR1';
    writeGrids(rt, grids);
    const { rollup } = runAll();
    // ENT-O1, ENT-KR1 and ENT-KR2 (under ENT-O1) leave the tree.
    expect(rollup).toMatch(/^Roll-up: 37 rows, 3 unaligned\./);
    expect(rollupRow('ENT-O1')?.[STATUS]).toBe('Error');
    expect(rollupRow('ENT-O1')?.[PROBLEM]).toMatch(/cycle/i);
    const cycle = findings().filter((r) => /cycle/i.test(String(r[5])));
    expect(cycle.map((r) => [r[1], r[2], r[4]])).toEqual([
      ['Team OKRs', 2, 'ENT-O1'],
      ['Team OKRs', 3, 'ENT-KR1'],
    ]);
  });

  it('an unknown parent: the subtree is unaligned with the reason', () => {
    const grids = sample();
    (grids.team[1] as unknown[])[PARENT] = 'SAL-KR9';
    writeGrids(rt, grids);
    const { rollup } = runAll();
    // ENT-O1 and its two key results.
    expect(rollup).toMatch(/^Roll-up: 37 rows, 3 unaligned\./);
    const grid = values('Roll-up');
    const start = grid.findIndex((r) => r[0] === 'Unaligned (3)');
    expect(grid.slice(start + 3, start + 6).map((r) => [r[2], r[1], r[PROBLEM]])).toEqual([
      ['ENT-O1', 'Land flagship enterprise accounts', 'Parent ID "SAL-KR9" names no row'],
      ['ENT-KR1', '    Close 12 enterprise deals', ''],
      ['ENT-KR2', '    Run 30 executive briefings', ''],
    ]);
  });

  it('text in a number cell: that key result shows the error, its objective scores without it', () => {
    const grids = sample();
    (grids.corporate[2] as unknown[])[CURRENT] = 'about 9M';
    writeGrids(rt, grids);
    runAll();
    const kr = rollupRow('C-KR1');
    expect([kr[SCORE], kr[STATUS]]).toEqual(['', 'Error']);
    expect(kr[PROBLEM]).toContain('"about 9M"');
    // C-O1 without C-KR1: (1·1 + 1·0.5875)/2 = 0.79375.
    expect(rollupRow('C-O1')?.[SCORE]).toBeCloseTo(0.79375, 12);
    const history = values('History').find((r) => r[2] === 'C-KR1') as unknown[];
    expect([history[4], history[6]]).toEqual(['', '']);
  });

  it("a user's sheet named Validation is left alone", () => {
    writeGrids(rt, sample());
    rt.emulator.spreadsheet.insertSheet('Validation').getRange('A1').setValue('my checklist');
    const { validate } = runAll();
    expect(values('Validation')).toEqual([['my checklist']]);
    expect(validate).toBe(
      'No problems found (37 OKR rows, 6 KPIs checked).\n' +
        'A sheet of yours is named "Validation", so it was left alone and the list is on "Validation (OKR Cascade)".',
    );
  });

  it('5,000 rows: every action completes and reports them all', () => {
    writeGrids(rt, generatedWorkbook(5_000, emulatedToday(rt)));
    const { rollup, snapshot } = runAll();
    expect(rollup).toMatch(/^Roll-up: 5000 rows, 0 unaligned\./);
    expect(snapshot).toBe('History: 5000 rows recorded for 2027-02-15; 0 earlier rows kept.');
    expect(values('History')).toHaveLength(5_001);
  });
  it('user sheets named like every sheet the add-on makes are left alone; each message says where it wrote', () => {
    const { history: _history, checkIns: _checkIns, ...rest } = sample();
    writeGrids(rt, rest);
    const ss = rt.emulator.spreadsheet;
    const theirs = ['Roll-up', 'Dashboard', 'Validation', 'Rollout Plan', 'History', 'Check-ins'];
    for (const name of theirs) {
      ss.insertSheet(name)
        .getRange('A1:B2')
        .setValues([
          [`my ${name}`, 'notes'],
          ['=1+1', 'keep me'],
        ]);
    }
    const mine = snapshotCells(ss, theirs);
    const say = (name: string, where: string, what = 'report') =>
      `A sheet of yours is named "${name}", so it was left alone and the ${what} is on "${where} (OKR Cascade)".`;
    for (let run = 1; run <= 2; run++) {
      const { rollup, validate, snapshot } = runAll();
      expect(rollup).toContain(say('Roll-up', 'Roll-up'));
      expect(rollup).toContain(say('Dashboard', 'Dashboard'));
      expect(validate).toContain(say('Validation', 'Validation', 'list'));
      const replaced = run === 1 ? '' : ' (replacing the 37 recorded earlier today)';
      expect(snapshot).toBe(
        `History (OKR Cascade): 37 rows recorded for 2027-02-15${replaced}; 0 earlier rows kept.\n` +
          say('History', 'History', 'log'),
      );
      rt.emulator.uiState.answerNext({ button: 'OK', text: '2027-03-01' });
      rt.call('generateRolloutPlan');
      expect(alerts().at(-1)).toContain(
        'Your own sheet "Rollout Plan" was left as it is; the plan is on "Rollout Plan (OKR Cascade)".',
      );
      const checkIn = rt.call('recordCheckIn', {
        id: 'SAL-KR1',
        seen: run === 1 ? 4_000_000 : 4_100_000 + run - 2,
        value: String(4_100_000 + run - 1),
        confidence: '',
        comment: '',
      }) as { message: string };
      expect(checkIn.message).toContain(say('Check-ins', 'Check-ins', 'log'));
      // Their sheets are as they were; ours are found again by their marks, never a second copy.
      expect(snapshotCells(ss, theirs)).toEqual(mine);
      expect(
        ss
          .getSheets()
          .map((s) => s.getName())
          .filter((n) => n.includes('OKR Cascade')),
      ).toEqual([
        'Roll-up (OKR Cascade)',
        'Dashboard (OKR Cascade)',
        'Validation (OKR Cascade)',
        'History (OKR Cascade)',
        'Rollout Plan (OKR Cascade)',
        'Check-ins (OKR Cascade)',
      ]);
    }
    expect(values('Check-ins (OKR Cascade)').map((r) => r.slice(1, 4))).toEqual([
      ['ID', 'Old value', 'New value'],
      ['SAL-KR1', 4_000_000, 4_100_000],
      ['SAL-KR1', 4_100_000, 4_100_001],
    ]);
    // The sidebar's history of a key result comes from the add-on's log, not from their sheet.
    const history = rt.call('checkInHistory', { id: 'SAL-KR1' }) as { total: number };
    expect(history.total).toBe(2);
  });

  it('50,000-character cells: every action completes, and text it copies is cut to fit with an ellipsis', () => {
    const grids = sample();
    const longTitle = 'T'.repeat(50_000);
    const longUnit = `Enterprise ${'U'.repeat(49_989)}`;
    const objective = grids.team[1] as unknown[]; // ENT-O1, a team objective
    objective[TITLE] = longTitle;
    objective[3] = longUnit;
    (grids.team[2] as unknown[])[CURRENT] = `about ${'9'.repeat(49_994)}`;
    writeGrids(rt, grids);
    const { rollup, validate, snapshot } = runAll();
    for (const text of [rollup, validate, snapshot]) expect(text).not.toMatch(/went wrong/);
    // Indented in the Roll-up, the title is one character too long: cut, with an ellipsis.
    const title = String(rollupRow('ENT-O1')?.[1]);
    expect(title).toHaveLength(50_000);
    expect(title.endsWith('…')).toBe(true);
    expect(title).toMatch(/^\s*TTT/);
    for (const name of ['Roll-up', 'Dashboard', 'Validation', 'History']) {
      for (const row of values(name)) for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(50_000);
    }
    expect(values('History').find((r) => r[2] === 'ENT-O1')?.[3]).toBe(longTitle);

    rt.emulator.uiState.answerNext({ button: 'OK', text: '2027-03-01' });
    rt.call('generateRolloutPlan');
    expect(alerts().at(-1)).toMatch(/^Wrote "Rollout Plan"/);
    const plan = values('Rollout Plan');
    const keyColumn = (plan[2] ?? []).indexOf('Key');
    const rows = plan.filter((r) => String(r[7]).startsWith('Enterprise UUU'));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(String(row[7])).toBe(longUnit);
      // The hidden key stays short whatever the unit's name.
      expect(String(row[keyColumn]).length).toBeLessThanOrEqual(120);
    }
    for (const row of plan) for (const cell of row) expect(String(cell).length).toBeLessThanOrEqual(50_000);
    // Regenerating finds those rows again by their short keys: nothing added, nothing dropped.
    rt.emulator.uiState.answerNext({ button: 'OK', text: '2027-03-01' });
    rt.call('generateRolloutPlan');
    expect(alerts().at(-1)).toMatch(/^Updated "Rollout Plan"/);
    expect(alerts().at(-1)).not.toMatch(/Added rows|Dropped rows/);
  });

  it('a sustained outage during Start next cycle: complete archives told from unfinished ones, changed cells named', () => {
    writeGrids(rt, sample());
    // Which change is which: a dry run records the order of the document-changing calls.
    const order: string[] = [];
    const dry = loadAddon(CLOCK);
    writeGrids(dry, sample());
    const dryFaults = dry.emulator.faults;
    const dryBefore = dryFaults.before.bind(dryFaults);
    dryFaults.before = (key: string) => {
      dryBefore(key);
      if (MUTATING.has(key)) order.push(key);
    };
    dry.emulator.uiState.answerNext({ button: 'YES' });
    dry.call('startNextCycle');
    expect(dry.emulator.uiState.alerts.at(-1)?.prompt).not.toMatch(/went wrong/);
    // Each archive ends with its protection; the live writes come after the last one.
    const archived = order.lastIndexOf('Protection.setWarningOnly') + 1;
    const secondArchive =
      order.indexOf('Protection.setWarningOnly', order.indexOf('Protection.setWarningOnly') + 1) + 1;

    const outage = (nth: number) => {
      rt = loadAddon(CLOCK);
      writeGrids(rt, sample());
      const cells = snapshotCells(rt.emulator.spreadsheet, USER_TABS);
      rt.emulator.faults.set({ nth, sustained: true });
      rt.emulator.uiState.answerNext({ button: 'YES' });
      rt.call('startNextCycle');
      rt.emulator.faults.clear();
      return { message: alerts().at(-1) ?? '', cells, now: snapshotCells(rt.emulator.spreadsheet, USER_TABS) };
    };

    // From the second live write on: every archive is whole, one block of live cells stays changed.
    const late = outage(archived + 2);
    expect(late.message).toMatch(/^Something went wrong: Service Spreadsheets failed while accessing document/);
    for (const tab of ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs']) {
      expect(late.message).toContain(
        `the archive "${tab} (2027 Q1)", complete (it holds the old cycle as it was read): delete it before you start the next cycle again`,
      );
    }
    expect(late.message).not.toMatch(/unfinished/);
    expect(late.now).not.toEqual(late.cells);
    expect(late.message).toMatch(
      /• (Corporate|Department|Team) OKRs![A-Z]+\d+(:[A-Z]+\d+)? \((Start|Current|Start date|Due date)\)/,
    );
    expect(late.message).toContain('Nothing else was changed.');

    // Part-way through the third archive (copied and named, not yet frozen): the first two are
    // whole, the third may be half made.
    const early = outage(secondArchive + 3);
    expect(early.message).toContain('the archive "Corporate OKRs (2027 Q1)", complete');
    expect(early.message).toContain('the archive "Department OKRs (2027 Q1)", complete');
    expect(early.message).toContain(
      '"Team OKRs (2027 Q1)": an unfinished archive, which may not hold the old cycle as it was; delete it',
    );
    expect(early.message).not.toMatch(/Team OKRs \(2027 Q1\)", complete/);
    // No live cell was written yet.
    expect(early.now).toEqual(early.cells);
  });
});

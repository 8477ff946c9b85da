import { describe, expect, it } from 'vitest';
import {
  type Cycle,
  confirmationText,
  type NextCycleInput,
  type NextCyclePlan,
  nextCycleName,
  planNextCycle,
  proposeNextCycle,
  summaryText,
} from '../../../src/core/workbook/next-cycle';
import type { Grid } from '../../../src/core/workbook/table';
import { AS_OF, day, insertColumn, type MutableGrid, removeColumn, renameHeader, sample, setCell } from './helpers';

const cycle = (name: string, start: number, end: number): Cycle => ({ name, start, end });

describe('proposeNextCycle', () => {
  it('follows a quarter with the next quarter: 2027 Q1 → 2027 Q2', () => {
    // Jan 1 + 3 months − 1 day = Mar 31, so the cycle is 3 whole months; Apr 1 + 3 months − 1 = Jun 30.
    expect(proposeNextCycle(cycle('2027 Q1', day(2027, 1, 1), day(2027, 3, 31)))).toEqual(
      cycle('2027 Q2', day(2027, 4, 1), day(2027, 6, 30)),
    );
  });

  it('carries the year over: 2027 Q4 → 2028 Q1, also in other spellings', () => {
    const q4 = (name: string) => proposeNextCycle(cycle(name, day(2027, 10, 1), day(2027, 12, 31)));
    expect(q4('2027 Q4')).toEqual(cycle('2028 Q1', day(2028, 1, 1), day(2028, 3, 31)));
    expect(q4('Q4 2027').name).toBe('Q1 2028');
    expect(q4('2027-Q4').name).toBe('2028-Q1');
    expect(q4('FY27 Q4').name).toBe('FY28 Q1');
    expect(q4('Q4 FY2027').name).toBe('Q1 FY2028');
    expect(q4('q4').name).toBe('q1');
  });

  it('keeps quarters of a fiscal year that does not start in January', () => {
    // Feb 1 → Apr 30 is 3 whole months; May 1 + 3 months − 1 = Jul 31.
    expect(proposeNextCycle(cycle('FY27 Q4', day(2027, 2, 1), day(2027, 4, 30)))).toEqual(
      cycle('FY28 Q1', day(2027, 5, 1), day(2027, 7, 31)),
    );
  });

  it('follows a month with the next month, across a leap February', () => {
    // 2028 is a leap year: February has 29 days, so Feb 1 → Feb 29 is one whole month.
    expect(proposeNextCycle(cycle('February 2028', day(2028, 2, 1), day(2028, 2, 29)))).toEqual(
      cycle('March 2028', day(2028, 3, 1), day(2028, 3, 31)),
    );
    // Jan 31 days → Feb 2028 has 29: the next month ends on the 29th.
    expect(proposeNextCycle(cycle('Jan 2028', day(2028, 1, 1), day(2028, 1, 31)))).toEqual(
      cycle('Feb 2028', day(2028, 2, 1), day(2028, 2, 29)),
    );
    expect(proposeNextCycle(cycle('DEC 2027', day(2027, 12, 1), day(2027, 12, 31))).name).toBe('JAN 2028');
    expect(proposeNextCycle(cycle('2027-12', day(2027, 12, 1), day(2027, 12, 31))).name).toBe('2028-01');
  });

  it('counts days when the cycle is not whole months, leap day included', () => {
    // Feb 1 → Feb 28 2028 is 27 days after its start, one day short of the leap month:
    // the next cycle starts Feb 29 and ends 27 days later, Mar 27.
    expect(proposeNextCycle(cycle('Cycle 3', day(2028, 2, 1), day(2028, 2, 28)))).toEqual(
      cycle('Cycle 4', day(2028, 2, 29), day(2028, 3, 27)),
    );
    // A two-week sprint: Jan 4 → Jan 17, then Jan 18 → Jan 31.
    expect(proposeNextCycle(cycle('Sprint 09', day(2027, 1, 4), day(2027, 1, 17)))).toEqual(
      cycle('Sprint 10', day(2027, 1, 18), day(2027, 1, 31)),
    );
  });

  it('names halves and years', () => {
    expect(proposeNextCycle(cycle('H2 2027', day(2027, 7, 1), day(2027, 12, 31)))).toEqual(
      cycle('H1 2028', day(2028, 1, 1), day(2028, 6, 30)),
    );
    // A whole year, 2028 leap: Jan 1 → Dec 31.
    expect(proposeNextCycle(cycle('2027', day(2027, 1, 1), day(2027, 12, 31)))).toEqual(
      cycle('2028', day(2028, 1, 1), day(2028, 12, 31)),
    );
  });

  it('falls back to "(next)" for a name it does not recognise', () => {
    expect(nextCycleName('Spring push', 3)).toBe('Spring push (next)');
    expect(nextCycleName('Spring push (next)', 3)).toBe('Spring push (next 2)');
    expect(nextCycleName('Spring push (next 2)', 3)).toBe('Spring push (next 3)');
    // A lone year on a quarter-long cycle is not a quarter name: do not guess "2028".
    expect(nextCycleName('2027', 3)).toBe('2027 (next)');
  });
});

type Grids = ReturnType<typeof sample>;

function input(grids: Grids, extra: Partial<NextCycleInput> = {}): NextCycleInput {
  return {
    grids: {
      corporate: grids.corporate,
      department: grids.department,
      team: grids.team,
      kpis: grids.kpis,
      settings: grids.settings,
    },
    formulas: {},
    sheetNames: ['Corporate OKRs', 'Department OKRs', 'Team OKRs', 'KPIs', 'Settings', 'Check-ins', 'History'],
    asOfDay: AS_OF,
    ...extra,
  };
}

function plan(grids: Grids, extra: Partial<NextCycleInput> = {}): NextCyclePlan {
  const result = planNextCycle(input(grids, extra));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(grids: Grids, extra: Partial<NextCycleInput> = {}): string {
  const result = planNextCycle(input(grids, extra));
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

/** row → new value for one column of one tab, as the plan writes it. */
function changes(p: NextCyclePlan, tab: string, header: string): Record<number, unknown> {
  const column = p.columns.find((c) => c.tab === tab && c.header === header);
  return Object.fromEntries((column?.changes ?? []).map((c) => [c.row, c.value]));
}

const ids = (refs: readonly { id: string }[]) => refs.map((r) => r.id);

describe('planNextCycle on the sample company (2027 Q1, as of 2027-02-15)', () => {
  const p = plan(sample());

  it('archives the three OKR tabs and KPIs under the old cycle name', () => {
    expect(p.oldCycle).toEqual(cycle('2027 Q1', day(2027, 1, 1), day(2027, 3, 31)));
    expect(p.newCycle).toEqual(cycle('2027 Q2', day(2027, 4, 1), day(2027, 6, 30)));
    expect(p.archives.map((a) => a.name)).toEqual([
      'Corporate OKRs (2027 Q1)',
      'Department OKRs (2027 Q1)',
      'Team OKRs (2027 Q1)',
      'KPIs (2027 Q1)',
    ]);
  });

  it('carries unfinished key results over: Start := last Current, Current cleared', () => {
    // C-KR1 (row 3): (8.6M − 8M) / (10M − 8M) = 0.3 < 1. C-KR4 (row 7): (0.024 − 0.03) / (0.015 − 0.03) = 0.4.
    expect(changes(p, 'Corporate OKRs', 'Start')).toEqual({ 3: 8_600_000, 7: 0.024 });
    expect(changes(p, 'Corporate OKRs', 'Current')).toEqual({ 3: '', 7: '' });
    // SAL-KR1 (row 3) 0.5, PRD-KR1 (row 6) milestone 0.6, CS-KR1 (row 9) (5 − 8) / (2 − 8) = 0.5.
    expect(changes(p, 'Department OKRs', 'Start')).toEqual({ 3: 4_000_000, 6: 0.6, 9: 5 });
    // ENT-KR1 6/12, ENT-KR2 27/30, SMB-KR1 0.3, GRO-KR1 0.75, GRO-KR2 0.25, SUP-KR1 62 > 50 → 0,
    // SUP-KR2 60/80, ONB-KR1 12/16. PLT-KR1 (row 9) is still at 48: it scores 0 and starts again from 48.
    expect(changes(p, 'Team OKRs', 'Start')).toEqual({
      3: 6,
      4: 27,
      6: 0.13,
      9: 48,
      12: 0.5,
      13: 0.25,
      15: 62,
      16: 100,
      18: 18,
    });
    expect(Object.keys(changes(p, 'Team OKRs', 'Current')).map(Number)).toEqual([3, 4, 6, 9, 12, 13, 15, 16, 18]);
    expect(ids(p.carried)).toEqual([
      'C-KR1',
      'C-KR4',
      'SAL-KR1',
      'PRD-KR1',
      'CS-KR1',
      'ENT-KR1',
      'ENT-KR2',
      'SMB-KR1',
      'PLT-KR1',
      'GRO-KR1',
      'GRO-KR2',
      'SUP-KR1',
      'SUP-KR2',
      'ONB-KR1',
    ]);
  });

  it('leaves finished key results, objectives and roll-up key results alone; nothing is deleted', () => {
    // C-KR2 1.12 ≥ 1.1, C-KR7 3 ≤ 5, SMB-KR2 done, PLT-KR2 0.9995 ≥ 0.999, ONB-KR2 55 ≥ 50.
    expect(ids(p.finished)).toEqual(['C-KR2', 'C-KR7', 'SMB-KR2', 'PLT-KR2', 'ONB-KR2']);
    expect(p.objectives).toBe(12); // 3 corporate + 3 department + 6 team
    expect(p.rolledUp).toBe(6); // C-KR3, C-KR5, C-KR6, SAL-KR2, PRD-KR2, CS-KR2
    const written = new Set(p.columns.map((c) => c.header));
    // Only these input columns (and the Settings value column, named by its first key) are written.
    expect([...written].sort()).toEqual([
      'Actual',
      'Baseline',
      'Current',
      'Cycle name',
      'Due date',
      'Start',
      'Start date',
    ]);
  });

  it('clears per-row dates from the old cycle on every row, finished ones included', () => {
    // PRD-KR1 (row 6) runs Jan 15 → Mar 15: both before Apr 1. SMB-KR2 (row 7, due Feb 26) is
    // done, but a due date before Apr 1 would make its Expected an error in 2027 Q2: cleared too.
    expect(changes(p, 'Department OKRs', 'Start date')).toEqual({ 6: '' });
    expect(changes(p, 'Department OKRs', 'Due date')).toEqual({ 6: '' });
    expect(changes(p, 'Team OKRs', 'Due date')).toEqual({ 7: '' });
    expect(p.datesCleared).toBe(3);
  });

  it('rolls KPIs over below target and moves every Due date to the new cycle end', () => {
    // KPI-1 (row 2) 55k/170k, KPI-2 0.03/0.07, KPI-3 3/6, KPI-5 30/80, KPI-6 0.04/0.08: all < 1.
    expect(changes(p, 'KPIs', 'Baseline')).toEqual({ 2: 715_000, 3: 0.21, 4: 5, 6: 150, 7: 0.86 });
    expect(changes(p, 'KPIs', 'Actual')).toEqual({ 2: '', 3: '', 4: '', 6: '', 7: '' });
    // KPI-4 (row 5): 0.9995 ≥ 0.999 stays above its target: kept.
    expect(ids(p.kpisReached)).toEqual(['KPI-4']);
    const end = day(2027, 6, 30);
    expect(changes(p, 'KPIs', 'Due date')).toEqual({ 2: end, 3: end, 4: end, 5: end, 6: end, 7: end });
  });

  it('sets the new cycle in the Settings value cells (rows 3–5, column B), as one column block', () => {
    const settings = p.columns.filter((c) => c.tab === 'Settings');
    expect(settings.map((c) => c.column)).toEqual([1]);
    expect(settings[0]?.changes).toEqual([
      { row: 3, value: '2027 Q2', date: false },
      { row: 4, value: day(2027, 4, 1), date: true },
      { row: 5, value: day(2027, 6, 30), date: true },
    ]);
    expect(p.appendSettings).toEqual([]);
  });

  it('says what it will do before, and what it did after', () => {
    const question = confirmationText(p);
    expect(question).toContain('Start 2027 Q2 (2027-04-01 – 2027-06-30) after 2027 Q1?');
    // 2027-03-31 − 2027-02-15 = 13 days left in February + 31 in March = 44.
    expect(question).toContain('2027 Q1 still runs until 2027-03-31 (44 days from today)');
    expect(question).toContain(
      'Archive Corporate OKRs, Department OKRs, Team OKRs and KPIs as frozen copies named "… (2027 Q1)"',
    );
    expect(question).toContain('Carry 14 unfinished key results over');
    expect(question).toContain(
      'Leave 5 finished key results, 12 objectives and 6 key results scored by roll-up as they are. Nothing is deleted',
    );
    expect(question).toContain('roll 5 KPIs over');
    const summary = summaryText(p);
    expect(summary).toContain('Started 2027 Q2 (2027-04-01 – 2027-06-30).');
    expect(summary).toContain('Carried 14 unfinished key results over');
    expect(summary).toContain('Team OKRs (2027 Q1)');
  });
});

describe('planNextCycle refuses before anything is written', () => {
  it('when the archive of this cycle exists already (compared case-insensitively)', () => {
    const names = ['Corporate OKRs', 'Team OKRs', 'KPIs', 'Settings', 'team okrs (2027 q1)'];
    expect(refusal(sample(), { sheetNames: names })).toContain(
      'A tab named "Team OKRs (2027 Q1)" already exists, so 2027 Q1 looks archived already.',
    );
  });

  it('without a Settings tab, without OKR tabs, or with a required column missing', () => {
    const grids = sample();
    expect(refusal(grids, { grids: { ...input(grids).grids, settings: undefined } })).toContain(
      'There is no Settings tab',
    );
    expect(refusal(grids, { grids: { settings: grids.settings, kpis: grids.kpis } })).toContain(
      'There are no OKR tabs',
    );
    removeColumn(grids.team, 'Parent ID');
    expect(refusal(grids)).toContain('Team OKRs row 1 (Parent ID): missing column "Parent ID"');
  });

  it('when a cycle setting is bad, naming the cell', () => {
    const grids = sample();
    (grids.settings[4] as unknown[])[1] = 'end of March';
    expect(refusal(grids)).toMatch(/^Settings!B5 \(Cycle end\): .*Fix the cycle in Settings first/);
  });
});

describe('planNextCycle edge cases', () => {
  it('keeps a Due date set beyond the old cycle, clears a Start date from it', () => {
    const grids = sample();
    setCell(grids.team, 'ENT-KR1', 'Start date', day(2027, 1, 10));
    setCell(grids.team, 'ENT-KR1', 'Due date', day(2027, 5, 15));
    const p = plan(grids);
    expect(changes(p, 'Team OKRs', 'Start date')).toEqual({ 3: '' });
    // ENT-KR1's May 15 stays; only SMB-KR2's Feb 26 (row 7) goes.
    expect(changes(p, 'Team OKRs', 'Due date')).toEqual({ 7: '' });
  });

  it('finds columns by header, aliases and user columns included', () => {
    const grids = sample();
    renameHeader(grids.corporate, 'Start', 'Baseline');
    insertColumn(grids.corporate, 'Current', 'Forecast', 'user text');
    const p = plan(grids);
    const corporate = p.columns.filter((c) => c.tab === 'Corporate OKRs').map((c) => [c.header, c.column]);
    // Baseline stays column H (7); Current moved right of the user's Forecast column: K (10).
    expect(corporate).toEqual([
      ['Baseline', 7],
      ['Current', 10],
    ]);
    expect(changes(p, 'Corporate OKRs', 'Baseline')).toEqual({ 3: 8_600_000, 7: 0.024 });
  });

  it('leaves a key result with an error alone and names its cell', () => {
    const grids = sample();
    setCell(grids.corporate, 'C-KR1', 'Current', 'about 9M');
    const p = plan(grids);
    expect(changes(p, 'Corporate OKRs', 'Start')).toEqual({ 7: 0.024 });
    expect(p.broken).toEqual(['Corporate OKRs!J3 (Current): current is not a number: "about 9M"']);
    expect(confirmationText(p)).toContain(
      '1 key result has errors and will be left unchanged:\n    Corporate OKRs!J3 (Current)',
    );
  });

  it('never overwrites a formula: a Start formula stops the move, a Current header formula keeps Current', () => {
    const grids = sample();
    const formulas: MutableGrid = grids.corporate.map((row) => row.map(() => ''));
    (formulas[2] as unknown[])[7] = '=8600000'; // C-KR1's Start (H3)
    (formulas[0] as unknown[])[9] = '={"Current"; ARRAYFORMULA(Data!B2:B)}'; // J1 fills Current
    const p = plan(grids, { formulas: { corporate: formulas as Grid } });
    // C-KR1: Start holds a formula, so nothing moves; C-KR4's Start still takes its Current.
    expect(changes(p, 'Corporate OKRs', 'Start')).toEqual({ 7: 0.024 });
    expect(changes(p, 'Corporate OKRs', 'Current')).toEqual({});
    expect(p.formulaCells).toEqual(['Corporate OKRs!H3 (Start)', 'Corporate OKRs!J7 (Current)']);
  });

  it('without a Start column keeps Current; missing cycle keys are appended to Settings', () => {
    const grids = sample();
    removeColumn(grids.corporate, 'Start');
    grids.settings.splice(2, 1); // no "Cycle name" row: the default name of the quarter applies
    const p = plan(grids);
    expect(changes(p, 'Corporate OKRs', 'Current')).toEqual({});
    expect(p.oldCycle.name).toBe('2027 Q1');
    expect(p.appendSettings).toEqual([['Cycle name', '2027 Q2']]);
  });
});

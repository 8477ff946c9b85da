import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/core/workbook/findings';
import { parseOkrTabs } from '../../../src/core/workbook/okr-rows';
import { addRow, day, insertColumn, renameHeader, sample, setCell } from './helpers';

describe('parseOkrTabs on the sample company', () => {
  const tabs = parseOkrTabs(sample());

  it('reads every row of the three tabs, corporate first, without problems', () => {
    expect(tabs.problems).toEqual([]);
    // 10 corporate rows (3 objectives + 7 key results), 9 department (3 + 6), 18 team (6 + 12).
    expect(tabs.rows.map((r) => r.level)).toEqual([
      ...Array(10).fill('Corporate'),
      ...Array(9).fill('Department'),
      ...Array(18).fill('Team'),
    ]);
    expect(tabs.rows.filter((r) => r.kind === 'Objective')).toHaveLength(12);
  });

  it('keeps sheet rows, raw values, and reads type aliases and blank types', () => {
    const byId = new Map(tabs.rows.map((r) => [r.id, r]));
    const kr4 = byId.get('C-KR4');
    expect(kr4).toMatchObject({
      tab: 'Corporate OKRs',
      row: 7,
      kind: 'Key Result',
      start: 0.03,
      metricType: 'decrease',
    });
    // ENT-KR2 has a blank Type and a Target: a key result.
    expect(byId.get('ENT-KR2')?.kind).toBe('Key Result');
    expect(byId.get('C-KR1')?.weight).toEqual({ ok: true, value: 2 });
    expect(byId.get('C-KR2')?.weight).toEqual({ ok: true, value: 1 });
    expect(byId.get('C-KR2')?.metricType).toBe('stay above'); // "at least"
    expect(byId.get('PRD-KR1')?.startDate).toEqual({ ok: true, value: day(2027, 1, 15) });
  });

  it('shows the numbers of a metric problem in the row’s unit (§1.2), as the cells show them', () => {
    const grids = sample();
    setCell(grids.corporate, 'C-KR4', 'Metric type', 'increase'); // a decrease from 3.0% to 1.5%
    setCell(grids.corporate, 'C-KR1', 'Metric type', 'decrease'); // an increase from $8M to $10M
    const problems = parseOkrTabs(grids).problems.map(formatFinding);
    expect(problems).toContain(
      'Corporate OKRs!G7 (Metric type): increase needs a target above the start (start 3%, target 1.5%)',
    );
    expect(problems).toContain(
      'Corporate OKRs!G3 (Metric type): decrease needs a target below the start (start $8,000,000, target $10,000,000)',
    );
  });

  it('gives a key result with a blank Unit its objective’s', () => {
    const byId = new Map(tabs.rows.map((r) => [r.id, r]));
    expect(byId.get('ENT-KR1')).toMatchObject({ ownUnit: '', unit: 'Enterprise Sales' });
    expect(byId.get('C-KR7')?.unit).toBe('Company');
  });
});

describe('reading a messy tab', () => {
  it('survives renamed headers, user columns between ours, and blank rows in the middle', () => {
    const grids = sample();
    renameHeader(grids.team, 'Title', 'Objective');
    renameHeader(grids.team, 'Parent ID', 'aligns to');
    renameHeader(grids.team, 'Start', ' BASELINE ');
    insertColumn(grids.team, 'Owner', 'Sprint', 'S1');
    insertColumn(grids.team, 'Score', 'Comment', '');
    grids.team.splice(4, 0, ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '']);
    grids.team.splice(9, 0, []);
    const tabs = parseOkrTabs(grids);
    expect(tabs.problems).toEqual([]);
    expect(tabs.tables.Team.header.userColumns.map((c) => c.header)).toEqual(['Sprint', 'Comment']);
    const team = tabs.rows.filter((r) => r.level === 'Team');
    expect(team).toHaveLength(18);
    // SMB-O1 was on sheet row 5; one blank row above it now: row 6.
    expect(team.find((r) => r.id === 'SMB-O1')?.row).toBe(6);
    expect(team.find((r) => r.id === 'SMB-O1')?.title).toBe('Scale the self-serve sales funnel');
    expect(team.find((r) => r.id === 'ENT-KR1')?.start).toBe(0);
  });

  it('skips a row whose only content is in computed columns', () => {
    const grids = sample();
    addRow(grids.team, { Score: '', Expected: 0.5, Status: '' });
    expect(parseOkrTabs(grids).rows.filter((r) => r.level === 'Team')).toHaveLength(18);
  });

  it('names tab, cell, column and value of each bad cell', () => {
    const grids = sample();
    setCell(grids.team, 'ENT-KR1', 'Start', 'abc'); // row 3 → H3
    setCell(grids.team, 'ENT-KR2', 'Weight', -1);
    setCell(grids.team, 'SMB-KR1', 'Metric type', 'sideways');
    setCell(grids.team, 'GRO-KR1', 'Start date', 'soon');
    setCell(grids.team, 'GRO-KR2', 'Confidence', 11);
    setCell(grids.team, 'SUP-KR2', 'Type', 'Goal');
    setCell(grids.team, 'ONB-KR1', 'Target', 30);
    setCell(grids.team, 'ONB-KR2', 'Target', '');
    const messages = parseOkrTabs(grids).problems.map((p) => `${p.rule} ${formatFinding(p)}`);
    expect(messages).toEqual([
      'bad-number Team OKRs!H3 (Start): start is not a number: "abc"',
      'bad-weight Team OKRs!L4 (Weight): weight must be 0 or more (not -1)',
      'bad-metric-type Team OKRs!G6 (Metric type): unknown metric type "sideways" (use increase, decrease, stay above, stay below, binary or milestone)',
      'bad-date Team OKRs!N12 (Start date): start date is not a date: "soon" (use a date, or text like 2027-01-15)',
      'bad-number Team OKRs!M13 (Confidence): confidence must be from 0 to 10 (not 11)',
      'bad-type Team OKRs!B16 (Type): Type must be Objective or Key Result (or O, KR), not "Goal"',
      'start-equals-target Team OKRs!I18 (Target): target equals start: use stay above or stay below for a value to hold',
      'missing-value Team OKRs!I19 (Target): missing target',
    ]);
  });

  it('reads Dates from another realm', () => {
    const grids = sample();
    const foreign = runInNewContext('new Date(Date.UTC(2027, 2, 1))') as Date;
    expect(foreign instanceof Date).toBe(false);
    setCell(grids.team, 'GRO-KR1', 'Due date', foreign);
    const row = parseOkrTabs(grids).rows.find((r) => r.id === 'GRO-KR1');
    expect(row?.dueDate).toEqual({ ok: true, value: day(2027, 3, 1) });
  });

  it('reports a missing tab and a tab without a required column, and reads the others', () => {
    const grids = sample();
    renameHeader(grids.department, 'ID', 'Key');
    const tabs = parseOkrTabs({ corporate: grids.corporate, department: grids.department });
    expect(tabs.problems.map((p) => `${p.severity} ${p.rule} ${p.tab}`)).toEqual([
      'error missing-column Department OKRs',
      'warning missing-tab Team OKRs',
    ]);
    expect(tabs.rows).toHaveLength(10);
  });
});

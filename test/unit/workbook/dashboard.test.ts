import { describe, expect, it } from 'vitest';
import { buildDashboard, STALE_CHECK_IN_DAYS } from '../../../src/core/workbook/dashboard';
import { buildReport } from '../../../src/core/workbook/report';
import { AS_OF, addRow, day, read, sample } from './helpers';

const dashboardOf = (grids: ReturnType<typeof sample>, asOf = AS_OF) => {
  const workbook = read(grids, asOf);
  return buildDashboard(buildReport(workbook), workbook);
};

describe('buildDashboard on the sample company (as of 2027-02-15)', () => {
  const data = dashboardOf(sample());

  it('heads with the company score against expected and the counts that matter', () => {
    // Corporate objectives (0.546875 + 0.475 + 0.78125) / 3 against E = 45/89.
    expect(data.headline.companyScore).toBeCloseTo(1.803125 / 3, 12);
    expect(data.headline.companyExpected).toBeCloseTo(45 / 89, 12);
    expect(data.headline).toMatchObject({
      companyStatus: 'On track',
      graded: 37,
      onTrackOrDone: 32,
      atRisk: 2,
      behind: 3,
    });
  });

  it('lists what needs attention, at risk first, each with why', () => {
    const okrs = data.attention.filter((a) => a.kind !== 'KPI');
    expect(okrs.map((a) => [a.id, a.status])).toEqual([
      ['PLT-KR1', 'At risk'],
      ['SUP-KR1', 'At risk'],
      ['C-KR1', 'Behind'],
      ['SMB-KR1', 'Behind'],
      ['GRO-KR2', 'Behind'],
    ]);
    expect(okrs[2]?.reasons).toEqual(['Behind: 30% against 51% expected']);
    expect(okrs[0]).toMatchObject({ owner: 'Ben Okafor', tab: 'Team OKRs', row: 9 });
    // KPIs are graded as at the end of the cycle: MRR at 32% of the way is at risk.
    expect(data.attention.find((a) => a.id === 'KPI-1')).toMatchObject({ status: 'At risk', tab: 'KPIs' });
  });

  it('adds key results and KPIs without a check-in for more than 14 days', () => {
    expect(STALE_CHECK_IN_DAYS).toBe(14);
    // The sample's latest check-ins are from 2027-02-12; on 2027-03-01 that is 17 days.
    const later = dashboardOf(sample(), day(2027, 3, 1)).attention;
    expect(later.find((a) => a.id === 'C-KR4')?.reasons).toEqual([
      'Behind: 40% against 66% expected',
      'no check-in for 17 days',
    ]);
    expect(later.find((a) => a.id === 'ENT-KR2')?.reasons).toEqual(['no check-in for 17 days']);
    expect(later.find((a) => a.id === 'KPI-4')).toBeUndefined(); // done: nothing to check in
    // Done items need no check-in.
    expect(later.some((a) => a.id === 'C-KR2')).toBe(false);
  });

  it('counts an item never checked in from its start, so nothing is overdue early in a cycle', () => {
    const grids = sample();
    grids.checkIns = grids.checkIns?.slice(0, 1); // the header only: nothing checked in yet
    const overdue = (asOf: number) =>
      dashboardOf(grids, asOf).attention.flatMap((a) => a.reasons.filter((r) => r.startsWith('no check-in')));
    // The sample's cycle starts on 2027-01-01.
    expect(overdue(day(2027, 1, 4))).toEqual([]);
    expect(overdue(day(2027, 1, 15))).toEqual([]);
    const later = dashboardOf(grids, day(2027, 1, 16)).attention;
    expect(later.find((a) => a.id === 'ENT-KR2')?.reasons).toEqual(['no check-in since the start (15 days)']);
    expect(later.find((a) => a.id === 'KPI-2')?.reasons).toContain('no check-in since the start (15 days)');
  });

  it('draws score over time per level from History, ending with today', () => {
    const grids = sample();
    addRow(grids.history, { Date: day(2027, 2, 1), Level: 'Corporate', ID: 'C-O1', Score: 0.4, Expected: 0.35 });
    addRow(grids.history, { Date: day(2027, 2, 1), Level: 'Corporate', ID: 'C-O2', Score: 0.2, Expected: 0.35 });
    addRow(grids.history, { Date: day(2027, 2, 1), Level: 'Corporate', ID: 'C-KR1', Score: 0.9, Expected: 0.35 });
    addRow(grids.history, { Date: day(2027, 2, 1), Level: 'Team', ID: 'ENT-KR1', Score: 0.5, Expected: 0.35 });
    const trend = dashboardOf(grids).trend;
    expect(trend).toHaveLength(2);
    // Objectives' mean per level; a level with only key results recorded uses theirs.
    expect(trend[0]).toEqual({
      day: day(2027, 2, 1),
      byLevel: { Corporate: expect.closeTo(0.3, 12), Department: null, Team: 0.5 },
      expected: expect.closeTo(0.35, 12),
    });
    expect(trend[1]?.day).toBe(AS_OF);
    expect(trend[1]?.byLevel.Corporate).toBeCloseTo(1.803125 / 3, 12);
  });

  it('groups units by level and counts KPIs by status', () => {
    expect(data.units.map((u) => u.level)).toEqual([
      'Corporate',
      'Department',
      'Department',
      'Department',
      'Team',
      'Team',
      'Team',
      'Team',
      'Team',
      'Team',
    ]);
    expect(data.kpiStatusCounts).toEqual({ Done: 1, 'On track': 0, Behind: 3, 'At risk': 2, 'No data': 0 });
  });
});

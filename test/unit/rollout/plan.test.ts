import { describe, expect, it } from 'vitest';
import { type CalendarDate, formatIsoDate } from '../../../src/core/rollout/calendar';
import { buildRolloutPlan, type PlanRow } from '../../../src/core/rollout/plan';
import type { Org } from '../../../src/core/rollout/units';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });

const org: Org = {
  departments: [{ name: 'Sales', lead: 'Sam' }, 'Engineering'],
  teams: [
    { name: 'Field Sales', department: 'Sales', lead: 'fiona@example.com' },
    { name: 'Platform', department: 'Engineering' },
    { name: 'Inside Sales', department: 'Sales' },
  ],
};

/** One line per row: key, weeks label, plan weeks, start → end. */
const outline = (rows: readonly PlanRow[]) =>
  rows.map(
    (r) =>
      `${r.key} | M${r.month} W${r.weeks} | ${r.startWeek}-${r.endWeek} | ${formatIsoDate(r.start)} ${formatIsoDate(r.end)}`,
  );

describe('buildRolloutPlan', () => {
  it('dates every activity from a Monday start', () => {
    // Start Monday 2027-01-04. Plan week w starts on start + 7(w − 1):
    //  w1 01-04, w2 01-11, w3 01-18, w4 01-25, w5 02-01, w6 02-08,
    //  w7 02-15, w8 02-22, w9 03-01, w10 03-08, w11 03-15, w12 03-22 (2027 is not a leap year).
    // A row ends on the Friday of its last week: start of that week + 4.
    // Rows come slot by slot; in a slot, Corporate first, then each department followed by its teams.
    expect(outline(buildRolloutPlan(d(2027, 1, 4), org))).toEqual([
      'objectives-corporate:corporate | M1 W1–2 | 1-2 | 2027-01-04 2027-01-15',
      'objectives-department:sales | M1 W1–2 | 1-2 | 2027-01-04 2027-01-15',
      'objectives-department:engineering | M1 W1–2 | 1-2 | 2027-01-04 2027-01-15',
      'okrs-department:sales | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'okrs-team:field sales | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'kpis-team:field sales | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'okrs-team:inside sales | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'kpis-team:inside sales | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'okrs-department:engineering | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'okrs-team:platform | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'kpis-team:platform | M1 W3–4 | 3-4 | 2027-01-18 2027-01-29',
      'communicate:corporate | M2 W1 | 5-5 | 2027-02-01 2027-02-05',
      'training-department:sales | M2 W2–3 | 6-7 | 2027-02-08 2027-02-19',
      'training-department:engineering | M2 W2–3 | 6-7 | 2027-02-08 2027-02-19',
      'tracking-system:corporate | M2 W4 | 8-8 | 2027-02-22 2027-02-26',
      'implementation:corporate | M3 W1 | 9-9 | 2027-03-01 2027-03-05',
      'checkin-department:sales | M3 W2–3 | 10-11 | 2027-03-08 2027-03-19',
      'checkin-team:field sales | M3 W2–3 | 10-11 | 2027-03-08 2027-03-19',
      'checkin-team:inside sales | M3 W2–3 | 10-11 | 2027-03-08 2027-03-19',
      'checkin-department:engineering | M3 W2–3 | 10-11 | 2027-03-08 2027-03-19',
      'checkin-team:platform | M3 W2–3 | 10-11 | 2027-03-08 2027-03-19',
      'review:corporate | M3 W4 | 12-12 | 2027-03-22 2027-03-26',
    ]);
  });

  it('crosses a year end', () => {
    // Start Monday 2026-12-07: w3 12-21, w4 12-28 (its Friday is 2027-01-01), w5 2027-01-04,
    // w6 01-11, w7 01-18, w8 01-25, w9 02-01, w10 02-08, w11 02-15, w12 02-22.
    expect(outline(buildRolloutPlan(d(2026, 12, 7), { departments: [], teams: [] }))).toEqual([
      'objectives-corporate:corporate | M1 W1–2 | 1-2 | 2026-12-07 2026-12-18',
      'communicate:corporate | M2 W1 | 5-5 | 2027-01-04 2027-01-08',
      'tracking-system:corporate | M2 W4 | 8-8 | 2027-01-25 2027-01-29',
      'implementation:corporate | M3 W1 | 9-9 | 2027-02-01 2027-02-05',
      'review:corporate | M3 W4 | 12-12 | 2027-02-22 2027-02-26',
    ]);
    const okrs = buildRolloutPlan(d(2026, 12, 7), { departments: ['Ops'], teams: [] }).find(
      (r) => r.activityId === 'okrs-department',
    );
    expect(okrs && `${formatIsoDate(okrs.start)} ${formatIsoDate(okrs.end)}`).toBe('2026-12-21 2027-01-01');
  });

  it('crosses a leap day', () => {
    // Start Monday 2028-02-07: w4 starts Monday 02-28, then 02-29, 03-01, 03-02, Friday 03-03.
    // w5 03-06, w8 03-27, w9 04-03, w12 04-24 (Friday 04-28).
    const rows = buildRolloutPlan(d(2028, 2, 7), { departments: ['Ops'], teams: [{ name: 'Crew' }] });
    expect(outline(rows)).toEqual([
      'objectives-corporate:corporate | M1 W1–2 | 1-2 | 2028-02-07 2028-02-18',
      'objectives-department:ops | M1 W1–2 | 1-2 | 2028-02-07 2028-02-18',
      'okrs-department:ops | M1 W3–4 | 3-4 | 2028-02-21 2028-03-03',
      'okrs-team:crew | M1 W3–4 | 3-4 | 2028-02-21 2028-03-03',
      'kpis-team:crew | M1 W3–4 | 3-4 | 2028-02-21 2028-03-03',
      'communicate:corporate | M2 W1 | 5-5 | 2028-03-06 2028-03-10',
      'training-department:ops | M2 W2–3 | 6-7 | 2028-03-13 2028-03-24',
      'tracking-system:corporate | M2 W4 | 8-8 | 2028-03-27 2028-03-31',
      'implementation:corporate | M3 W1 | 9-9 | 2028-04-03 2028-04-07',
      'checkin-department:ops | M3 W2–3 | 10-11 | 2028-04-10 2028-04-21',
      'checkin-team:crew | M3 W2–3 | 10-11 | 2028-04-10 2028-04-21',
      'review:corporate | M3 W4 | 12-12 | 2028-04-24 2028-04-28',
    ]);
  });

  it('ends each week on its Friday when the plan starts midweek', () => {
    // Wednesday 2027-01-06: week 1 is Wed 01-06 … Tue 01-12, week 2 Wed 01-13 … with Friday 01-15.
    const first = buildRolloutPlan(d(2027, 1, 6), { departments: [], teams: [] })[0];
    expect(first && `${formatIsoDate(first.start)} ${formatIsoDate(first.end)}`).toBe('2027-01-06 2027-01-15');
  });

  it('fills every column of a row', () => {
    const rows = buildRolloutPlan(d(2027, 1, 4), org);
    expect(rows.find((r) => r.key === 'kpis-team:field sales')).toEqual({
      key: 'kpis-team:field sales',
      activityId: 'kpis-team',
      phase: 'Planning and Development',
      month: 1,
      weeks: '3–4',
      startWeek: 3,
      endWeek: 4,
      start: d(2027, 1, 18),
      end: d(2027, 1, 29),
      activity: "Identify the team's KPIs and set them up",
      level: 'Team',
      unit: 'Field Sales',
      owner: 'fiona@example.com',
      deliverable: 'Team KPIs in the KPIs tab',
      activeWeeks: [false, false, true, true, false, false, false, false, false, false, false, false],
    });
    const phases = [...new Set(rows.map((r) => `${r.month} ${r.phase}`))];
    expect(phases).toEqual([
      '1 Planning and Development',
      '2 Communication and Training',
      '3 Implementation and Adjustment',
    ]);
  });

  it('gives corporate, training and check-in rows to the PMO and unit rows to the lead', () => {
    const owners = Object.fromEntries(buildRolloutPlan(d(2027, 1, 4), org).map((r) => [r.key, r.owner]));
    expect(owners['objectives-corporate:corporate']).toBe('PMO');
    expect(owners['review:corporate']).toBe('PMO');
    expect(owners['objectives-department:sales']).toBe('Sam');
    expect(owners['okrs-department:sales']).toBe('Sam');
    expect(owners['okrs-department:engineering']).toBe(''); // no lead known: left for the user
    expect(owners['training-department:sales']).toBe('PMO');
    expect(owners['checkin-team:field sales']).toBe('PMO');
  });

  it('plans a one-department org', () => {
    const rows = buildRolloutPlan(d(2027, 1, 4), { departments: ['Operations'], teams: [] });
    // 5 corporate rows + 4 department rows (objectives, OKRs, training, check-in), no team rows.
    expect(rows.map((r) => r.key)).toEqual([
      'objectives-corporate:corporate',
      'objectives-department:operations',
      'okrs-department:operations',
      'communicate:corporate',
      'training-department:operations',
      'tracking-system:corporate',
      'implementation:corporate',
      'checkin-department:operations',
      'review:corporate',
    ]);
  });

  it('still plans the corporate rows for an empty org', () => {
    const rows = buildRolloutPlan(d(2027, 1, 4), { departments: [], teams: [] });
    expect(rows.map((r) => `${r.level} ${r.unit} ${r.activityId}`)).toEqual([
      'Corporate Corporate objectives-corporate',
      'Corporate Corporate communicate',
      'Corporate Corporate tracking-system',
      'Corporate Corporate implementation',
      'Corporate Corporate review',
    ]);
  });

  it('deduplicates units, trimmed and case-insensitive, keeping the first spelling', () => {
    const rows = buildRolloutPlan(d(2027, 1, 4), {
      departments: [' Sales ', 'sales', { name: 'SALES', lead: 'Sam' }, '', '  ', 'Ops'],
      teams: [
        { name: 'Alpha', department: 'SALES ' },
        { name: 'alpha ', department: 'Ops' },
        { name: 'Loners' }, // no department: after every department's teams
        { name: 'Beta', department: 'Ops' },
        { name: 'Ghost', department: 'Marketing' }, // unknown department: listed with the loners
        { name: 'Ops', department: 'Ops' }, // a team may share its department's name
      ],
    });
    const checkins = rows
      .filter((r) => r.activityId.startsWith('checkin'))
      .map((r) => `${r.level}:${r.unit}:${r.owner}`);
    expect(checkins).toEqual([
      'Department:Sales:PMO',
      'Team:Alpha:PMO',
      'Department:Ops:PMO',
      'Team:Beta:PMO',
      'Team:Ops:PMO',
      'Team:Loners:PMO',
      'Team:Ghost:PMO',
    ]);
    // The first lead given among duplicates becomes the default owner.
    expect(rows.find((r) => r.key === 'okrs-department:sales')?.owner).toBe('Sam');
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });
});

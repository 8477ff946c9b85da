import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../../src/core/rollout/calendar';
import {
  type CustomPlanRow,
  cellText,
  isDone,
  type MergedPlanRow,
  mergeRolloutPlan,
  type SheetPlanRow,
} from '../../../src/core/rollout/merge';
import { buildRolloutPlan } from '../../../src/core/rollout/plan';
import { planRowCells, ROLLOUT_HEADERS, readPlanSheet } from '../../../src/core/rollout/table';
import type { Org } from '../../../src/core/rollout/units';

const start: CalendarDate = { year: 2027, month: 1, day: 4 };
const v1: Org = {
  departments: ['Sales', 'Engineering'],
  teams: [
    { name: 'Field Sales', department: 'Sales' },
    { name: 'Platform', department: 'Engineering' },
  ],
};

/** The sheet as the action would have written it from `org` (no Key column). */
function sheetFor(org: Org): unknown[][] {
  const merged = mergeRolloutPlan(buildRolloutPlan(start, org), []);
  return [[...ROLLOUT_HEADERS], ...merged.rows.map((r) => (r.kind === 'plan' ? planRowCells(r) : []))];
}

const col = (header: string) => ROLLOUT_HEADERS.indexOf(header);

/** Edits one cell of the sheet row whose Activity starts with `activity` and whose Unit is `unit`. */
function edit(sheet: unknown[][], activity: string, unit: string, header: string, value: unknown): void {
  const row = sheet.find((r) => String(r[col('Activity')]).startsWith(activity) && r[col('Unit')] === unit);
  if (row === undefined) throw new Error(`no row ${activity} / ${unit}`);
  row[col(header)] = value;
}

function read(sheet: unknown[][]): Array<SheetPlanRow<unknown[]>> {
  const rows = readPlanSheet(sheet);
  if (!rows.ok) throw new Error(rows.error);
  return rows.value;
}

const planRows = (rows: ReadonlyArray<MergedPlanRow | CustomPlanRow>) =>
  rows.filter((r): r is MergedPlanRow => r.kind === 'plan');

describe('mergeRolloutPlan', () => {
  it('adds every row on a first generation', () => {
    const fresh = buildRolloutPlan(start, v1);
    const merged = mergeRolloutPlan(fresh, []);
    expect(merged.rows).toHaveLength(fresh.length);
    expect(planRows(merged.rows).every((r) => !r.existed && !r.done && r.notes === '')).toBe(true);
    expect(merged.added[0]).toBe('Define strategic objectives (corporate): Corporate');
    expect(merged.dropped).toEqual([]);
  });

  it('changes nothing when regenerated for the same org', () => {
    const merged = mergeRolloutPlan(buildRolloutPlan(start, v1), read(sheetFor(v1)));
    expect(merged.added).toEqual([]);
    expect(merged.dropped).toEqual([]);
    expect(merged.rows.every((r) => r.kind === 'plan' && r.existed)).toBe(true);
  });

  it("keeps the user's Done, Owner and Notes, adds new units and drops gone ones", () => {
    const sheet = sheetFor(v1);
    edit(sheet, 'Workshops with stakeholders', 'Corporate', 'Done', true);
    edit(sheet, "Develop the department's", 'Sales', 'Owner', 'Ana');
    edit(sheet, "Develop the department's", 'Sales', 'Notes', 'Draft in review');
    edit(sheet, 'Check in with the team', 'Platform', 'Notes', 'Moved to April');
    edit(sheet, 'Train the department', 'Engineering', 'Done', true);
    // A row the user typed by hand, right after the communication row.
    const communicate = sheet.findIndex((r) => String(r[col('Activity')]).startsWith('Communicate'));
    const townHall = ROLLOUT_HEADERS.map(() => '' as unknown);
    townHall[col('Activity')] = 'Town hall with the CEO';
    townHall[col('Notes')] = 'Book the auditorium';
    sheet.splice(communicate + 1, 0, townHall);

    // v2: Engineering and its team Platform are gone; Marketing and its team Brand are new.
    const v2: Org = {
      departments: ['Sales', 'Marketing'],
      teams: [
        { name: 'Field Sales', department: 'Sales' },
        { name: 'Brand', department: 'Marketing' },
      ],
    };
    const merged = mergeRolloutPlan(buildRolloutPlan(start, v2), read(sheet));
    const plan = Object.fromEntries(planRows(merged.rows).map((r) => [r.key, r]));

    expect(plan['objectives-corporate:corporate']?.done).toBe(true);
    expect(plan['okrs-department:sales']).toMatchObject({ owner: 'Ana', notes: 'Draft in review', existed: true });
    expect(plan['okrs-department:marketing']).toMatchObject({ owner: '', notes: '', done: false, existed: false });
    expect(plan['checkin-team:platform']).toBeUndefined();

    expect(merged.added).toEqual([
      'Define strategic objectives (department): Marketing',
      'Develop OKRs (department): Marketing',
      'Develop OKRs (team): Brand',
      'Set up KPIs (team): Brand',
      'Training (department): Marketing',
      'Check-ins (department): Marketing',
      'Check-ins (team): Brand',
    ]);
    // In the order the rows stood on the sheet.
    expect(merged.dropped).toEqual([
      'Define strategic objectives (department): Engineering',
      'Develop OKRs (department): Engineering',
      'Develop OKRs (team): Platform',
      'Set up KPIs (team): Platform',
      'Training (department): Engineering',
      'Check-ins (department): Engineering',
      'Check-ins (team): Platform',
    ]);
    expect(merged.droppedRows.filter((r) => r.hasUserData).map((r) => [r.activityId, r.unit, r.done, r.notes])).toEqual(
      [
        ['training-department', 'Engineering', true, ''],
        ['checkin-team', 'Platform', false, 'Moved to April'],
      ],
    );

    // The town hall stays, as it was, right after the communication row.
    const order = merged.rows.map((r) => (r.kind === 'plan' ? r.key : `custom:${cellText(r.row.activity)}`));
    expect(order.slice(order.indexOf('communicate:corporate'), order.indexOf('communicate:corporate') + 2)).toEqual([
      'communicate:corporate',
      'custom:Town hall with the CEO',
    ]);
    const custom = merged.rows.find((r) => r.kind === 'custom');
    expect(custom?.kind === 'custom' && custom.row.source).toEqual(townHall);
  });

  it('matches by activity and unit trimmed and case-insensitive, or by key', () => {
    const fresh = buildRolloutPlan(start, { departments: ['Sales'], teams: [] });
    const merged = mergeRolloutPlan(fresh, [
      { activity: "  DEVELOP the department's objectives   and key results ", unit: ' sales ', notes: 'a' },
      // The user rewrote the activity text, but the hidden key still identifies the row.
      { key: 'training-department:sales', activity: 'Sales training', unit: 'Sales', notes: 'b' },
    ]);
    const plan = Object.fromEntries(planRows(merged.rows).map((r) => [r.key, r.notes]));
    expect(plan['okrs-department:sales']).toBe('a');
    expect(plan['training-department:sales']).toBe('b');
    expect(merged.rows.some((r) => r.kind === 'custom')).toBe(false);
  });

  it('finds a corporate row even when its unit cell was cleared', () => {
    const fresh = buildRolloutPlan(start, { departments: [], teams: [] });
    const text = fresh.find((r) => r.activityId === 'review')?.activity;
    const merged = mergeRolloutPlan(fresh, [{ activity: text, unit: '', done: true }]);
    expect(planRows(merged.rows).find((r) => r.activityId === 'review')?.done).toBe(true);
    expect(merged.dropped).toEqual([]);
  });

  it('tells a department from a team of the same name by the activity, and the Level column', () => {
    const fresh = buildRolloutPlan(start, { departments: ['Ops'], teams: [{ name: 'Ops', department: 'Ops' }] });
    const deptText = fresh.find((r) => r.key === 'checkin-department:ops')?.activity;
    const teamText = fresh.find((r) => r.key === 'checkin-team:ops')?.activity;
    const merged = mergeRolloutPlan(fresh, [
      { activity: teamText, level: 'Team', unit: 'Ops', notes: 'team' },
      { activity: deptText, level: 'department', unit: 'Ops', notes: 'dept' },
      // A Level that contradicts the activity: not this plan row, so kept as the user's own.
      { activity: deptText, level: 'Team', unit: 'Ops', notes: 'odd' },
    ]);
    const notes = Object.fromEntries(planRows(merged.rows).map((r) => [r.key, r.notes]));
    expect(notes['checkin-department:ops']).toBe('dept');
    expect(notes['checkin-team:ops']).toBe('team');
    expect(merged.rows.filter((r) => r.kind === 'custom')).toHaveLength(1);
  });

  it('fills a blank Owner with the default and keeps a typed one', () => {
    const fresh = buildRolloutPlan(start, { departments: [{ name: 'Sales', lead: 'Sam' }], teams: [] });
    const text = (id: string) => fresh.find((r) => r.activityId === id)?.activity;
    const merged = mergeRolloutPlan(fresh, [
      { activity: text('okrs-department'), unit: 'Sales', owner: '  ' },
      { activity: text('objectives-department'), unit: 'Sales', owner: 'Ana' },
      { activity: text('review'), unit: 'Corporate', owner: 42 },
    ]);
    const owners = Object.fromEntries(planRows(merged.rows).map((r) => [r.key, r.owner]));
    expect(owners['okrs-department:sales']).toBe('Sam');
    expect(owners['objectives-department:sales']).toBe('Ana');
    expect(owners['review:corporate']).toBe('42');
  });

  it('keeps a second copy of a plan row as the user’s own row, and hand rows above the plan at the top', () => {
    const fresh = buildRolloutPlan(start, { departments: [], teams: [] });
    const review = fresh.find((r) => r.activityId === 'review')?.activity;
    const merged = mergeRolloutPlan(fresh, [
      { activity: 'Kick-off party', notes: 'Friday' },
      { activity: review, unit: 'Corporate', notes: 'first' },
      { activity: review, unit: 'Corporate', notes: 'copy' },
    ]);
    const order = merged.rows.map((r) =>
      r.kind === 'plan' ? `${r.key}=${r.notes}` : `custom=${cellText(r.row.notes)}`,
    );
    expect(order[0]).toBe('custom=Friday');
    expect(order.slice(-2)).toEqual(['review:corporate=first', 'custom=copy']);
    expect(merged.dropped).toEqual([]);
  });

  it('attaches a hand row that followed a dropped row to the row before it', () => {
    const sheet = read(sheetFor({ departments: ['Gone'], teams: [] }));
    const i = sheet.findIndex((r) => r.key === undefined && cellText(r.unit) === 'Gone');
    // Hand row after the first "Gone" row (the department workshop, right after the corporate one).
    sheet.splice(i + 1, 0, { activity: 'Extra session' });
    const merged = mergeRolloutPlan(buildRolloutPlan(start, { departments: [], teams: [] }), sheet);
    const order = merged.rows.map((r) => (r.kind === 'plan' ? r.key : 'custom'));
    expect(order.slice(0, 2)).toEqual(['objectives-corporate:corporate', 'custom']);
    expect(merged.droppedRows.every((r) => !r.hasUserData)).toBe(true);
    expect(merged.dropped).toHaveLength(4);
  });

  it('reads a dropped row’s unit from its key when the Unit cell is blank', () => {
    const merged = mergeRolloutPlan(buildRolloutPlan(start, { departments: [], teams: [] }), [
      { key: 'kpis-team:gamma', notes: 'x' },
    ]);
    expect(merged.dropped).toEqual(['Set up KPIs (team): gamma']);
  });
});

describe('isDone', () => {
  it('reads checkboxes and what people type instead', () => {
    for (const v of [true, 1, 'TRUE', ' yes ', 'x', 'X', 'done', '✓', '✔']) expect(isDone(v)).toBe(true);
    for (const v of [false, 0, '', 'FALSE', 'no', 'later', null, undefined, {}]) expect(isDone(v)).toBe(false);
  });
});

describe('cellText', () => {
  it('turns cell values into text', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(null)).toBe('');
    expect(cellText(' a ')).toBe(' a ');
    expect(cellText(3.5)).toBe('3.5');
    expect(cellText(false)).toBe('false');
    expect(cellText(new Date(2027, 0, 4))).toBe('2027-01-04');
    expect(cellText(new Date(Number.NaN))).toBe('');
  });
});

/**
 * The example company of "Insert sample OKRs" (§4.1): Northwind Analytics, three
 * corporate objectives, three departments with two teams each, cascaded through key
 * results (department objectives align to corporate key results, team objectives to
 * department key results), with every metric type, each spelled as its drop-down offers it.
 * Every measured key result and KPI has a check-in history (sample-activity.ts).
 * Dates are Sheets serials (zone-free): the writer gives date columns a date format.
 */

import { type SampleItem, sampleCheckIns, sampleHistory } from './sample-activity';
import { CHECK_IN_SCHEMA, HISTORY_SCHEMA, headerRow, KPI_SCHEMA, OKR_SCHEMA, type OkrColumn } from './schema';
import { defaultCycle, defaultSettingsRows } from './settings';
import type { WorkbookGrids } from './workbook';

type Cell = string | number;
type OkrSample = Partial<Record<OkrColumn, Cell>>;

export const SAMPLE_COMPANY = 'Northwind Analytics';

const CORPORATE: readonly OkrSample[] = [
  { id: 'C-O1', type: 'Objective', unit: 'Company', title: 'Grow revenue to a sustainable scale', owner: 'Dana Reyes' },
  {
    id: 'C-KR1',
    type: 'Key Result',
    parentId: 'C-O1',
    title: 'Grow annual recurring revenue from $8.0M to $10.0M',
    owner: 'Dana Reyes',
    metricType: 'increase',
    start: 8_000_000,
    target: 10_000_000,
    current: 8_600_000,
    uom: '$',
    weight: 2,
  },
  {
    id: 'C-KR2',
    type: 'Key Result',
    parentId: 'C-O1',
    title: 'Keep net revenue retention at or above 110%',
    owner: 'Priya Nair',
    metricType: 'stay above',
    target: 1.1,
    current: 1.12,
    uom: '%',
  },
  {
    id: 'C-KR3',
    type: 'Key Result',
    parentId: 'C-O1',
    title: 'Win 40 new enterprise customers',
    owner: 'Marcus Webb',
    notes: 'Scored by the Sales objective aligned to it',
  },
  { id: 'C-O2', type: 'Objective', unit: 'Company', title: 'Build a product customers love', owner: 'Sam Patel' },
  {
    id: 'C-KR4',
    type: 'Key Result',
    parentId: 'C-O2',
    title: 'Reduce monthly churn from 3% to 1.5%',
    owner: 'Sam Patel',
    metricType: 'decrease',
    start: 0.03,
    target: 0.015,
    current: 0.024,
    uom: '%',
  },
  {
    id: 'C-KR5',
    type: 'Key Result',
    parentId: 'C-O2',
    title: 'Launch self-serve onboarding for all new accounts',
    owner: 'Aiko Tanaka',
  },
  { id: 'C-O3', type: 'Objective', unit: 'Company', title: 'Delight customers at every touchpoint', owner: 'Lee Chen' },
  {
    id: 'C-KR6',
    type: 'Key Result',
    parentId: 'C-O3',
    title: 'Raise customer satisfaction from 82% to 90%',
    owner: 'Lee Chen',
  },
  {
    id: 'C-KR7',
    type: 'Key Result',
    parentId: 'C-O3',
    title: 'Keep P1 support incidents below 5 a month',
    owner: 'Omar Haddad',
    metricType: 'stay below',
    target: 5,
    current: 3,
    uom: 'incidents',
  },
];

const DEPARTMENT: readonly OkrSample[] = [
  {
    id: 'SAL-O1',
    type: 'Objective',
    parentId: 'C-KR3',
    unit: 'Sales',
    title: 'Build a repeatable enterprise sales motion',
    owner: 'Marcus Webb',
  },
  {
    id: 'SAL-KR1',
    type: 'Key Result',
    parentId: 'SAL-O1',
    title: 'Grow qualified pipeline from $2M to $6M',
    owner: 'Marcus Webb',
    metricType: 'increase',
    start: 2_000_000,
    target: 6_000_000,
    current: 4_000_000,
    uom: '$',
  },
  {
    id: 'SAL-KR2',
    type: 'Key Result',
    parentId: 'SAL-O1',
    title: 'Sign 40 new enterprise logos',
    owner: 'Julia Santos',
    notes: 'Scored by the sales teams',
  },
  {
    id: 'PRD-O1',
    type: 'Objective',
    parentId: 'C-KR5',
    unit: 'Product',
    title: 'Make onboarding fully self-serve',
    owner: 'Aiko Tanaka',
  },
  {
    id: 'PRD-KR1',
    type: 'Key Result',
    parentId: 'PRD-O1',
    title: 'Self-serve onboarding rolled out to new accounts',
    owner: 'Aiko Tanaka',
    metricType: 'milestone',
    current: 0.6,
    uom: '%',
    startDate: 14,
    dueDate: 73,
  },
  {
    id: 'PRD-KR2',
    type: 'Key Result',
    parentId: 'PRD-O1',
    title: 'Cut time to first value from 14 to 3 days',
    owner: 'Ben Okafor',
    notes: 'Scored by the product teams',
  },
  {
    id: 'CS-O1',
    type: 'Objective',
    parentId: 'C-KR6',
    unit: 'Customer Success',
    title: 'Make support fast and friendly',
    owner: 'Lee Chen',
  },
  {
    id: 'CS-KR1',
    type: 'Key Result',
    parentId: 'CS-O1',
    title: 'Cut first response time from 8h to 2h',
    owner: 'Omar Haddad',
    metricType: 'decrease',
    start: 8,
    target: 2,
    current: 5,
    uom: 'hours',
  },
  {
    id: 'CS-KR2',
    type: 'Key Result',
    parentId: 'CS-O1',
    title: 'Every customer onboarded and supported on time',
    owner: 'Lee Chen',
    notes: 'Scored by the customer success teams',
  },
];

const TEAM: readonly OkrSample[] = [
  {
    id: 'ENT-O1',
    type: 'Objective',
    parentId: 'SAL-KR2',
    unit: 'Enterprise Sales',
    title: 'Land flagship enterprise accounts',
    owner: 'Julia Santos',
  },
  {
    id: 'ENT-KR1',
    type: 'Key Result',
    parentId: 'ENT-O1',
    title: 'Close 12 enterprise deals',
    owner: 'Julia Santos',
    metricType: 'increase',
    start: 0,
    target: 12,
    current: 6,
    uom: 'deals',
  },
  {
    id: 'ENT-KR2',
    type: 'Key Result',
    parentId: 'ENT-O1',
    title: 'Run 30 executive briefings',
    owner: 'Tom Becker',
    metricType: 'increase',
    start: 0,
    target: 30,
    current: 27,
    uom: 'briefings',
  },
  {
    id: 'SMB-O1',
    type: 'Objective',
    parentId: 'SAL-KR2',
    unit: 'SMB Sales',
    title: 'Scale the self-serve sales funnel',
    owner: 'Nina Kowalski',
  },
  {
    id: 'SMB-KR1',
    type: 'Key Result',
    parentId: 'SMB-O1',
    title: 'Lift trial-to-paid conversion from 10% to 20%',
    owner: 'Nina Kowalski',
    metricType: 'increase',
    start: 0.1,
    target: 0.2,
    current: 0.13,
    uom: '%',
  },
  {
    id: 'SMB-KR2',
    type: 'Key Result',
    parentId: 'SMB-O1',
    title: 'Launch the partner referral program',
    owner: 'Raj Mehta',
    metricType: 'binary',
    current: 'done',
    dueDate: 56,
  },
  {
    id: 'PLT-O1',
    type: 'Objective',
    parentId: 'PRD-KR2',
    unit: 'Platform',
    title: 'Make account provisioning instant',
    owner: 'Ben Okafor',
  },
  {
    id: 'PLT-KR1',
    type: 'Key Result',
    parentId: 'PLT-O1',
    title: 'Cut provisioning time from 48h to 1h',
    owner: 'Ben Okafor',
    metricType: 'decrease',
    start: 48,
    target: 1,
    current: 48,
    uom: 'hours',
  },
  {
    id: 'PLT-KR2',
    type: 'Key Result',
    parentId: 'PLT-O1',
    title: 'Keep onboarding services above 99.9% uptime',
    owner: 'Eva Lindqvist',
    metricType: 'stay above',
    target: 0.999,
    current: 0.9995,
    uom: '%',
  },
  {
    id: 'GRO-O1',
    type: 'Objective',
    parentId: 'PRD-KR2',
    unit: 'Growth',
    title: 'Guide every new user to first value',
    owner: 'Chloe Martin',
  },
  {
    id: 'GRO-KR1',
    type: 'Key Result',
    parentId: 'GRO-O1',
    title: 'Raise checklist completion from 20% to 60%',
    owner: 'Chloe Martin',
    metricType: 'increase',
    start: 0.2,
    target: 0.6,
    current: 0.5,
    uom: '%',
  },
  {
    id: 'GRO-KR2',
    type: 'Key Result',
    parentId: 'GRO-O1',
    title: 'Publish in-app product tours',
    owner: 'Chloe Martin',
    metricType: 'milestone',
    current: 0.25,
    uom: '%',
  },
  {
    id: 'SUP-O1',
    type: 'Objective',
    parentId: 'CS-KR2',
    unit: 'Support',
    title: 'Answer every customer fast',
    owner: 'Omar Haddad',
  },
  {
    id: 'SUP-KR1',
    type: 'Key Result',
    parentId: 'SUP-O1',
    title: 'Keep the open ticket backlog below 50',
    owner: 'Omar Haddad',
    metricType: 'stay below',
    target: 50,
    current: 62,
    uom: 'tickets',
  },
  {
    id: 'SUP-KR2',
    type: 'Key Result',
    parentId: 'SUP-O1',
    title: 'Grow help-center articles from 40 to 120',
    owner: 'Grace Liu',
    metricType: 'increase',
    start: 40,
    target: 120,
    current: 100,
    uom: 'articles',
  },
  {
    id: 'ONB-O1',
    type: 'Objective',
    parentId: 'CS-KR2',
    unit: 'Onboarding',
    title: 'Onboard new customers within two weeks',
    owner: 'Hugo Laurent',
  },
  {
    id: 'ONB-KR1',
    type: 'Key Result',
    parentId: 'ONB-O1',
    title: 'Cut median onboarding time from 30 to 14 days',
    owner: 'Hugo Laurent',
    metricType: 'decrease',
    start: 30,
    target: 14,
    current: 18,
    uom: 'days',
  },
  {
    id: 'ONB-KR2',
    type: 'Key Result',
    parentId: 'ONB-O1',
    title: 'Keep onboarding NPS at 50 or above',
    owner: 'Hugo Laurent',
    metricType: 'stay above',
    target: 50,
    current: 55,
    uom: 'NPS',
  },
];

const KPIS: readonly (readonly Cell[])[] = [
  [
    'KPI-1',
    'Corporate',
    'Company',
    'Monthly recurring revenue',
    'Dana Reyes',
    'C-KR1',
    660_000,
    830_000,
    715_000,
    '$',
    'increase',
    'monthly',
  ],
  [
    'KPI-2',
    'Department',
    'Sales',
    'Win rate on qualified deals',
    'Marcus Webb',
    'SAL-O1',
    0.18,
    0.25,
    0.21,
    '%',
    'increase',
    'monthly',
  ],
  [
    'KPI-3',
    'Team',
    'Support',
    'Median first response time',
    'Omar Haddad',
    'CS-KR1',
    8,
    2,
    5,
    'hours',
    'decrease',
    'weekly',
  ],
  [
    'KPI-4',
    'Team',
    'Platform',
    'Onboarding service uptime',
    'Eva Lindqvist',
    'PLT-KR2',
    '',
    0.999,
    0.9995,
    '%',
    'stay above',
    'weekly',
  ],
  [
    'KPI-5',
    'Team',
    'Growth',
    'Weekly activated accounts',
    'Chloe Martin',
    'GRO-O1',
    120,
    200,
    150,
    'accounts',
    'increase',
    'weekly',
  ],
  [
    'KPI-6',
    'Department',
    'Customer Success',
    'Customer satisfaction (CSAT)',
    'Lee Chen',
    'C-KR6',
    0.82,
    0.9,
    0.86,
    '%',
    'increase',
    'quarterly',
  ],
];

/** Sample OKR rows as a grid under our headers; `startDate`/`dueDate` are days after the cycle start. */
function okrGrid(rows: readonly OkrSample[], cycleStart: number): Cell[][] {
  const columns = OKR_SCHEMA.columns.map((c) => c.key);
  return [
    headerRow(OKR_SCHEMA),
    ...rows.map((row) =>
      columns.map((key) => {
        const value = row[key] ?? '';
        return (key === 'startDate' || key === 'dueDate') && typeof value === 'number' ? cycleStart + value : value;
      }),
    ),
  ];
}

/** The latest check-in of each measured key result and KPI: the owner's confidence and word. */
const LATEST: Readonly<Record<string, readonly [number, string]>> = {
  'C-KR1': [7, 'Two renewals moved to next month; pipeline covers the gap.'],
  'C-KR2': [9, 'Expansion revenue ahead of plan.'],
  'C-KR4': [6, 'Churn is falling, but slower than planned.'],
  'C-KR7': [8, 'Three P1s this month, all resolved within the hour.'],
  'SAL-KR1': [7, 'Pipeline doubled since the start of the quarter.'],
  'PRD-KR1': [8, 'Rolled out to 60% of new accounts.'],
  'CS-KR1': [6, 'New triage rota cut response times by three hours.'],
  'ENT-KR1': [7, 'Six deals closed, four in final negotiation.'],
  'ENT-KR2': [9, 'Briefing calendar full until the end of the quarter.'],
  'SMB-KR1': [5, 'Conversion up, but the new pricing page is late.'],
  'SMB-KR2': [10, 'Programme live with twelve partners.'],
  'PLT-KR1': [3, 'Blocked on the new provisioning service; no change yet.'],
  'PLT-KR2': [9, 'No outage this month.'],
  'GRO-KR1': [8, 'Checklist redesign shipped.'],
  'GRO-KR2': [4, 'Tour tooling chosen; content not started.'],
  'SUP-KR1': [4, 'Backlog grew after the release; two agents out sick.'],
  'SUP-KR2': [8, 'Twenty articles published this month.'],
  'ONB-KR1': [7, 'Median down to 18 days.'],
  'ONB-KR2': [9, 'NPS steady at 55.'],
  'KPI-1': [7, 'MRR on plan.'],
  'KPI-2': [6, 'Win rate up three points.'],
  'KPI-3': [6, 'Median response down to five hours.'],
  'KPI-4': [9, 'Uptime above target.'],
  'KPI-5': [7, '150 activated accounts this week.'],
  'KPI-6': [8, 'CSAT survey closed: 86%.'],
};

/** Measured key results (a metric of their own), then KPIs, as the check-in history sees them. */
function sampleItems(): SampleItem[] {
  const okrItems = [...CORPORATE, ...DEPARTMENT, ...TEAM]
    .filter((row) => row.type !== 'Objective' && row.metricType !== undefined)
    .map((row) => ({
      id: String(row.id ?? ''),
      owner: String(row.owner ?? ''),
      metricType: String(row.metricType ?? ''),
      start: row.start ?? '',
      current: row.current ?? '',
    }));
  const kpiItems = KPIS.map((row) => ({
    id: String(row[0]),
    owner: String(row[4]),
    metricType: String(row[10]),
    start: row[6] ?? '',
    current: row[8] ?? '',
  }));
  return [...okrItems, ...kpiItems].map((item) => {
    const [confidence, comment] = LATEST[item.id] ?? [7, 'Weekly check-in'];
    return { ...item, confidence, comment };
  });
}

/** A measured key result's Confidence cell: its latest check-in's. */
function withConfidence(rows: readonly OkrSample[]): OkrSample[] {
  return rows.map((row) => {
    const latest = row.type !== 'Objective' && row.metricType !== undefined ? LATEST[row.id ?? ''] : undefined;
    return latest === undefined ? row : { ...row, confidence: latest[0] };
  });
}

/**
 * Every tab's values for the sample company, its cycle the calendar quarter of
 * `asOfDay` (a Sheets serial). Computed columns are left blank for the live formulas.
 */
export function sampleWorkbook(asOfDay: number): Required<WorkbookGrids> {
  const cycle = defaultCycle(asOfDay);
  const kpiColumns = KPI_SCHEMA.columns.length;
  return {
    corporate: okrGrid(withConfidence(CORPORATE), cycle.start),
    department: okrGrid(withConfidence(DEPARTMENT), cycle.start),
    team: okrGrid(withConfidence(TEAM), cycle.start),
    kpis: [
      headerRow(KPI_SCHEMA),
      ...KPIS.map((row) => {
        const cells: Cell[] = [...row, cycle.end];
        while (cells.length < kpiColumns) cells.push('');
        return cells;
      }),
    ],
    settings: defaultSettingsRows(asOfDay, SAMPLE_COMPANY),
    checkIns: [headerRow(CHECK_IN_SCHEMA), ...sampleCheckIns(sampleItems(), asOfDay, cycle.start)],
    history: [headerRow(HISTORY_SCHEMA)],
  };
}

/**
 * The weekly snapshots the sample's check-ins would have recorded since the cycle began
 * (header first): Insert sample puts them into an empty History, so Trend and the
 * Dashboard's score over time show a quarter under way.
 */
export function sampleHistoryGrid(asOfDay: number): Cell[][] {
  return sampleHistory(sampleWorkbook(asOfDay), asOfDay, defaultCycle(asOfDay).start);
}

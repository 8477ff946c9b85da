/**
 * The activities of the three-month rollout (SPEC §4.4), as data.
 *
 * Every activity has one level, so an activity id and a unit name identify a row. Where the
 * spec gives one bullet to several levels (strategic objectives, OKR development, check-ins),
 * there is one activity per level, each worded for its level.
 *
 * "Each team identifies and sets up its KPIs" is its own row per team, next to the team's OKR
 * row: it has its own deliverable (the KPIs tab) and is often finished later than the OKRs,
 * so it deserves its own Done tick.
 *
 * Owners: the PMO owns what it runs for everybody (corporate rows, training, check-ins);
 * a unit's lead owns what the unit produces itself (its objectives, OKRs and KPIs).
 */
import type { Level } from './units';

export type ActivityId =
  | 'objectives-corporate'
  | 'objectives-department'
  | 'okrs-department'
  | 'okrs-team'
  | 'kpis-team'
  | 'communicate'
  | 'training-department'
  | 'tracking-system'
  | 'implementation'
  | 'checkin-department'
  | 'checkin-team'
  | 'review';

export type PlanMonth = 1 | 2 | 3;

export interface Activity {
  readonly id: ActivityId;
  readonly month: PlanMonth;
  /** Weeks within the month, 1–4. */
  readonly firstWeek: number;
  readonly lastWeek: number;
  readonly level: Level;
  /** Shown in the Activity column; also how a row read back without its key is recognised. */
  readonly text: string;
  readonly deliverable: string;
  readonly owner: 'pmo' | 'lead';
  /** Short name for the regeneration summary. */
  readonly label: string;
  /**
   * Rows of one slot are listed unit by unit in cascade order (a department, then its teams),
   * and within a unit in catalogue order.
   */
  readonly slot: number;
}

export const PHASES: Readonly<Record<PlanMonth, string>> = {
  1: 'Planning and Development',
  2: 'Communication and Training',
  3: 'Implementation and Adjustment',
};

export const PMO = 'PMO';

export const ACTIVITIES: readonly Activity[] = [
  {
    id: 'objectives-corporate',
    month: 1,
    firstWeek: 1,
    lastWeek: 2,
    level: 'Corporate',
    text: 'Workshops with stakeholders at all levels to define the corporate strategic objectives',
    deliverable: 'Approved corporate objectives',
    owner: 'pmo',
    label: 'Define strategic objectives',
    slot: 1,
  },
  {
    id: 'objectives-department',
    month: 1,
    firstWeek: 1,
    lastWeek: 2,
    level: 'Department',
    text: "Workshop with the department's stakeholders to define its strategic objectives, aligned to the corporate ones",
    deliverable: 'Approved department objectives',
    owner: 'lead',
    label: 'Define strategic objectives',
    slot: 1,
  },
  {
    id: 'okrs-department',
    month: 1,
    firstWeek: 3,
    lastWeek: 4,
    level: 'Department',
    text: "Develop the department's objectives and key results",
    deliverable: 'Department OKRs in the Department OKRs tab',
    owner: 'lead',
    label: 'Develop OKRs',
    slot: 2,
  },
  {
    id: 'okrs-team',
    month: 1,
    firstWeek: 3,
    lastWeek: 4,
    level: 'Team',
    text: "Develop the team's objectives and key results, aligned to its department's",
    deliverable: 'Team OKRs in the Team OKRs tab',
    owner: 'lead',
    label: 'Develop OKRs',
    slot: 2,
  },
  {
    id: 'kpis-team',
    month: 1,
    firstWeek: 3,
    lastWeek: 4,
    level: 'Team',
    text: "Identify the team's KPIs and set them up",
    deliverable: 'Team KPIs in the KPIs tab',
    owner: 'lead',
    label: 'Set up KPIs',
    slot: 2,
  },
  {
    id: 'communicate',
    month: 2,
    firstWeek: 1,
    lastWeek: 1,
    level: 'Corporate',
    text: 'Communicate the objectives and key results across the organization: seminars, detailed documents, Q&A sessions',
    deliverable: 'Seminars held, documents shared, questions answered',
    owner: 'pmo',
    label: 'Communicate OKRs',
    slot: 3,
  },
  {
    id: 'training-department',
    month: 2,
    firstWeek: 2,
    lastWeek: 3,
    level: 'Department',
    text: 'Train the department on monitoring, reporting and working towards its KPIs and OKRs, and on the tracking tools',
    deliverable: 'Training delivered, attendance recorded',
    owner: 'pmo',
    label: 'Training',
    slot: 4,
  },
  {
    id: 'tracking-system',
    month: 2,
    firstWeek: 4,
    lastWeek: 4,
    level: 'Corporate',
    text: 'Finalize deployment of the tracking system; make sure every team has what it needs',
    deliverable: 'Tracking system live for every team',
    owner: 'pmo',
    label: 'Deploy tracking system',
    slot: 5,
  },
  {
    id: 'implementation',
    month: 3,
    firstWeek: 1,
    lastWeek: 1,
    level: 'Corporate',
    text: 'Begin full implementation; monitor initial feedback and data',
    deliverable: 'Initial feedback and data reviewed',
    owner: 'pmo',
    label: 'Full implementation',
    slot: 6,
  },
  {
    id: 'checkin-department',
    month: 3,
    firstWeek: 2,
    lastWeek: 3,
    level: 'Department',
    text: 'Check in with the department on its OKRs and KPIs; adjust where needed',
    deliverable: 'Check-ins recorded, adjustments agreed',
    owner: 'pmo',
    label: 'Check-ins',
    slot: 7,
  },
  {
    id: 'checkin-team',
    month: 3,
    firstWeek: 2,
    lastWeek: 3,
    level: 'Team',
    text: 'Check in with the team on its OKRs and KPIs; adjust where needed',
    deliverable: 'Check-ins recorded, adjustments agreed',
    owner: 'pmo',
    label: 'Check-ins',
    slot: 7,
  },
  {
    id: 'review',
    month: 3,
    firstWeek: 4,
    lastWeek: 4,
    level: 'Corporate',
    text: 'Review the effectiveness of the framework, its successes and areas to improve; plan the next OKR cycle',
    deliverable: 'Framework review and next-cycle plan',
    owner: 'pmo',
    label: 'Review and plan next cycle',
    slot: 8,
  },
];

const BY_ID = new Map<string, Activity>(ACTIVITIES.map((a) => [a.id, a]));

export function activityById(id: string): Activity | undefined {
  return BY_ID.get(id);
}

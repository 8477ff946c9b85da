/**
 * The organization's units as the plan lists them: deduplicated and in cascade order.
 */

export type Level = 'Corporate' | 'Department' | 'Team';

/** A department or team; `lead` (a name or email) becomes the default owner of its own rows. */
export interface OrgUnit {
  readonly name: string;
  readonly lead?: string;
}

export interface OrgTeam extends OrgUnit {
  /** The department the team belongs to; its rows are listed under that department. */
  readonly department?: string;
}

export interface Org {
  readonly departments: ReadonlyArray<string | OrgUnit>;
  readonly teams: ReadonlyArray<OrgTeam>;
}

export interface PlanUnit {
  readonly level: Level;
  /** Trimmed, spelled as first given. */
  readonly name: string;
  /** Trimmed; '' when unknown. */
  readonly lead: string;
}

/** The corporate level is one unit, whatever the company is called. */
export const CORPORATE_UNIT: PlanUnit = { level: 'Corporate', name: 'Corporate', lead: '' };

/** Unit names compare as the rest of the workbook compares them: trimmed, case-insensitive. */
export function unitKey(name: string): string {
  return name.trim().toLowerCase();
}

export interface PlanUnits {
  readonly departments: readonly PlanUnit[];
  /** Grouped under their department (in department order), then teams of no known department. */
  readonly teams: readonly PlanUnit[];
  /** Each department followed by its teams, then teams of no known department. */
  readonly cascade: readonly PlanUnit[];
}

/**
 * Departments in the order given; teams in the order given within each department, so that a
 * department's rows are followed by its teams'. A repeated name (trimmed, case-insensitive)
 * keeps its first spelling and department, and the first lead given. Blank names are
 * skipped. A team may share a department's name: they are different units at different levels.
 */
export function planUnits(org: Org): PlanUnits {
  const departments = dedupe(org.departments.map((d) => (typeof d === 'string' ? { name: d } : d)));
  const teams = dedupe(org.teams);
  const known = new Set(departments.map((d) => unitKey(d.name)));
  const teamsOf = (dept: string | undefined) => teams.filter((t) => unitKey(t.department ?? '') === dept);

  const cascade: PlanUnit[] = [];
  const groupedTeams: PlanUnit[] = [];
  for (const dept of departments) {
    cascade.push(planUnit('Department', dept));
    for (const team of teamsOf(unitKey(dept.name))) {
      const unit = planUnit('Team', team);
      cascade.push(unit);
      groupedTeams.push(unit);
    }
  }
  for (const team of teams.filter((t) => !known.has(unitKey(t.department ?? '')))) {
    const unit = planUnit('Team', team);
    cascade.push(unit);
    groupedTeams.push(unit);
  }
  return { departments: departments.map((d) => planUnit('Department', d)), teams: groupedTeams, cascade };
}

function dedupe<U extends OrgUnit>(units: readonly U[]): U[] {
  const byKey = new Map<string, U>();
  for (const unit of units) {
    const key = unitKey(unit.name);
    if (key === '') continue;
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, unit);
    else if ((first.lead ?? '').trim() === '' && (unit.lead ?? '').trim() !== '') {
      byKey.set(key, { ...first, lead: unit.lead });
    }
  }
  return [...byKey.values()];
}

function planUnit(level: Level, unit: OrgUnit): PlanUnit {
  return { level, name: unit.name.trim(), lead: (unit.lead ?? '').trim() };
}

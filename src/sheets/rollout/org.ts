/**
 * The organization the rollout plan is for, read off the OKR tabs (SPEC §4.4): departments
 * are the units on Department OKRs, teams the units on Team OKRs. Pure: no Apps Script.
 *
 * A unit's lead (the default owner of the rows it produces itself) is the owner of its first
 * objective: that is who answers for the unit's OKRs. A team's department is found by
 * following Parent IDs up from the team's rows until a Department OKRs row is reached; a team
 * aligned straight to corporate, or to an ID that names nothing, has no known department and
 * is listed after the departments.
 */
import type { Org, OrgTeam, OrgUnit } from '../../core/rollout/units';
import type { OkrRow } from '../../core/workbook/okr-rows';

export function orgFromOkrRows(rows: readonly OkrRow[]): Org {
  const byKey = new Map<string, OkrRow>();
  for (const row of rows) if (row.key !== '' && !byKey.has(row.key)) byKey.set(row.key, row);

  const departments: OrgUnit[] = rows
    .filter((row) => row.level === 'Department' && row.unit !== '')
    .map((row) => ({ name: row.unit, lead: row.kind === 'Objective' ? row.owner : '' }));

  const teams = new Map<string, { name: string; lead: string; department?: string }>();
  for (const row of rows) {
    if (row.level !== 'Team' || row.unit === '') continue;
    const key = row.unit.trim().toLowerCase();
    const team = teams.get(key) ?? { name: row.unit, lead: '' };
    if (team.lead === '' && row.kind === 'Objective') team.lead = row.owner;
    if (team.department === undefined) {
      const department = departmentOf(row, byKey);
      if (department !== undefined) team.department = department;
    }
    teams.set(key, team);
  }
  return { departments, teams: [...teams.values()] as OrgTeam[] };
}

/** The unit of the first Department OKRs row up the Parent ID chain; undefined at corporate, a gap or a cycle. */
function departmentOf(row: OkrRow, byKey: ReadonlyMap<string, OkrRow>): string | undefined {
  const seen = new Set<string>([row.key]);
  let current = row;
  for (;;) {
    const parent = byKey.get(current.parentKey);
    if (parent === undefined || seen.has(parent.key)) return undefined;
    if (parent.level === 'Department') return parent.unit === '' ? undefined : parent.unit;
    if (parent.level === 'Corporate') return undefined;
    seen.add(parent.key);
    current = parent;
  }
}

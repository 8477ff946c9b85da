/**
 * IDs for rows the sidebar creates, in the scheme the sample company uses and
 * people read at a glance: `<unit prefix>-O<n>` for objectives, `<unit prefix>-KR<n>`
 * for key results (C-O4, SAL-KR3, CS-O2). A unit keeps the prefix its rows already
 * use; a new unit gets its initials (Customer Success → CS) or its first three
 * letters (Sales → SAL); corporate rows use C. n is one more than the highest n of
 * that prefix and kind on any OKR tab, so the ID is unique (§1.2).
 */
import type { OkrKind, OkrRow } from '../../core/workbook/okr-rows';
import type { Level } from '../../core/workbook/schema';

const ID_SHAPE = /^(.+)-(O|KR)(\d+)$/i;
const LEVEL_PREFIX: Readonly<Record<Level, string>> = { Corporate: 'C', Department: 'D', Team: 'T' };

function abbreviation(unit: string): string {
  const words = unit.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  if (words.length === 0) return '';
  if (words.length === 1) return (words[0] as string).slice(0, 3).toUpperCase();
  return words
    .slice(0, 4)
    .map((w) => w[0])
    .join('')
    .toUpperCase();
}

/** The prefix most used by the rows of a level and unit, if they follow the scheme. */
function usedPrefix(rows: readonly OkrRow[], level: Level, unit: string): string | undefined {
  const counts = new Map<string, number>();
  const sameUnit = (row: OkrRow) => level === 'Corporate' || row.unit.toLowerCase() === unit.toLowerCase();
  for (const row of rows) {
    if (row.level !== level || !sameUnit(row)) continue;
    const prefix = ID_SHAPE.exec(row.id)?.[1];
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [prefix, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = prefix;
  return best;
}

export function generateId(rows: readonly OkrRow[], level: Level, kind: OkrKind, unit: string): string {
  const prefix =
    usedPrefix(rows, level, unit) ??
    (level === 'Corporate' ? LEVEL_PREFIX.Corporate : abbreviation(unit) || LEVEL_PREFIX[level]);
  const tag = kind === 'Objective' ? 'O' : 'KR';
  let highest = 0;
  for (const row of rows) {
    const match = ID_SHAPE.exec(row.id);
    if (match && match[1]?.toLowerCase() === prefix.toLowerCase() && match[2]?.toUpperCase() === tag) {
      highest = Math.max(highest, Number(match[3]));
    }
  }
  const taken = new Set(rows.map((r) => r.key));
  let n = highest + 1;
  while (taken.has(`${prefix}-${tag}${n}`.toLowerCase())) n++;
  return `${prefix}-${tag}${n}`;
}

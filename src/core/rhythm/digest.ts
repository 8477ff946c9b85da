/**
 * §4.7 the digest's figures: the headline score, what moved since the last snapshot and
 * what is at risk, from the same report Build roll-up writes. Pure.
 */
import { STATUSES, type Status } from '../status';
import { buildReport, type ReportRow } from '../workbook/report';
import type { Workbook } from '../workbook/workbook';

export interface Movement {
  readonly id: string;
  readonly title: string;
  readonly level: string;
  readonly previous: number;
  readonly score: number;
  readonly delta: number;
}

export interface AtRisk {
  readonly kind: 'Objective' | 'Key result' | 'KPI';
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly score: number | null;
}

export interface DigestFigures {
  /** The company score: the mean of the corporate objectives' scores; null when none is scored. */
  readonly score: number | null;
  /** Objectives and key results per status, across all levels. */
  readonly statusCounts: Readonly<Record<Status, number>>;
  /** The day of the snapshot "moved" compares with (a Sheets serial); null without one. */
  readonly previousSnapshot: number | null;
  /** Rows whose score changed since then, the largest change first. */
  readonly moved: readonly Movement[];
  readonly atRisk: readonly AtRisk[];
}

function movementOf(row: ReportRow): Movement | null {
  if (row.trend === null || row.trend.symbol === '=' || !row.score.ok || row.score.value === null) return null;
  return {
    id: row.id,
    title: row.title,
    level: row.level,
    previous: row.trend.previous,
    score: row.score.value,
    delta: row.trend.delta,
  };
}

export function digestFigures(workbook: Workbook): DigestFigures {
  const report = buildReport(workbook);
  const corporate = report.byLevel.find((line) => line.level === 'Corporate');
  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const line of report.byLevel) {
    for (const s of STATUSES) statusCounts[s] += line.objectives.byStatus[s] + line.keyResults.byStatus[s];
  }
  const rows = [...report.rows, ...report.unaligned];
  const moved = rows
    .map(movementOf)
    .filter((m): m is Movement => m !== null)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta));
  const atRisk: AtRisk[] = rows
    .filter((r) => r.status.ok && r.status.value === 'At risk')
    .map((r) => ({
      kind: r.kind === 'Objective' ? 'Objective' : 'Key result',
      id: r.id,
      title: r.title,
      owner: r.owner,
      score: r.score.ok ? r.score.value : null,
    }));
  for (const { row, progress, status } of workbook.kpiResults) {
    if (!status.ok || status.value !== 'At risk') continue;
    atRisk.push({
      kind: 'KPI',
      id: row.id,
      title: row.kpi,
      owner: row.owner,
      score: progress.ok ? progress.value : null,
    });
  }
  return {
    score: corporate?.objectives.averageScore ?? null,
    statusCounts,
    previousSnapshot: report.previousSnapshot,
    moved,
    atRisk,
  };
}

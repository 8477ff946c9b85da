/**
 * Findings: every problem the workbook domain reports, from a bad header to a stale
 * check-in, in one shape so that Validate (§4.3) can list them and actions can show
 * them naming the tab, column and row.
 */
import { columnLetter } from './a1';

export type Severity = 'error' | 'warning';

/** A stable name per rule of §4.3 (and the reading rules around it), for filtering and tests. */
export type Rule =
  | 'missing-tab'
  | 'missing-column'
  | 'duplicate-column'
  | 'missing-id'
  | 'duplicate-id'
  | 'unknown-parent'
  | 'cycle'
  | 'kr-parent'
  | 'wrong-level'
  | 'unaligned'
  | 'bad-type'
  | 'bad-number'
  | 'missing-value'
  | 'bad-metric-type'
  | 'start-equals-target'
  | 'bad-weight'
  | 'bad-date'
  | 'bad-value'
  | 'bad-setting'
  | 'team-to-corporate'
  | 'too-many-objectives'
  | 'key-result-count'
  | 'missing-owner'
  | 'stale-check-in'
  | 'kpi-smart';

export interface Finding {
  readonly severity: Severity;
  readonly rule: Rule;
  readonly tab: string;
  /** 1-based sheet row as the user sees it; 1 is the header row. */
  readonly row: number;
  /** The column's header as the user wrote it, when the finding is about one cell. */
  readonly column?: string;
  /** 0-based column index, for a link to the cell. */
  readonly columnIndex?: number;
  /** The row's ID as written (trimmed), "" when it has none. */
  readonly id: string;
  readonly message: string;
}

export function tabFinding(
  severity: Severity,
  rule: Rule,
  tab: string,
  row: number,
  extra: { id?: string; column?: string; columnIndex?: number; message: string },
): Finding {
  const finding: Finding = { severity, rule, tab, row, id: extra.id ?? '', message: extra.message };
  return {
    ...finding,
    ...(extra.column === undefined ? {} : { column: extra.column }),
    ...(extra.columnIndex === undefined ? {} : { columnIndex: extra.columnIndex }),
  };
}

/** `Team OKRs!H12`, or `Team OKRs row 12` when no column is known. */
export function findingLocation(finding: Finding): string {
  const col = finding.columnIndex === undefined ? '' : columnLetter(finding.columnIndex);
  return col === '' ? `${finding.tab} row ${finding.row}` : `${finding.tab}!${col}${finding.row}`;
}

/** One line for a message box: `Team OKRs!H12 (Start): start is not a number: "abc"`. */
export function formatFinding(finding: Finding): string {
  const column = finding.column === undefined ? '' : ` (${finding.column})`;
  return `${findingLocation(finding)}${column}: ${finding.message}`;
}

/**
 * Sort order of §4.3: tab in `tabOrder`, then row, errors before warnings, then
 * column. Tabs not in the list go last, by name.
 */
export function sortFindings(findings: readonly Finding[], tabOrder: readonly string[]): Finding[] {
  const rank = (tab: string): number => {
    const i = tabOrder.indexOf(tab);
    return i < 0 ? tabOrder.length : i;
  };
  return findings
    .map((finding, i) => ({ finding, i }))
    .sort(
      (a, b) =>
        rank(a.finding.tab) - rank(b.finding.tab) ||
        (a.finding.tab < b.finding.tab ? -1 : a.finding.tab > b.finding.tab ? 1 : 0) ||
        a.finding.row - b.finding.row ||
        (a.finding.severity === b.finding.severity ? 0 : a.finding.severity === 'error' ? -1 : 1) ||
        (a.finding.columnIndex ?? -1) - (b.finding.columnIndex ?? -1) ||
        a.i - b.i,
    )
    .map((x) => x.finding);
}

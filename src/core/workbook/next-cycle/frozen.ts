/**
 * What an archive holds (§4.6): the values as they were read, never formula results still
 * loading. In Sheets a custom function's cell reads "Loading..." (its spill blank) until its
 * execution ends, in a fresh copy and in the live tab alike, so a copy is never read back,
 * and a live column (Score, Expected, Status; a KPI's Progress, Status, SMART) caught loading
 * holds what core computes from the inputs read. Any other cell caught loading cannot be
 * recomputed: the action names it and stops before writing anything.
 */
import { err, ok, type Result } from '../../result';
import { columnLetter, KPI_SCHEMA, mapHeaders, OKR_SCHEMA, TAB } from '../schema';
import { cellValue, rowKey } from '../score-workbook';
import type { Grid } from '../table';
import type { Workbook } from '../workbook';
import type { ArchivedGrid } from './plan';

/** What Sheets shows in a custom function's cell while it runs. */
export const LOADING = 'Loading...';

type Live = Readonly<Record<number, (row: number) => unknown>>;

function liveColumns(key: ArchivedGrid, header: readonly unknown[], wb: Workbook): Live {
  const live: Record<number, (row: number) => unknown> = {};
  const put = (column: number | undefined, valueAt: (row: number) => unknown) => {
    if (column !== undefined) live[column] = valueAt;
  };
  if (key === 'kpis') {
    const index = mapHeaders(TAB.kpis, header, KPI_SCHEMA).index;
    const byRow = new Map(wb.kpiResults.map((k) => [k.row.row, k]));
    put(index.progress, (row) => {
      const k = byRow.get(row);
      return k ? cellValue(k.progress) : '';
    });
    put(index.status, (row) => {
      const k = byRow.get(row);
      return k ? cellValue(k.status) : '';
    });
    put(index.smart, (row) => byRow.get(row)?.smart.text ?? '');
    return live;
  }
  const tab = TAB[key];
  const index = mapHeaders(tab, header, OKR_SCHEMA).index;
  const at = (row: number) => wb.scores.byRow.get(rowKey(tab, row));
  put(index.score, (row) => {
    const s = at(row);
    return s ? cellValue(s.score) : '';
  });
  put(index.expected, (row) => {
    const s = at(row);
    return s ? cellValue(s.expected) : '';
  });
  put(index.status, (row) => {
    const s = at(row);
    return s ? cellValue(s.status) : '';
  });
  return live;
}

/**
 * `raw` as read, with each live column that was caught loading recomputed by core (rows are
 * 1-based sheet rows); an error naming the first cells of other columns caught loading.
 * `loading`: columns whose header formula was caught loading (its header restored in `raw`).
 */
export function archivedValues(
  key: ArchivedGrid,
  raw: Grid,
  wb: Workbook,
  loading: ReadonlySet<number> = new Set(),
): Result<unknown[][]> {
  const tab = TAB[key];
  const live = liveColumns(key, raw[0] ?? [], wb);
  const out = raw.map((row) => [...row]);
  const loadingColumns = new Set([...loading].filter((c) => live[c]));
  const stuck: string[] = [];
  for (const [r, row] of raw.entries()) {
    for (const [c, value] of row.entries()) {
      if (value !== LOADING) continue;
      if (live[c]) loadingColumns.add(c);
      else stuck.push(`${tab}!${columnLetter(c)}${r + 1}`);
    }
  }
  if (stuck.length > 0) {
    const shown = stuck.length > 3 ? `${stuck.slice(0, 3).join(', ')} and ${stuck.length - 3} more` : stuck.join(', ');
    return err(
      `${shown} still show${stuck.length === 1 ? 's' : ''} Loading... (a formula is still calculating). ` +
        'Wait until every cell shows its value, then start the next cycle again. Nothing was changed.',
    );
  }
  for (const c of loadingColumns) {
    const valueAt = live[c] as (row: number) => unknown;
    for (let r = 1; r < out.length; r++) {
      const line = out[r];
      if (line && c < line.length) line[c] = valueAt(r + 1);
    }
  }
  return ok(out);
}

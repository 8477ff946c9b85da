/**
 * The fewest Sheet.setColumnWidths calls that give a fresh sheet's columns their widths
 * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setColumnWidths(Integer,Integer,Integer)):
 * a new sheet's columns are Sheets' default 100 px already, so those need no call, and one call
 * may paint a span that later calls partly repaint (columns set later win). Pure, so the plan
 * can be tested without a sheet.
 */

/** Sheets' width of a column nobody resized. */
export const DEFAULT_COLUMN_WIDTH = 100;

/** One setColumnWidths call: `count` columns from `first` (1-based) at `width` px. */
export interface WidthRun {
  readonly first: number;
  readonly count: number;
  readonly width: number;
}

/** Runs of adjacent equal widths among the columns `pick` keeps, in column order. */
function runsOf(widths: readonly number[], pick: (column: number) => boolean): WidthRun[] {
  const runs: WidthRun[] = [];
  for (let c = 0; c < widths.length; c++) {
    if (!pick(c)) continue;
    const width = widths[c] as number;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.width === width && last.first + last.count === c + 1) {
      runs[runs.length - 1] = { ...last, count: last.count + 1 };
    } else runs.push({ first: c + 1, count: 1, width });
  }
  return runs;
}

/**
 * The calls in order. Either each run of non-default widths, or one width painted from its
 * first column to its last and then every other column in that span (and every non-default one
 * outside it) set over it: whichever takes fewer calls.
 */
export function widthPlan(widths: readonly number[], defaultWidth = DEFAULT_COLUMN_WIDTH): WidthRun[] {
  let best = runsOf(widths, (c) => widths[c] !== defaultWidth);
  for (const base of new Set(widths)) {
    if (base === defaultWidth) continue;
    const from = widths.indexOf(base);
    const to = widths.lastIndexOf(base);
    const painted: WidthRun = { first: from + 1, count: to - from + 1, width: base };
    const over = runsOf(widths, (c) => (c >= from && c <= to ? widths[c] !== base : widths[c] !== defaultWidth));
    if (1 + over.length < best.length) best = [painted, ...over];
  }
  return best;
}

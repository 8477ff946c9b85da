/**
 * The Settings tab (§1.4): a new tab gets every key with its default; an existing
 * one gets only the keys it lacks, appended below its last row, so a user's
 * values and notes stay where they are. Plus a `Today` row holding =TODAY(): the
 * Expected formulas read as-of from it, since a custom function only recalculates
 * when an argument changes.
 *
 * Column C, "In use", is the add-on's: beside each key's Value, a formula giving
 * the value actually used (the Value when valid, else its default, exactly as
 * core's parseSettings decides). The live formulas read those cells, so a blank or
 * bad Value grades the sheet as the menu actions do. Written only where the
 * formula differs, so a second run changes nothing.
 */

import { normalizeHeader, TAB } from '../../core/workbook/schema';
import { defaultSettingsRows, SETTING_LABELS, SETTINGS_HEADER, type SettingKey } from '../../core/workbook/settings';
import { sameFormula } from '../formula-text';
import { ensureSize } from '../io';
import { DATE_FORMAT, PERCENT_FORMAT } from '../layout';
import {
  SETTINGS_IN_USE_COLUMN,
  SETTINGS_IN_USE_HEADER,
  type SettingsCells,
  settingsInUseFormulas,
} from '../live-formulas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TODAY_LABEL = 'Today';
const TODAY_NOTE =
  'Expected progress is measured as of this date. Keep =TODAY() here so that Expected and Status move with the calendar.';

const IN_USE_NOTE =
  'What OKR Cascade uses: the Value when it is valid, else the default. Scores, Expected and Status read this column; Validate explains a Value that is not used.';

type Key = SettingKey | 'today';

const FORMAT: Readonly<Partial<Record<Key, string>>> = {
  cycleStart: DATE_FORMAT,
  cycleEnd: DATE_FORMAT,
  onTrack: PERCENT_FORMAT,
  behind: PERCENT_FORMAT,
  today: DATE_FORMAT,
};

export interface SettingsOutcome {
  readonly cells: SettingsCells;
  readonly created: boolean;
  /** Labels of the rows added to an existing tab. */
  readonly added: readonly string[];
  /** How many In use formulas were written or rewritten (0 when all were in place). */
  readonly inUseWritten: number;
  /** 1-based row of each key. */
  readonly rows: Readonly<Record<Key, number>>;
}

export function ensureSettings(ss: Spreadsheet, today: number, company = ''): SettingsOutcome {
  const existing = ss.getSheetByName(TAB.settings);
  const sheet = existing ?? ss.insertSheet(TAB.settings, ss.getNumSheets());
  const data = existing ? sheet.getDataRange() : undefined;
  const grid = data ? data.getValues() : [];
  const formulas = data ? data.getFormulas() : [];
  const labels: Record<Key, string> = { ...SETTING_LABELS, today: TODAY_LABEL };
  const keys = Object.keys(labels) as Key[];
  const found = new Map<string, number>();
  grid.forEach((row, r) => {
    const label = normalizeHeader(row[0]);
    if (label !== '' && !found.has(label)) found.set(label, r + 1);
  });

  const defaults = new Map(defaultSettingsRows(today, company).map(([label, value]) => [label, value]));
  const empty = grid.every((row) => row.every((cell) => cell === ''));
  const lastRow = empty ? 0 : sheet.getLastRow();
  const rows = {} as Record<Key, number>;
  const missing: Key[] = [];
  for (const key of keys) {
    const at = found.get(normalizeHeader(labels[key]));
    if (at !== undefined) rows[key] = at;
    else missing.push(key);
  }

  let first = lastRow + 1;
  if (empty) {
    sheet
      .getRange(1, 1, 1, 2)
      .setValues([[...SETTINGS_HEADER]])
      .setFontWeight('bold');
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(1, 170);
    sheet.setColumnWidth(2, 160);
    first = 2;
  }
  // The In use header, beside Set-up's own "Setting | Value" header (never over a user's cell).
  const headed = empty || normalizeHeader(grid[0]?.[0]) === normalizeHeader(SETTINGS_HEADER[0] ?? '');
  if (headed && String(grid[0]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '') === '') {
    ensureSize(sheet, 1, SETTINGS_IN_USE_COLUMN);
    sheet
      .getRange(1, SETTINGS_IN_USE_COLUMN, 1, 1)
      .setValues([[SETTINGS_IN_USE_HEADER]])
      .setFontWeight('bold')
      .setNote(IN_USE_NOTE);
    sheet.setColumnWidth(SETTINGS_IN_USE_COLUMN, 160);
  }
  if (missing.length > 0) {
    missing.forEach((key, i) => {
      rows[key] = first + i;
    });
    const values = missing.map((key) => [
      labels[key],
      key === 'today' ? '=TODAY()' : (defaults.get(labels[key]) ?? ''),
    ]);
    const block = sheet.getRange(first, 1, missing.length, 2);
    block.setValues(values);
    sheet.getRange(first, 2, missing.length, 1).setNumberFormats(missing.map((key) => [FORMAT[key] ?? 'General']));
    if (missing.includes('today')) sheet.getRange(rows.today, 2).setNote(TODAY_NOTE);
  }
  const cells: SettingsCells = {
    tab: TAB.settings,
    company: rows.company,
    cycleName: rows.cycleName,
    cycleStart: rows.cycleStart,
    cycleEnd: rows.cycleEnd,
    onTrack: rows.onTrack,
    behind: rows.behind,
    today: rows.today,
  };
  return {
    created: !existing || empty,
    added: existing && !empty ? missing.map((key) => labels[key]) : [],
    inUseWritten: writeInUse(sheet, cells, rows, formulas),
    rows,
    cells,
  };
}

/**
 * Writes the In use formulas that differ from what column C holds, one block per
 * run of adjacent setting rows (set-up's own rows are one run). Returns how many
 * formulas changed.
 */
function writeInUse(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  cells: SettingsCells,
  rows: Readonly<Record<Key, number>>,
  before: readonly (readonly string[])[],
): number {
  const wanted = settingsInUseFormulas(cells);
  const keys = (Object.keys(wanted) as SettingKey[]).sort((a, b) => rows[a] - rows[b]);
  const differs = (key: SettingKey) =>
    !sameFormula(before[rows[key] - 1]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '', wanted[key]);
  const changed = keys.filter(differs).length;
  if (changed === 0) return 0;
  ensureSize(sheet, Math.max(...keys.map((key) => rows[key])), SETTINGS_IN_USE_COLUMN);
  const runs: SettingKey[][] = [];
  for (const key of keys) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && rows[key] === rows[last] + 1) run.push(key);
    else runs.push([key]);
  }
  for (const run of runs) {
    if (!run.some(differs)) continue;
    const range = sheet.getRange(rows[run[0] as SettingKey], SETTINGS_IN_USE_COLUMN, run.length, 1);
    range.setFormulas(run.map((key) => [wanted[key]]));
    range.setNumberFormats(run.map((key) => [FORMAT[key] ?? 'General']));
  }
  return changed;
}

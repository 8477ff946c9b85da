/**
 * The Settings tab (§1.4): a new tab gets every key with its default; an existing
 * one gets only the keys it lacks, appended below its last row, so a user's
 * values and notes stay where they are. Plus a `Today` row holding =TODAY(): the
 * Expected formulas read as-of from it, since a custom function only recalculates
 * when an argument changes.
 */

import { normalizeHeader, TAB } from '../../core/workbook/schema';
import { defaultSettingsRows, SETTING_LABELS, SETTINGS_HEADER, type SettingKey } from '../../core/workbook/settings';
import { DATE_FORMAT, PERCENT_FORMAT } from '../layout';
import type { SettingsCells } from '../live-formulas';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const TODAY_LABEL = 'Today';
const TODAY_NOTE =
  'Expected progress is measured as of this date. Keep =TODAY() here so that Expected and Status move with the calendar.';

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
  /** 1-based row of each key. */
  readonly rows: Readonly<Record<Key, number>>;
}

export function ensureSettings(ss: Spreadsheet, today: number, company = ''): SettingsOutcome {
  const existing = ss.getSheetByName(TAB.settings);
  const sheet = existing ?? ss.insertSheet(TAB.settings, ss.getNumSheets());
  const grid = existing ? sheet.getDataRange().getValues() : [];
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
  return {
    created: !existing || empty,
    added: existing && !empty ? missing.map((key) => labels[key]) : [],
    rows,
    cells: {
      tab: TAB.settings,
      cycleStart: rows.cycleStart,
      cycleEnd: rows.cycleEnd,
      onTrack: rows.onTrack,
      behind: rows.behind,
      today: rows.today,
    },
  };
}

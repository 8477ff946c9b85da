/**
 * The Settings tab (§1.4): a new tab gets every key with its default; an existing
 * one gets only the keys it lacks, appended below its last row, so a user's values
 * and notes stay where they are. Plus a `Today` row holding =TODAY(): the Expected
 * formulas read as-of from it, since a custom function only recalculates when an
 * argument changes.
 *
 * Column C, "In use", is the add-on's: beside each key's Value, a formula giving the
 * value actually used (the Value when valid, else its default, exactly as core's
 * parseSettings decides). The live formulas read those cells, so a blank or bad Value
 * grades the sheet as the menu actions do. Written only where the formula differs, so
 * a second run changes nothing. Planned from the survey; a new tab is one block of writes.
 */
import { rangeA1 } from '../../core/workbook/a1';

import { normalizeHeader, TAB } from '../../core/workbook/schema';
import { defaultSettingsRows, SETTING_LABELS, SETTINGS_HEADER, type SettingKey } from '../../core/workbook/settings';
import { growSheet } from '../cells';
import { sameFormula } from '../formula-text';
import type { Change, Journal } from '../journal';
import { DATE_FORMAT, PERCENT_FORMAT } from '../layout';
import {
  SETTINGS_IN_USE_COLUMN,
  SETTINGS_IN_USE_HEADER,
  type SettingsCells,
  settingsInUseFormulas,
} from '../live-formulas';
import { knownSize, type SetupWrites } from './sheet-writes';
import type { TabRead } from './survey';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

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
// What set-up has always written where a cell needs no particular format.
const GENERAL = 'General';
const LABELS: Readonly<Record<Key, string>> = { ...SETTING_LABELS, today: TODAY_LABEL };
const KEYS = Object.keys(LABELS) as Key[];

export interface SettingsPlan {
  readonly cells: SettingsCells;
  /** No tab, or an empty one: written whole. */
  readonly fresh: boolean;
  /** Keys the tab lacks, in order, and the row each goes on. */
  readonly missing: readonly Key[];
  /** 1-based row of each key. */
  readonly rows: Readonly<Record<Key, number>>;
  /** Set-up's own "Setting | Value" header in row 1: the In use header goes beside it. */
  readonly headed: boolean;
  readonly read?: TabRead;
}

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

export function planSettings(read: TabRead | undefined): SettingsPlan {
  const grid = read?.values ?? [];
  const found = new Map<string, number>();
  grid.forEach((row, r) => {
    const label = normalizeHeader(row[0]);
    if (label !== '' && !found.has(label)) found.set(label, r + 1);
  });
  const empty = grid.every((row, r) => row.every((cell, c) => cell === '' && (read?.formulas[r]?.[c] ?? '') === ''));
  const lastRow = empty ? 0 : grid.length;
  const rows = {} as Record<Key, number>;
  const missing: Key[] = [];
  for (const key of KEYS) {
    const at = found.get(normalizeHeader(LABELS[key]));
    if (at !== undefined) rows[key] = at;
    else missing.push(key);
  }
  const first = empty ? 2 : lastRow + 1;
  missing.forEach((key, i) => {
    rows[key] = first + i;
  });
  const headed = empty || normalizeHeader(grid[0]?.[0]) === normalizeHeader(SETTINGS_HEADER[0] ?? '');
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
  return { cells, fresh: empty, missing, rows, headed, ...(read ? { read } : {}) };
}

/**
 * Whether writing the plan may need rows or a column the sheet does not have: keys to add
 * below the last row, or no column C in the used range. Otherwise the survey need not read the
 * sheet's size.
 */
export function settingsNeedSize(read: TabRead): boolean {
  const plan = planSettings(read);
  if (plan.fresh) return false;
  const width = Math.max(0, ...read.values.map((row) => row.length));
  return plan.missing.length > 0 || width < SETTINGS_IN_USE_COLUMN;
}

/** The In use formulas (by key) that differ from what column C holds. */
function inUseChanges(plan: SettingsPlan): SettingKey[] {
  const wanted = settingsInUseFormulas(plan.cells);
  return (Object.keys(wanted) as SettingKey[]).filter(
    (key) =>
      plan.fresh ||
      !sameFormula(plan.read?.formulas[plan.rows[key] - 1]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '', wanted[key]),
  );
}

/** A new (or empty) Settings tab in one block: header, keys with defaults, Today, In use. */
function writeFresh(writes: SetupWrites, sheet: Sheet, plan: SettingsPlan, today: number, company: string): void {
  const defaults = new Map(defaultSettingsRows(today, company).map(([label, value]) => [label, value]));
  const wanted = settingsInUseFormulas(plan.cells);
  const height = 1 + KEYS.length;
  const values: unknown[][] = [[...SETTINGS_HEADER, SETTINGS_IN_USE_HEADER]];
  const formats: string[][] = [[GENERAL, GENERAL, GENERAL]];
  const notes: string[][] = [['', '', IN_USE_NOTE]];
  for (const key of plan.missing) {
    const value = key === 'today' ? '=TODAY()' : (defaults.get(LABELS[key]) ?? '');
    values.push([LABELS[key], value, key === 'today' ? '' : wanted[key as SettingKey]]);
    const format = FORMAT[key] ?? GENERAL;
    formats.push([GENERAL, format, key === 'today' ? GENERAL : format]);
    notes.push(['', key === 'today' ? TODAY_NOTE : '', '']);
  }
  writes.at(sheet, rangeA1(1, 1, height, 3), (block) => {
    // Formats first, so that a label or a cycle name stays text.
    block.setNumberFormats(formats);
    block.setValues(values);
    block.setNotes(notes);
    block.setFontWeights(
      values.map((_, r) => new Array<GoogleAppsScript.Spreadsheet.FontWeight>(3).fill(r === 0 ? 'bold' : 'normal')),
    );
  });
  sheet.setFrozenRows(1);
  sheet.setColumnWidth(1, 170);
  sheet.setColumnWidths(2, 2, 160);
}

/**
 * Writes what the plan needs. `newSheet`: the tab was just made (its deletion undoes all);
 * otherwise each write on the user's tab is in the journal.
 */
export function writeSettings(
  journal: Journal,
  writes: SetupWrites,
  sheet: Sheet,
  plan: SettingsPlan,
  newSheet: boolean,
  today: number,
  company: string,
): SettingsOutcome {
  const outcome = (inUseWritten: number): SettingsOutcome => ({
    cells: plan.cells,
    created: newSheet || plan.fresh,
    added: plan.fresh ? [] : plan.missing.map((key) => LABELS[key]),
    inUseWritten,
    rows: plan.rows,
  });
  if (plan.fresh) {
    writeFresh(writes, sheet, plan, today, company);
    if (!newSheet) journal.record(`${TAB.settings}!A1:C${1 + KEYS.length}: the settings and their defaults`);
    return outcome(KEYS.length - 1);
  }
  const read = plan.read as TabRead;
  const defaults = new Map(defaultSettingsRows(today, company).map(([label, value]) => [label, value]));
  const lastRow = Math.max(...KEYS.map((key) => plan.rows[key]));
  if (settingsNeedSize(read)) growSheet(journal, sheet, TAB.settings, knownSize(read), lastRow, SETTINGS_IN_USE_COLUMN);

  // The In use header, beside Set-up's own "Setting | Value" header (never over a user's cell).
  if (plan.headed && String(read.values[0]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '') === '') {
    writes.at(sheet, rangeA1(1, SETTINGS_IN_USE_COLUMN, 1, 1), (cell) => {
      cell
        .setValues([[SETTINGS_IN_USE_HEADER]])
        .setFontWeight('bold')
        .setNote(IN_USE_NOTE);
      journal.record(`${TAB.settings}!C1: the "In use" header, with a note`, () => cell.clear().clearNote());
    });
    sheet.setColumnWidth(SETTINGS_IN_USE_COLUMN, 160);
  }
  if (plan.missing.length > 0) {
    const first = plan.rows[plan.missing[0] as Key];
    const count = plan.missing.length;
    let change: Change | undefined;
    writes.at(sheet, rangeA1(first, 1, count, 2), (block) => {
      block.setValues(
        plan.missing.map((key) => [LABELS[key], key === 'today' ? '=TODAY()' : (defaults.get(LABELS[key]) ?? '')]),
      );
      change = journal.record(
        `${TAB.settings}!A${first}:B${first + count - 1}: ${plan.missing.map((k) => LABELS[k]).join(', ')} added`,
        () => block.clear(),
      );
    });
    writes.at(sheet, rangeA1(first, 2, count, 1), (values) => {
      values.setNumberFormats(plan.missing.map((key) => [FORMAT[key] ?? GENERAL]));
      if (change) change.what += ', with their number formats';
    });
    if (plan.missing.includes('today')) {
      writes.at(sheet, rangeA1(plan.rows.today, 2, 1, 1), (cell) => {
        cell.setNote(TODAY_NOTE);
        if (change) change.what += ` and a note on B${plan.rows.today}`;
      });
    }
  }
  return outcome(writeInUse(journal, writes, sheet, plan));
}

/**
 * Writes the In use formulas that differ from what column C holds, one block per run of
 * adjacent setting rows (set-up's own rows are one run). Returns how many formulas changed.
 */
function writeInUse(journal: Journal, writes: SetupWrites, sheet: Sheet, plan: SettingsPlan): number {
  const wanted = settingsInUseFormulas(plan.cells);
  const changes = inUseChanges(plan);
  if (changes.length === 0) return 0;
  const rows = plan.rows;
  const keys = (Object.keys(wanted) as SettingKey[]).sort((a, b) => rows[a] - rows[b]);
  const runs: SettingKey[][] = [];
  for (const key of keys) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last !== undefined && rows[key] === rows[last] + 1) run.push(key);
    else runs.push([key]);
  }
  const read = plan.read as TabRead;
  for (const run of runs) {
    if (!run.some((key) => changes.includes(key))) continue;
    const top = rows[run[0] as SettingKey];
    const before = run.map((key) => {
      const r = rows[key] - 1;
      const formula = read.formulas[r]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '';
      return [formula !== '' ? formula : (read.values[r]?.[SETTINGS_IN_USE_COLUMN - 1] ?? '')];
    });
    writes.at(sheet, rangeA1(top, SETTINGS_IN_USE_COLUMN, run.length, 1), (range) => {
      range.setFormulas(run.map((key) => [wanted[key]]));
      const change = journal.record(`${TAB.settings}!C${top}:C${top + run.length - 1} (In use): formulas`, () =>
        range.setValues(before),
      );
      range.setNumberFormats(run.map((key) => [FORMAT[key] ?? GENERAL]));
      change.what += ' and number formats';
    });
  }
  return changes.length;
}

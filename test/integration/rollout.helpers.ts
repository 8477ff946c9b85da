/**
 * Helpers for the "Generate rollout plan" integration tests: run the action with a scripted
 * answer, read the plan back as the user sees it, and fix the clock for the script as well
 * as for TODAY() in formulas.
 */
import { type AddonRuntime, type LoadOptions, loadAddon } from '../../local/runtime';
import { writeGrids } from '../support/workbook';

export const PLAN = 'Rollout Plan';
export const FIRST_DATA_ROW = 4;
/** 1-based columns of the plan sheet (SPEC §4.4 order). */
export const COL = { start: 4, end: 5, activity: 6, level: 7, unit: 8, owner: 9, done: 11, notes: 12, w1: 13 };

/**
 * The emulator's `now` drives TODAY() and the services; the bundle's own `new Date()` comes
 * from its vm realm. Apps Script has one clock, so point the realm's Date at the same one.
 */
export function setClock(rt: AddonRuntime, iso: string): void {
  const ms = Date.parse(iso);
  // The loader makes the bundle's own Date follow the emulator's clock.
  rt.emulator.env.now = () => new Date(ms);
}

export function addon(options: LoadOptions & { clock?: string } = {}): AddonRuntime {
  const rt = loadAddon(options);
  if (options.clock) setClock(rt, options.clock);
  return rt;
}

/** Runs the menu action with the user typing `text` (null: pressing Cancel). */
export function generate(rt: AddonRuntime, text: string | null): void {
  rt.emulator.uiState.answerNext(text === null ? { button: 'CANCEL' } : { button: 'OK', text });
  rt.call('generateRolloutPlan');
}

export function planSheet(rt: AddonRuntime): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = rt.emulator.spreadsheet.getSheetByName(PLAN);
  if (!sheet) throw new Error('no Rollout Plan sheet');
  return sheet;
}

/** Data rows as displayed, columns A:L. */
export function shownRows(rt: AddonRuntime): string[][] {
  const sheet = planSheet(rt);
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return [];
  return sheet.getRange(FIRST_DATA_ROW, 1, last - FIRST_DATA_ROW + 1, 12).getDisplayValues();
}

/** "Level | Unit | Start → End" per data row. */
export function outline(rt: AddonRuntime): string[] {
  return shownRows(rt).map((r) => `${r[COL.level - 1]} | ${r[COL.unit - 1]} | ${r[COL.start - 1]} → ${r[COL.end - 1]}`);
}

export function lastAlert(rt: AddonRuntime): string {
  const alerts = rt.emulator.uiState.alerts;
  return alerts[alerts.length - 1]?.prompt ?? '';
}

const OKR_HEADERS = ['ID', 'Type', 'Parent ID', 'Unit', 'Title', 'Owner'];

/** OKR tabs with one objective per department (aligned to C-O1) and per team (aligned to its department's objective). */
export function writeOrg(
  rt: AddonRuntime,
  departments: readonly string[],
  teams: ReadonlyArray<[string, string]> = [],
) {
  const deptId = (name: string) => `D-${name}`;
  writeGrids(rt, {
    corporate: [OKR_HEADERS, ['C-O1', 'Objective', '', 'Company', 'Grow', 'Dana']],
    department: [
      OKR_HEADERS,
      ...departments.map((d) => [deptId(d), 'Objective', 'C-O1', d, `${d} objective`, `${d} lead`]),
    ],
    ...(teams.length === 0
      ? {}
      : {
          team: [
            OKR_HEADERS,
            ...teams.map(([team, dept]) => [
              `T-${team}`,
              'Objective',
              deptId(dept),
              team,
              `${team} objective`,
              `${team} lead`,
            ]),
          ],
        }),
  });
}

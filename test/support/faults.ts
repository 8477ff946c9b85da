/**
 * Running an action with the n-th write failing (local/emulator/faults.ts), and checking what
 * it left behind (§6.3): no user cell changed unless the message names it, and the workbook
 * as it was before, or a message that names every sheet that changed.
 */
import { expect } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { workbookState } from './state';
import { type CellSnapshot, snapshotCells } from './workbook';

export interface Scenario {
  readonly name: string;
  /** A fresh runtime holding the workbook, with anything the action needs before it runs. */
  readonly fresh: () => AddonRuntime;
  /** Runs the action; returns what the user is told (the alert, or the sidebar's error or reply). */
  readonly run: (rt: AddonRuntime) => string;
  /** The tabs holding the user's cells. */
  readonly userTabs: readonly string[];
}

/** The cells that differ between two snapshots of the same tabs: [tab, 1-based row, 0-based column]. */
function changedCells(before: CellSnapshot, after: CellSnapshot): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const tab of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[tab];
    const b = after[tab];
    const rows = Math.max(a?.values.length ?? 0, b?.values.length ?? 0);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(a?.values[r]?.length ?? 0, b?.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const same =
          (a?.values[r]?.[c] ?? '') === (b?.values[r]?.[c] ?? '') &&
          (a?.formulas[r]?.[c] ?? '') === (b?.formulas[r]?.[c] ?? '');
        if (!same) out.push([tab, r + 1, c]);
      }
    }
  }
  return out;
}

const letters = (column: string) => [...column].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/** Does the message name a range of `tab` that holds the cell? */
function names(message: string, tab: string, row: number, column: number): boolean {
  const escaped = tab.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`${escaped}!([A-Z]+)(\\d+)(?::([A-Z]+)(\\d+))?`, 'g');
  for (const m of message.matchAll(re)) {
    const c1 = letters(m[1] ?? 'A');
    const r1 = Number(m[2]);
    const c2 = m[3] === undefined ? c1 : letters(m[3]);
    const r2 = m[4] === undefined ? r1 : Number(m[4]);
    if (row >= r1 && row <= r2 && column >= c1 && column <= c2) return true;
  }
  // Rows the action added, named as such ("Team OKRs: rows 40–41 added").
  for (const m of message.matchAll(new RegExp(`${escaped}: rows? (\\d+)(?:–(\\d+))? added`, 'g'))) {
    if (row >= Number(m[1]) && row <= Number(m[2] ?? m[1])) return true;
  }
  return false;
}

type SheetList = { sheets: { name: string }[] };

/** Names of sheets added, removed or changed between two states. */
function changedSheets(before: unknown, after: unknown): string[] {
  const a = (before as SheetList).sheets;
  const b = (after as SheetList).sheets;
  const byName = (list: { name: string }[]) => new Map(list.map((s) => [s.name, JSON.stringify(s)]));
  const was = byName(a);
  const now = byName(b);
  const out: string[] = [];
  for (const [name, state] of now) if (was.get(name) !== state) out.push(name);
  for (const name of was.keys()) if (!now.has(name)) out.push(name);
  return out;
}

export interface Outcome {
  readonly message: string;
  readonly restored: boolean;
}

/** Runs the scenario with `nth` failing (and every later write, when sustained) and checks §6.3. */
export function runFailing(scenario: Scenario, nth: number, sustained: boolean): Outcome {
  const rt = scenario.fresh();
  const ss = rt.emulator.spreadsheet;
  const before = workbookState(rt);
  const cells = snapshotCells(ss, scenario.userTabs);
  rt.emulator.faults.set({ nth, sustained });
  const message = scenario.run(rt);
  rt.emulator.faults.clear();
  const label = `${scenario.name}, write ${nth}${sustained ? ' on' : ''} failing:\n${message}`;

  expect(message, label).toMatch(/Something went wrong: Service Spreadsheets failed while accessing document/);
  const after = workbookState(rt);
  const restored = JSON.stringify(after) === JSON.stringify(before);
  // "Nothing was changed" only when true.
  if (/Nothing was changed/.test(message)) expect(restored, label).toBe(true);
  if (!restored) {
    expect(message, label).not.toMatch(/Nothing was changed/);
    // Every sheet that changed is named, and every user cell that changed is listed.
    for (const name of changedSheets(before, after)) expect(message, `${label}\n(${name} changed)`).toContain(name);
    for (const [tab, row, column] of changedCells(cells, snapshotCells(ss, scenario.userTabs))) {
      expect(names(message, tab, row, column), `${label}\n(${tab} row ${row} column ${column + 1} changed)`).toBe(true);
    }
  }
  return { message, restored };
}

/** How many document-changing calls the scenario makes when nothing fails. */
export function writesOf(scenario: Scenario): number {
  const rt = scenario.fresh();
  rt.emulator.faults.set({ nth: Number.MAX_SAFE_INTEGER });
  const message = scenario.run(rt);
  expect(message, `${scenario.name} without failures`).not.toMatch(/went wrong/);
  return rt.emulator.faults.changes;
}

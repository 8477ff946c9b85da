/**
 * The menu actions on the built bundle in the local runtime, at 1k, 10k and 50k OKR rows
 * (test/support/workbook.ts generatedWorkbook, a seventh of the objectives without an owner so
 * Validate has findings in proportion): the time of one call, the service calls it makes and
 * its read-after-write round trips (§6.1). Each size is a fresh spreadsheet; the time is the
 * best of `runs`, after a warm-up at the smallest size, since other work on the machine adds
 * to any one run.
 */
import { performance } from 'node:perf_hooks';
import { type AddonRuntime, loadAddon } from '../local/runtime';
import { emulatedToday, generatedWorkbook, writeGrids } from '../test/support/workbook';

export const ACTION_SIZES = [1_000, 10_000, 50_000];

type ActionName =
  | 'setUpWorkbook'
  | 'buildRollup'
  | 'validateWorkbook'
  | 'recordSnapshot'
  | 'generateRolloutPlan'
  | 'startNextCycle';

interface ActionCase {
  readonly name: ActionName;
  readonly label: string;
  /** Answers the dialog the action asks, if any. */
  readonly answer?: (rt: AddonRuntime) => void;
}

export const ACTIONS: readonly ActionCase[] = [
  { name: 'setUpWorkbook', label: 'Set up workbook (on existing tabs)' },
  { name: 'buildRollup', label: 'Build roll-up and dashboard' },
  { name: 'validateWorkbook', label: 'Validate' },
  { name: 'recordSnapshot', label: 'Record snapshot' },
  {
    name: 'generateRolloutPlan',
    label: 'Generate rollout plan',
    answer: (rt) => rt.emulator.uiState.answerNext({ button: 'OK', text: '' }),
  },
  {
    name: 'startNextCycle',
    label: 'Start next cycle',
    answer: (rt) => rt.emulator.uiState.answerNext({ button: 'YES' }),
  },
];

export interface ActionBench {
  readonly action: string;
  readonly rows: number;
  /** Best of the runs, in milliseconds. */
  readonly ms: number;
  readonly calls: number;
  readonly roundTrips: number;
}

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };

/** A full collection between runs (`node --expose-gc`), so no run pays for the last one's garbage. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});

function once(action: ActionCase, rows: number): ActionBench {
  collect();
  const rt = loadAddon(CLOCK);
  writeGrids(rt, generatedWorkbook(rows, emulatedToday(rt), { ownerless: true }));
  action.answer?.(rt);
  rt.emulator.calls.reset();
  const t0 = performance.now();
  rt.call(action.name);
  const ms = performance.now() - t0;
  const alert = rt.emulator.uiState.alerts.at(-1)?.prompt ?? '';
  if (/went wrong/.test(alert)) throw new Error(`${action.name} at ${rows} rows: ${alert}`);
  return {
    action: action.label,
    rows,
    ms,
    calls: rt.emulator.calls.total(),
    roundTrips: rt.emulator.calls.roundTrips(),
  };
}

export function benchActions(sizes: readonly number[] = ACTION_SIZES, runs = 4): ActionBench[] {
  const results: ActionBench[] = [];
  for (const action of ACTIONS) {
    once(action, sizes[0] ?? 1_000); // warm-up: the first call compiles the code it runs
    for (const rows of sizes) {
      const tries = Array.from({ length: runs }, () => once(action, rows));
      const best = tries.reduce((a, b) => (b.ms < a.ms ? b : a));
      results.push(best);
    }
  }
  return results;
}

/** Set up and Insert sample on a new spreadsheet (their size is the sample's): best of `runs`. */
export function benchNewSpreadsheet(runs = 3): ActionBench[] {
  const cases = [
    ['setUpWorkbook', 'Set up workbook (new spreadsheet)'],
    ['insertSampleOkrs', 'Insert sample OKRs (new spreadsheet)'],
  ] as const;
  return cases.map(([name, label]) => {
    const tries = Array.from({ length: runs + 1 }, () => {
      const rt = loadAddon(CLOCK);
      rt.emulator.calls.reset();
      const t0 = performance.now();
      rt.call(name);
      const ms = performance.now() - t0;
      return {
        action: label,
        rows: 0,
        ms,
        calls: rt.emulator.calls.total(),
        roundTrips: rt.emulator.calls.roundTrips(),
      };
    }).slice(1); // the first run warms up
    return tries.reduce((a, b) => (b.ms < a.ms ? b : a));
  });
}

export function printActionsBench(results: readonly ActionBench[]): void {
  console.log('\nMenu actions (best of 4 runs; service calls and read-after-write round trips per call)');
  console.log('action                               |     rows | time (ms) | calls | round trips');
  console.log('-------------------------------------|---------:|----------:|------:|-----------:');
  for (const r of results) {
    console.log(
      `${r.action.padEnd(36)} | ${(r.rows === 0 ? 'sample' : String(r.rows)).padStart(8)} | ${r.ms.toFixed(0).padStart(9)} | ${String(r.calls).padStart(5)} | ${String(r.roundTrips).padStart(11)}`,
    );
  }
}

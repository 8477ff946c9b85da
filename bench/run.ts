/**
 * `npm run bench`: time per row of each custom function at 1k, 10k and 100k
 * rows, calling the BUILT bundle by name as Sheets does (one call per range).
 * Prints the median of several runs after a warm-up. Then the sidebar's opening
 * call at 1k, 10k and 50k rows (bench/sidebar.ts), the menu actions at 1k, 10k and
 * 50k rows (bench/actions.ts) and the custom-function executions of the sample
 * workbook (bench/executions.ts). Everything goes to bench/results.json too, with
 * the machine it ran on and its load.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadAddon } from '../local/runtime';
import { benchActions, benchNewSpreadsheet, printActionsBench } from './actions';
import { benchExecutions, printExecutionsBench } from './executions';
import { benchSidebar, printSidebarBench } from './sidebar';

type Column = unknown[][];
const SIZES = [1_000, 10_000, 100_000];
const RUNS = 7;

const column = (n: number, f: (i: number) => unknown): Column => Array.from({ length: n }, (_, i) => [f(i)]);
const TYPES = ['increase', 'decrease', 'stay above', 'stay below', 'binary', 'milestone', ''];

function scoreArgs(n: number): unknown[] {
  return [
    column(n, (i) => (i % 7 === 1 ? 200 : 0)),
    column(n, (i) => (i % 7 === 1 ? 0 : 100)),
    column(n, (i) => (i % 7 === 4 ? 'yes' : i % 7 === 5 ? '45%' : String(i % 150))),
    column(n, (i) => TYPES[i % TYPES.length]),
  ];
}

/** A balanced-ish tree: every 5th row an objective with the next 4 rows as its key results. */
function rollupArgs(n: number): unknown[] {
  const ids = column(n, (i) => `ID-${i}`);
  const parents = column(n, (i) =>
    i % 5 === 0 ? (i === 0 ? '' : `ID-${Math.floor(i / 25) * 5}`) : `ID-${i - (i % 5)}`,
  );
  const scores = column(n, (i) => (i % 5 === 0 ? '' : (i % 10) / 10));
  const weights = column(n, (i) => (i % 3) + 1);
  return [ids, parents, scores, weights, undefined];
}

const CASES: Record<string, (n: number) => unknown[]> = {
  OKRSCORE: scoreArgs,
  KPIPROGRESS: scoreArgs,
  OKRROLLUP: rollupArgs,
  OKREXPECTED: (n) => [column(n, (i) => 46388 + (i % 30)), 46478, 46420],
  OKRSTATUS: (n) => [column(n, (i) => (i % 100) / 100), column(n, (i) => (i % 10) / 10 + 0.05), 0.7, 0.4],
};

const runtime = loadAddon();
const started = performance.now();
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown CPU',
  cores: os.cpus().length,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
};
const customFunctions: { name: string; rows: number; ms: number; perRowMicros: number }[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

console.log(
  `OKR Cascade custom functions, built bundle — ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
);
console.log('function     |     rows | total (ms) | per row (µs)');
console.log('-------------|---------:|-----------:|------------:');
for (const [name, makeArgs] of Object.entries(CASES)) {
  for (const n of SIZES) {
    const args = makeArgs(n);
    const fn = runtime.context[name] as (...a: unknown[]) => unknown;
    fn(...args); // warm-up
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const t0 = performance.now();
      const out = fn(...args) as unknown[][];
      times.push(performance.now() - t0);
      if (!Array.isArray(out) || out.length !== n) throw new Error(`${name} returned ${String(out).slice(0, 80)}`);
    }
    const ms = median(times);
    customFunctions.push({ name, rows: n, ms, perRowMicros: (ms * 1000) / n });
    console.log(
      `${name.padEnd(12)} | ${String(n).padStart(8)} | ${ms.toFixed(1).padStart(10)} | ${((ms * 1000) / n).toFixed(3).padStart(11)}`,
    );
  }
}

const sidebar = benchSidebar();
printSidebarBench(sidebar);
const actions = [...benchNewSpreadsheet(), ...benchActions()];
printActionsBench(actions);
const executions = benchExecutions();
printExecutionsBench(executions);

const results = {
  date: new Date().toISOString(),
  machine: { ...machine, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
  seconds: Math.round((performance.now() - started) / 1000),
  customFunctions,
  sidebar,
  actions,
  executions,
};
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
// Laid out as the project's formatter lays out JSON, so that `npm run lint` passes with it.
execFileSync(path.join(path.dirname(out), '..', 'node_modules', '.bin', 'biome'), ['format', '--write', out], {
  stdio: 'ignore',
});
console.log(`\nWritten to ${path.relative(process.cwd(), out)} (${results.seconds} s).`);

/**
 * The call that opens the sidebar (`sidebarContext`) on the built bundle, at 1k, 10k
 * and 50k OKR rows: its size as google.script.run carries it (JSON in UTF-8; §6.1
 * allows 300 KB at 10,000 rows) and the time of one call, the selection on a key result.
 */
import { performance } from 'node:perf_hooks';
import { loadAddon } from '../local/runtime';
import { emulatedToday, generatedWorkbook, writeGrids } from '../test/support/workbook';

export const SIDEBAR_SIZES = [1_000, 10_000, 50_000];

export interface SidebarBench {
  readonly rows: number;
  readonly bytes: number;
  readonly ms: number;
}

export function benchSidebar(sizes: readonly number[] = SIDEBAR_SIZES): SidebarBench[] {
  return sizes.map((rows) => {
    const rt = loadAddon({ now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' });
    writeGrids(rt, generatedWorkbook(rows, emulatedToday(rt)));
    const team = rt.emulator.spreadsheet.getSheetByName('Team OKRs');
    if (team) rt.emulator.spreadsheet.setActiveRange(team.getRange('B3')); // the first team key result
    const t0 = performance.now();
    const context = rt.call('sidebarContext');
    const ms = performance.now() - t0;
    return { rows, bytes: Buffer.byteLength(JSON.stringify(context)), ms };
  });
}

export function printSidebarBench(results: readonly SidebarBench[]): void {
  console.log('\nSidebar: the call that opens it (sidebarContext)');
  console.log('    rows | payload (bytes) | time (ms)');
  console.log('--------:|----------------:|---------:');
  for (const { rows, bytes, ms } of results) {
    console.log(`${String(rows).padStart(8)} | ${String(bytes).padStart(15)} | ${ms.toFixed(0).padStart(9)}`);
  }
}

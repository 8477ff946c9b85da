/**
 * §6.1: each action makes the same service calls for 100 rows as for 10,000 — one
 * read per tab, one batched write per property. The only call that depends on size is
 * the one that fits a sheet to its rows: deleteRows when a fresh 1,000-row sheet is too
 * tall, insertRowsAfter when it is too short; either way exactly one call, so the two
 * are counted together below.
 */
import { describe, expect, it } from 'vitest';
import { loadAddon } from '../../local/runtime';
import { MAX_ROW_GROUPS } from '../../src/sheets/report-groups';
import { emulatedToday, generatedWorkbook, writeGrids } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
type Action = 'buildRollup' | 'validateWorkbook' | 'recordSnapshot';

/** The calls of one action on a fresh workbook of `n` rows, with the row-fitting call merged. */
function callsOf(action: Action, n: number, runBefore: readonly Action[] = []): Record<string, number> {
  const rt = loadAddon(CLOCK);
  writeGrids(rt, generatedWorkbook(n, emulatedToday(rt), { ownerless: true }));
  for (const a of runBefore) rt.call(a);
  rt.emulator.calls.reset();
  rt.call(action);
  expect(rt.emulator.uiState.alerts.at(-1)?.prompt).not.toMatch(/went wrong/);
  const counts = { ...rt.emulator.calls.snapshot() };
  const fit = (counts['Sheet.insertRowsAfter'] ?? 0) + (counts['Sheet.deleteRows'] ?? 0);
  delete counts['Sheet.insertRowsAfter'];
  delete counts['Sheet.deleteRows'];
  if (action === 'recordSnapshot') {
    // History grows only when its rows run out (a log's rows are never deleted): at most one call.
    expect(fit).toBeLessThanOrEqual(1);
  } else if (fit > 0) counts['Sheet.insertRowsAfter|deleteRows'] = fit;
  // Row groups take one Range.shiftRowGroupDepth (and its Sheet.getRange) per objective with
  // rows under it, at most MAX_ROW_GROUPS: bounded whatever the size, checked on their own below.
  const groups = counts['Range.shiftRowGroupDepth'] ?? 0;
  expect(groups).toBeLessThanOrEqual(MAX_ROW_GROUPS);
  delete counts['Range.shiftRowGroupDepth'];
  if (counts['Sheet.getRange'] !== undefined) counts['Sheet.getRange'] -= groups;
  return counts;
}

describe('service calls per action do not grow with the rows', () => {
  for (const [action, before] of [
    ['buildRollup', []],
    ['buildRollup', ['buildRollup']],
    ['validateWorkbook', []],
    ['recordSnapshot', []],
    ['recordSnapshot', ['recordSnapshot']],
  ] as const) {
    const label = before.length > 0 ? `${action}, run a second time` : action;
    it(`${label}: 100 rows and 10,000 rows make the same calls`, () => {
      const small = callsOf(action, 100, before);
      const large = callsOf(action, 10_000, before);
      expect(large).toEqual(small);
      // One read per tab: the seven workbook tabs that exist are read once each at most.
      expect(small['Sheet.getDataRange'] ?? 0).toBeLessThanOrEqual(7);
      expect(small['Range.getValues'] ?? 0).toBeLessThanOrEqual(7);
      // Values written in one call per sheet written (Roll-up + Dashboard, Validation, History);
      // a second snapshot the same day over unchanged rows has nothing to write.
      const again = action === 'recordSnapshot' && before.length > 0;
      expect(small['Range.setValues']).toBe(again ? undefined : action === 'buildRollup' ? 2 : 1);
    });
  }

  it('Build roll-up groups at most MAX_ROW_GROUPS objectives, however many there are', () => {
    const rt = loadAddon(CLOCK);
    writeGrids(rt, generatedWorkbook(10_000, emulatedToday(rt), { ownerless: true }));
    rt.call('buildRollup');
    expect(rt.emulator.calls.count('Range.shiftRowGroupDepth')).toBe(MAX_ROW_GROUPS);
  });

  it('Build roll-up writes each formatting property once per sheet', () => {
    const counts = callsOf('buildRollup', 1_000);
    for (const method of ['setNumberFormats', 'setBackgrounds', 'setFontColors', 'setFontWeights', 'setFontStyles']) {
      expect(counts[`Range.${method}`], method).toBe(2);
    }
    expect(counts['Range.setBackground'] ?? 0).toBe(0);
    expect(counts['Range.setValue'] ?? 0).toBe(0);
  });
});

/**
 * §6.1 budgets, counted by the emulator: every action reads what it needs first and then
 * writes, so it costs at most 2 read-after-write round trips (Apps Script caches writes and
 * sends them when the script reads: local/emulator/roundtrips.ts), and Set up and Insert
 * sample make at most 150 service calls. (io-counts.test.ts checks that the calls do not grow
 * with the rows.)
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import type { CheckInInput, SaveOkrInput, SidebarContext } from '../../src/shared/sidebar-api';
import { emulatedToday, generatedWorkbook, writeGrids } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
const MAX_ROUND_TRIPS = 2;
const MAX_SET_UP_CALLS = 150;

interface Counted {
  readonly calls: number;
  readonly roundTrips: number;
  readonly log: string;
}

/** Runs `act` with the counters reset before it; the alert must not be a failure. */
function count(rt: AddonRuntime, act: () => unknown): Counted {
  rt.emulator.calls.reset();
  act();
  expect(rt.emulator.uiState.alerts.at(-1)?.prompt ?? '').not.toMatch(/went wrong/);
  const { calls } = rt.emulator;
  return {
    calls: calls.total(),
    roundTrips: calls.roundTrips(),
    log: calls
      .roundTripLog()
      .map((t) => `${t.call} after ${t.after}`)
      .join('; '),
  };
}

function sample(): AddonRuntime {
  const rt = loadAddon(CLOCK);
  rt.call('insertSampleOkrs');
  return rt;
}

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('Set up and Insert sample: at most 150 service calls, no read after a write', () => {
  it('Set up on a new spreadsheet', () => {
    const rt = loadAddon(CLOCK);
    const counted = count(rt, () => rt.call('setUpWorkbook'));
    expect(counted.calls).toBeLessThanOrEqual(MAX_SET_UP_CALLS);
    expect(counted.roundTrips, counted.log).toBe(0);
  });

  it('Insert sample OKRs on a new spreadsheet', () => {
    const rt = loadAddon(CLOCK);
    const counted = count(rt, () => rt.call('insertSampleOkrs'));
    expect(counted.calls).toBeLessThanOrEqual(MAX_SET_UP_CALLS);
    expect(counted.roundTrips, counted.log).toBe(0);
  });

  it('Set up on OKR tabs of 1,000 and of 10,000 rows never set up: the same calls at both sizes', () => {
    // The bench's "Set up workbook (on existing tabs)": three OKR tabs, Settings and History's header.
    const counted = [1_000, 10_000].map((rows) => {
      const rt = loadAddon(CLOCK);
      writeGrids(rt, generatedWorkbook(rows, emulatedToday(rt), { ownerless: true }));
      return { ...count(rt, () => rt.call('setUpWorkbook')), each: rt.emulator.calls.snapshot() };
    });
    const [small, large] = counted as [(typeof counted)[0], (typeof counted)[0]];
    expect(small.calls).toBeLessThanOrEqual(MAX_SET_UP_CALLS);
    expect(small.roundTrips, small.log).toBe(0);
    expect(large.each).toEqual(small.each);
    expect(large.roundTrips, large.log).toBe(0);
  });

  it('Set up on workbooks holding some of the tabs', () => {
    // Shapes a user brings: one OKR tab, all three, all three with Settings, Settings and History.
    // (Two of the three OKR tabs with a Settings tab cost up to 157: README, Speed.)
    const shapes: (keyof ReturnType<typeof generatedWorkbook>)[][] = [
      ['corporate'],
      ['team', 'history'],
      ['corporate', 'department', 'team'],
      ['corporate', 'department', 'team', 'settings'],
      ['settings', 'history'],
    ];
    for (const keys of shapes) {
      const rt = loadAddon(CLOCK);
      const grids = generatedWorkbook(100, emulatedToday(rt), { ownerless: true });
      writeGrids(rt, Object.fromEntries(keys.map((key) => [key, grids[key]])));
      const counted = count(rt, () => rt.call('setUpWorkbook'));
      expect(counted.calls, keys.join(', ')).toBeLessThanOrEqual(MAX_SET_UP_CALLS);
      expect(counted.roundTrips, counted.log).toBe(0);
    }
  });

  it('Set up again on the sample workbook', () => {
    const rt = sample();
    const counted = count(rt, () => rt.call('setUpWorkbook'));
    expect(counted.calls).toBeLessThanOrEqual(MAX_SET_UP_CALLS);
    expect(counted.roundTrips, counted.log).toBe(0);
  });
});

describe(`every action: at most ${MAX_ROUND_TRIPS} read-after-write round trips`, () => {
  const menu: [string, (rt: AddonRuntime) => void][] = [
    ['Build roll-up', (rt) => rt.call('buildRollup')],
    ['Validate', (rt) => rt.call('validateWorkbook')],
    ['Record snapshot', (rt) => rt.call('recordSnapshot')],
    [
      'Generate rollout plan',
      (rt) => {
        rt.emulator.uiState.answerNext({ button: 'OK', text: '' });
        rt.call('generateRolloutPlan');
      },
    ],
    [
      'Start next cycle',
      (rt) => {
        rt.emulator.uiState.answerNext({ button: 'YES' });
        rt.call('startNextCycle');
      },
    ],
  ];
  for (const [label, act] of menu) {
    it(`${label}, on the sample workbook and again on its own result`, () => {
      const rt = sample();
      for (let run = 0; run < 2; run++) {
        const counted = count(rt, () => act(rt));
        expect(counted.roundTrips, `run ${run + 1}: ${counted.log}`).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
      }
    });
  }

  it('Build roll-up, Validate and Record snapshot on 10,000 rows', () => {
    for (const action of ['buildRollup', 'validateWorkbook', 'recordSnapshot'] as const) {
      const rt = loadAddon(CLOCK);
      writeGrids(rt, generatedWorkbook(10_000, emulatedToday(rt), { ownerless: true }));
      const counted = count(rt, () => rt.call(action));
      expect(counted.roundTrips, `${action}: ${counted.log}`).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    }
  });

  it('the sidebar: opening it, saving a row and recording a check-in', () => {
    const rt = sample();
    const department = rt.emulator.spreadsheet.getSheetByName('Department OKRs') as GoogleAppsScript.Spreadsheet.Sheet;
    const row =
      department
        .getRange('A:A')
        .getValues()
        .findIndex((r) => r[0] === 'SAL-KR1') + 1;
    rt.emulator.spreadsheet.setActiveRange(department.getRange(row, 2));
    let context: SidebarContext | undefined;
    const opened = count(rt, () => {
      context = plain(rt.call('sidebarContext'));
    });
    expect(opened.roundTrips, opened.log).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    const selected = context?.selected;
    if (!selected?.measured) throw new Error('the sidebar opened without its key result');
    const save: SaveOkrInput = {
      target: { tab: selected.tab, row: selected.row, id: selected.id },
      level: selected.level,
      id: selected.id,
      fields: { ...selected.fields, notes: 'Reviewed with the team' },
      base: selected.fields,
    };
    let status = '';
    const saved = count(rt, () => {
      status = plain(rt.call('saveOkr', save)).status;
    });
    expect(status).toBe('saved');
    expect(saved.roundTrips, saved.log).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
    const checkIn: CheckInInput = {
      id: selected.id,
      seen: selected.current,
      value: '7',
      confidence: '8',
      comment: 'On plan',
    };
    const checked = count(rt, () => {
      status = plain(rt.call('recordCheckIn', checkIn)).status;
    });
    expect(status).toBe('saved');
    expect(checked.roundTrips, checked.log).toBeLessThanOrEqual(MAX_ROUND_TRIPS);
  });
});

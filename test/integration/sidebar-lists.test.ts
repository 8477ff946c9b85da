/**
 * §5 and §6.1 through the built bundle: the sidebar opens with one call whose size
 * follows what it shows, not the row count; it finds any other row on the server;
 * and a save or check-in replies with only what changed.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { PAGE_SIZE, parentWarning } from '../../src/shared/okr-lists';
import type {
  OkrFields,
  OkrPage,
  OkrQuery,
  RowDetail,
  SaveOkrResult,
  SelectedRow,
  SidebarContext,
} from '../../src/shared/sidebar-api';
import { emulatedToday, generatedWorkbook, writeGrids, writeSampleWorkbook } from '../support/workbook';

const CLOCK = { now: () => new Date('2027-02-15T12:00:00Z'), timeZone: 'Europe/London' };
/** §6.1's budget for the call that opens the sidebar. */
const OPENING_BUDGET = 300_000;

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** What google.script.run carries: the reply as JSON, in UTF-8 bytes. */
const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

function workbookOf(rows: number): AddonRuntime {
  const rt = loadAddon(CLOCK);
  writeGrids(rt, generatedWorkbook(rows, emulatedToday(rt)));
  return rt;
}

function select(rt: AddonRuntime, tab: string, row: number): void {
  const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
  if (sheet) rt.emulator.spreadsheet.setActiveRange(sheet.getRange(row, 2));
}

const search = (rt: AddonRuntime, query: OkrQuery): OkrPage => plain(rt.call('searchOkrs', query));
const detail = (rt: AddonRuntime, ref: { tab: string; row: number; id: string }): RowDetail =>
  plain(rt.call('rowDetail', ref));

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the call did not fail');
}

describe('sidebar at enterprise size (§6.1)', () => {
  it('opens with one call of at most 300 KB at 10,000 OKR rows, reading only the OKR tabs and Settings', () => {
    const rt = workbookOf(10_000);
    // generatedWorkbook: Team OKRs holds T-O<i> on row 2 + 3i, its key results T-KR<i>a and b below.
    select(rt, 'Team OKRs', 2 + 3 * 350 + 1);
    rt.emulator.calls.reset();
    const context: SidebarContext = plain(rt.call('sidebarContext'));

    expect(bytes(context)).toBeLessThanOrEqual(OPENING_BUDGET);
    expect(rt.emulator.calls.count('Range.getValues')).toBe(4);
    // The selected key result in full, with its parent, which lies beyond the parents' first page.
    expect(context.selected).toMatchObject({ id: 'T-KR350a', parentId: 'T-O350', parent: { id: 'T-O350' } });
    const [all, parents, keyResults] = context.pages;
    expect(all).toMatchObject({ query: { list: { name: 'all' }, text: '' }, size: 10_000, matches: 10_000 });
    expect(all?.items).toHaveLength(PAGE_SIZE);
    expect(parents?.query).toEqual({ list: { name: 'parents', level: 'Team', kind: 'Key Result' }, text: '' });
    expect(parents?.items).toHaveLength(PAGE_SIZE);
    expect(parents?.items.every((row) => row.level === 'Team' && row.kind === 'Objective')).toBe(true);
    expect(keyResults?.items.every((row) => row.measure !== undefined)).toBe(true);
    expect(context.units).toContain('Team 11');
    expect(context.keyResultOwners).toEqual(['Owner']);
  });

  it('finds any row on the server: by ID or words, only valid parents, key results by unit', () => {
    const rt = workbookOf(10_000);
    rt.emulator.calls.reset();
    const found = search(rt, { list: { name: 'all' }, text: 't-kr1999A' });
    expect(found.items.map((row) => row.id)).toEqual(['T-KR1999a']);
    expect(found).toMatchObject({ matches: 1, size: 10_000 });
    expect(rt.emulator.calls.count('Range.getValues')).toBe(4);

    // A team objective aligns to a department row, or (discouraged) to a corporate one: those come last.
    const scope = { name: 'parents', level: 'Team', kind: 'Objective' } as const;
    const parents = search(rt, { list: scope, text: '' });
    expect(parents.size).toBe(3_999); // 3,000 department rows, 999 corporate ones
    expect(parents.items.every((row) => row.level === 'Department')).toBe(true);
    const corporate = search(rt, { list: scope, text: 'C-O33' });
    expect(corporate.items.map((row) => row.id)).toEqual(['C-O33', 'C-O330', 'C-O331', 'C-O332']);
    expect(corporate.items.every((row) => parentWarning(row, 'Team', 'Objective') !== '')).toBe(true);
    // A key result's parent is an objective on its own tab; a corporate objective has none.
    const own = search(rt, { list: { name: 'parents', level: 'Department', kind: 'Key Result' }, text: 'D-' });
    expect(own.items.every((row) => row.level === 'Department' && row.kind === 'Objective')).toBe(true);
    expect(search(rt, { list: { name: 'parents', level: 'Corporate', kind: 'Objective' }, text: '' }).size).toBe(0);

    const team3 = search(rt, { list: { name: 'keyResults', unit: 'Team 3', owner: '' }, text: '' });
    expect(team3.size).toBeGreaterThan(0);
    expect(team3.items.every((row) => row.unit === 'Team 3' && row.measure !== undefined)).toBe(true);
  });

  it('replies to a save with the rows it changed, whatever the row count', () => {
    const rt = workbookOf(10_000);
    const ref = { tab: 'Department OKRs', row: 2, id: 'D-O0' };
    const { item } = detail(rt, ref);
    const result: SaveOkrResult = plain(
      rt.call('saveOkr', {
        target: ref,
        level: 'Department',
        id: '',
        fields: { ...item.fields, title: 'Halve the time to close the books' },
        base: item.fields,
      }),
    );
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.changed.map((row) => row.id)).toEqual(['D-O0']);
    expect(bytes(result)).toBeLessThan(3_000);
  });
});

describe('sidebar server: one row, and what a save changed', () => {
  const sample = () => {
    const rt = loadAddon(CLOCK);
    writeSampleWorkbook(rt);
    return rt;
  };

  it('opens a row in full, found by its ID when it moved, and says so when it is gone', () => {
    const rt = sample();
    const ref = { tab: 'Department OKRs', row: 3, id: 'SAL-KR1' };
    expect(detail(rt, ref).item).toMatchObject({
      id: 'SAL-KR1',
      row: 3,
      parent: { id: 'SAL-O1', kind: 'Objective', level: 'Department' },
      fields: { title: 'Grow qualified pipeline from $2M to $6M', current: '4000000' },
      measured: true,
    });
    const sheet = rt.emulator.spreadsheet.getSheetByName('Department OKRs');
    sheet?.insertRowBefore(2);
    expect(detail(rt, ref).item).toMatchObject({ id: 'SAL-KR1', row: 4 });
    sheet?.getRange('A4').setValue('SAL-KR9');
    expect(failure(() => rt.call('rowDetail', ref))).toBe(
      'SAL-KR1 is no longer on Department OKRs: it was deleted or its ID changed.',
    );
  });

  it('"Load selected row" reads the selection only', () => {
    const rt = sample();
    select(rt, 'Team OKRs', 3);
    const selection: SelectedRow = plain(rt.call('selectedRow'));
    expect(selection).toMatchObject({ selected: { id: 'ENT-KR1' }, selectionNote: '', levelHint: 'Team' });
    expect(Object.keys(selection).sort()).toEqual(['levelHint', 'selected', 'selectionNote']);
  });

  it("a new Unit on an objective changes its key results' inherited Unit: the reply lists all three", () => {
    const rt = sample();
    const ref = { tab: 'Department OKRs', row: 2, id: 'SAL-O1' };
    const { item } = detail(rt, ref);
    const fields: OkrFields = { ...item.fields, unit: 'Revenue' };
    const result: SaveOkrResult = plain(
      rt.call('saveOkr', { target: ref, level: 'Department', id: '', fields, base: item.fields }),
    );
    expect(result.status === 'saved' && result.changed.map((row) => [row.id, row.unit])).toEqual([
      ['SAL-O1', 'Revenue'],
      ['SAL-KR1', 'Revenue'],
      ['SAL-KR2', 'Revenue'],
    ]);
  });
});

/**
 * §5.1 through the built bundle: the sidebar's server functions create and edit OKR
 * rows, writing only the cells they own, in a constant number of calls.
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { headerRow, OKR_SCHEMA } from '../../src/core/workbook/schema';
import type { OkrFields, SaveOkrInput, SaveOkrResult, SidebarContext } from '../../src/shared/sidebar-api';
import { serialInZone } from '../../src/sheets/dates';
import { snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';
import { SIDEBAR_SERVER_FUNCTIONS } from './expected';

const TZ = 'America/New_York';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function fields(values: Partial<OkrFields>): OkrFields {
  return {
    type: 'Objective',
    parentId: '',
    unit: '',
    title: '',
    owner: '',
    metricType: '',
    start: '',
    target: '',
    current: '',
    uom: '',
    weight: '',
    startDate: '',
    dueDate: '',
    notes: '',
    ...values,
  };
}

const context = (rt: AddonRuntime): SidebarContext => plain(rt.call('sidebarContext'));
const save = (rt: AddonRuntime, input: SaveOkrInput): SaveOkrResult => plain(rt.call('saveOkr', input));

function saveError(rt: AddonRuntime, input: SaveOkrInput): string {
  try {
    rt.call('saveOkr', input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('saveOkr did not refuse');
}

/** The cells that differ between two snapshots, as "Tab!row:col → value". */
function changedCells(before: ReturnType<typeof snapshotCells>, after: ReturnType<typeof snapshotCells>): string[] {
  const out: string[] = [];
  for (const tab of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[tab]?.values ?? [];
    const b = after[tab]?.values ?? [];
    for (let r = 0; r < Math.max(a.length, b.length); r++) {
      for (let c = 0; c < Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0); c++) {
        const x = a[r]?.[c] ?? '';
        const y = b[r]?.[c] ?? '';
        if (x !== y) out.push(`${tab}!${r + 1}:${c + 1} → ${String(y)}`);
      }
    }
  }
  return out;
}

/**
 * Department OKRs with a user column "Priority" after Title (so the table is not in our
 * order), a Priority already typed in the first empty row, and Score formulas filled
 * down past the data: none of these may be touched by a save.
 */
function departmentWithUserColumn(rt: AddonRuntime, extraKeyResults = 0): void {
  const grids = writeSampleWorkbook(rt);
  const header = headerRow(OKR_SCHEMA);
  const title = header.indexOf('Title');
  const rows = grids.department.slice(1).map((r) => [...r]);
  for (let i = 0; i < extraKeyResults; i++) {
    const row = header.map(() => '' as string | number);
    Object.assign(row, {
      0: `X-KR${i + 1}`,
      1: 'Key Result',
      2: 'SAL-O1',
      4: `Extra ${i + 1}`,
      6: 'increase',
      7: 0,
      8: 10,
      9: 5,
    });
    rows.push(row);
  }
  const insert = (r: readonly unknown[], value: unknown) => [...r.slice(0, title + 1), value, ...r.slice(title + 1)];
  const grid = [insert(header, 'Priority'), ...rows.map((r, i) => insert(r, `P${i + 1}`))];
  grid.push(
    insert(
      header.map(() => ''),
      'keep me',
    ),
  );
  writeGrids(rt, { department: grid });
  const score = grid[0]?.indexOf('Score') as number;
  const sheet = rt.emulator.spreadsheet.getSheetByName('Department OKRs');
  sheet?.getRange(2, score + 1, grid.length, 1).setFormulas(Array.from({ length: grid.length }, (_, i) => [`=${i}+1`]));
  rt.emulator.calls.reset();
}

describe('sidebar server: entry points', () => {
  it('exposes every google.script.run target as a top-level function of the built bundle', () => {
    const rt = loadAddon();
    for (const name of SIDEBAR_SERVER_FUNCTIONS) expect(rt.topLevelFunctions, name).toContain(name);
  });

  it('Open sidebar shows the built page, titled OKR Cascade, with its script and style inlined', () => {
    const rt = loadAddon();
    rt.call('showSidebar');
    const [sidebar] = rt.emulator.uiState.sidebars;
    expect(sidebar?.title).toBe('OKR Cascade');
    expect(sidebar?.html).toContain('<style>');
    expect(sidebar?.html).toContain('google.script.run');
    expect(sidebar?.html).not.toMatch(/<script src=|<link rel="stylesheet"/);
    for (const name of SIDEBAR_SERVER_FUNCTIONS) expect(sidebar?.html).toContain(name);
  });
});

describe('sidebar server: create', () => {
  const objective = fields({
    title: 'Cut infrastructure costs',
    parentId: 'C-KR1',
    unit: 'Finance',
    owner: 'Ana Ruiz',
    weight: '2',
  });
  const keyResult = fields({
    type: 'Key Result',
    title: 'Lower cloud spend from $120k to $90k a month',
    parentId: 'FIN-O1',
    owner: 'Ben Okafor',
    metricType: 'decrease',
    start: '120,000',
    target: '90000',
    current: '$110,000',
    uom: '$',
    dueDate: '2027-02-01',
    notes: 'Reserved instances first',
  });

  it('appends an objective and a key result under it after the last data row, with readable IDs', () => {
    const rt = loadAddon({ timeZone: TZ });
    departmentWithUserColumn(rt);
    const ss = rt.emulator.spreadsheet;
    const before = snapshotCells(ss);

    const first = save(rt, { target: null, level: 'Department', id: '', fields: objective, base: null });
    expect(first.status).toBe('saved');
    if (first.status !== 'saved') return;
    expect(first.message).toBe('Added FIN-O1 on Department OKRs, row 11.');
    expect(first.warnings).toEqual([]);
    expect(first.saved).toMatchObject({
      id: 'FIN-O1',
      tab: 'Department OKRs',
      row: 11,
      kind: 'Objective',
      unit: 'Finance',
    });

    const second = save(rt, { target: null, level: 'Department', id: '', fields: keyResult, base: null });
    expect(second.status).toBe('saved');
    if (second.status !== 'saved') return;
    expect(second.message).toBe('Added FIN-KR1 on Department OKRs, row 12.');
    // The key result inherits Finance, and scores (120000 − 110000) / (120000 − 90000) = 1/3.
    expect(second.saved).toMatchObject({ id: 'FIN-KR1', unit: 'Finance', measured: true, current: 110000 });
    expect(second.saved.score).toBeCloseTo(1 / 3, 12);

    const sheet = ss.getSheetByName('Department OKRs');
    const values = sheet?.getRange(11, 1, 2, 20).getValues() ?? [];
    // A ID, B Type, C Parent ID, D Unit, E Title, F Priority (user's), G Owner, H Metric type, I Start,
    // J Target, K Current, L UoM, M Weight, N Confidence, O Start date, P Due date, Q Score, R Expected, S Status, T Notes
    expect(values[0]).toEqual([
      'FIN-O1',
      'Objective',
      'C-KR1',
      'Finance',
      'Cut infrastructure costs',
      'keep me',
      'Ana Ruiz',
      '',
      '',
      '',
      '',
      '',
      2,
      '',
      '',
      '',
      10,
      '',
      '',
      '',
    ]);
    const due = values[1]?.[15] as Date;
    expect(Object.prototype.toString.call(due)).toBe('[object Date]');
    expect(serialInZone(due, TZ)).toBe(46419); // 2027-02-01
    expect([...(values[1] ?? []).slice(0, 15), ...(values[1] ?? []).slice(16)]).toEqual([
      'FIN-KR1',
      'Key Result',
      'FIN-O1',
      '',
      'Lower cloud spend from $120k to $90k a month',
      '',
      'Ben Okafor',
      'decrease',
      120000,
      90000,
      110000,
      '$',
      '',
      '',
      '',
      11,
      '',
      '',
      'Reserved instances first',
    ]);
    // Score formulas stay formulas; every other cell of the workbook is as it was.
    expect(sheet?.getRange(11, 17, 2, 1).getFormulas()).toEqual([['=9+1'], ['=10+1']]);
    const changed = changedCells(before, snapshotCells(ss));
    expect(
      changed.every((c) => /^Department OKRs!1[12]:/.test(c)),
      changed.join('\n'),
    ).toBe(true);
    expect(changed).toHaveLength(7 + 12); // the objective's filled cells, then the key result's
  });

  it('makes the same service calls whatever the row count (§6.1)', () => {
    const callsFor = (extra: number) => {
      const rt = loadAddon({ timeZone: TZ });
      departmentWithUserColumn(rt, extra);
      save(rt, { target: null, level: 'Department', id: '', fields: objective, base: null });
      return rt.emulator.calls.snapshot();
    };
    const small = callsFor(0);
    expect(small['Range.setValues']).toBe(3); // A:E, G and M: around the user's Priority column and the blank measure
    // One read per tab, and the row's cells before they are written (to undo them, §6.3).
    expect(small['Range.getValues']).toBe(8);
    expect(callsFor(400)).toEqual(small);
  });

  it('keeps text that looks like a formula as text (§6.2)', () => {
    const corpus = ['=IMPORTXML("http://x")', '+1+1', '-2', '@SUM(A1)', '=HYPERLINK("javascript:alert(1)")'];
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    const sheet = rt.emulator.spreadsheet.getSheetByName('Corporate OKRs');
    corpus.forEach((text, i) => {
      const result = save(rt, {
        target: null,
        level: 'Corporate',
        id: '',
        fields: fields({ title: text, owner: text, notes: text, unit: text }),
        base: null,
      });
      expect(result.status, text).toBe('saved');
      const row = 12 + i; // the sample has 10 corporate rows
      for (const column of [4, 5, 6, 19]) {
        const cell = sheet?.getRange(row, column);
        expect(cell?.getValue(), `${text} in column ${column}`).toBe(text);
        expect(cell?.getFormula(), `${text} in column ${column}`).toBe('');
      }
    });
  });

  it('refuses a save that breaks §1.2 or §2 with every problem at its field, in plain words, and writes nothing', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet);
    const kr = (values: Partial<OkrFields>) =>
      fields({
        type: 'Key Result',
        title: 'Win 10 logos',
        parentId: 'SAL-O1',
        metricType: 'increase',
        start: '0',
        target: '10',
        ...values,
      });
    const problems = (input: SaveOkrInput) => {
      const result = save(rt, input);
      if (result.status !== 'invalid') throw new Error(`saved: ${result.status}`);
      return result.problems;
    };

    // No cell reference for a row that is not written yet.
    expect(problems({ target: null, level: 'Team', id: '', fields: kr({}), base: null })).toEqual([
      {
        field: 'parentId',
        message:
          'a key result\'s parent must be an objective on Team OKRs; "SAL-O1" is an objective on Department OKRs',
      },
    ]);
    expect(problems({ target: null, level: 'Department', id: '', fields: kr({ target: '0' }), base: null })).toEqual([
      { field: 'target', message: 'target equals start: use stay above or stay below for a value to hold' },
    ]);
    expect(problems({ target: null, level: 'Department', id: 'sal-kr1', fields: kr({}), base: null })).toEqual([
      { field: 'id', message: 'duplicate ID "sal-kr1": Department OKRs row 3 already has it' },
    ]);
    // All at once: a blank title, a bad number, a bad date, and the parent on the wrong tab.
    const all = save(rt, {
      target: null,
      level: 'Team',
      id: '',
      fields: kr({ title: '  ', start: 'ten', dueDate: 'soon' }),
      base: null,
    });
    expect(all).toMatchObject({ status: 'invalid', message: 'Not saved: 4 things need fixing first.' });
    expect(all.status === 'invalid' && all.problems.map((p) => p.field)).toEqual([
      'title',
      'start',
      'dueDate',
      'parentId',
    ]);
    expect(all.status === 'invalid' && all.problems[1]?.message).toBe('Start is not a number: "ten"');
    expect(changedCells(before, snapshotCells(rt.emulator.spreadsheet))).toEqual([]);
    expect(rt.emulator.calls.count('Range.setValues')).toBe(0);
  });

  it('saves a team objective aligned straight to corporate, with the §4.3 warning', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    const result = save(rt, {
      target: null,
      level: 'Team',
      id: '',
      fields: fields({
        title: 'Answer every P1 within an hour',
        parentId: 'C-KR7',
        unit: 'Support',
        owner: 'Omar Haddad',
      }),
      base: null,
    });
    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.message).toBe('Added SUP-O2 on Team OKRs, row 20.');
    expect(result.warnings).toEqual([
      'Team OKRs!C20 (Parent ID): team objective aligns straight to corporate "C-KR7": align it to a department objective or key result',
    ]);
  });

  it('says so when another action holds the document lock', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    (rt.emulator.globals.LockService as { _holdByOther(kind: string): void })._holdByOther('document');
    expect(
      saveError(rt, { target: null, level: 'Corporate', id: '', fields: fields({ title: 'x' }), base: null }),
    ).toBe('Another OKR Cascade action is still running in this spreadsheet. Try again in a moment.');
  });
});

describe('sidebar server: edit the selected row', () => {
  function selectRow(rt: AddonRuntime, tab: string, row: number): void {
    const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
    if (sheet) rt.emulator.spreadsheet.setActiveRange(sheet.getRange(row, 3));
  }

  it('loads the row under the selection and writes only the cells that changed', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    selectRow(rt, 'Department OKRs', 3);
    const { selected } = context(rt);
    expect(selected).toMatchObject({ id: 'SAL-KR1', tab: 'Department OKRs', row: 3, current: 4000000 });
    expect(selected?.fields).toEqual(
      fields({
        type: 'Key Result',
        parentId: 'SAL-O1',
        title: 'Grow qualified pipeline from $2M to $6M',
        owner: 'Marcus Webb',
        metricType: 'increase',
        start: '2000000',
        target: '6000000',
        current: '4000000',
        uom: '$',
      }),
    );
    if (!selected) return;
    const before = snapshotCells(rt.emulator.spreadsheet);
    rt.emulator.calls.reset();
    const result = save(rt, {
      target: { tab: selected.tab, row: selected.row, id: selected.id },
      level: 'Department',
      id: '',
      fields: { ...selected.fields, title: 'Grow qualified pipeline to $7M', target: '7,000,000' },
      base: selected.fields,
    });
    expect(result.status).toBe('saved');
    expect(result.status === 'saved' && result.message).toBe('Saved SAL-KR1 on Department OKRs, row 3.');
    expect(changedCells(before, snapshotCells(rt.emulator.spreadsheet))).toEqual([
      'Department OKRs!3:5 → Grow qualified pipeline to $7M',
      'Department OKRs!3:9 → 7000000',
    ]);
    expect(rt.emulator.calls.count('Range.setValues')).toBe(2);
  });

  it('never replaces a formula the user keeps in a cell: the save is refused at its field', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    const sheet = rt.emulator.spreadsheet.getSheetByName('Department OKRs') as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.getRange('J3').setFormula('=4000000+500000');
    selectRow(rt, 'Department OKRs', 3);
    const { selected } = context(rt);
    if (!selected) throw new Error('no row selected');
    const before = snapshotCells(rt.emulator.spreadsheet);
    const result = save(rt, {
      target: { tab: selected.tab, row: selected.row, id: selected.id },
      level: 'Department',
      id: '',
      fields: { ...selected.fields, current: '4600000' },
      base: selected.fields,
    });
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.problems).toEqual([
      {
        field: 'current',
        message: 'This cell holds a formula, =4000000+500000: change it in the sheet (or delete it there first)',
      },
    ]);
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
    // With every other problem, at once.
    const both = save(rt, {
      target: { tab: selected.tab, row: selected.row, id: selected.id },
      level: 'Department',
      id: '',
      fields: { ...selected.fields, current: '4600000', target: 'soon' },
      base: selected.fields,
    });
    expect(both.status === 'invalid' && both.problems.map((p) => p.field).sort()).toEqual(['current', 'target']);
    // Another field of the row saves, the formula left as it is.
    const notes = save(rt, {
      target: { tab: selected.tab, row: selected.row, id: selected.id },
      level: 'Department',
      id: '',
      fields: { ...selected.fields, notes: 'Linked to the CRM' },
      base: selected.fields,
    });
    expect(notes.status).toBe('saved');
    expect(sheet.getRange('J3').getFormula()).toBe('=4000000+500000');
  });

  it('notes an empty selected row and suggests its level for a new OKR', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    selectRow(rt, 'Team OKRs', 40);
    const ctx = context(rt);
    expect(ctx.selected).toBeNull();
    expect(ctx.levelHint).toBe('Team');
    expect(ctx.selectionNote).toBe('Team OKRs row 40 holds no objective or key result: fill in the form to add one.');
  });

  it('refuses to overwrite a cell changed in the sheet since the sidebar loaded it, and merges the rest', () => {
    const rt = loadAddon({ timeZone: TZ });
    writeSampleWorkbook(rt);
    selectRow(rt, 'Corporate OKRs', 2);
    const selected = context(rt).selected;
    if (!selected) throw new Error('no selection');
    const cell = rt.emulator.spreadsheet.getSheetByName('Corporate OKRs')?.getRange('E2');
    cell?.setValue('Grow revenue (edited in the sheet)');
    const ref = { tab: selected.tab, row: selected.row, id: selected.id };

    const conflict = save(rt, {
      target: ref,
      level: 'Corporate',
      id: '',
      fields: { ...selected.fields, title: 'Grow revenue (from the sidebar)' },
      base: selected.fields,
    });
    expect(conflict).toMatchObject({
      status: 'conflict',
      message:
        'C-O1 changed in the sheet since the sidebar loaded it: Title is now "Grow revenue (edited in the sheet)". Nothing was saved.',
      fresh: { id: 'C-O1', title: 'Grow revenue (edited in the sheet)' },
    });
    expect(cell?.getValue()).toBe('Grow revenue (edited in the sheet)');

    // A change to another cell goes through and keeps the sheet's title.
    const merged = save(rt, {
      target: ref,
      level: 'Corporate',
      id: '',
      fields: { ...selected.fields, owner: 'Kim Lee' },
      base: selected.fields,
    });
    expect(merged.status).toBe('saved');
    expect(cell?.getValue()).toBe('Grow revenue (edited in the sheet)');
    expect(rt.emulator.spreadsheet.getSheetByName('Corporate OKRs')?.getRange('F2').getValue()).toBe('Kim Lee');
  });
});

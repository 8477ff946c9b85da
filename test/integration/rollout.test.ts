/**
 * "Generate rollout plan" (SPEC §4.4) in the built bundle: rows per unit, regeneration that
 * keeps what users typed, nothing written on a bad answer or Cancel, batched I/O.
 */
import { describe, expect, it } from 'vitest';
import type { AddonRuntime } from '../../local/runtime';
import { writeGrids, writeSampleWorkbook } from '../support/workbook';
import {
  addon,
  COL,
  FIRST_DATA_ROW,
  generate,
  lastAlert,
  PLAN,
  planSheet,
  shownRows,
  writeOrg,
} from './rollout.helpers';

const CLOCK = '2026-12-20T12:00:00Z';

/** "Level | Unit | Owner | first words of the activity" per row. */
const who = (rt: AddonRuntime) =>
  shownRows(rt).map(
    (r) =>
      `${r[COL.level - 1]} | ${r[COL.unit - 1]} | ${r[COL.owner - 1]} | ${r[COL.activity - 1]?.split(' ').slice(0, 3).join(' ')}`,
  );

const writeCalls = (rt: AddonRuntime) =>
  Object.keys(rt.emulator.calls.snapshot()).filter((k) =>
    /\.(set|insert|add|delete|hide|clear|append)|Range\.(check|uncheck)/.test(k),
  );

describe('rows per unit', () => {
  it('lists every department and team of the sample company, each team under its department', () => {
    const rt = addon({ clock: CLOCK });
    writeSampleWorkbook(rt);
    generate(rt, '2027-01-04');
    // Departments from Department OKRs (leads: their first objective's owner); teams from Team
    // OKRs, their department found through Parent ID (ENT-O1 → SAL-KR2 → SAL-O1 → Sales).
    const dept = (unit: string, lead: string, activity: string) => `Department | ${unit} | ${lead} | ${activity}`;
    const team = (unit: string, lead: string, activity: string) => `Team | ${unit} | ${lead} | ${activity}`;
    const teams: Array<[string, string]> = [
      ['Enterprise Sales', 'Julia Santos'],
      ['SMB Sales', 'Nina Kowalski'],
    ];
    const productTeams: Array<[string, string]> = [
      ['Platform', 'Ben Okafor'],
      ['Growth', 'Chloe Martin'],
    ];
    const csTeams: Array<[string, string]> = [
      ['Support', 'Omar Haddad'],
      ['Onboarding', 'Hugo Laurent'],
    ];
    const okrs = (list: Array<[string, string]>) =>
      list.flatMap(([u, l]) => [team(u, l, "Develop the team's"), team(u, l, "Identify the team's")]);
    const checkins = (list: Array<[string, string]>) => list.map(([u]) => team(u, 'PMO', 'Check in with'));
    expect(who(rt)).toEqual([
      'Corporate | Corporate | PMO | Workshops with stakeholders',
      dept('Sales', 'Marcus Webb', 'Workshop with the'),
      dept('Product', 'Aiko Tanaka', 'Workshop with the'),
      dept('Customer Success', 'Lee Chen', 'Workshop with the'),
      dept('Sales', 'Marcus Webb', "Develop the department's"),
      ...okrs(teams),
      dept('Product', 'Aiko Tanaka', "Develop the department's"),
      ...okrs(productTeams),
      dept('Customer Success', 'Lee Chen', "Develop the department's"),
      ...okrs(csTeams),
      'Corporate | Corporate | PMO | Communicate the objectives',
      dept('Sales', 'PMO', 'Train the department'),
      dept('Product', 'PMO', 'Train the department'),
      dept('Customer Success', 'PMO', 'Train the department'),
      'Corporate | Corporate | PMO | Finalize deployment of',
      'Corporate | Corporate | PMO | Begin full implementation;',
      dept('Sales', 'PMO', 'Check in with'),
      ...checkins(teams),
      dept('Product', 'PMO', 'Check in with'),
      ...checkins(productTeams),
      dept('Customer Success', 'PMO', 'Check in with'),
      ...checkins(csTeams),
      'Corporate | Corporate | PMO | Review the effectiveness',
    ]);
    // 5 corporate + 3 departments × 4 (objectives, OKRs, training, check-ins) + 6 teams × 3 = 35.
    expect(lastAlert(rt)).toMatch(
      /^Wrote "Rollout Plan": 35 rows from Monday 4 January 2027 to Friday 26 March 2027, for the corporate level, 3 departments and 6 teams\./,
    );
  });

  it('a workbook with one department gets its four rows and the corporate five', () => {
    const rt = addon({ clock: CLOCK });
    writeOrg(rt, ['Finance']);
    generate(rt, '2027-01-04');
    expect(shownRows(rt).map((r) => `${r[COL.level - 1]} ${r[COL.unit - 1]} ${r[2]}`)).toEqual([
      'Corporate Corporate 1–2',
      'Department Finance 1–2',
      'Department Finance 3–4',
      'Corporate Corporate 1',
      'Department Finance 2–3',
      'Corporate Corporate 4',
      'Corporate Corporate 1',
      'Department Finance 2–3',
      'Corporate Corporate 4',
    ]);
    expect(lastAlert(rt)).toContain('9 rows');
    expect(lastAlert(rt)).toContain('1 department and 0 teams');
  });

  it('lists a team whose department cannot be found after the departments', () => {
    const rt = addon({ clock: CLOCK });
    writeGrids(rt, {
      corporate: [
        ['ID', 'Type', 'Parent ID', 'Unit', 'Title'],
        ['C-O1', 'Objective', '', 'Company', 'Grow'],
      ],
      department: [
        ['ID', 'Type', 'Parent ID', 'Unit', 'Title'],
        ['D-O1', 'Objective', 'C-O1', 'Sales', 'Sell'],
        ['D-KR1', 'Key Result', 'D-O1', '', 'Deals'],
      ],
      team: [
        ['ID', 'Type', 'Parent ID', 'Unit', 'Title'],
        ['T-O1', 'Objective', 'C-O1', 'Skunkworks', 'Aligned straight to corporate'],
        ['T-O2', 'Objective', 'D-KR1', 'Field', 'Aligned to a Sales key result (its Unit is inherited)'],
      ],
    });
    generate(rt, '2027-01-04');
    const okrRows = shownRows(rt)
      .filter((r) => r[2] === '3–4')
      .map((r) => `${r[COL.level - 1]} ${r[COL.unit - 1]}`);
    expect(okrRows).toEqual(['Department Sales', 'Team Field', 'Team Field', 'Team Skunkworks', 'Team Skunkworks']);
  });

  it('names an OKR tab it could not read, so missing units have a reason', () => {
    const rt = addon({ clock: CLOCK });
    writeGrids(rt, {
      department: [
        ['ID', 'Parent ID', 'Unit'],
        ['D-O1', '', 'Sales'],
      ],
    });
    generate(rt, '2027-01-04');
    expect(lastAlert(rt)).toContain(
      'Some OKR tabs could not be read:\n• Department OKRs row 1 (Title): missing column "Title" (or "Objective", "Key Result"): add it to the header row',
    );
  });

  it('an empty workbook gets the corporate rows and is told where units come from', () => {
    const rt = addon({ clock: CLOCK });
    generate(rt, '2027-01-04');
    expect(shownRows(rt).map((r) => r[COL.level - 1])).toEqual(Array(5).fill('Corporate'));
    expect(lastAlert(rt)).toContain('No departments or teams were found on the Department OKRs and Team OKRs tabs');
  });

  it('writes the sheet as §4.4 lays it out: title, week dates, headers, checkboxes, shading, frozen header', () => {
    const rt = addon({ clock: CLOCK });
    writeOrg(rt, ['Finance']);
    generate(rt, '2027-01-04');
    const sheet = planSheet(rt);
    expect(sheet.getRange('A1').getValue()).toBe('OKR rollout plan: Monday 4 January 2027 to Friday 26 March 2027');
    expect(sheet.getRange(3, 1, 1, 24).getValues()[0]).toEqual([
      ...['Phase', 'Month', 'Week(s)', 'Start', 'End', 'Activity', 'Level', 'Unit', 'Owner', 'Deliverable'],
      ...['Done', 'Notes', 'W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8', 'W9', 'W10', 'W11', 'W12'],
    ]);
    expect(sheet.getFrozenRows()).toBe(3);
    expect(sheet.getRange(FIRST_DATA_ROW, COL.done, 9, 1).getValues().flat()).toEqual(Array(9).fill(false));
    const done = sheet.getRange(FIRST_DATA_ROW + 8, COL.done).getDataValidation();
    expect(String(done?.getCriteriaType())).toBe('CHECKBOX');
    // Row 5 (Finance, weeks 1–2 of month 1) shades W1 and W2 only; row 8 (training, M2 W2–3) W6 and W7.
    const shaded = (row: number) =>
      sheet
        .getRange(row, COL.w1, 1, 12)
        .getBackgrounds()[0]
        ?.map((c, i) => (c === '#9fc5e8' ? `W${i + 1}` : ''))
        .filter(Boolean);
    expect(shaded(5)).toEqual(['W1', 'W2']);
    expect(shaded(8)).toEqual(['W6', 'W7']);
    expect(sheet.getRange(FIRST_DATA_ROW, COL.activity).getWrap()).toBe(true);
    expect(sheet.isColumnHiddenByUser(25)).toBe(true);
  });
});

describe('regenerating', () => {
  it('keeps Done, Owner and Notes on rows that still exist, adds and drops unit rows, and says so', () => {
    const rt = addon({ clock: CLOCK });
    writeOrg(
      rt,
      ['Sales', 'Product'],
      [
        ['Field', 'Sales'],
        ['Platform', 'Product'],
      ],
    );
    generate(rt, '2027-01-04');
    const sheet = planSheet(rt);
    const rowOf = (unit: string, activityStart: string) =>
      FIRST_DATA_ROW +
      shownRows(rt).findIndex((r) => r[COL.unit - 1] === unit && r[COL.activity - 1]?.startsWith(activityStart));
    // The user ticks and types, as in Sheets.
    sheet.getRange(rowOf('Corporate', 'Workshops'), COL.done).setValue(true);
    sheet.getRange(rowOf('Sales', 'Train'), COL.owner).setValue("'=Sam (not a formula)");
    sheet.getRange(rowOf('Sales', 'Train'), COL.notes).setValue('Room booked');
    sheet.getRange(rowOf('Platform', 'Develop'), COL.done).setValue(true);
    sheet.getRange(rowOf('Field', 'Develop'), COL.notes).setValue('Waiting on the sales kick-off');
    sheet.getRange(rowOf('Field', 'Identify'), COL.done).setValue(true);
    // A row of the user's own below the plan, and a column of their own after it.
    const last = sheet.getLastRow();
    sheet
      .getRange(last + 1, 1, 1, 12)
      .setValues([
        ['Extra', 3, '4', '', '', 'Celebrate the launch', 'Corporate', 'All', 'Ana', 'Party', false, 'Cake'],
      ]);
    sheet.getRange(3, 26).setValue('Budget');
    sheet.getRange(rowOf('Sales', 'Train'), 26).setValue(1200);

    // Units change: team Field is gone, team Growth (Product) is new.
    rt.emulator.spreadsheet.getSheetByName('Team OKRs')?.clearContents();
    writeGrids(rt, {
      team: [
        ['ID', 'Type', 'Parent ID', 'Unit', 'Title', 'Owner'],
        ['T-Platform', 'Objective', 'D-Product', 'Platform', 'Platform objective', 'Platform lead'],
        ['T-Growth', 'Objective', 'D-Product', 'Growth', 'Growth objective', 'Growth lead'],
      ],
    });
    generate(rt, '2027-01-04');

    const rows = shownRows(rt);
    const cells = (unit: string, activityStart: string) => {
      const r = rows.find((x) => x[COL.unit - 1] === unit && x[COL.activity - 1]?.startsWith(activityStart));
      return r && [r[COL.owner - 1], r[COL.done - 1], r[COL.notes - 1]];
    };
    expect(cells('Corporate', 'Workshops')).toEqual(['PMO', 'TRUE', '']);
    expect(cells('Sales', 'Train')).toEqual(['=Sam (not a formula)', 'FALSE', 'Room booked']);
    expect(cells('Platform', 'Develop')).toEqual(['Platform lead', 'TRUE', '']);
    expect(cells('Growth', 'Develop')).toEqual(['Growth lead', 'FALSE', '']);
    expect(rows.some((r) => r[COL.unit - 1] === 'Field')).toBe(false);
    // The owner stays text, not a formula (§6.2).
    const salesTraining =
      FIRST_DATA_ROW + rows.findIndex((r) => r[COL.unit - 1] === 'Sales' && r[5]?.startsWith('Train'));
    expect(sheet.getRange(salesTraining, COL.owner).getFormula()).toBe('');
    // The user's column travels with its row; the user's row stays, after the plan row it followed.
    expect(sheet.getRange(3, 26).getValue()).toBe('Budget');
    expect(sheet.getRange(salesTraining, 26).getValue()).toBe(1200);
    expect(rows[rows.length - 1]?.slice(5, 12)).toEqual([
      'Celebrate the launch',
      'Corporate',
      'All',
      'Ana',
      'Party',
      'FALSE',
      'Cake',
    ]);
    // Sales, Product, Platform, Growth: 5 + 2×4 + 2×3 = 19 plan rows, plus the user's.
    expect(rows).toHaveLength(20);

    expect(lastAlert(rt)).toBe(
      [
        'Updated "Rollout Plan": 20 rows from Monday 4 January 2027 to Friday 26 March 2027, for the corporate level, 2 departments and 2 teams.',
        'Kept what you typed in Done, Owner and Notes on 16 rows.',
        'Added rows for new units:\n• Develop OKRs (team): Growth\n• Set up KPIs (team): Growth\n• Check-ins (team): Growth',
        'Dropped rows of units no longer on the OKR tabs:\n• Develop OKRs (team): Field\n• Set up KPIs (team): Field\n• Check-ins (team): Field',
        'Warning: these dropped rows had Done ticked or Notes, copied here so nothing is lost:\n' +
          '• Field (team), Develop the team\'s objectives and key results, aligned to its department\'s: Notes: "Waiting on the sales kick-off"\n' +
          "• Field (team), Identify the team's KPIs and set them up: Done",
      ].join('\n\n'),
    );
  });

  it('a second run with nothing changed changes nothing', () => {
    const rt = addon({ clock: CLOCK });
    writeSampleWorkbook(rt);
    generate(rt, '2027-01-04');
    planSheet(rt).getRange(FIRST_DATA_ROW, COL.notes).setValue('-started early');
    const before = planSheet(rt).getDataRange().getValues();
    generate(rt, '2027-01-04');
    expect(planSheet(rt).getDataRange().getValues()).toEqual(before);
    expect(lastAlert(rt)).toContain('Kept what you typed in Done, Owner and Notes on 35 rows.');
    expect(lastAlert(rt)).not.toContain('Added');
    expect(lastAlert(rt)).not.toContain('Dropped');
  });
});

describe('writes nothing', () => {
  it('when the start date is not a date, and says why', () => {
    const rt = addon({ clock: CLOCK });
    writeSampleWorkbook(rt);
    generate(rt, 'next tuesday');
    // Today 2026-12-20 is a Sunday: the default, the coming Monday, is 2026-12-21.
    expect(lastAlert(rt)).toBe('"next tuesday" is not a date: type it as 2026-12-21.\n\nNothing was changed.');
    expect(rt.emulator.spreadsheet.getSheetByName(PLAN)).toBeNull();
    expect(writeCalls(rt)).toEqual([]);
  });

  it('when the date does not exist', () => {
    const rt = addon({ clock: CLOCK, locale: 'en_GB' });
    generate(rt, '31/02/2027');
    expect(lastAlert(rt)).toContain('"31/02/2027" is not a real date: February 2027 has 28 days');
    expect(rt.emulator.spreadsheet.getSheetByName(PLAN)).toBeNull();
    expect(writeCalls(rt)).toEqual([]);
  });

  it('when the user cancels', () => {
    const rt = addon({ clock: CLOCK });
    writeSampleWorkbook(rt);
    generate(rt, null);
    expect(rt.emulator.uiState.alerts).toEqual([]);
    expect(rt.emulator.spreadsheet.getSheetByName(PLAN)).toBeNull();
    expect(writeCalls(rt)).toEqual([]);
  });

  it("to a user's own sheet named Rollout Plan", () => {
    const rt = addon({ clock: CLOCK });
    const mine = rt.emulator.spreadsheet.insertSheet(PLAN);
    mine.getRange('A1:B2').setValues([
      ['My plan', ''],
      ['=1+1', 'keep me'],
    ]);
    generate(rt, '2027-01-04');
    expect(mine.getRange('A1:B2').getValues()).toEqual([
      ['My plan', ''],
      [2, 'keep me'],
    ]);
    expect(mine.getRange('A2').getFormula()).toBe('=1+1');
    const generated = rt.emulator.spreadsheet.getSheetByName('Rollout Plan (OKR Cascade)');
    expect(generated?.getRange(FIRST_DATA_ROW, COL.unit).getValue()).toBe('Corporate');
    expect(lastAlert(rt)).toContain(
      'Your own sheet "Rollout Plan" was left as it is; the plan is on "Rollout Plan (OKR Cascade)".',
    );
  });
});

describe('the generated sheet', () => {
  it('is found by its mark after the user renamed it', () => {
    const rt = addon({ clock: CLOCK });
    generate(rt, '2027-01-04');
    planSheet(rt).setName('Our rollout');
    generate(rt, '2027-01-11');
    const renamed = rt.emulator.spreadsheet.getSheetByName('Our rollout');
    expect(renamed?.getRange(FIRST_DATA_ROW, COL.start).getDisplayValue()).toBe('2027-01-11');
    expect(rt.emulator.spreadsheet.getSheetByName(PLAN)).toBeNull();
  });

  it('without its header row gives a clear message and is left as it was', () => {
    const rt = addon({ clock: CLOCK });
    generate(rt, '2027-01-04');
    planSheet(rt).deleteRows(1, 3);
    const before = planSheet(rt).getDataRange().getValues();
    rt.emulator.calls.reset();
    generate(rt, '2027-01-04');
    expect(lastAlert(rt)).toBe(
      'The Rollout Plan sheet has no header row with Activity and Unit columns, so what you typed in it cannot be matched to the plan. ' +
        'Restore the headers, or delete the sheet to start a fresh plan.\n\nNothing was changed.',
    );
    expect(planSheet(rt).getDataRange().getValues()).toEqual(before);
    expect(writeCalls(rt)).toEqual([]);
  });
});

describe('service calls', () => {
  const unitNames = (n: number) => Array.from({ length: n }, (_, i) => `Dept ${i + 1}`);

  it('are the same for 3 and for 60 units, first run and regeneration', () => {
    const counts = (n: number) => {
      const rt = addon({ clock: CLOCK });
      // n/3 departments with two teams each: n units in all.
      const depts = unitNames(n / 3);
      writeOrg(
        rt,
        depts,
        depts.flatMap(
          (d): Array<[string, string]> => [
            [`${d} A`, d],
            [`${d} B`, d],
          ],
        ),
      );
      generate(rt, '2027-01-04');
      const first = rt.emulator.calls.snapshot();
      rt.emulator.calls.reset();
      generate(rt, '2027-01-04');
      return { first, again: rt.emulator.calls.snapshot(), rows: shownRows(rt).length };
    };
    const small = counts(3);
    const large = counts(60);
    // 3 units: 5 + 1×4 + 2×3 = 15 rows; 60 units: 5 + 20×4 + 40×3 = 205 rows.
    expect([small.rows, large.rows]).toEqual([15, 205]);
    expect(large.first).toEqual(small.first);
    expect(large.again).toEqual(small.again);
    // One write of each kind for the whole table.
    expect(small.first['Range.setValues']).toBe(1);
    expect(small.first['Range.setBackgrounds']).toBe(1);
    expect(small.first['Range.setDataValidations']).toBe(1);
    expect(small.first['Range.setValue']).toBeUndefined();
    expect(small.first['Range.setBackground']).toBeUndefined();
  });
});

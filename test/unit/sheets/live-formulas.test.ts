import { describe, expect, it } from 'vitest';
import { headerRow, OKR_SCHEMA, type OkrColumn } from '../../../src/core/workbook/schema';
import { planTable } from '../../../src/sheets/layout';
import {
  columnRange,
  kpiProgressFormula,
  kpiSmartFormula,
  kpiStatusFormula,
  okrExpectedFormula,
  okrScoreFormula,
  okrStatusFormula,
  ownScore,
  settingsInUseFormulas,
  sheetRef,
} from '../../../src/sheets/live-formulas';

/** The OKR columns in set-up's order: A = ID, B = Type, … S = Notes. */
const STANDARD = planTable('Team OKRs', headerRow(OKR_SCHEMA), 19, OKR_SCHEMA).index;
const SETTINGS = {
  tab: 'Settings',
  company: 2,
  cycleName: 3,
  cycleStart: 4,
  cycleEnd: 5,
  onTrack: 6,
  behind: 7,
  today: 8,
};

describe('references', () => {
  it('quotes every sheet name and doubles its quotes', () => {
    expect(sheetRef('Team OKRs')).toBe("'Team OKRs'");
    expect(sheetRef("Dana's OKRs")).toBe("'Dana''s OKRs'");
  });

  it('makes whole-column ranges, past Z too', () => {
    expect(columnRange('KPIs', 0)).toBe("'KPIs'!A:A");
    // index 27 is the 28th column: AB.
    expect(columnRange('KPIs', 27)).toBe("'KPIs'!AB:AB");
  });
});

describe('planTable', () => {
  it('finds columns by header or alias and appends the missing ones after the last used column', () => {
    // A user table: ID, Objective (alias of Title), My notes, Parent (alias of Parent ID); data reaches column E.
    const plan = planTable('Team OKRs', ['ID', 'Objective', 'My notes', 'Parent'], 5, OKR_SCHEMA);
    expect(plan.index.id).toBe(0);
    expect(plan.index.title).toBe(1);
    expect(plan.index.parentId).toBe(3);
    // Missing columns, in schema order, start at index 5 (column F): type first, notes last.
    expect(plan.appended.map((a) => a.key)).toEqual([
      'type',
      'unit',
      'owner',
      'metricType',
      'start',
      'target',
      'current',
      'uom',
      'weight',
      'confidence',
      'startDate',
      'dueDate',
      'score',
      'expected',
      'status',
      'notes',
    ] satisfies OkrColumn[]);
    expect(plan.appended[0]).toEqual({ key: 'type', index: 5 });
    expect(plan.index.notes).toBe(20);
  });

  it('appends nothing to a complete table', () => {
    expect(planTable('Team OKRs', headerRow(OKR_SCHEMA), 19, OKR_SCHEMA).appended).toEqual([]);
  });
});

/** Custom-function call sites in a formula: each is one execution per recalculation in Sheets. */
function callSites(formula: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of formula.matchAll(/\b(OKRSCORE|KPIPROGRESS|OKRROLLUP|OKREXPECTED|OKRSTATUS)\(/g)) {
    const name = m[1] as string;
    out[name] = (out[name] ?? 0) + 1;
  }
  return out;
}

/** References that move when a row is inserted under the header (`A2:A`, `B5`), outside Settings. */
function movableRanges(formula: string): string[] {
  return [...formula.matchAll(/'(?:[^']|'')+'!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d*)?/g)]
    .map((m) => m[0])
    .filter((ref) => !ref.startsWith("'Settings'!$"));
}

const TABS = [
  { name: 'Corporate OKRs', columns: STANDARD },
  { name: 'Department OKRs', columns: STANDARD },
  { name: 'Team OKRs', columns: STANDARD },
];

describe('OKR formulas', () => {
  const team = { name: 'Team OKRs', columns: STANDARD };

  it('answer the header on row 1 and read whole columns, so inserted rows never move them', () => {
    for (const formula of [
      okrScoreFormula(TABS, 2),
      okrExpectedFormula(team, SETTINGS),
      okrStatusFormula(team, SETTINGS),
    ]) {
      expect(formula).toMatch(/^=ARRAYFORMULA\(IF\(SEQUENCE\(ROWS\('Team OKRs'!A:A\)\)=1, "(Score|Expected|Status)", /);
      expect(movableRanges(formula)).toEqual([]);
    }
  });

  it('scores only key results by their own metric: Type words first, else a filled Target', () => {
    const own = ownScore([team]);
    expect(own).toContain(`LOWER(TRIM(VSTACK('Team OKRs'!B:B)))="objective"`);
    expect(own).toContain(`(TRIM(VSTACK('Team OKRs'!I:I))="")`);
    expect(own).toContain(
      "OKRSCORE(VSTACK('Team OKRs'!H:H), VSTACK('Team OKRs'!I:I), VSTACK('Team OKRs'!J:J), VSTACK('Team OKRs'!G:G))",
    );
  });

  it('Score costs one OKRSCORE and one OKRROLLUP over the three tabs stacked, header IDs blanked', () => {
    const score = okrScoreFormula(TABS, 1);
    expect(callSites(score)).toEqual({ OKRSCORE: 1, OKRROLLUP: 1 });
    expect(score).toContain(`IF(SEQUENCE(ROWS('Department OKRs'!A:A))=1, "", 'Department OKRs'!A:A)`);
    expect(score).toMatch(/=1\)\)\)$/);
  });

  it('Expected takes the row dates, else the cycle dates in use, as of the Today cell, all as plain serials', () => {
    const formula = okrExpectedFormula(team, SETTINGS);
    expect(callSites(formula)).toEqual({ OKREXPECTED: 1 });
    expect(formula).toContain(`IF(TRIM('Team OKRs'!N:N)="", 'Settings'!$C$4, 'Team OKRs'!N:N)`);
    expect(formula).toContain(`TO_PURE_NUMBER('Settings'!$B$8)`);
    expect(formula.match(/TO_PURE_NUMBER\(/g)).toHaveLength(3);
  });

  it('Status is graded natively against the In use thresholds and passes either one’s error on', () => {
    const formula = okrStatusFormula(team, SETTINGS);
    expect(callSites(formula)).toEqual({});
    expect(formula).toContain(`'Team OKRs'!P:P/'Team OKRs'!Q:Q>='Settings'!$C$6-0.000000001, "On track"`);
    expect(formula).toContain(`IF(ISNUMBER('Team OKRs'!P:P), 'Team OKRs'!Q:Q, 'Team OKRs'!P:P)`);
  });

  it('follows columns the user moved', () => {
    const moved = { name: 'Team OKRs', columns: { ...STANDARD, id: 25, startDate: 2 } };
    const formula = okrExpectedFormula(moved, SETTINGS);
    expect(formula).toContain("TRIM('Team OKRs'!Z:Z)");
    expect(formula).toContain("IF(TRIM('Team OKRs'!C:C)=\"\", 'Settings'!$C$4, 'Team OKRs'!C:C)");
  });
});

describe('KPI formulas', () => {
  // KPI columns in set-up's order: G Baseline, H Target, I Actual, K Direction, N Progress.
  const kpi = {
    name: 'KPIs',
    columns: {
      id: 0,
      level: 1,
      unit: 2,
      kpi: 3,
      owner: 4,
      linkedOkr: 5,
      baseline: 6,
      target: 7,
      actual: 8,
      uom: 9,
      direction: 10,
      frequency: 11,
      dueDate: 12,
      progress: 13,
      status: 14,
      smart: 15,
    },
  };

  it('Progress is KPIPROGRESS over the whole columns', () => {
    expect(kpiProgressFormula(kpi)).toBe(
      `=ARRAYFORMULA(IF(SEQUENCE(ROWS('KPIs'!A:A))=1, "Progress", KPIPROGRESS('KPIs'!G:G, 'KPIs'!H:H, 'KPIs'!I:I, 'KPIs'!K:K)))`,
    );
  });

  it('Status is graded natively as at the end of the cycle (expected 1)', () => {
    const formula = kpiStatusFormula(kpi, SETTINGS);
    expect(callSites(formula)).toEqual({});
    expect(formula).toContain(`IF('KPIs'!N:N>=1-0.000000001, "Done", IF(1=0, "On track"`);
  });

  it('SMART costs four executions and reads every date as a serial', () => {
    const formula = kpiSmartFormula(kpi, TABS, SETTINGS);
    expect(callSites(formula)).toEqual({ KPIPROGRESS: 2, OKRROLLUP: 1, OKREXPECTED: 1 });
    expect(formula).toContain(`TO_PURE_NUMBER('KPIs'!M:M)`);
    expect(movableRanges(formula)).toEqual([]);
  });
});

describe('Settings In use formulas', () => {
  const inUse = settingsInUseFormulas(SETTINGS);

  it('use native functions only: no custom-function execution for settings', () => {
    for (const formula of Object.values(inUse)) expect(callSites(formula)).toEqual({});
  });

  it('read ISO text dates with DATEVALUE, and text shares with VALUE', () => {
    expect(inUse.cycleStart).toContain('DATEVALUE(TRIM($B$4))');
    expect(inUse.cycleEnd).toContain('DATEVALUE(TRIM($B$5))');
    expect(inUse.onTrack).toContain('IFERROR(VALUE(TRIM($B$6)), "")');
  });

  it('Cycle name: the Value trimmed, else the quarter of the Cycle start in use', () => {
    expect(inUse.cycleName).toBe(
      '=IF(TRIM($B$3)="", YEAR(ROUND($C$4, 0))&" Q"&(INT((MONTH(ROUND($C$4, 0))-1)/3)+1), TRIM($B$3))',
    );
  });

  it('reads only the Settings tab itself, and no LET or LAMBDA', () => {
    for (const formula of Object.values(inUse)) {
      expect(formula).not.toMatch(/!|\bLET\(|\bLAMBDA\(/);
    }
  });
});

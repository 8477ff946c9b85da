import { describe, expect, it } from 'vitest';
import { headerRow, OKR_SCHEMA, type OkrColumn } from '../../../src/core/workbook/schema';
import { planTable } from '../../../src/sheets/layout';
import {
  columnRange,
  kpiProgressFormula,
  kpiStatusFormula,
  okrExpectedFormula,
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

  it('makes open-ended data ranges from row 2, past Z too', () => {
    expect(columnRange('KPIs', 0)).toBe("'KPIs'!A2:A");
    // index 27 is the 28th column: AB.
    expect(columnRange('KPIs', 27)).toBe("'KPIs'!AB2:AB");
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

describe('OKR formulas', () => {
  const team = { name: 'Team OKRs', columns: STANDARD };

  it('scores only key results by their own metric: Type words first, else a filled Target', () => {
    const t = "LOWER(TRIM('Team OKRs'!B2:B))";
    expect(ownScore(team)).toBe(
      `IF((${t}="objective")+(${t}="o")+(${t}<>"key result")*(${t}<>"kr")*(TRIM('Team OKRs'!I2:I)=""), "", ` +
        `OKRSCORE('Team OKRs'!H2:H, 'Team OKRs'!I2:I, 'Team OKRs'!J2:J, 'Team OKRs'!G2:G))`,
    );
  });

  it('Expected takes the row dates, else the cycle dates in use, as of the Today cell', () => {
    expect(okrExpectedFormula(team, SETTINGS)).toBe(
      `=ARRAYFORMULA(VSTACK("Expected", IF(TRIM('Team OKRs'!A2:A)="", "", OKREXPECTED(` +
        `IF(TRIM('Team OKRs'!N2:N)="", 'Settings'!$C$4, 'Team OKRs'!N2:N), ` +
        `IF(TRIM('Team OKRs'!O2:O)="", 'Settings'!$C$5, 'Team OKRs'!O2:O), 'Settings'!$B$8))))`,
    );
  });

  it('Status grades Score against Expected and passes either one’s error on', () => {
    const score = "'Team OKRs'!P2:P";
    const expected = "'Team OKRs'!Q2:Q";
    expect(okrStatusFormula(team, SETTINGS)).toBe(
      `=ARRAYFORMULA(VSTACK("Status", IF(ISNUMBER(${score})*ISNUMBER(${expected}), ` +
        `OKRSTATUS(${score}, ${expected}, 'Settings'!$C$6, 'Settings'!$C$7), ` +
        `IF(ISNUMBER(${score}), ${expected}, ${score}))))`,
    );
  });

  it('follows columns the user moved', () => {
    const moved = { name: 'Team OKRs', columns: { ...STANDARD, id: 25, startDate: 2 } };
    const formula = okrExpectedFormula(moved, SETTINGS);
    expect(formula).toContain("TRIM('Team OKRs'!Z2:Z)");
    expect(formula).toContain("IF(TRIM('Team OKRs'!C2:C)=\"\", 'Settings'!$C$4, 'Team OKRs'!C2:C)");
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
      `=ARRAYFORMULA(VSTACK("Progress", KPIPROGRESS('KPIs'!G2:G, 'KPIs'!H2:H, 'KPIs'!I2:I, 'KPIs'!K2:K)))`,
    );
  });

  it('Status is graded as at the end of the cycle (expected 1)', () => {
    expect(kpiStatusFormula(kpi, SETTINGS)).toBe(
      `=ARRAYFORMULA(VSTACK("Status", IF(ISNUMBER('KPIs'!N2:N), OKRSTATUS('KPIs'!N2:N, 1, 'Settings'!$C$6, 'Settings'!$C$7), 'KPIs'!N2:N)))`,
    );
  });
});

describe('Settings In use formulas', () => {
  const inUse = settingsInUseFormulas(SETTINGS);
  // A date as core reads it: a serial of years 1 to 9999, or text read by OKREXPECTED, else "".
  const date = (cell: string) =>
    `IFERROR(IF(ISNUMBER(${cell}), IF((${cell}>=-693593)*(${cell}<2958466), ${cell}, ""), ` +
    `-693593+ROUND(1/OKREXPECTED(-693593, ${cell}, -693592), 0)), "")`;
  const start = date('$B$4');
  const end = date('$B$5');
  const agree = `IF(ISNUMBER(${start})*ISNUMBER(${end}), ROUND(${end}-${start}, 0)>0, TRUE)`;

  it('Cycle start: the Value, else a quarter before the Cycle end, else the quarter of Today', () => {
    expect(inUse.cycleStart).toBe(
      `=IF(ISNUMBER(${start})*${agree}, ${start}, IF(ISNUMBER(${end})*${agree}, EDATE(ROUND(${end}, 0)+1, -3), ` +
        'DATE(YEAR(ROUND($B$8, 0)), INT((MONTH(ROUND($B$8, 0))-1)/3)*3+1, 1)))',
    );
  });

  it('Cycle end: the Value, else 3 months from the Cycle start in use, less a day', () => {
    expect(inUse.cycleEnd).toBe(`=IF(ISNUMBER(${end})*${agree}, ${end}, EDATE(ROUND($C$4, 0), 3)-1)`);
  });

  it('Cycle name: the Value trimmed, else the quarter of the Cycle start in use', () => {
    expect(inUse.cycleName).toBe(
      '=IF(TRIM($B$3)="", YEAR(ROUND($C$4, 0))&" Q"&(INT((MONTH(ROUND($C$4, 0))-1)/3)+1), TRIM($B$3))',
    );
  });

  it('thresholds: a share from 0 to 1, else the default; Behind above On-track drops both', () => {
    const share = (cell: string, fallback: number) => {
      const read = `IF(ISNUMBER(${cell}), ${cell}, KPIPROGRESS(0, 1, ${cell}, "increase"))`;
      return `IF(ISNUMBER(${read}), IF((${read}>=0)*(${read}<=1), ${read}, ${fallback}), ${fallback})`;
    };
    const onTrack = share('$B$6', 0.7);
    const behind = share('$B$7', 0.4);
    expect(inUse.onTrack).toBe(`=IF(${behind}<=${onTrack}, ${onTrack}, 0.7)`);
    expect(inUse.behind).toBe(`=IF(${behind}<=${onTrack}, ${behind}, 0.4)`);
  });

  it('reads only the Settings tab itself, and no LET or LAMBDA', () => {
    for (const formula of Object.values(inUse)) {
      expect(formula).not.toMatch(/!|\bLET\(|\bLAMBDA\(/);
    }
  });
});

/**
 * Set-up's plan for a live formula's column (src/sheets/setup/formulas.ts): which values below
 * the header cell were typed (kept in a note before the formula goes in) and which are what the
 * formula there spilled.
 */
import { describe, expect, it } from 'vitest';
import { headerRow, OKR_SCHEMA, TAB } from '../../../src/core/workbook/schema';
import { planTable } from '../../../src/sheets/layout';
import { okrFormulas } from '../../../src/sheets/setup/formulas';
import type { TabRead } from '../../../src/sheets/setup/survey';

const HEADERS = headerRow(OKR_SCHEMA);
const PLAN = planTable(TAB.team, HEADERS, HEADERS.length, OKR_SCHEMA);
const SCORE = PLAN.index.score;
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
const OLDER = `=ARRAYFORMULA(VSTACK("Score", 'Team OKRs'!H2:H))`;

/** The Score plan of a Team OKRs tab whose Score column holds `cells` (value, formula) from row 1. */
function scorePlan(cells: readonly (readonly [unknown, string])[]) {
  const values = cells.map(([value], r) => HEADERS.map((h, c) => (c === SCORE ? value : r === 0 ? h : '')));
  const formulas = cells.map(([, formula]) => HEADERS.map((_, c) => (c === SCORE ? formula : '')));
  const read = { name: TAB.team, values, formulas } as unknown as TabRead;
  const table = {
    name: TAB.team,
    plan: PLAN,
    read,
    headerValues: values[0] ?? [],
    headerFormulas: formulas[0] ?? [],
    created: false,
  };
  const plan = okrFormulas([table], [{ name: TAB.team, columns: PLAN.index }], SETTINGS)[0];
  return { changed: plan?.changed, typed: plan?.typed.map((t) => t.row) };
}

describe('the values below a live formula’s header cell', () => {
  it('are what an array formula showing its header text spilled: none typed', () => {
    expect(
      scorePlan([
        ['Score', OLDER],
        [0.5, ''],
        ['#REF!', ''],
        ['', ''],
        [1, ''],
      ]),
    ).toEqual({ changed: true, typed: [] });
    expect(
      scorePlan([
        ['score', `={"Score"; 0.5}`],
        [0.5, ''],
      ]),
    ).toEqual({ changed: true, typed: [] });
  });

  it('were typed when the header cell shows an error or Loading..., or holds no array formula', () => {
    expect(
      scorePlan([
        ['#REF!', OLDER],
        [0.5, ''],
        ['', ''],
        [1, ''],
      ]).typed,
    ).toEqual([2, 4]);
    expect(
      scorePlan([
        ['Loading...', OLDER],
        [0.5, ''],
      ]).typed,
    ).toEqual([2]);
    expect(
      scorePlan([
        ['Score', '="Score"'],
        [0.5, ''],
      ]).typed,
    ).toEqual([2]);
    expect(
      scorePlan([
        ['Score', ''],
        [0.5, ''],
      ]).typed,
    ).toEqual([2]);
  });

  it('were typed from the first cell holding a formula down: the spill stopped above it', () => {
    const cells: [unknown, string][] = [
      ['Score', OLDER],
      [0.5, ''],
      [0.25, '=H4/4'],
      [0.7, ''],
      ['', ''],
    ];
    expect(scorePlan(cells).typed).toEqual([3, 4]);
  });

  it('need nothing when the header cell holds the live formula already', () => {
    const ours = okrFormulas(
      [{ name: TAB.team, plan: PLAN, headerValues: [], headerFormulas: [], created: true }],
      [{ name: TAB.team, columns: PLAN.index }],
      SETTINGS,
    )[0]?.formula as string;
    expect(
      scorePlan([
        ['#REF!', ours],
        [0.5, ''],
      ]),
    ).toEqual({ changed: false, typed: [] });
  });
});

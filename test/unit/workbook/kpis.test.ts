import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../../src/core/workbook/findings';
import { checkSmart, type KpiRow } from '../../../src/core/workbook/kpis';
import { day, read, sample, setCell } from './helpers';

const OKR_KEYS = new Set(['c-kr1']);
const CYCLE_START = day(2027, 1, 1);

const smartKpi: KpiRow = {
  row: 2,
  id: 'KPI-1',
  key: 'kpi-1',
  level: 'Corporate',
  unit: 'Company',
  kpi: 'Monthly recurring revenue',
  owner: 'Dana Reyes',
  linkedOkr: 'C-KR1',
  baseline: 660_000,
  target: 830_000,
  actual: 715_000,
  byFormula: false,
  uom: '$',
  directionCell: 'increase',
  direction: 'increase',
  frequency: 'monthly',
  dueDate: { ok: true, value: day(2027, 3, 31) },
};

const smart = (change: Partial<KpiRow>) => checkSmart({ ...smartKpi, ...change }, OKR_KEYS, CYCLE_START).text;

describe('checkSmart', () => {
  it('passes a complete KPI', () => {
    expect(smart({})).toBe('✓');
  });
  it('Specific: KPI text and Unit of measure filled', () => {
    expect(smart({ kpi: '' })).toBe('Missing: Specific');
    expect(smart({ uom: '' })).toBe('Missing: Specific');
  });
  it('Measurable: numeric Baseline and Target that differ, unless the direction holds a value', () => {
    expect(smart({ baseline: '' })).toBe('Missing: Measurable');
    expect(smart({ target: 'lots' })).toBe('Missing: Measurable');
    expect(smart({ baseline: 5, target: '5' })).toBe('Missing: Measurable');
    expect(smart({ baseline: '1,200', target: '$1,500' })).toBe('✓');
    for (const direction of ['stay above', 'stay below', 'binary', 'milestone'] as const) {
      expect(smart({ baseline: '', target: '', direction })).toBe('✓');
    }
  });
  it('Achievable: Owner filled', () => {
    expect(smart({ owner: '' })).toBe('Missing: Achievable');
  });
  it('Relevant: Linked OKR names an existing OKR row, trimmed and case-insensitive', () => {
    expect(smart({ linkedOkr: ' c-kr1 ' })).toBe('✓');
    expect(smart({ linkedOkr: 'C-KR9' })).toBe('Missing: Relevant');
    expect(smart({ linkedOkr: '' })).toBe('Missing: Relevant');
  });
  it('Time-bound: a Due date on or after the cycle start', () => {
    expect(smart({ dueDate: { ok: true, value: CYCLE_START } })).toBe('✓');
    expect(smart({ dueDate: { ok: true, value: CYCLE_START - 1 } })).toBe('Missing: Time-bound');
    expect(smart({ dueDate: { ok: true, value: null } })).toBe('Missing: Time-bound');
    expect(smart({ dueDate: { ok: false, error: 'bad' } })).toBe('Missing: Time-bound');
  });
  it('lists every missing criterion in SMART order', () => {
    expect(smart({ kpi: '', owner: '', baseline: '', dueDate: { ok: true, value: null } })).toBe(
      'Missing: Specific, Measurable, Achievable, Time-bound',
    );
  });
});

describe('KPIs of the sample company', () => {
  it('computes progress (not clamped), status on progress, SMART', () => {
    const grids = sample();
    setCell(grids.kpis, 'KPI-3', 'Actual', 10); // decrease 8 → 2, actual 10: (10 − 8) / (2 − 8) = −0.33
    const wb = read(grids);
    const byId = new Map(wb.kpiResults.map((k) => [k.row.id, k]));
    // (715k − 660k) / (830k − 660k) = 55 / 170
    expect(byId.get('KPI-1')?.progress).toEqual({ ok: true, value: 55 / 170 });
    expect(byId.get('KPI-1')?.status).toEqual({ ok: true, value: 'At risk' }); // 0.32 < 0.4
    expect(byId.get('KPI-3')?.progress.ok && byId.get('KPI-3')?.progress).toMatchObject({ value: -2 / 6 });
    expect(byId.get('KPI-4')?.status).toEqual({ ok: true, value: 'Done' });
    expect(byId.get('KPI-6')?.status).toEqual({ ok: true, value: 'Behind' }); // (0.86 − 0.82) / 0.08 = 0.5
    expect(wb.kpiResults.every((k) => k.smart.text === '✓')).toBe(true);
    expect(wb.kpiFindings).toEqual([]);
  });

  it('reports bad KPI cells and SMART gaps as findings', () => {
    const grids = sample();
    setCell(grids.kpis, 'KPI-2', 'Level', 'Division');
    setCell(grids.kpis, 'KPI-2', 'Frequency', 'daily');
    setCell(grids.kpis, 'KPI-5', 'Owner', '');
    setCell(grids.kpis, 'KPI-5', 'Actual', 'n/a');
    const wb = read(grids);
    expect([...wb.kpis.problems, ...wb.kpiFindings].map(formatFinding)).toEqual([
      'KPIs!B3 (Level): Level must be Corporate, Department or Team, not "Division"',
      'KPIs!L3 (Frequency): Frequency must be weekly, monthly or quarterly, not "daily"',
      'KPIs!I6 (Actual): current is not a number: "n/a"',
      'KPIs row 6: KPI is not SMART: Achievable needs an Owner',
    ]);
  });
});

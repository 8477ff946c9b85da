import { describe, expect, it } from 'vitest';
import { daysSinceCheckIn, isStale, type TrackedItem, trackedItems } from '../../../src/core/rhythm/items';
import { AS_OF, read, sample, setCell } from '../workbook/helpers';

const item = (lastCheckIn: number | null): TrackedItem => ({
  kind: 'KPI',
  id: 'K',
  title: 't',
  owner: '',
  unit: '',
  value: '',
  uom: '',
  score: null,
  status: '',
  lastCheckIn,
  byFormula: false,
});

describe('tracked items', () => {
  it('are the measured key results not yet done, then every KPI, with their last check-in', () => {
    const grids = sample();
    const items = trackedItems(read(grids));
    const ids = items.map((i) => i.id);
    // C-KR3 is scored by the objective aligned to it; C-KR2 (at least 110%, at 112%) is done.
    expect(ids).not.toContain('C-KR3');
    expect(ids).not.toContain('C-KR2');
    expect(ids.slice(0, 2)).toEqual(['C-KR1', 'C-KR4']);
    expect(ids.slice(-6)).toEqual(['KPI-1', 'KPI-2', 'KPI-3', 'KPI-4', 'KPI-5', 'KPI-6']);
    const kr1 = items.find((i) => i.id === 'C-KR1');
    expect(kr1).toMatchObject({
      kind: 'Key result',
      owner: 'Dana Reyes',
      value: 8_600_000,
      uom: '$',
      score: 0.3,
      status: 'Behind',
    });
    // The sample checks measured key results and KPIs in three days before as-of, at noon.
    expect(kr1?.lastCheckIn).toBe(AS_OF - 3 + 0.5);
    expect(items.find((i) => i.id === 'KPI-1')?.lastCheckIn).toBe(AS_OF - 3 + 0.5);
    grids.checkIns = grids.checkIns.filter((row) => row[1] !== 'KPI-1');
    expect(trackedItems(read(grids)).find((i) => i.id === 'KPI-1')?.lastCheckIn).toBeNull();
    setCell(grids.kpis, 'KPI-1', 'Actual', '');
    expect(trackedItems(read(grids)).find((i) => i.id === 'KPI-1')).toMatchObject({ score: null, status: '' });
  });

  it('are stale after seven days without a check-in, or with none at all', () => {
    const monday = 46454; // 2027-03-08
    expect(isStale(item(null), monday)).toBe(true);
    // Checked in on the previous Monday afternoon: not yet a week on Monday morning.
    expect(isStale(item(monday - 7 + 0.6), monday + 0.375)).toBe(false);
    expect(daysSinceCheckIn(item(monday - 7 + 0.6), monday + 0.375)).toBe(6);
    expect(isStale(item(monday - 7 + 0.375), monday + 0.375)).toBe(true);
    // Across a clock change a week is 167 wall-clock hours in serials: still seven days.
    expect(isStale(item(monday - 7 + 0.375 + 1 / 24), monday + 0.375)).toBe(true);
  });
});

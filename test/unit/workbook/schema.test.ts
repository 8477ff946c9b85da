import { describe, expect, it } from 'vitest';
import { rangeA1 } from '../../../src/core/workbook/a1';
import { formatFinding } from '../../../src/core/workbook/findings';
import {
  columnLetter,
  headerRow,
  KPI_SCHEMA,
  levelOfTab,
  mapHeaders,
  OKR_SCHEMA,
  TAB,
  TAB_ORDER,
} from '../../../src/core/workbook/schema';

describe('tabs', () => {
  it('names the tabs of §1.1 exactly, in order', () => {
    expect(TAB_ORDER).toEqual([
      'Corporate OKRs',
      'Department OKRs',
      'Team OKRs',
      'KPIs',
      'Settings',
      'Check-ins',
      'History',
      'Roll-up',
      'Dashboard',
      'Validation',
      'Rollout Plan',
    ]);
  });
  it('takes the level from the tab, matched exactly', () => {
    expect(levelOfTab('Team OKRs')).toBe('Team');
    expect(levelOfTab('team okrs')).toBeUndefined();
    expect(levelOfTab(TAB.kpis)).toBeUndefined();
  });
});

describe('columns', () => {
  it('writes the §1.2 and §1.3 headers', () => {
    expect(headerRow(OKR_SCHEMA)).toEqual([
      'ID',
      'Type',
      'Parent ID',
      'Unit',
      'Title',
      'Owner',
      'Metric type',
      'Start',
      'Target',
      'Current',
      'Unit of measure',
      'Weight',
      'Confidence',
      'Start date',
      'Due date',
      'Score',
      'Expected',
      'Status',
      'Notes',
    ]);
    expect(headerRow(KPI_SCHEMA)).toEqual([
      'ID',
      'Level',
      'Unit',
      'KPI',
      'Owner',
      'Linked OKR',
      'Baseline',
      'Target',
      'Actual',
      'Unit of measure',
      'Direction',
      'Frequency',
      'Due date',
      'Progress',
      'Status',
      'SMART',
    ]);
  });
  it('owns only the computed columns of the user tabs', () => {
    expect(OKR_SCHEMA.columns.filter((c) => c.owned).map((c) => c.header)).toEqual(['Score', 'Expected', 'Status']);
    expect(KPI_SCHEMA.columns.filter((c) => c.owned).map((c) => c.header)).toEqual(['Progress', 'Status', 'SMART']);
  });
  it('spells column letters', () => {
    expect([0, 7, 25, 26, 51, 52, 701, 702].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect([rangeA1(2, 8, 1000, 3), rangeA1(5, 1, 1, 1), rangeA1(1, 26, 1, 2)]).toEqual(['H2:J1001', 'A5', 'Z1:AA1']);
  });
});

describe('mapHeaders', () => {
  it('finds columns by alias, trimmed and case-insensitive, in any order, around user columns', () => {
    const map = mapHeaders(
      TAB.team,
      [
        '  aligns   TO ',
        'My notes',
        'id',
        'OBJECTIVE',
        '',
        'Baseline',
        'Actual',
        'uom',
        'Kind',
        'type of metric',
        'Department',
      ],
      OKR_SCHEMA,
    );
    expect(map.usable).toBe(true);
    expect(map.problems).toEqual([]);
    expect(map.index).toEqual({
      parentId: 0,
      id: 2,
      title: 3,
      start: 5,
      current: 6,
      uom: 7,
      type: 8,
      metricType: 9,
      unit: 10,
    });
    expect(map.shown.start).toBe('Baseline');
    expect(map.userColumns).toEqual([{ index: 1, header: 'My notes' }]);
    expect(map.absent).toContain('score');
    expect(map.absent).toContain('target');
  });
  it('reports missing required columns naming the tab and column, and is then unusable', () => {
    const map = mapHeaders(TAB.department, ['ID', 'Title', 'Target'], OKR_SCHEMA);
    expect(map.usable).toBe(false);
    expect(map.problems.map(formatFinding)).toEqual([
      'Department OKRs row 1 (Parent ID): missing column "Parent ID" (or "Parent", "Aligns to"): add it to the header row',
    ]);
  });
  it('reports a column named twice and uses the first', () => {
    const map = mapHeaders(TAB.corporate, ['ID', 'Parent ID', 'Title', 'Objective'], OKR_SCHEMA);
    expect(map.usable).toBe(true);
    expect(map.index.title).toBe(2);
    expect(map.problems).toHaveLength(1);
    expect(formatFinding(map.problems[0] as never)).toBe(
      'Corporate OKRs!D1 (Objective): column "Objective" repeats "Title" (column C): the first one is used; rename or remove the other',
    );
  });
});

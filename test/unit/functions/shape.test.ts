import { describe, expect, it } from 'vitest';
import { err, ok } from '../../../src/core/result';
import { alignLists, asGrid, guarded, mapCells } from '../../../src/functions/shape';

describe('asGrid', () => {
  it('a 2D array is a grid; a single value or an empty array is not', () => {
    expect(asGrid([[1, 2]])?.shape).toEqual({ rows: 1, cols: 2 });
    expect(asGrid(5)).toBeUndefined();
    expect(asGrid([])).toBeUndefined();
    expect(asGrid([[]])).toBeUndefined();
  });
  it('a 1D array from a script is a column; ragged rows read missing cells as blank', () => {
    const column = asGrid([1, 2, 3]);
    expect(column?.shape).toEqual({ rows: 3, cols: 1 });
    expect(column?.cell(2, 0)).toBe(3);
    const ragged = asGrid([[1, 2], [3]]);
    expect(ragged?.shape).toEqual({ rows: 2, cols: 2 });
    expect(ragged?.cell(1, 1)).toBeUndefined();
  });
});

describe('mapCells', () => {
  const half = (cells: readonly unknown[]) =>
    typeof cells[0] === 'number' ? ok((cells[0] as number) / 2) : cells[0] === '' ? ok(null) : err('not a number');

  it('single values: the value, "" for blank, a thrown NAME: error', () => {
    expect(mapCells('F', [4], half)).toBe(2);
    expect(mapCells('F', [''], half)).toBe('');
    expect(() => mapCells('F', ['x'], half)).toThrow(new Error('F: not a number'));
  });
  it('ranges keep their shape; errors become text', () => {
    expect(
      mapCells(
        'F',
        [
          [
            [4, 'x'],
            ['', 6],
          ],
        ],
        half,
      ),
    ).toEqual([
      [2, 'F: not a number'],
      ['', 3],
    ]);
  });
});

describe('alignLists', () => {
  it('reads same-shaped ranges row by row and broadcasts single values', () => {
    const lists = alignLists('F', [
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
      [
        [1, 2],
        [3, 4],
      ],
      'x',
    ]);
    expect(lists.length).toBe(4);
    expect(lists.shape).toEqual({ rows: 2, cols: 2 });
    expect([0, 1, 2, 3].map((i) => [lists.cell(0, i), lists.cell(1, i), lists.cell(2, i)])).toEqual([
      ['a', 1, 'x'],
      ['b', 2, 'x'],
      ['c', 3, 'x'],
      ['d', 4, 'x'],
    ]);
  });
  it('refuses a row against a column of the same count (§3: same shape)', () => {
    expect(() => alignLists('F', [[['a', 'b', 'c']], [[1], [2], [3]]])).toThrow(
      new Error('F: ranges must be the same size (1×3 vs 3×1)'),
    );
  });
  it('different counts throw with both shapes', () => {
    expect(() => alignLists('F', [[[1], [2]], [[1, 2, 3]]])).toThrow(
      new Error('F: ranges must be the same size (2×1 vs 1×3)'),
    );
  });
});

describe('guarded', () => {
  it('passes NAME: errors through and wraps anything else', () => {
    expect(() =>
      guarded('F', () => {
        throw new Error('F: known');
      }),
    ).toThrow(new Error('F: known'));
    expect(() =>
      guarded('F', () => {
        throw new TypeError('boom');
      }),
    ).toThrow(new Error('F: unexpected problem: boom'));
  });
});

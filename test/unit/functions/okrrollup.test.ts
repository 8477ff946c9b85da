import { describe, expect, it } from 'vitest';
import { OKRROLLUP } from '../../../src/functions/index';

const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

describe('OKRROLLUP (§3.3)', () => {
  const ids = col('O1', 'KR1', 'KR2', '', 'KR3');
  const parents = col('', 'O1', 'o1 ', 'O1', 'O1');
  const scores = col('', 0.5, 1, 0.9, 'OKRSCORE: missing target');
  const weights = col('', 1, 3, '', '');

  it('answers one value per row of ids', () => {
    expect(OKRROLLUP(ids, parents, scores, weights)).toEqual(
      col(
        0.875, // (1·0.5 + 3·1) / 4; KR3 is in error and the blank-ID row is skipped
        0.5,
        1,
        '',
        'OKRSCORE: missing target',
      ),
    );
  });

  it('omitted weights are all 1', () => {
    // (0.5 + 1) / 2 = 0.75
    expect(OKRROLLUP(ids, parents, scores)).toEqual(col(0.75, 0.5, 1, '', 'OKRSCORE: missing target'));
  });

  it('lookup_ids of any shape: blank → "", unknown → error text, trimmed and case-insensitive', () => {
    expect(OKRROLLUP(ids, parents, scores, weights, [[' o1', '', 'nope', 'kr2']])).toEqual([
      [0.875, '', 'OKRROLLUP: unknown ID "nope"', 1],
    ]);
  });

  it('a single lookup returns a value, "" for blank, and throws for an unknown ID', () => {
    expect(OKRROLLUP(ids, parents, scores, weights, 'KR1')).toBe(0.5);
    expect(OKRROLLUP(ids, parents, scores, weights, '')).toBe('');
    expect(() => OKRROLLUP(ids, parents, scores, weights, 'X')).toThrow(new Error('OKRROLLUP: unknown ID "X"'));
  });

  it('stacked ranges from several tabs work like one range', () => {
    const corporate = { ids: col('C1', 'C1-KR1'), parents: col('', 'C1'), scores: col('', '') };
    const department = {
      ids: col('D1', 'D1-KR1', 'D1-KR2'),
      parents: col('C1-KR1', 'D1', 'D1'),
      scores: col('', 0.3, 0.5),
    };
    const result = OKRROLLUP(
      [...corporate.ids, ...department.ids],
      [...corporate.parents, ...department.parents],
      [...corporate.scores, ...department.scores],
    );
    // D1 = (0.3 + 0.5) / 2 = 0.4; C1-KR1 and C1 inherit it through single children
    expect(result).toEqual(col(0.4, 0.4, 0.4, 0.3, 0.5));
  });

  it('cycles, duplicates and bad weights are error texts', () => {
    expect(OKRROLLUP(col('A', 'B', 'A', 'C'), col('B', 'A', '', ''), col('', '', 1, 0.5), col(1, 1, 1, -2))).toEqual(
      col(
        'OKRROLLUP: cycle of Parent IDs: A → B → A',
        'OKRROLLUP: cycle of Parent IDs: A → B → A',
        'OKRROLLUP: duplicate ID "A": an earlier row has the same ID',
        'OKRROLLUP: weight must be 0 or more (not -2)',
      ),
    );
  });

  it('ranges with different numbers of cells throw', () => {
    expect(() => OKRROLLUP(col('A', 'B', 'C'), col('', 'A', 'A', ''), col(1, 2, 3))).toThrow(
      new Error('OKRROLLUP: ranges must be the same size (3×1 vs 4×1)'),
    );
  });

  it('a single row is a single-value call', () => {
    expect(OKRROLLUP('A', '', 0.4)).toBe(0.4);
    expect(OKRROLLUP('', '', 0.4)).toBe('');
    expect(() => OKRROLLUP('A', 'A', '')).toThrow(new Error('OKRROLLUP: cycle of Parent IDs: A → A'));
  });

  // Depth, not speed: a recursive pass would overflow the stack here. `npm run bench` times it.
  it('computes a 100,000-node chain without a stack overflow', () => {
    const n = 100_000;
    const chainIds: unknown[][] = [];
    const chainParents: unknown[][] = [];
    const chainScores: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      chainIds.push([`N${i}`]);
      chainParents.push([i === 0 ? '' : `N${i - 1}`]);
      chainScores.push([i === n - 1 ? 0.25 : '']);
    }
    const result = OKRROLLUP(chainIds, chainParents, chainScores, undefined, 'n0') as number;
    expect(result).toBe(0.25); // the deepest leaf's score, passed up through single children
  });
});

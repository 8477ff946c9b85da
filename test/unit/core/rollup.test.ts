import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../src/core/result';
import { lookUp, normalizeId, type RollupRow, readOwnScore, readWeight, rollUp } from '../../../src/core/rollup';

/** A row from sheet-like cells: [id, parent, own score, weight]. */
function rows(...cells: [unknown, unknown, unknown?, unknown?][]): RollupRow[] {
  return cells.map(([id, parentId, score, weight]) => ({
    id,
    parentId,
    ownScore: readOwnScore(score),
    weight: readWeight(weight),
  }));
}

const values = (results: readonly Result<number | null>[]) => results.map((r) => (r.ok ? r.value : r.error));

describe('rollUp (§2.3)', () => {
  it('an objective is the weighted mean of its key results', () => {
    const result = rollUp(rows(['O1', ''], ['KR1', 'O1', 0.5, 1], ['KR2', 'O1', 1, 3]));
    // (1·0.5 + 3·1) / (1 + 3) = 3.5 / 4 = 0.875
    expect(values(result.scores)).toEqual([0.875, 0.5, 1]);
  });

  it('the cascade: a corporate key result without a metric is scored by the objectives aligned to it', () => {
    const result = rollUp(
      rows(
        ['C-O1', ''],
        ['C-KR1', 'C-O1'], // no metric: scored by D-O1
        ['C-KR2', 'C-O1', 0.8],
        ['D-O1', 'C-KR1'],
        ['D-KR1', 'D-O1', 0.2],
        ['D-KR2', 'D-O1', 0.6],
      ),
    );
    // D-O1 = (0.2 + 0.6) / 2 = 0.4; C-KR1 = 0.4 (its only child); C-O1 = (0.4 + 0.8) / 2 = 0.6
    const [cO1, cKr1, cKr2, dO1] = values(result.scores);
    expect(cO1).toBeCloseTo(0.6, 12);
    expect(cKr1).toBeCloseTo(0.4, 12);
    expect(cKr2).toBe(0.8);
    expect(dO1).toBeCloseTo(0.4, 12);
  });

  it('a measured key result keeps its own score even with objectives aligned to it', () => {
    const result = rollUp(rows(['KR', '', 0.9], ['O', 'KR', 0.1]));
    expect(values(result.scores)).toEqual([0.9, 0.1]);
  });

  it('own scores are used as given, not clamped', () => {
    // (1.5 + 0.5) / 2 = 1
    expect(values(rollUp(rows(['O', ''], ['A', 'O', 1.5], ['B', 'O', 0.5])).scores)).toEqual([1, 1.5, 0.5]);
  });

  it('blank weight is 1; weight 0 counts as nothing', () => {
    const result = rollUp(rows(['O', ''], ['A', 'O', 0.2, 0], ['B', 'O', 0.6, ''], ['C', 'O', 0.9, '2']));
    // A adds nothing; (1·0.6 + 2·0.9) / (1 + 2) = 2.4 / 3 = 0.8
    expect(values(result.scores)[0]).toBeCloseTo(0.8, 12);
  });

  it('Σw = 0, or no scored children, leaves the node blank', () => {
    const result = rollUp(rows(['O', ''], ['A', 'O', 0.2, 0], ['P', ''], ['Q', ''], ['Q1', 'Q']));
    // O: only child weighs 0; P: no children; Q: its child Q1 has no score either
    expect(values(result.scores)).toEqual([null, 0.2, null, null, null]);
  });

  it('a negative or non-numeric weight is an error on that row, which then does not count', () => {
    const result = rollUp(rows(['O', ''], ['A', 'O', 0.2, -1], ['B', 'O', 0.6, 'heavy'], ['C', 'O', 0.4]));
    expect(values(result.scores)).toEqual([
      0.4, // only C counts
      'weight must be 0 or more (not -1)',
      'weight is not a number: "heavy"',
      0.4,
    ]);
  });

  it('a text score is that row’s error and does not count in the parent', () => {
    const result = rollUp(rows(['O', ''], ['A', 'O', 'OKRSCORE: missing target'], ['B', 'O', 0.3]));
    expect(values(result.scores)).toEqual([0.3, 'score is not a number: "OKRSCORE: missing target"', 0.3]);
  });

  it('numeric text scores count as numbers', () => {
    expect(values(rollUp(rows(['O', ''], ['A', 'O', '50%'])).scores)).toEqual([0.5, 0.5]);
  });

  it('a duplicate ID: the first row is the node, later rows are errors', () => {
    const result = rollUp(rows(['O', ''], ['A', 'O', 0.2], ['a ', 'O', 0.9], ['A1', 'A', 1]));
    expect(values(result.scores)).toEqual([0.2, 0.2, 'duplicate ID "a": an earlier row has the same ID', 1]);
    expect(result.nodeIndex.get('a')).toBe(1);
    expect(result.parentIndex[3]).toBe(1); // A1 hangs under the first A
  });

  it('a Parent ID that names no row makes the node a root', () => {
    const result = rollUp(rows(['O', 'NOPE'], ['A', 'O', 0.7]));
    expect(values(result.scores)).toEqual([0.7, 0.7]);
    expect(result.unknownParent).toEqual([true, false]);
    expect(result.parentIndex).toEqual([-1, 0]);
  });

  it('IDs match trimmed and case-insensitively', () => {
    const result = rollUp(rows([' Obj-1 ', ''], ['kr-1', '  OBJ-1'], ['KR-1a', 'Kr-1 ', 0.25]));
    expect(values(result.scores)).toEqual([0.25, 0.25, 0.25]);
  });

  it('numbers as IDs match their text', () => {
    expect(values(rollUp(rows([1, ''], [2, '1', 0.5])).scores)).toEqual([0.5, 0.5]);
  });

  it('rows with a blank ID are skipped', () => {
    const result = rollUp(rows(['O', ''], ['', 'O', 0.1], ['  ', 'O', 0.1], ['A', 'O', 0.9]));
    expect(values(result.scores)).toEqual([0.9, null, null, 0.9]);
  });

  it('every node on a cycle is an error naming the cycle; trees hanging off it still score', () => {
    const result = rollUp(
      rows(
        ['X', ''], // unrelated root
        ['A', 'C'],
        ['B', 'A'],
        ['C', 'B'],
        ['D', 'A', 0.5], // child of a cycle node: fine itself
        ['E', 'E'], // its own parent
      ),
    );
    // Following Parent IDs from A: A → C → B → A
    const abc = 'cycle of Parent IDs: A → C → B → A';
    expect(values(result.scores)).toEqual([null, abc, abc, abc, 0.5, 'cycle of Parent IDs: E → E']);
    expect(result.cycles).toEqual([[1, 3, 2], [5]]);
  });

  it('a two-node cycle beside a root', () => {
    // With one parent per node a cycle hangs below nothing: its members’ parents are members.
    const result = rollUp(rows(['A', 'B'], ['B', 'A'], ['R', '']));
    expect(result.parentIndex).toEqual([1, 0, -1]);
  });

  it('a 100,000-node chain computes without a stack overflow', () => {
    const n = 100_000;
    const chain: RollupRow[] = [];
    // Listed leaf-first so that every parent is a forward reference, the worst order for a naive pass.
    for (let i = n - 1; i >= 0; i--) {
      chain.push({
        id: `N${i}`,
        parentId: i === 0 ? '' : `N${i - 1}`,
        ownScore: ok(i === n - 1 ? 0.7 : null),
      });
    }
    const result = rollUp(chain);
    // The leaf's 0.7 is each ancestor's only child's score, all the way up to N0 (the last row).
    expect(result.scores[n - 1]).toEqual(ok(0.7));
    expect(result.scores[0]).toEqual(ok(0.7));
  });

  it('a 100,000-node cycle is found and its message stays short', () => {
    const n = 100_000;
    const ring: RollupRow[] = Array.from({ length: n }, (_, i) => ({
      id: `N${i}`,
      parentId: `N${(i + 1) % n}`,
      ownScore: ok(null),
    }));
    const result = rollUp(ring);
    const message = 'cycle of Parent IDs: N0 → N1 → N2 → N3 → N4 → N5 → … → N0 (100000 IDs)';
    expect(result.scores[0]).toEqual(err(message));
    expect(result.scores[n - 1]).toEqual(err(message));
  });
});

describe('lookUp', () => {
  const result = rollUp(rows(['O', ''], ['A', 'O', 0.4], ['B', 'B']));
  it('answers for an ID, trimmed and in any case', () => {
    expect(lookUp(result, ' o ')).toEqual(ok(0.4));
  });
  it('blank is blank, an unknown ID is an error, a node in error is that error', () => {
    expect(lookUp(result, '')).toEqual(ok(null));
    expect(lookUp(result, 'Z9')).toEqual(err('unknown ID "Z9"'));
    expect(lookUp(result, 'b')).toEqual(err('cycle of Parent IDs: B → B'));
  });
});

describe('readers', () => {
  it('normalizeId', () => {
    expect(normalizeId('  Ab ')).toBe('ab');
    expect(normalizeId(null)).toBe('');
    expect(normalizeId(12)).toBe('12');
  });
  it('readWeight', () => {
    expect(readWeight('')).toEqual(ok(1));
    expect(readWeight(0)).toEqual(ok(0));
    expect(readWeight('2.5')).toEqual(ok(2.5));
    expect(readWeight(-0.1)).toEqual(err('weight must be 0 or more (not -0.1)'));
  });
});

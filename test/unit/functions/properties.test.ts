import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPIPROGRESS, OKREXPECTED, OKRROLLUP, OKRSCORE, OKRSTATUS } from '../../../src/functions/index';
import type { Output } from '../../../src/functions/shape';

/** Cell values Sheets can send, plus the awkward ones: NaN, infinities, invalid dates, odd text. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.boolean(),
  fc.constantFrom('', '  ', undefined, null),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    '1,200',
    '$2,000',
    '15%',
    '-3',
    'yes',
    'todo',
    '✓',
    'increase',
    'decrease',
    'stay above',
    'at most',
    'binary',
    'milestone',
    '2027-01-15',
    'OKRSCORE: missing target',
  ),
  fc.date({ noInvalidDate: false }),
);

/** Arguments for one call: each a single value or a grid of one shared shape. */
const args = (count: number): fc.Arbitrary<unknown[]> =>
  fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 2 }) })
    .chain(({ rows, cols }) =>
      fc.tuple(
        ...Array.from({ length: count }, () =>
          fc.oneof(
            cell,
            fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
          ),
        ),
      ),
    );

const FUNCTIONS: [string, (...a: unknown[]) => Output, number][] = [
  ['OKRSCORE', OKRSCORE as (...a: unknown[]) => Output, 4],
  ['KPIPROGRESS', KPIPROGRESS as (...a: unknown[]) => Output, 4],
  ['OKRROLLUP', OKRROLLUP as (...a: unknown[]) => Output, 5],
  ['OKREXPECTED', OKREXPECTED as (...a: unknown[]) => Output, 3],
  ['OKRSTATUS', OKRSTATUS as (...a: unknown[]) => Output, 4],
];

function cellsOf(output: Output): unknown[] {
  return Array.isArray(output) ? output.flat() : [output];
}

/** Calls fn; an exception must be an Error starting with the name. Returns the output, or undefined if it threw. */
function call(name: string, fn: (...a: unknown[]) => Output, a: unknown[]): Output | undefined {
  try {
    return fn(...a);
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message.startsWith(`${name}: `)).toBe(true);
    return undefined;
  }
}

describe('properties of every custom function', () => {
  for (const [name, fn, arity] of FUNCTIONS) {
    it(`${name} never returns NaN or Infinity and throws only "${name}: …" Errors`, () => {
      fc.assert(
        fc.property(args(arity), (a) => {
          const output = call(name, fn, a);
          if (output === undefined) return;
          for (const value of cellsOf(output)) {
            expect(typeof value === 'string' || Number.isFinite(value)).toBe(true);
            if (typeof value === 'string' && value !== '' && !/^(Done|On track|Behind|At risk)$/.test(value)) {
              // OKRROLLUP shows a row's own score that is another function's message as it is.
              const passed = name === 'OKRROLLUP' && /^(OKRSCORE|KPIPROGRESS|OKREXPECTED|OKRSTATUS): /.test(value);
              expect(value.startsWith(`${name}: `) || passed, value).toBe(true);
            }
          }
        }),
        { numRuns: 400 },
      );
    });

    it(`${name} wraps anything at all in its own errors`, () => {
      fc.assert(
        fc.property(fc.array(fc.anything(), { maxLength: arity }), (a) => {
          call(name, fn, a);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('OKRSCORE is always in [0, 1], "" or an error text', () => {
    fc.assert(
      fc.property(args(4), (a) => {
        const output = call('OKRSCORE', OKRSCORE as (...x: unknown[]) => Output, a);
        if (output === undefined) return;
        for (const value of cellsOf(output)) {
          if (typeof value === 'number') {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
          } else {
            expect(value === '' || String(value).startsWith('OKRSCORE: ')).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A random forest: node i's parent is an earlier node or none, leaves carry scores. */
const forest = fc
  .array(
    fc.record({
      parent: fc.option(fc.nat(), { nil: undefined }),
      score: fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: undefined }),
      weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .map((nodes) =>
    nodes.map((node, i) => ({
      id: `N${i}`,
      parent: node.parent === undefined || i === 0 ? '' : `N${node.parent % i}`,
      score: node.score ?? '',
      weight: node.weight,
    })),
  );

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe('roll-up properties', () => {
  it('a rolled-up node lies between the least and greatest of its children’s scores', () => {
    fc.assert(
      fc.property(forest, (nodes) => {
        const rolled = (
          OKRROLLUP(
            column(nodes.map((n) => n.id)),
            column(nodes.map((n) => n.parent)),
            column(nodes.map((n) => n.score)),
            column(nodes.map((n) => n.weight)),
          ) as unknown[][]
        ).map((row) => row[0]);
        nodes.forEach((node, i) => {
          if (node.score !== '') return; // own score: used as given
          const childScores = nodes
            .map((child, j) => (child.parent === node.id ? rolled[j] : undefined))
            .filter((s): s is number => typeof s === 'number');
          if (childScores.length === 0) {
            expect(rolled[i]).toBe('');
          } else {
            expect(rolled[i] as number).toBeGreaterThanOrEqual(Math.min(...childScores) - 1e-9);
            expect(rolled[i] as number).toBeLessThanOrEqual(Math.max(...childScores) + 1e-9);
          }
        });
      }),
    );
  });

  it('shuffling rows changes no node’s result (with cycles, unknown parents and bad weights)', () => {
    const rows = fc.array(
      fc.record({
        parent: fc.oneof(
          fc.nat({ max: 30 }).map((p) => `n${p}`),
          fc.constantFrom('', 'missing'),
        ),
        score: fc.oneof(fc.double({ min: -1, max: 2, noNaN: true }), fc.constantFrom('', 'bad')),
        weight: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constantFrom('', -1, 'heavy')),
      }),
      { minLength: 1, maxLength: 30 },
    );
    fc.assert(
      fc.property(
        rows.chain((r) =>
          fc.tuple(
            fc.constant(r),
            fc.shuffledSubarray(
              r.map((_, i) => i),
              { minLength: r.length },
            ),
          ),
        ),
        ([r, order]) => {
          // IDs are unique (a duplicate's "first row" depends on order by definition).
          const table = r.map((row, i) => ({ ...row, id: i % 2 ? `N${i}` : ` n${i} ` }));
          const run = (t: typeof table) =>
            (
              OKRROLLUP(
                column(t.map((x) => x.id)),
                column(t.map((x) => x.parent)),
                column(t.map((x) => x.score)),
                column(t.map((x) => x.weight)),
              ) as unknown[][]
            ).map((row) => row[0]);
          const before = run(table);
          const shuffled = order.map((i) => table[i] as (typeof table)[number]);
          const after = run(shuffled);
          order.forEach((original, k) => {
            const a = before[original];
            const b = after[k];
            if (typeof a === 'number' && typeof b === 'number') expect(b).toBeCloseTo(a, 9);
            else expect(b).toBe(a);
          });
        },
      ),
    );
  });
});

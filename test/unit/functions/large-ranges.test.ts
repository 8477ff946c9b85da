import { describe, expect, it } from 'vitest';
import { KPIPROGRESS, OKREXPECTED, OKRSCORE, OKRSTATUS } from '../../../src/functions/index';

const N = 100_000;
const column = (f: (i: number) => unknown): unknown[][] => Array.from({ length: N }, (_, i) => [f(i)]);

/** The call's output, which has one row per input row. */
function rows(run: () => unknown): unknown[][] {
  const output = run() as unknown[][];
  expect(output).toHaveLength(N);
  return output;
}

// §3 and §6.1: one call answers 100,000 rows, row for row. How fast is `npm run bench`'s
// job: a wall-clock bound here fails on a busy machine and proves nothing on a quiet one.
describe('100,000-row calls', () => {
  const start = column(() => 0);
  const target = column(() => 100);
  const current = column((i) => (i % 10 === 0 ? '' : i % 101));

  it('OKRSCORE', () => {
    const output = rows(() => OKRSCORE(start, target, current));
    expect(output[1]).toEqual([0.01]); // row 1: (1 − 0) / (100 − 0)
    expect(output[10]).toEqual([0]); // blank current
  });

  it('KPIPROGRESS', () => {
    const output = rows(() => KPIPROGRESS(start, target, current, 'increase'));
    expect(output[10]).toEqual(['']);
  });

  it('OKREXPECTED', () => {
    const output = rows(() =>
      OKREXPECTED(
        column(() => '2027-01-01'),
        column(() => 46418),
        46403,
      ),
    );
    expect(output[0]).toEqual([0.5]); // 15 of 30 days
  });

  it('OKRSTATUS', () => {
    const output = rows(() =>
      OKRSTATUS(
        column((i) => (i % 100) / 100),
        0.5,
      ),
    );
    expect(output[20]).toEqual(['Behind']); // 0.2 / 0.5 = 0.4
  });
});

import { describe, expect, it } from 'vitest';
import { KPIPROGRESS, OKREXPECTED, OKRSCORE, OKRSTATUS } from '../../../src/functions/index';

const N = 100_000;
const column = (f: (i: number) => unknown): unknown[][] => Array.from({ length: N }, (_, i) => [f(i)]);

function timed(run: () => unknown): { ms: number; output: unknown[][] } {
  const started = performance.now();
  const output = run() as unknown[][];
  return { ms: performance.now() - started, output };
}

// §3 and §6.1: 100,000 rows well under a second. The bound leaves room for slow CI machines.
describe('100,000-row calls', () => {
  const start = column(() => 0);
  const target = column(() => 100);
  const current = column((i) => (i % 10 === 0 ? '' : i % 101));

  it('OKRSCORE', () => {
    const { ms, output } = timed(() => OKRSCORE(start, target, current));
    expect(ms).toBeLessThan(1000);
    expect(output[1]).toEqual([0.01]); // row 1: (1 − 0) / (100 − 0)
    expect(output[10]).toEqual([0]); // blank current
  });

  it('KPIPROGRESS', () => {
    const { ms, output } = timed(() => KPIPROGRESS(start, target, current, 'increase'));
    expect(ms).toBeLessThan(1000);
    expect(output[10]).toEqual(['']);
  });

  it('OKREXPECTED', () => {
    const { ms, output } = timed(() =>
      OKREXPECTED(
        column(() => '2027-01-01'),
        column(() => 46418),
        46403,
      ),
    );
    expect(ms).toBeLessThan(1000);
    expect(output[0]).toEqual([0.5]); // 15 of 30 days
  });

  it('OKRSTATUS', () => {
    const { ms, output } = timed(() =>
      OKRSTATUS(
        column((i) => (i % 100) / 100),
        0.5,
      ),
    );
    expect(ms).toBeLessThan(1000);
    expect(output[20]).toEqual(['Behind']); // 0.2 / 0.5 = 0.4
  });
});

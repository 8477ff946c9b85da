import { ok, type Result } from '../core/result';
import { lookUp, type RollupRow, readOwnScore, readWeight, rollUp } from '../core/rollup';
import { defineCustomFunction } from './define';
import { alignLists, asGrid, guarded, type Output, reshape, singleOutput } from './shape';

const NAME = 'OKRROLLUP';

/**
 * An own score that is another of our functions' message (`OKRSCORE: missing target`) is
 * shown as it is on its row, rather than as "score is not a number" about that message.
 */
const PASSED_MESSAGE = /^(OKRSCORE|KPIPROGRESS|OKREXPECTED|OKRSTATUS): /;

function passMessages(out: Output, scores: (i: number) => unknown, failed: (i: number) => boolean): Output {
  if (!Array.isArray(out)) return out;
  const width = out[0]?.length ?? 1;
  for (const [r, line] of out.entries()) {
    for (let c = 0; c < line.length; c++) {
      const i = r * width + c;
      const own = scores(i);
      if (typeof own === 'string' && PASSED_MESSAGE.test(own) && failed(i)) line[c] = own;
    }
  }
  return out;
}

export const OKRROLLUP = defineCustomFunction(
  {
    summary:
      'Rolls scores up a tree of IDs and Parent IDs: a row with its own score keeps it, any other row gets the weighted mean of its children.',
    params: [
      { name: 'ids', description: 'The ID column; stacked ranges from several tabs, like {A2:A; B2:B}, work as one.' },
      { name: 'parents', description: 'The Parent ID column, row by row with ids; blank for a top-level row.' },
      {
        name: 'scores',
        description: 'Each row’s own score (e.g. from OKRSCORE); blank for rows scored by their children.',
      },
      { name: 'weights', description: 'Weight in the parent’s mean, 0 or more; blank means 1.', optional: true },
      {
        name: 'lookup_ids',
        description: 'IDs to answer for, any shape; when omitted, the answer has one value per row of ids.',
        optional: true,
      },
    ],
    returns: 'A score per row of ids (or per cell of lookup_ids); blank when a row has no score.',
    example: '=OKRROLLUP({"O1";"KR1";"KR2"}, {"";"O1";"O1"}, {"";0.5;1}, {1;1;3}) → {0.875; 0.5; 1}',
  },
  function OKRROLLUP(ids: unknown, parents: unknown, scores: unknown, weights?: unknown, lookup_ids?: unknown): Output {
    return guarded(NAME, () => {
      const lists = alignLists(NAME, [ids, parents, scores, weights]);
      const rows: RollupRow[] = new Array(lists.length);
      for (let i = 0; i < lists.length; i++) {
        rows[i] = {
          id: lists.cell(0, i),
          parentId: lists.cell(1, i),
          ownScore: readOwnScore(lists.cell(2, i)),
          weight: readWeight(lists.cell(3, i)),
        };
      }
      const rollup = rollUp(rows);
      // An omitted optional argument arrives as undefined; an empty cell is "" and is a lookup of nothing.
      if (lookup_ids === undefined) {
        if (!lists.shape) return singleOutput(NAME, rollup.scores[0] ?? ok(null));
        return passMessages(
          reshape(NAME, lists.shape, rollup.scores),
          (i) => lists.cell(2, i),
          (i) => rollup.scores[i]?.ok === false,
        );
      }
      const lookups = asGrid(lookup_ids);
      if (!lookups) return singleOutput(NAME, lookUp(rollup, Array.isArray(lookup_ids) ? '' : lookup_ids));
      const results: Result<number | null>[] = [];
      for (let r = 0; r < lookups.shape.rows; r++) {
        for (let c = 0; c < lookups.shape.cols; c++) results.push(lookUp(rollup, lookups.cell(r, c)));
      }
      return reshape(NAME, lookups.shape, results);
    });
  },
);

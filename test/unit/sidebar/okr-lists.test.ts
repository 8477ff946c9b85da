/**
 * The sidebar's lists (src/shared/okr-lists.ts): what each holds (§1.2's valid parents,
 * key results a check-in can update), how text narrows it, how far a page goes, and
 * how a page follows a save without asking the server.
 */
import { describe, expect, it } from 'vitest';
import {
  isWholeList,
  jsonBytes,
  matchesText,
  NAME_LIMIT,
  namesOf,
  PAGE_BYTES,
  PAGE_SIZE,
  pageOf,
  parentWarning,
  patchPage,
  queryKey,
} from '../../../src/shared/okr-lists';
import type { LevelName, OkrQuery, OkrSummary } from '../../../src/shared/sidebar-api';

const TAB: Record<LevelName, string> = {
  Corporate: 'Corporate OKRs',
  Department: 'Department OKRs',
  Team: 'Team OKRs',
};

function row(id: string, level: LevelName, kind: 'O' | 'KR', n: number, extra: Partial<OkrSummary> = {}): OkrSummary {
  return {
    id,
    level,
    kind: kind === 'O' ? 'Objective' : 'Key Result',
    tab: TAB[level],
    row: n,
    title: `Title of ${id}`,
    unit: 'Sales',
    owner: 'Ana Ruiz',
    ...extra,
  };
}

const measure = {
  uom: '%',
  current: 0.4,
  start: '0',
  target: '1',
  metricType: 'increase',
  score: 0.4,
  status: '',
  expected: 0.5,
};
const ROWS: OkrSummary[] = [
  row('C-O1', 'Corporate', 'O', 2),
  row('C-KR1', 'Corporate', 'KR', 3, { measure }),
  row('SAL-O1', 'Department', 'O', 2),
  row('SAL-KR1', 'Department', 'KR', 3, { measure, owner: 'José Núñez' }),
  row('', 'Department', 'O', 4, { title: 'No ID yet' }),
  row('ENT-O1', 'Team', 'O', 2, { unit: 'Enterprise' }),
  row('ENT-KR1', 'Team', 'KR', 3, { unit: 'Enterprise' }),
];
const ids = (query: OkrQuery): string[] => pageOf(ROWS, query).items.map((r) => r.id);

describe('what each list holds', () => {
  it('parents: §1.2, recommended ones first', () => {
    const parents = (level: LevelName, kind: 'Objective' | 'Key Result') =>
      ids({ list: { name: 'parents', level, kind }, text: '' });
    expect(parents('Corporate', 'Objective')).toEqual([]);
    expect(parents('Department', 'Objective')).toEqual(['C-O1', 'C-KR1']);
    // A team aligns to a department row; straight to corporate only with a warning, so those come last.
    expect(parents('Team', 'Objective')).toEqual(['SAL-O1', 'SAL-KR1', 'C-O1', 'C-KR1']);
    expect(parentWarning(ROWS[0] as OkrSummary, 'Team', 'Objective')).toMatch(/straight to corporate/);
    expect(parentWarning(ROWS[2] as OkrSummary, 'Team', 'Objective')).toBe('');
    // A key result's parent is an objective on its own tab; a row without ID is nobody's parent.
    expect(parents('Department', 'Key Result')).toEqual(['SAL-O1']);
    expect(parents('Team', 'Key Result')).toEqual(['ENT-O1']);
  });

  it('key results a check-in can update, by unit and owner', () => {
    const keyResults = (unit: string, owner: string) => ids({ list: { name: 'keyResults', unit, owner }, text: '' });
    expect(keyResults('', '')).toEqual(['C-KR1', 'SAL-KR1']); // ENT-KR1 has no metric of its own
    expect(keyResults('Sales', 'José Núñez')).toEqual(['SAL-KR1']);
    expect(keyResults('Enterprise', '')).toEqual([]);
  });

  it('text: every word in the ID, title, unit or owner, without case or accents', () => {
    const all = (text: string) => ids({ list: { name: 'all' }, text });
    expect(all('jose nunez')).toEqual(['SAL-KR1']);
    expect(all('enterprise kr1')).toEqual(['ENT-KR1']);
    expect(all('no id')).toEqual(['']);
    expect(all('  ')).toHaveLength(ROWS.length);
    expect(matchesText(ROWS[0] as OkrSummary, 'c-o1 sales')).toBe(true);
  });

  it('the same list and text is the same query, whatever the spaces around the text', () => {
    const q = (text: string): OkrQuery => ({ list: { name: 'keyResults', unit: 'Sales', owner: '' }, text });
    expect(queryKey(q(' sal '))).toBe(queryKey(q('sal')));
    expect(queryKey(q('sal'))).not.toBe(queryKey({ list: { name: 'all' }, text: 'sal' }));
  });
});

describe('how far a page goes', () => {
  const many = Array.from({ length: 1_000 }, (_, i) => row(`T-O${i}`, 'Team', 'O', i + 2));

  it('at most PAGE_SIZE rows, and counts all that match', () => {
    const page = pageOf(many, { list: { name: 'all' }, text: '' });
    expect(page.items).toHaveLength(PAGE_SIZE);
    expect(page).toMatchObject({ matches: 1_000, size: 1_000 });
    expect(isWholeList(page)).toBe(false);
    const narrowed = pageOf(many, { list: { name: 'all' }, text: 't-o99' });
    expect(narrowed.items.map((r) => r.id)).toEqual(['T-O99', ...Array.from({ length: 10 }, (_, i) => `T-O99${i}`)]);
    expect(isWholeList(pageOf(ROWS, { list: { name: 'all' }, text: '' }))).toBe(true);
  });

  it('at most PAGE_BYTES, however long the text (in UTF-8: 漢 is 3 bytes, 😀 is 4)', () => {
    expect(jsonBytes('a漢😀')).toBe(2 + 1 + 3 + 4);
    const wide = many.map((r) => ({ ...r, title: '漢'.repeat(150), unit: '😀'.repeat(100), owner: 'é'.repeat(100) }));
    const page = pageOf(wide, { list: { name: 'all' }, text: '' });
    expect(page.items.length).toBeLessThan(PAGE_SIZE);
    expect(jsonBytes(page.items)).toBeLessThanOrEqual(PAGE_BYTES);
  });

  it('names: sorted, distinct, at most NAME_LIMIT', () => {
    expect(namesOf(['b', '', 'a', 'b'])).toEqual(['a', 'b']);
    expect(namesOf(Array.from({ length: 2_000 }, (_, i) => `n${i}`))).toHaveLength(NAME_LIMIT);
  });
});

describe('a page after a save', () => {
  const keyResults: OkrQuery = { list: { name: 'keyResults', unit: '', owner: '' }, text: '' };

  it('shows a changed row as it is now, drops one that left the list, adds one that joined a whole list', () => {
    const page = pageOf(ROWS, keyResults);
    const updated = { ...(ROWS[3] as OkrSummary), measure: { ...measure, current: 0.5 } };
    const unmeasured = { ...(ROWS[1] as OkrSummary), measure: undefined };
    const measured = { ...(ROWS[6] as OkrSummary), measure };
    const after = patchPage(page, [updated, unmeasured, measured]);
    expect(after.items.map((r) => [r.id, r.measure?.current])).toEqual([
      ['SAL-KR1', 0.5],
      ['ENT-KR1', 0.4],
    ]);
    expect(after).toMatchObject({ matches: 2, size: 2 });
    expect(after).toEqual(
      pageOf([ROWS[0], unmeasured, ROWS[2], updated, ROWS[4], ROWS[5], measured] as OkrSummary[], keyResults),
    );
  });

  it('a window onto a longer list gets only the row just created, in list order', () => {
    const many = Array.from({ length: 300 }, (_, i) => row(`T-O${i}`, 'Team', 'O', i + 2));
    const page = pageOf(many, { list: { name: 'all' }, text: '' });
    const created = row('D-O9', 'Department', 'O', 9);
    const other = row('C-O9', 'Corporate', 'O', 9);
    const after = patchPage(page, [created, other], 'Department OKRs!9');
    expect(after.items[0]?.id).toBe('D-O9');
    expect(after.items).toHaveLength(PAGE_SIZE);
    expect(after).toMatchObject({ matches: 301, size: 301 });
  });
});

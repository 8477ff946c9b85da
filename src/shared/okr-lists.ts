/**
 * The sidebar's lists of OKR rows — the "Open an existing OKR" picker, the parent
 * picker and the Check-in panel's key results — as pages of at most PAGE_SIZE rows.
 * The server answers every query with pageOf over all rows; the page runs the same
 * pageOf itself once it holds a whole list, so both sides always agree on what a
 * list holds. Pure: no Apps Script, no DOM.
 *
 * The limits below bound the call that opens the sidebar (§6.1: 300 KB at 10,000
 * rows) whatever the workbook holds: three pages of at most PAGE_BYTES, four name
 * lists of at most NAMES_BYTES — 256 KB — plus the selected row, sent whole.
 */
import type { KindName, LevelName, OkrList, OkrPage, OkrQuery, OkrSummary } from './sidebar-api';

/** Rows per page: a list a person scrolls. */
export const PAGE_SIZE = 200;
/** A page stops short of PAGE_SIZE rather than carry more than this (long titles, other scripts). */
export const PAGE_BYTES = 64_000;
/** A list shows a title's first characters; the row's detail has it whole. */
export const TITLE_LIMIT = 150;
/** Units and owners are names: longer ones are cut, in lists and filters alike. */
export const NAME_CHARS = 100;
/** Units or owners suggested or offered as filters; beyond them the text filter finds rows. */
export const NAME_LIMIT = 500;
export const NAMES_BYTES = 16_000;

/** UTF-8 bytes of a value's JSON: what google.script.run carries. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const unit = json.charCodeAt(i);
    // 2 bytes below U+0800, 3 above; a surrogate pair's two units make 4.
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** The first items of `values` that fit in `limit` items and `budget` bytes of JSON. */
function within<T>(values: readonly T[], limit: number, budget: number): T[] {
  const kept: T[] = [];
  let bytes = 2;
  for (const value of values) {
    if (kept.length === limit) break;
    bytes += jsonBytes(value) + 1;
    if (bytes > budget) break;
    kept.push(value);
  }
  return kept;
}

/** Tab and row: IDs can be blank or repeated, a row's place cannot. */
export const rowKey = (row: Pick<OkrSummary, 'tab' | 'row'>): string => `${row.tab}!${row.row}`;

export function queryKey(query: OkrQuery): string {
  const { list } = query;
  const scope =
    list.name === 'parents' ? [list.level, list.kind] : list.name === 'keyResults' ? [list.unit, list.owner] : [];
  return JSON.stringify([list.name, ...scope, query.text.trim()]);
}

/** The whole list, when the page holds every row of it. */
export const isWholeList = (page: OkrPage): boolean => page.query.text.trim() === '' && page.items.length === page.size;

export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** Lower case without accents, so "lindqvist" finds "Lindqvist" and "jose" finds "José". */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const wordsOf = (text: string): string[] => folded(text).split(/\s+/).filter(Boolean);

function hasWords(row: OkrSummary, words: readonly string[]): boolean {
  const fields = [row.id, row.title, row.unit, row.owner].map(folded);
  return words.every((word) => fields.some((field) => field.includes(word)));
}

export function matchesText(row: OkrSummary, text: string): boolean {
  const words = wordsOf(text);
  return words.length === 0 || hasWords(row, words);
}

const LEVEL_ABOVE: Readonly<Record<LevelName, LevelName | null>> = {
  Corporate: null,
  Department: 'Corporate',
  Team: 'Department',
};

const TEAM_TO_CORPORATE = 'aligns a team straight to corporate: prefer a department objective or key result';

/**
 * §1.2: whether `candidate` may be the parent of a row of `level` and `kind` — ""
 * when it may, a warning when it may but should not (team → corporate), undefined
 * when it may not. A key result's parent is an objective on its own tab; an
 * objective's is a row on the level directly above; a corporate objective has none.
 */
export function parentWarning(candidate: OkrSummary, level: LevelName, kind: KindName): string | undefined {
  if (candidate.id === '') return undefined;
  if (kind === 'Key Result') return candidate.level === level && candidate.kind === 'Objective' ? '' : undefined;
  if (candidate.level === LEVEL_ABOVE[level]) return '';
  return level === 'Team' && candidate.level === 'Corporate' ? TEAM_TO_CORPORATE : undefined;
}

export function inList(row: OkrSummary, list: OkrList): boolean {
  if (list.name === 'all') return true;
  if (list.name === 'parents') return parentWarning(row, list.level, list.kind) !== undefined;
  return (
    row.measure !== undefined &&
    row.id !== '' &&
    (list.unit === '' || row.unit === list.unit) &&
    (list.owner === '' || row.owner === list.owner)
  );
}

const LEVEL_ORDER: Readonly<Record<LevelName, number>> = { Corporate: 0, Department: 1, Team: 2 };

/** Sheet order: by level, then row. */
export const compareRows = (a: OkrSummary, b: OkrSummary): number =>
  LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.row - b.row;

/** List order: sheet order, with recommended parents before discouraged ones. */
export function compareInList(list: OkrList): (a: OkrSummary, b: OkrSummary) => number {
  const rank = (row: OkrSummary) => (list.name === 'parents' && parentWarning(row, list.level, list.kind) ? 1 : 0);
  return (a, b) => rank(a) - rank(b) || compareRows(a, b);
}

/** One page of a list, from all rows in sheet order (what the server holds, or a whole list). */
export function pageOf(rows: readonly OkrSummary[], query: OkrQuery, limit = PAGE_SIZE): OkrPage {
  const { list } = query;
  let listed = rows.filter((row) => inList(row, list));
  if (list.name === 'parents') {
    // Recommended parents first: a team sees its department's rows before corporate's.
    const recommended = (row: OkrSummary) => parentWarning(row, list.level, list.kind) === '';
    listed = [...listed.filter(recommended), ...listed.filter((row) => !recommended(row))];
  }
  const words = wordsOf(query.text);
  const matching = words.length === 0 ? listed : listed.filter((row) => hasWords(row, words));
  return { query, items: within(matching, limit, PAGE_BYTES), matches: matching.length, size: listed.length };
}

/**
 * A page as it is after a save changed `changed` rows, without asking the server.
 * A row that still fits is shown as it is now; one that no longer fits leaves. A row
 * that newly fits joins a whole list; a window onto a longer list gets only the row
 * just created (`created`, a rowKey), since any other may already sit beyond it.
 */
export function patchPage(page: OkrPage, changed: readonly OkrSummary[], created = ''): OkrPage {
  const { list, text } = page.query;
  const whole = isWholeList(page);
  const items = [...page.items];
  let { matches, size } = page;
  for (const row of changed) {
    const at = items.findIndex((item) => rowKey(item) === rowKey(row));
    const listed = inList(row, list);
    const fits = listed && matchesText(row, text);
    if (at >= 0 && fits) items[at] = row;
    else if (at >= 0) {
      items.splice(at, 1);
      matches--;
      if (!listed) size--;
    } else if (fits && (whole || rowKey(row) === created)) {
      const before = items.findIndex((item) => compareInList(list)(row, item) < 0);
      items.splice(before < 0 ? items.length : before, 0, row);
      matches++;
      size++;
    }
  }
  return { ...page, items: whole ? items : items.slice(0, PAGE_SIZE), matches, size };
}

/** Sorted distinct non-blank names, as many as NAME_LIMIT and NAMES_BYTES allow. */
export function namesOf(values: Iterable<string>): string[] {
  const distinct = [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
  return within(distinct, NAME_LIMIT, NAMES_BYTES);
}

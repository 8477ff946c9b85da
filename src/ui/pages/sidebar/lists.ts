/**
 * The OKR lists as the page holds them. In a workbook small enough that the sidebar
 * opened with every row, each list is computed here from those rows (pageOf, as the
 * server does): filtering costs no server call. Otherwise a query the page has no
 * answer for goes to searchOkrs, and the answers are kept for the next time.
 */
import { compareRows, isWholeList, pageOf, patchPage, queryKey, rowKey } from '../../../shared/okr-lists';
import type { OkrPage, OkrQuery, OkrSummary } from '../../../shared/sidebar-api';
import { callServer } from './rpc';

/** Server answers kept: enough for going back and forth between a few filters. */
const KEPT_PAGES = 20;

export class OkrLists {
  /** Every OKR row, when the sidebar has them all. */
  private all: OkrSummary[] | null = null;
  /** Server answers by query key, oldest first. */
  private readonly pages = new Map<string, OkrPage>();

  constructor(pages: readonly OkrPage[] = []) {
    for (const page of pages) this.keep(page.query, page);
  }

  private keep(query: OkrQuery, page: OkrPage): void {
    if (query.list.name === 'all' && isWholeList(page)) this.all = [...page.items];
    const key = queryKey(query);
    this.pages.delete(key);
    this.pages.set(key, page);
    for (const old of this.pages.keys()) {
      if (this.pages.size <= KEPT_PAGES) break;
      this.pages.delete(old);
    }
  }

  /** The page for `query` if the page can answer it without the server. */
  known(query: OkrQuery): OkrPage | undefined {
    if (this.all !== null) return pageOf(this.all, query);
    const kept = this.pages.get(queryKey(query));
    if (kept !== undefined) return { ...kept, query };
    const whole = this.pages.get(queryKey({ list: query.list, text: '' }));
    return whole !== undefined && isWholeList(whole) ? pageOf(whole.items, query) : undefined;
  }

  async search(query: OkrQuery): Promise<OkrPage> {
    const page = await callServer('searchOkrs', query);
    this.keep(query, page);
    return { ...page, query };
  }

  /** Rows a save or check-in changed, shown as they are now; `created` is a new row's rowKey. */
  apply(changed: readonly OkrSummary[], created = ''): void {
    if (this.all !== null) {
      const all = this.all;
      for (const row of changed) {
        const at = all.findIndex((item) => rowKey(item) === rowKey(row));
        if (at >= 0) all[at] = row;
        else if (rowKey(row) === created) {
          const before = all.findIndex((item) => compareRows(row, item) < 0);
          all.splice(before < 0 ? all.length : before, 0, row);
        }
      }
    }
    for (const [key, page] of this.pages) this.pages.set(key, patchPage(page, changed, created));
  }
}

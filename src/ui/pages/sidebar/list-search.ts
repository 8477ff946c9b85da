/**
 * Keeps one list on screen in step with its filter. A page the sidebar can answer is
 * shown at once; any other is asked of the server once the user pauses typing, and
 * only the answer to the latest request is shown (an older one may arrive later).
 */
import type { OkrPage, OkrQuery } from '../../../shared/sidebar-api';
import { whileBusy } from './busy';
import type { OkrLists } from './lists';
import { errorText } from './rpc';

/** Long enough that a typed word is one search, short enough not to feel slow. */
export const TYPING_PAUSE_MS = 300;

export class ListSearch {
  private latest = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<void> = Promise.resolve();
  private cancel: () => void = () => {};

  constructor(
    private readonly lists: () => OkrLists,
    private readonly show: (page: OkrPage) => void,
    private readonly fail: (message: string) => void,
  ) {}

  /** Shows the page for `query`: now if the sidebar has it, else from the server after `pause` ms. */
  request(query: OkrQuery, pause = TYPING_PAUSE_MS): void {
    const ticket = ++this.latest;
    clearTimeout(this.timer);
    this.cancel();
    const known = this.lists().known(query);
    if (known !== undefined) {
      this.show(known);
      return;
    }
    this.pending = new Promise<void>((resolve) => {
      this.cancel = resolve;
      this.timer = setTimeout(() => {
        whileBusy('Searching…', () => this.lists().search(query))
          .then(
            (page) => ticket === this.latest && this.show(page),
            (error: unknown) => ticket === this.latest && this.fail(errorText(error)),
          )
          .finally(resolve);
      }, pause);
    });
  }

  /** Resolves once the latest request is on screen (or failed), so Enter opens what the user sees. */
  async settled(): Promise<void> {
    let waited: Promise<void>;
    do {
      waited = this.pending;
      await waited;
    } while (waited !== this.pending);
  }
}

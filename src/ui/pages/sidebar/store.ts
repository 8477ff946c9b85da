/**
 * What the sidebar knows of the workbook: the context it opened with and its OKR
 * lists. A save replies with only the rows it changed; the store folds them in and
 * the panels re-render from it.
 */
import { rowKey } from '../../../shared/okr-lists';
import type { OkrSummary, SidebarContext } from '../../../shared/sidebar-api';
import { OkrLists } from './lists';

type Listener = (context: SidebarContext) => void;

/** `names` with `name` added in order, if it is new. */
function withName(names: readonly string[], name: string): readonly string[] {
  if (name === '' || names.includes(name)) return names;
  return [...names, name].sort((a, b) => a.localeCompare(b));
}

export class SidebarStore {
  private current: SidebarContext | null = null;
  private okrLists = new OkrLists();
  private readonly listeners: Listener[] = [];

  get context(): SidebarContext | null {
    return this.current;
  }

  get lists(): OkrLists {
    return this.okrLists;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  private notify(): void {
    const context = this.current;
    if (context !== null) for (const listener of this.listeners) listener(context);
  }

  set(context: SidebarContext): void {
    this.current = context;
    this.okrLists = new OkrLists(context.pages);
    this.notify();
  }

  /** Rows a save or check-in changed; `created` is the row a save just added. */
  apply(changed: readonly OkrSummary[], created: Pick<OkrSummary, 'tab' | 'row'> | null = null): void {
    const context = this.current;
    if (context === null || changed.length === 0) return;
    this.okrLists.apply(changed, created === null ? '' : rowKey(created));
    let { units, owners, keyResultUnits, keyResultOwners } = context;
    for (const row of changed) {
      units = withName(units, row.unit);
      owners = withName(owners, row.owner);
      if (row.measure === undefined) continue;
      keyResultUnits = withName(keyResultUnits, row.unit);
      keyResultOwners = withName(keyResultOwners, row.owner);
    }
    this.current = { ...context, units, owners, keyResultUnits, keyResultOwners };
    this.notify();
  }
}

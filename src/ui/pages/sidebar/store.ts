/**
 * The sidebar's one copy of the server's SidebarContext. Panels render from it and
 * re-render when a save replies with the workbook as it is now.
 */
import type { OkrItem, SidebarContext } from '../../../shared/sidebar-api';

type Listener = (context: SidebarContext) => void;

export class ContextStore {
  private current: SidebarContext | null = null;
  private readonly listeners: Listener[] = [];

  get context(): SidebarContext | null {
    return this.current;
  }

  subscribe(listener: Listener): void {
    this.listeners.push(listener);
  }

  set(context: SidebarContext): void {
    this.current = context;
    for (const listener of this.listeners) listener(context);
  }

  /** One row as the server just read it (after a refused save), everything else as it was. */
  replaceItem(fresh: OkrItem): void {
    if (this.current === null) return;
    const items = this.current.items.map((item) => (item.tab === fresh.tab && item.row === fresh.row ? fresh : item));
    this.set({ ...this.current, items });
  }

  find(id: string): OkrItem | undefined {
    const key = id.trim().toLowerCase();
    return this.current?.items.find((item) => item.id.trim().toLowerCase() === key);
  }
}

/**
 * The sidebar page (§5): an Edit panel and a Check-in panel over one SidebarContext
 * loaded from the server. Vanilla TypeScript; user text goes in as text only.
 */
import { whileBusy } from './sidebar/busy';
import { CheckInPanel } from './sidebar/checkin-panel';
import { byId, showList, showText } from './sidebar/dom';
import { EditPanel } from './sidebar/edit-panel';
import { callServer } from './sidebar/rpc';
import { ContextStore } from './sidebar/store';
import { setUpTabs } from './sidebar/tabs';

async function start(): Promise<void> {
  const store = new ContextStore();
  const edit = new EditPanel(store);
  new CheckInPanel(store);
  setUpTabs(byId('app', HTMLElement).querySelector('[role="tablist"]') as HTMLElement);
  store.subscribe((context) => showList(byId('notices', HTMLElement), context.notices));
  try {
    const context = await whileBusy('Loading your OKRs…', () => callServer('sidebarContext'));
    store.set(context);
    edit.showInitial(context);
  } catch (error) {
    showText(byId('edit-error', HTMLElement), error instanceof Error ? error.message : String(error));
  }
}

void start();

/**
 * The sidebar page (§5): an Edit panel and a Check-in panel over the SidebarContext
 * of one server call. Vanilla TypeScript; user text goes in as text only.
 */
import { whileBusy } from './sidebar/busy';
import { CheckInPanel } from './sidebar/checkin-panel';
import { byId, showList, showText } from './sidebar/dom';
import { EditPanel } from './sidebar/edit-panel';
import { callServer } from './sidebar/rpc';
import { SidebarStore } from './sidebar/store';
import { setUpTabs } from './sidebar/tabs';

async function start(): Promise<void> {
  const store = new SidebarStore();
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

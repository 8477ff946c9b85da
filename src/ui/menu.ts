/**
 * The add-on menu (Extensions ▸ OKR Cascade) as data: onOpen renders it, and
 * the integration tests check every functionName against the built bundle.
 */
export interface MenuItemSpec {
  readonly caption: string;
  readonly functionName: string;
}
export interface SubMenuSpec {
  readonly caption: string;
  readonly items: readonly MenuEntrySpec[];
}
export type MenuEntrySpec = MenuItemSpec | SubMenuSpec | 'separator';

export const ADDON_MENU: readonly MenuEntrySpec[] = [
  { caption: 'Open sidebar', functionName: 'showSidebar' },
  'separator',
  { caption: 'Set up workbook', functionName: 'setUpWorkbook' },
  { caption: 'Insert sample OKRs', functionName: 'insertSampleOkrs' },
  'separator',
  { caption: 'Build roll-up and dashboard', functionName: 'buildRollup' },
  { caption: 'Validate', functionName: 'validateWorkbook' },
  { caption: 'Record snapshot', functionName: 'recordSnapshot' },
  { caption: 'Weekly rhythm…', functionName: 'showWeeklyRhythm' },
  'separator',
  { caption: 'Generate rollout plan', functionName: 'generateRolloutPlan' },
  { caption: 'Start next cycle', functionName: 'startNextCycle' },
  'separator',
  { caption: 'About OKR Cascade', functionName: 'showAbout' },
];

function addEntries(menu: GoogleAppsScript.Base.Menu, ui: GoogleAppsScript.Base.Ui, entries: readonly MenuEntrySpec[]) {
  for (const entry of entries) {
    if (entry === 'separator') menu.addSeparator();
    else if ('items' in entry) menu.addSubMenu(addEntries(ui.createMenu(entry.caption), ui, entry.items));
    else menu.addItem(entry.caption, entry.functionName);
  }
  return menu;
}

/**
 * May run in AuthMode.NONE (before the user authorized the add-on on this
 * document), so it touches nothing but the menu.
 * https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const ui = SpreadsheetApp.getUi();
  addEntries(ui.createAddonMenu(), ui, ADDON_MENU).addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

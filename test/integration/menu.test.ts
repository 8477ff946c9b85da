import { describe, expect, it } from 'vitest';
import type { MenuEntry } from '../../local/emulator/services/ui';
import { loadAddon } from '../../local/runtime';
import { ADDON_MENU, type MenuEntrySpec } from '../../src/ui/menu';

function functionNames(entries: readonly MenuEntry[]): string[] {
  return entries.flatMap((e) =>
    e.kind === 'item' ? [e.functionName] : e.kind === 'submenu' ? functionNames(e.items) : [],
  );
}
const specNames = (entries: readonly MenuEntrySpec[]): string[] =>
  entries.flatMap((e) => (e === 'separator' ? [] : 'items' in e ? specNames(e.items) : [e.functionName]));

describe('onOpen', () => {
  it('builds the add-on menu in AuthMode.NONE, touching nothing that needs authorization', () => {
    const runtime = loadAddon();
    // The emulator throws on any call that needs authorization while authMode is NONE.
    runtime.callAs('NONE', 'onOpen', { authMode: runtime.evaluate('({})') } as never);
    const { menus } = runtime.emulator.uiState;
    expect(menus).toHaveLength(1);
    expect(menus[0]?.addon).toBe(true);
    expect(functionNames(menus[0]?.items ?? [])).toEqual(specNames(ADDON_MENU));
    const called = Object.keys(runtime.emulator.calls.snapshot());
    expect(
      called.every((key) => /^(SpreadsheetApp\.getUi|Ui\.create(Addon)?Menu|Menu\.)/.test(key)),
      called.join(),
    ).toBe(true);
  });

  it('onInstall builds the same menu', () => {
    const runtime = loadAddon();
    runtime.callAs('NONE', 'onInstall', {} as never);
    expect(functionNames(runtime.emulator.uiState.menus[0]?.items ?? [])).toEqual(specNames(ADDON_MENU));
  });

  it('names only functions that exist at the top level of the bundle', () => {
    const runtime = loadAddon();
    runtime.callAs('NONE', 'onOpen', {} as never);
    const names = functionNames(runtime.emulator.uiState.menus[0]?.items ?? []);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(runtime.topLevelFunctions, name).toContain(name);
  });
});

describe('About OKR Cascade', () => {
  it('shows the built page with the version, its script and style inlined', () => {
    const runtime = loadAddon();
    runtime.call('showAbout');
    const [dialog] = runtime.emulator.uiState.surfaces;
    expect(dialog?.kind).toBe('modal');
    expect(dialog?.title).toBe('About OKR Cascade');
    expect(dialog?.html).toMatch(/OKR Cascade <span class="version">v\d+\.\d+\.\d+<\/span>/);
    expect(dialog?.html).toContain('<style>');
    expect(dialog?.html).toContain('google.script.host.close()');
    expect(dialog?.html).not.toMatch(/<script src=|<link rel="stylesheet"/);
  });
});

/** The local playground's HTTP routes (the sidebar page itself is covered by test/browser). */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbookView } from '../../local/playground-page';
import { loadAddon } from '../../local/runtime';
import { type SidebarServer, startSidebarServer } from '../../local/sidebar-server';
import type { SidebarContext } from '../../src/shared/sidebar-api';

let server: SidebarServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('npm run playground', () => {
  it('serves the sidebar beside a live view of the workbook, and a click selects a row', async () => {
    const rt = loadAddon({ timeZone: 'Europe/London', now: () => new Date('2027-02-15T12:00:00Z') });
    rt.call('insertSampleOkrs');
    server = await startSidebarServer(rt);
    const root = server.url.replace('/sidebar.html', '');

    const page = await (await fetch(`${root}/`)).text();
    expect(page).toContain('<iframe src="/sidebar.html"');
    expect(await (await fetch(server.url)).text()).toContain('google.script.run');

    const view = (await (await fetch(`${root}/workbook`)).json()) as WorkbookView;
    const team = view.tabs.find((t) => t.name === 'Team OKRs');
    expect(team?.rows[0]?.slice(0, 3)).toEqual(['ID', 'Type', 'Parent ID']);
    expect(team?.rows[2]?.[0]).toBe('ENT-KR1');

    const select = await fetch(`${root}/select`, {
      method: 'POST',
      body: JSON.stringify({ tab: 'Team OKRs', row: 3 }),
    });
    expect(select.status).toBe(204);
    const after = (await (await fetch(`${root}/workbook`)).json()) as WorkbookView;
    expect(after.active).toEqual({ tab: 'Team OKRs', row: 3 });
    // The sidebar's own server function sees the same selection.
    const context = rt.call('sidebarContext') as SidebarContext;
    expect(context.selected?.id).toBe('ENT-KR1');
  });
});

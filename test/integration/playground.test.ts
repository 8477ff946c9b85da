/** The local playground's HTTP routes (the sidebar page itself is covered by test/browser). */
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaygroundView } from '../../local/playground-view';
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
    expect(page).toContain('<iframe id="sidebar" src="/sidebar.html"');
    expect(await (await fetch(server.url)).text()).toContain('google.script.run');
    // The chart library comes from node_modules, not from a CDN.
    expect(page).toContain('<script src="/vendor/chart.umd.js">');
    expect(await (await fetch(`${root}/vendor/chart.umd.js`)).text()).toContain('Chart');

    const view = (await (await fetch(`${root}/view?tab=Team%20OKRs`)).json()) as PlaygroundView;
    expect(view.tabs).toContain('Team OKRs');
    expect(view.sheet?.rows[0]?.slice(0, 3).map((c) => c.t)).toEqual(['ID', 'Type', 'Parent ID']);
    expect(view.sheet?.rows[2]?.[0]?.t).toBe('ENT-KR1');

    const select = await fetch(`${root}/select`, {
      method: 'POST',
      body: JSON.stringify({ tab: 'Team OKRs', row: 3 }),
    });
    expect(select.status).toBe(204);
    const after = (await (await fetch(`${root}/view`)).json()) as PlaygroundView;
    expect(after.active).toEqual({ tab: 'Team OKRs', row: 3 });
    // The sidebar's own server function sees the same selection.
    const context = rt.call('sidebarContext') as SidebarContext;
    expect(context.selected?.id).toBe('ENT-KR1');
  });
});

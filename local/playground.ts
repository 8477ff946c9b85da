/**
 * `npm run playground`: the add-on in your browser as a user meets it in Sheets, on the
 * sample workbook, served from 127.0.0.1: the menu (Extensions ▸ OKR Cascade) runs every
 * action in the built bundle, the grid shows what the emulator stores (values through their
 * formats, colours, frozen rows, widths, row groups, charts), and the real sidebar sits
 * beside it.
 *
 *   npm run playground               http://127.0.0.1:8377/
 *   PORT=9000 npm run playground     another port
 */
import { type AddonRuntime, loadAddon } from './runtime';
import { startSidebarServer } from './sidebar-server';

/** A workbook as the playground opens it: menu built, sample inserted, on Corporate OKRs. */
export function playgroundRuntime(options: Parameters<typeof loadAddon>[0] = {}): AddonRuntime {
  const runtime = loadAddon({
    timeZone: 'Europe/London',
    user: 'pmo@northwind.example',
    spreadsheetName: 'Northwind Analytics — OKRs',
    ...options,
  });
  runtime.callAs('NONE', 'onOpen', { authMode: 'NONE' } as never);
  runtime.call('insertSampleOkrs');
  runtime.emulator.spreadsheet.getSheetByName('Corporate OKRs')?.activate();
  return runtime;
}

if (process.argv[1]?.endsWith('playground.ts')) {
  const server = await startSidebarServer(playgroundRuntime(), { port: Number(process.env.PORT ?? 8377) });
  console.log(`OKR Cascade playground: ${server.url.replace('/sidebar.html', '/')}`);
  console.log(
    'Extensions ▸ OKR Cascade runs the actions; click a row, then "Load selected row" in the sidebar. Ctrl+C stops it.',
  );
}

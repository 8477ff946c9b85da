/**
 * `npm run playground`: the real sidebar in your browser, on the sample workbook,
 * served from 127.0.0.1. Every save and check-in goes to the built bundle in the
 * local runtime; the workbook view beside it shows what was written.
 *
 *   npm run playground               http://127.0.0.1:8377/
 *   PORT=9000 npm run playground     another port
 */
import { loadAddon } from './runtime';
import { startSidebarServer } from './sidebar-server';

const runtime = loadAddon({
  timeZone: 'Europe/London',
  user: 'pmo@northwind.example',
  spreadsheetName: 'Northwind Analytics — OKRs',
});
runtime.call('insertSampleOkrs');
const server = await startSidebarServer(runtime, { port: Number(process.env.PORT ?? 8377) });
console.log(`OKR Cascade playground: ${server.url.replace('/sidebar.html', '/')}`);
console.log('Click a row in the workbook, then "Load selected row" in the sidebar. Ctrl+C stops it.');

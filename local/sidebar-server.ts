/**
 * Serves the BUILT sidebar page (dist/sidebar.html) over HTTP on 127.0.0.1 with a
 * google.script.run shim injected before the page's own script. Each shim call POSTs
 * { name, args } as JSON to this server, which calls the built bundle in the local
 * runtime — real round trips to the real server code, plain JSON both ways, as
 * google.script.run passes only plain values. The browser tests use it, and so does
 * the local playground (`npm run playground`): `/` shows the workbook as Sheets would
 * (`/view`, playground-view.ts) with the add-on's menu (`/menu`, playground-menu.ts) beside the
 * sidebar; a click selects a row (`/select`) or folds a row group (`/toggle`); a dialog the
 * add-on opens is served at `/surface/<n>` with the same shim.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type MenuOutcome, runMenuItem } from './playground-menu';
import { chartLibrary, playgroundPage, selectRow } from './playground-page';
import { playgroundView, toggleGroup } from './playground-view';
import { type AddonRuntime, DIST_DIR } from './runtime';

/** The shim: google.script.run with chained handlers, answering asynchronously like the real one. */
const SHIM = `<script>
(function () {
  function runner(success, failure) {
    var target = {
      withSuccessHandler: function (fn) { return runner(fn, failure); },
      withFailureHandler: function (fn) { return runner(success, fn); },
    };
    return new Proxy(target, {
      get: function (obj, name) {
        if (name in obj) return obj[name];
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (r) { return r.json(); })
            .then(function (reply) {
              if (reply.ok) { if (success) success(reply.value); }
              else if (failure) failure(new Error(reply.error));
            }, function (e) { if (failure) failure(e); });
        };
      },
    });
  }
  // In the playground a dialog is an iframe: closing it asks the page to take it away.
  function close() { if (window.parent !== window) window.parent.postMessage({ okrPlayground: 'close' }, '*'); }
  window.google = { script: { run: runner(null, null), host: { close: close } } };
})();
</script>`;

export interface SidebarServer {
  readonly url: string;
  /** Every call the page made, in order, with its JSON arguments. */
  readonly calls: { name: string; args: unknown[] }[];
  /** Makes the next call to `name` fail before reaching the bundle (a server error). */
  failNext(name: string, message: string): void;
  /** Holds replies until release() (to see the busy state). */
  hold(): { release(): void };
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

export interface SidebarServerOptions {
  /** The built page to serve (default dist/sidebar.html). */
  page?: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export async function startSidebarServer(rt: AddonRuntime, options: SidebarServerOptions = {}): Promise<SidebarServer> {
  const page = options.page ?? path.join(DIST_DIR, 'sidebar.html');
  const html = readFileSync(page, 'utf8');
  const withShim = html.includes('<head>') ? html.replace('<head>', `<head>${SHIM}`) : `${SHIM}${html}`;
  const calls: { name: string; args: unknown[] }[] = [];
  const failures = new Map<string, string>();
  let gate: Promise<void> | null = null;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'GET' && url.pathname.startsWith('/sidebar.html')) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(withShim);
        return;
      }
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(playgroundPage());
        return;
      }
      if (req.method === 'GET' && url.pathname === '/vendor/chart.umd.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
        res.end(chartLibrary());
        return;
      }
      if (req.method === 'GET' && url.pathname === '/view') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(playgroundView(rt, url.searchParams.get('tab') ?? undefined)));
        return;
      }
      const surface = /^\/surface\/(\d+)$/.exec(url.pathname);
      if (req.method === 'GET' && surface) {
        const shown = rt.emulator.uiState.surfaces[Number(surface[1])];
        if (!shown) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(shown.html.includes('<head>') ? shown.html.replace('<head>', `<head>${SHIM}`) : `${SHIM}${shown.html}`);
        return;
      }
      if (req.method === 'POST' && url.pathname === '/select') {
        const { tab, row } = JSON.parse(await body(req)) as { tab: string; row: number };
        selectRow(rt, tab, row);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/toggle') {
        const { tab, row, depth } = JSON.parse(await body(req)) as { tab: string; row: number; depth: number };
        toggleGroup(rt, tab, row, depth);
        res.writeHead(204).end();
        return;
      }
      if (req.method === 'POST' && url.pathname === '/menu') {
        const { functionName, answers } = JSON.parse(await body(req)) as {
          functionName: string;
          answers: Parameters<typeof runMenuItem>[2];
        };
        const outcome: MenuOutcome = runMenuItem(rt, functionName, answers ?? []);
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(outcome));
        return;
      }
      if (req.method !== 'POST' || url.pathname !== '/rpc') {
        res.writeHead(404).end();
        return;
      }
      const { name, args } = JSON.parse(await body(req)) as { name: string; args: unknown[] };
      calls.push({ name, args });
      if (gate) await gate;
      let reply: { ok: true; value: unknown } | { ok: false; error: string };
      const failure = failures.get(name);
      if (failure !== undefined) {
        failures.delete(name);
        reply = { ok: false, error: failure };
      } else {
        try {
          const value = (rt.call as (n: string, ...a: unknown[]) => unknown)(name, ...args);
          // JSON both ways, as google.script.run: what is not plain data does not arrive.
          reply = { ok: true, value: JSON.parse(JSON.stringify(value ?? null)) };
        } catch (error) {
          // Errors come from the bundle's realm: not `instanceof Error` here.
          const message = (error as { message?: unknown } | null)?.message;
          reply = { ok: false, error: typeof message === 'string' ? message : String(error) };
        }
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(reply));
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sidebar.html`,
    calls,
    failNext(name, message) {
      failures.set(name, message);
    },
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return { release };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // The browser keeps connections alive; close() would wait for them.
        server.closeAllConnections();
      }),
  };
}

/**
 * The local playground's page: the real sidebar (an iframe of the built
 * sidebar.html, 300 px as in Sheets) beside a live, read-only view of the
 * emulated workbook. Clicking a row selects it, as a click in Sheets would, so
 * "Load selected row" in the sidebar picks it up. Cell text is put into the page
 * with textContent only.
 */
import type { AddonRuntime } from './runtime';

export interface WorkbookView {
  readonly tabs: readonly { readonly name: string; readonly rows: readonly (readonly string[])[] }[];
  readonly active: { readonly tab: string; readonly row: number } | null;
}

/** Every tab as displayed (one getDisplayValues each), and the selected row. */
export function workbookView(rt: AddonRuntime): WorkbookView {
  const ss = rt.emulator.spreadsheet;
  const tabs = ss.getSheets().map((sheet) => ({
    name: sheet.getName(),
    rows: sheet.getLastRow() === 0 ? [] : sheet.getDataRange().getDisplayValues(),
  }));
  const range = ss.getActiveRange();
  const active = range ? { tab: range.getSheet().getName(), row: range.getRow() } : null;
  rt.emulator.calls.reset();
  return { tabs, active };
}

export function selectRow(rt: AddonRuntime, tab: string, row: number): void {
  const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
  if (!sheet || !Number.isInteger(row) || row < 1) throw new Error(`No row ${row} on "${tab}"`);
  sheet.activate();
  sheet.getRange(row, 1).activate();
}

export const PLAYGROUND_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>OKR Cascade — local playground</title>
<style>
  body { margin: 0; font: 13px Roboto, Arial, sans-serif; color: #202124; display: flex; height: 100vh; }
  #sheet { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #dadce0; }
  #tabs { display: flex; gap: 2px; padding: 4px; background: #f1f3f4; border-top: 1px solid #dadce0; overflow-x: auto; order: 2; }
  #tabs button { border: 0; background: transparent; padding: 6px 12px; cursor: pointer; white-space: nowrap; font: inherit; }
  #tabs button[aria-pressed="true"] { background: #fff; color: #1967d2; font-weight: 500; }
  #grid { flex: 1; overflow: auto; }
  table { border-collapse: collapse; }
  td, th { border: 1px solid #e0e0e0; padding: 2px 6px; max-width: 240px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  th { background: #f8f9fa; position: sticky; top: 0; }
  tr.selected td { background: #e8f0fe; }
  tbody tr { cursor: pointer; }
  iframe { width: 300px; border: 0; height: 100vh; }
</style>
</head>
<body>
<div id="sheet"><div id="grid"></div><nav id="tabs" aria-label="Tabs"></nav></div>
<iframe src="/sidebar.html" title="OKR Cascade sidebar"></iframe>
<script>
  var current = null, last = '';
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function render(view) {
    var names = view.tabs.map(function (t) { return t.name; });
    if (!current || names.indexOf(current) < 0) current = (view.active && view.active.tab) || names[0];
    var tabs = document.getElementById('tabs'); tabs.replaceChildren();
    names.forEach(function (name) {
      var b = el('button', name); b.setAttribute('aria-pressed', String(name === current));
      b.onclick = function () { current = name; last = ''; refresh(); };
      tabs.appendChild(b);
    });
    var tab = view.tabs.filter(function (t) { return t.name === current; })[0];
    var table = el('table'), head = el('thead'), body = el('tbody');
    (tab ? tab.rows : []).forEach(function (row, i) {
      var tr = el('tr');
      row.forEach(function (cell) { tr.appendChild(el(i === 0 ? 'th' : 'td', cell)); });
      if (i === 0) { head.appendChild(tr); return; }
      if (view.active && view.active.tab === current && view.active.row === i + 1) tr.className = 'selected';
      tr.onclick = function () {
        fetch('/select', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ tab: current, row: i + 1 }) })
          .then(function () { last = ''; refresh(); });
      };
      body.appendChild(tr);
    });
    table.appendChild(head); table.appendChild(body);
    document.getElementById('grid').replaceChildren(table);
  }
  function refresh() {
    fetch('/workbook').then(function (r) { return r.text(); }).then(function (text) {
      if (text !== last) { last = text; render(JSON.parse(text)); }
    });
  }
  refresh(); setInterval(refresh, 1500);
</script>
</body>
</html>
`;

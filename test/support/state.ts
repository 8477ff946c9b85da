/**
 * The whole emulated workbook as plain data, to prove that a failed action left it exactly
 * as it was (§6.3): every sheet in order with its name, visibility, size, frozen rows,
 * cells (values, formulas, formats of every kind, validation, notes), column widths, rules,
 * charts and marks, and the spreadsheet's protections. Values are compared as the add-on
 * reads them (a date is a date, whether stored as a Date or as a serial under a date format),
 * and an explicit "0.###############" number format as the automatic one it reads as.
 */
import type { AddonRuntime } from '../../local/runtime';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const AUTOMATIC = '0.###############';
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Maps, Sets and Dates as plain data; empty cells and undefined properties dropped. */
function plain(value: unknown): unknown {
  if (isDate(value)) return `date:${value.getTime()}`;
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [plain(k), plain(v)]);
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v);
    return out;
  }
  return value;
}

interface CellModel {
  v?: unknown;
  f?: string;
  fmt?: string;
  [key: string]: unknown;
}

function cellsOf(rows: (CellModel | undefined)[][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      // The value is compared as read (below); here what else the cell holds.
      const { v: _v, f: _f, ...rest } = cell;
      if (rest.fmt === AUTOMATIC) delete rest.fmt;
      const kept = plain(rest) as Record<string, unknown>;
      if (Object.keys(kept).length > 0) out[`R${r}C${c}`] = kept;
    });
  });
  return out;
}

function sheetState(sheet: Sheet): unknown {
  const data = (sheet as unknown as { _data: Record<string, unknown> & { lines(): unknown[] } })._data;
  // Rows as cells (a row written in bulk is kept compact until read: local/emulator/spreadsheet/model.ts).
  const rows = data.lines();
  const { rows: _rows, formulaCount: _count, ...rest } = data;
  const range = sheet.getDataRange();
  return {
    ...(plain(rest) as object),
    values: plain(range.getValues()),
    formulas: range.getFormulas(),
    cells: cellsOf(rows as (CellModel | undefined)[][]),
    marks: sheet.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]),
  };
}

export function workbookState(rt: AddonRuntime): unknown {
  const ss = rt.emulator.spreadsheet;
  const SpreadsheetApp = rt.emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const protections = [
    ...ss.getProtections(SpreadsheetApp.ProtectionType.SHEET),
    ...ss.getProtections(SpreadsheetApp.ProtectionType.RANGE),
  ].map((p) => [
    p.getRange().getSheet().getName(),
    p.getRange().getA1Notation(),
    p.getDescription(),
    p.isWarningOnly(),
  ]);
  return {
    sheets: ss.getSheets().map(sheetState),
    protections,
    marks: ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()]),
  };
}

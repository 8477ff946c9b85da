import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';
import { FormulaEngine } from '../formulas/engine.js';
import type { GridRect } from './a1.js';
import { BooleanCriteria, newRuleBuilder } from './conditional.js';
import type { Ctx } from './context.js';
import { makeEnum } from './context.js';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './metadata.js';
import { SheetData, Workbook } from './model.js';
import { ProtectionType } from './protection.js';
import { RangeImpl } from './range.js';
import { SheetImpl } from './sheet.js';
import { SpreadsheetImpl } from './spreadsheet.js';
import { DataValidationCriteria, newValidationBuilder } from './validation.js';

export interface SpreadsheetWorld {
  ctx: Ctx;
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  impl: SpreadsheetImpl;
}

/** Builds one workbook with a single `Sheet1` and the instrumented SpreadsheetApp over it. */
export function createSpreadsheetWorld(
  env: EmulatorEnv,
  options: { name?: string; id?: string; ui: () => GoogleAppsScript.Base.Ui },
): SpreadsheetWorld {
  const wb = new Workbook(
    env,
    options.id ?? '1EmuLatedSpreadsheetId0000000000000000000000',
    options.name ?? 'OKR Cascade test',
  );
  const sheetCache = new WeakMap<SheetData, GoogleAppsScript.Spreadsheet.Sheet>();
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  const ctx: Ctx = {
    wb,
    env,
    spreadsheet: () => spreadsheet,
    sheet: (data) => {
      let s = sheetCache.get(data);
      if (!s) {
        s = instrument(new SheetImpl(ctx, data), 'Sheet', env) as unknown as GoogleAppsScript.Spreadsheet.Sheet;
        sheetCache.set(data, s);
      }
      return s;
    },
    range: (data: SheetData, rect: GridRect) =>
      instrument(new RangeImpl(ctx, data, { ...rect }), 'Range', env) as unknown as GoogleAppsScript.Spreadsheet.Range,
    wrap: (obj, className) => instrument(obj, className, env),
  };
  wb.engine = new FormulaEngine(wb);
  const first = new SheetData(wb.newSheetId(), 'Sheet1');
  wb.sheets.push(first);
  const impl = new SpreadsheetImpl(ctx);
  spreadsheet = instrument(impl, 'Spreadsheet', env) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

  const app = {
    DataValidationCriteria,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    ProtectionType,
    BooleanCriteria,
    WrapStrategy: makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const),
    BorderStyle: makeEnum(['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'] as const),
    SheetType: makeEnum(['GRID', 'OBJECT', 'DATASOURCE'] as const),
    Dimension: makeEnum(['COLUMNS', 'ROWS'] as const),
    Direction: makeEnum(['UP', 'DOWN', 'PREVIOUS', 'NEXT'] as const),
    GroupControlTogglePosition: makeEnum(['BEFORE', 'AFTER'] as const),
    getActiveSpreadsheet: () => spreadsheet,
    getActive: () => spreadsheet,
    openById: (id: string) => {
      if (id !== wb.id) throw new Error(`Emulator: only the active spreadsheet exists (asked for ${id})`);
      return spreadsheet;
    },
    getActiveSheet: () => impl.getActiveSheet(),
    getActiveRange: () => impl.getActiveRange(),
    getCurrentCell: () => impl.getCurrentCell(),
    setActiveSheet: (s: GoogleAppsScript.Spreadsheet.Sheet) => impl.setActiveSheet(s),
    setActiveRange: (r: GoogleAppsScript.Spreadsheet.Range) => impl.setActiveRange(r),
    getUi: () => options.ui(),
    flush: () => {},
    newDataValidation: () => newValidationBuilder(ctx),
    newConditionalFormatRule: () => newRuleBuilder(ctx),
  };
  return {
    ctx,
    app: instrument(app, 'SpreadsheetApp', env) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    spreadsheet,
    impl,
  };
}

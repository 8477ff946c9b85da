import type { GridRect } from './a1.js';
import type { Ctx } from './context.js';
import { makeEnum } from './context.js';
import type { ProtectionSpec } from './model.js';

export const ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);

export function protect(
  ctx: Ctx,
  type: 'SHEET' | 'RANGE',
  sheetId: number,
  rect?: GridRect,
): GoogleAppsScript.Spreadsheet.Protection {
  const spec: ProtectionSpec = { id: ctx.wb.newObjectId(), type, sheetId, rect, description: '', warningOnly: false };
  ctx.wb.protections.push(spec);
  return wrapProtection(ctx, spec);
}

export function wrapProtection(ctx: Ctx, spec: ProtectionSpec): GoogleAppsScript.Spreadsheet.Protection {
  let self: unknown;
  const chain =
    <A extends unknown[]>(f: (...a: A) => void) =>
    (...a: A) => {
      f(...a);
      return self;
    };
  const p = {
    _spec: spec,
    getProtectionType: () => ProtectionType[spec.type],
    setDescription: chain((d: string) => (spec.description = d)),
    getDescription: () => spec.description,
    setWarningOnly: chain((w: boolean) => (spec.warningOnly = w)),
    isWarningOnly: () => spec.warningOnly,
    canEdit: () => true,
    canDomainEdit: () => true,
    setDomainEdit: chain(() => {}),
    getEditors: () => [],
    addEditor: chain(() => {}),
    addEditors: chain(() => {}),
    removeEditor: chain(() => {}),
    removeEditors: chain(() => {}),
    getRange: () => {
      const sd = ctx.wb.sheetById(spec.sheetId);
      if (!sd) throw new Error('The sheet of this protection was deleted.');
      return ctx.range(sd, spec.rect ?? { row: 1, col: 1, numRows: sd.maxRows, numCols: sd.maxCols });
    },
    remove: () => {
      ctx.wb.protections = ctx.wb.protections.filter((x) => x !== spec);
    },
  };
  self = ctx.wrap(p, 'Protection');
  return self as GoogleAppsScript.Spreadsheet.Protection;
}

import { shiftRelative } from '../formulas/translate.js';
import { rectToA1 } from './a1.js';
import type { Ctx } from './context.js';
import { makeEnum, normalizeColor } from './context.js';
import type { ConditionalRuleSpec, SheetData } from './model.js';

/** https://developers.google.com/apps-script/reference/spreadsheet/boolean-criteria */
export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_NOT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

type Crit = keyof typeof BooleanCriteria;

function rangesOf(ctx: Ctx, spec: ConditionalRuleSpec): GoogleAppsScript.Spreadsheet.Range[] {
  return spec.ranges.flatMap((r) => {
    const sd = ctx.wb.sheetById(r.sheetId);
    return sd ? [ctx.range(sd, r.rect)] : [];
  });
}

function cloneSpec(spec: ConditionalRuleSpec): ConditionalRuleSpec {
  return {
    condition: { type: spec.condition.type, values: [...spec.condition.values] },
    format: { ...spec.format },
    ranges: spec.ranges.map((r) => ({ sheetId: r.sheetId, rect: { ...r.rect } })),
  };
}

export function newRule(ctx: Ctx, spec: ConditionalRuleSpec): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const condition = ctx.wrap(
    {
      getCriteriaType: () => BooleanCriteria[spec.condition.type as Crit],
      getCriteriaValues: () => [...spec.condition.values],
      getBackground: () => spec.format.background ?? null,
      getFontColor: () => spec.format.fontColor ?? null,
      getBold: () => spec.format.bold ?? null,
      getItalic: () => spec.format.italic ?? null,
      getStrikethrough: () => spec.format.strikethrough ?? null,
    },
    'BooleanCondition',
  );
  const rule = {
    _spec: spec,
    getRanges: () => rangesOf(ctx, spec),
    getBooleanCondition: () => condition,
    getGradientCondition: () => null,
    copy: () => newRuleBuilder(ctx, cloneSpec(spec)),
  };
  return ctx.wrap(rule, 'ConditionalFormatRule') as unknown as GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
}

export function newRuleBuilder(
  ctx: Ctx,
  initial?: ConditionalRuleSpec,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  const spec: ConditionalRuleSpec = initial ?? { condition: { type: '', values: [] }, format: {}, ranges: [] };
  let self: unknown;
  const when = (type: Crit, values: unknown[]) => {
    spec.condition = { type, values };
    return self;
  };
  const fmt = (key: keyof ConditionalRuleSpec['format'], value: unknown) => {
    (spec.format as Record<string, unknown>)[key] = value;
    return self;
  };
  const b = {
    _spec: spec,
    whenFormulaSatisfied: (f: string) => when('CUSTOM_FORMULA', [f]),
    whenTextEqualTo: (t: string) => when('TEXT_EQUAL_TO', [t]),
    whenTextDoesNotContain: (t: string) => when('TEXT_DOES_NOT_CONTAIN', [t]),
    whenTextContains: (t: string) => when('TEXT_CONTAINS', [t]),
    whenTextStartsWith: (t: string) => when('TEXT_STARTS_WITH', [t]),
    whenTextEndsWith: (t: string) => when('TEXT_ENDS_WITH', [t]),
    whenNumberBetween: (a: number, z: number) => when('NUMBER_BETWEEN', [a, z]),
    whenNumberNotBetween: (a: number, z: number) => when('NUMBER_NOT_BETWEEN', [a, z]),
    whenNumberEqualTo: (n: number) => when('NUMBER_EQUAL_TO', [n]),
    whenNumberNotEqualTo: (n: number) => when('NUMBER_NOT_EQUAL_TO', [n]),
    whenNumberGreaterThan: (n: number) => when('NUMBER_GREATER_THAN', [n]),
    whenNumberGreaterThanOrEqualTo: (n: number) => when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]),
    whenNumberLessThan: (n: number) => when('NUMBER_LESS_THAN', [n]),
    whenNumberLessThanOrEqualTo: (n: number) => when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]),
    whenCellEmpty: () => when('CELL_EMPTY', []),
    whenCellNotEmpty: () => when('CELL_NOT_EMPTY', []),
    setBackground: (c: string | null) => fmt('background', normalizeColor(c) ?? undefined),
    setFontColor: (c: string | null) => fmt('fontColor', normalizeColor(c) ?? undefined),
    setBold: (v: boolean) => fmt('bold', v),
    setItalic: (v: boolean) => fmt('italic', v),
    setStrikethrough: (v: boolean) => fmt('strikethrough', v),
    setRanges: (ranges: GoogleAppsScript.Spreadsheet.Range[]) => {
      spec.ranges = ranges.map((r) => {
        const info = (r as unknown as { _info(): { sheet: SheetData; rect: (typeof spec.ranges)[0]['rect'] } })._info();
        return { sheetId: info.sheet.id, rect: { ...info.rect } };
      });
      return self;
    },
    getRanges: () => rangesOf(ctx, spec),
    getBooleanCondition: () => newRule(ctx, spec).getBooleanCondition(),
    copy: () => newRuleBuilder(ctx, cloneSpec(spec)),
    build: () => {
      if (!spec.condition.type) throw new Error('Conditional format rule cannot have no condition.');
      if (spec.ranges.length === 0) throw new Error('Conditional format rule must have at least one range.');
      return newRule(ctx, cloneSpec(spec));
    },
  };
  self = ctx.wrap(b, 'ConditionalFormatRuleBuilder');
  return self as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
}

function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}

/**
 * Whether `spec` holds for the cell (row, col) of `sheet`. A custom formula is relative to the
 * top-left cell of the rule's first range, as in Sheets:
 * https://support.google.com/docs/answer/78413 ("Use custom formulas with conditional formatting").
 */
export function ruleMatches(
  ctx: Ctx,
  sheet: SheetData,
  spec: ConditionalRuleSpec,
  row: number,
  col: number,
  value: unknown,
): boolean {
  const inRange = spec.ranges.some(
    (r) =>
      r.sheetId === sheet.id &&
      row >= r.rect.row &&
      row < r.rect.row + r.rect.numRows &&
      col >= r.rect.col &&
      col < r.rect.col + r.rect.numCols,
  );
  if (!inRange) return false;
  const [a, z] = spec.condition.values;
  const num = typeof value === 'number' ? value : Number.NaN;
  const text = String(value ?? '').toLowerCase();
  switch (spec.condition.type) {
    case 'CUSTOM_FORMULA': {
      const first = spec.ranges[0];
      if (!first) return false;
      const f = String(a ?? '');
      const shifted = shiftRelative(f, row - first.rect.row, col - first.rect.col);
      const result = ctx.wb.engine.calculate(shifted, sheet);
      return !result.error && truthy(result.value);
    }
    case 'CELL_EMPTY':
      return value === '' || value === null || value === undefined;
    case 'CELL_NOT_EMPTY':
      return !(value === '' || value === null || value === undefined);
    case 'TEXT_EQUAL_TO':
      return text === String(a).toLowerCase();
    case 'TEXT_NOT_EQUAL_TO':
      return text !== String(a).toLowerCase();
    case 'TEXT_CONTAINS':
      return text.includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(String(a).toLowerCase());
    case 'TEXT_STARTS_WITH':
      return text.startsWith(String(a).toLowerCase());
    case 'TEXT_ENDS_WITH':
      return text.endsWith(String(a).toLowerCase());
    case 'NUMBER_BETWEEN':
      return num >= Math.min(Number(a), Number(z)) && num <= Math.max(Number(a), Number(z));
    case 'NUMBER_NOT_BETWEEN':
      return !Number.isNaN(num) && !(num >= Math.min(Number(a), Number(z)) && num <= Math.max(Number(a), Number(z)));
    case 'NUMBER_EQUAL_TO':
      return num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return !Number.isNaN(num) && num !== Number(a);
    case 'NUMBER_GREATER_THAN':
      return num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= Number(a);
    default:
      throw new Error(`Emulator: conditional format ${spec.condition.type} is not evaluated`);
  }
}

export function describeRanges(spec: ConditionalRuleSpec): string[] {
  return spec.ranges.map((r) => rectToA1(r.rect));
}

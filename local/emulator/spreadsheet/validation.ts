import type { Ctx } from './context.js';
import { makeEnum } from './context.js';
import type { ValidationSpec } from './model.js';

/** https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria */
export const DataValidationCriteria = makeEnum([
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
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
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
] as const);

type CriteriaName = keyof typeof DataValidationCriteria;

export function newValidation(ctx: Ctx, spec: ValidationSpec): GoogleAppsScript.Spreadsheet.DataValidation {
  const dv = {
    _spec: spec,
    getCriteriaType: () => DataValidationCriteria[spec.criteria as CriteriaName],
    getCriteriaValues: () => [...spec.values],
    getAllowInvalid: () => spec.allowInvalid,
    getHelpText: () => spec.helpText,
    copy: () => newValidationBuilder(ctx, { ...spec, values: [...spec.values] }),
  };
  return ctx.wrap(dv, 'DataValidation') as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
}

export function newValidationBuilder(
  ctx: Ctx,
  initial?: ValidationSpec,
): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  const spec: ValidationSpec = initial ?? { criteria: '', values: [], allowInvalid: true, helpText: null };
  let self: unknown;
  const set = (criteria: CriteriaName, values: unknown[]) => {
    spec.criteria = criteria;
    spec.values = values;
    return self;
  };
  const b = {
    _spec: spec,
    requireValueInList: (values: unknown[], showDropdown?: boolean) =>
      set('VALUE_IN_LIST', [[...values], showDropdown ?? true]),
    requireValueInRange: (range: unknown, showDropdown?: boolean) =>
      set('VALUE_IN_RANGE', [range, showDropdown ?? true]),
    requireNumberBetween: (a: number, z: number) => set('NUMBER_BETWEEN', [a, z]),
    requireNumberNotBetween: (a: number, z: number) => set('NUMBER_NOT_BETWEEN', [a, z]),
    requireNumberEqualTo: (n: number) => set('NUMBER_EQUAL_TO', [n]),
    requireNumberNotEqualTo: (n: number) => set('NUMBER_NOT_EQUAL_TO', [n]),
    requireNumberGreaterThan: (n: number) => set('NUMBER_GREATER_THAN', [n]),
    requireNumberGreaterThanOrEqualTo: (n: number) => set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]),
    requireNumberLessThan: (n: number) => set('NUMBER_LESS_THAN', [n]),
    requireNumberLessThanOrEqualTo: (n: number) => set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]),
    requireCheckbox: (...v: unknown[]) => set('CHECKBOX', v),
    requireDate: () => set('DATE_IS_VALID_DATE', []),
    requireDateAfter: (d: Date) => set('DATE_AFTER', [d]),
    requireDateBefore: (d: Date) => set('DATE_BEFORE', [d]),
    requireDateOnOrAfter: (d: Date) => set('DATE_ON_OR_AFTER', [d]),
    requireDateOnOrBefore: (d: Date) => set('DATE_ON_OR_BEFORE', [d]),
    requireDateBetween: (a: Date, z: Date) => set('DATE_BETWEEN', [a, z]),
    requireFormulaSatisfied: (f: string) => set('CUSTOM_FORMULA', [f]),
    requireTextIsEmail: () => set('TEXT_IS_VALID_EMAIL', []),
    requireTextIsUrl: () => set('TEXT_IS_VALID_URL', []),
    requireTextContains: (t: string) => set('TEXT_CONTAINS', [t]),
    requireTextEqualTo: (t: string) => set('TEXT_EQUAL_TO', [t]),
    withCriteria: (criteria: unknown, values: unknown[]) => set(String(criteria) as CriteriaName, [...values]),
    setAllowInvalid: (allow: boolean) => {
      spec.allowInvalid = allow;
      return self;
    },
    setHelpText: (text: string) => {
      spec.helpText = text;
      return self;
    },
    getCriteriaType: () => DataValidationCriteria[spec.criteria as CriteriaName],
    getCriteriaValues: () => [...spec.values],
    getAllowInvalid: () => spec.allowInvalid,
    getHelpText: () => spec.helpText,
    copy: () => newValidationBuilder(ctx, { ...spec, values: [...spec.values] }),
    build: () => {
      if (!spec.criteria) throw new Error('You must specify a criteria for the data validation rule.');
      return newValidation(ctx, { ...spec, values: [...spec.values] });
    },
  };
  self = ctx.wrap(b, 'DataValidationBuilder');
  return self as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
}

import type { Ctx } from './context.js';
import { makeEnum } from './context.js';
import type { MetadataSpec } from './model.js';

/** https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-visibility */
export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum(['SPREADSHEET', 'SHEET', 'ROW', 'COLUMN'] as const);

const isVisibility = (v: unknown) =>
  v === DeveloperMetadataVisibility.DOCUMENT || v === DeveloperMetadataVisibility.PROJECT;

/** addDeveloperMetadata(key), (key, visibility), (key, value), (key, value, visibility). */
export function addMetadata(ctx: Ctx, location: MetadataSpec['location'], args: unknown[]): void {
  const [key, a, b] = args;
  if (typeof key !== 'string' || key === '') throw new Error('Invalid argument: key');
  let value: string | null = null;
  let visibility = 'DOCUMENT';
  if (isVisibility(a)) visibility = String(a);
  else {
    if (a !== undefined && a !== null) value = String(a);
    if (b !== undefined) visibility = String(b);
  }
  ctx.wb.metadata.push({ id: ctx.wb.newObjectId(), key, value, visibility, location });
}

export function wrapMetadata(ctx: Ctx, spec: MetadataSpec): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
  let self: unknown;
  const md = {
    _spec: spec,
    getId: () => spec.id,
    getKey: () => spec.key,
    getValue: () => spec.value,
    getVisibility: () => DeveloperMetadataVisibility[spec.visibility as 'DOCUMENT' | 'PROJECT'],
    setKey: (k: string) => {
      spec.key = k;
      return self;
    },
    setValue: (v: string) => {
      spec.value = v;
      return self;
    },
    setVisibility: (v: unknown) => {
      spec.visibility = String(v);
      return self;
    },
    remove: () => {
      ctx.wb.metadata = ctx.wb.metadata.filter((m) => m !== spec);
    },
    getLocation: () =>
      ctx.wrap(
        {
          getLocationType: () => DeveloperMetadataLocationType[spec.location.kind],
          getSheet: () => {
            const sd = spec.location.sheetId === undefined ? undefined : ctx.wb.sheetById(spec.location.sheetId);
            return sd ? ctx.sheet(sd) : null;
          },
          getSpreadsheet: () => (spec.location.kind === 'SPREADSHEET' ? ctx.spreadsheet() : null),
        },
        'DeveloperMetadataLocation',
      ),
  };
  self = ctx.wrap(md, 'DeveloperMetadata');
  return self as GoogleAppsScript.Spreadsheet.DeveloperMetadata;
}

export function newFinder(
  ctx: Ctx,
  scope: (m: MetadataSpec) => boolean,
): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
  const filters: ((m: MetadataSpec) => boolean)[] = [scope];
  let self: unknown;
  const add = (f: (m: MetadataSpec) => boolean) => {
    filters.push(f);
    return self;
  };
  const finder = {
    withKey: (k: string) => add((m) => m.key === k),
    withValue: (v: string) => add((m) => m.value === v),
    withId: (id: number) => add((m) => m.id === id),
    withVisibility: (v: unknown) => add((m) => m.visibility === String(v)),
    withLocationType: (t: unknown) => add((m) => m.location.kind === String(t)),
    find: () => ctx.wb.metadata.filter((m) => filters.every((f) => f(m))).map((m) => wrapMetadata(ctx, m)),
  };
  self = ctx.wrap(finder, 'DeveloperMetadataFinder');
  return self as GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
}

import type { EmulatorEnv } from '../env.js';
import type { GridRect } from './a1.js';
import type { SheetData, Workbook } from './model.js';

/** How the emulated classes reach the workbook and each other's (instrumented) wrappers. */
export interface Ctx {
  readonly wb: Workbook;
  readonly env: EmulatorEnv;
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  sheet(data: SheetData): GoogleAppsScript.Spreadsheet.Sheet;
  range(data: SheetData, rect: GridRect): GoogleAppsScript.Spreadsheet.Range;
  wrap<T extends object>(obj: T, className: string): T;
}

/**
 * Enum values are their own names (like the services' Ui enums), so `===` against the enum and
 * `String(v) === 'NAME'` both work in the bundle.
 */
export function makeEnum<K extends string>(keys: readonly K[]): Readonly<{ [P in K]: P }> {
  const out = {} as { [P in K]: P };
  for (const k of keys) (out as Record<string, string>)[k] = k;
  return Object.freeze(out);
}

/** Accepts an enum value or its name. */
export function enumName(v: unknown): string {
  return String(v);
}

/** Sheets stores colours as lowercase #rrggbb; CSS names it knows map to hex. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
};

const normalized = new Map<string, string>();

export function normalizeColor(color: string | null | undefined): string | null {
  if (color === null || color === undefined || color === '') return null;
  // setBackgrounds asks once per cell; a report has a handful of colours.
  const known = typeof color === 'string' ? normalized.get(color) : undefined;
  if (known !== undefined) return known;
  const result = normalizeColorText(color);
  if (typeof color === 'string' && normalized.size < 10_000) normalized.set(color, result);
  return result;
}

function normalizeColorText(color: string): string {
  const c = String(color).trim().toLowerCase();
  if (NAMED[c]) return NAMED[c];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(c);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  throw new Error(`Invalid color: ${color}`);
}

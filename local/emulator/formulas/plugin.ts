import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  type FunctionPluginDefinition,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { EmulatorEnv } from '../env.js';
import { dateToSerial, isDate } from '../spreadsheet/dates.js';

export type CustomFunction = (...args: unknown[]) => unknown;

/** What the plugin needs from the engine. */
export interface PluginHost {
  readonly env: EmulatorEnv;
  readonly customFunctions: Record<string, CustomFunction>;
  readonly sizes: Map<string, { height: number; width: number }>;
  readonly resize: Set<string>;
  sizeKey(hfSheet: number, row: number, col: number): string;
  todaySerial(): number;
  toDate(serial: number): Date;
  /** One custom-function execution at a call site (`sizeKey:callId`), for counting and Loading…. */
  executed(site: string, name: string): void;
}

// biome-ignore lint/suspicious/noExplicitAny: HyperFormula's AST and state types are internal.
type Ast = any;
// biome-ignore lint/suspicious/noExplicitAny: see above
type State = any;

const RICH_DATES = new Set(['DateNumber', 'DateTimeNumber']);

/** Each call in a parsed formula, apart from identical calls beside it (`F(A1)+F(A1)` is two sites). */
const siteIds = new WeakMap<object, number>();
let nextSiteId = 1;
function siteId(ast: Ast): number {
  let id = siteIds.get(ast);
  if (id === undefined) {
    id = nextSiteId++;
    siteIds.set(ast, id);
  }
  return id;
}

/**
 * A formula may call several custom functions whose results differ in size (`{F(A2:A); F(B2:B)}`),
 * so learned sizes are kept per call: the cell plus a hash of the call's (relative) AST, which is
 * stable across engine rebuilds.
 */
const callIds = new WeakMap<object, string>();
function callId(ast: Ast): string {
  let id = callIds.get(ast);
  if (id === undefined) {
    const text = JSON.stringify(ast, (key, value) => (key === 'hash' ? undefined : value)) ?? '';
    let h = 5381;
    for (let i = 0; i < text.length; i++) h = (h * 33 + text.charCodeAt(i)) | 0;
    id = (h >>> 0).toString(36);
    callIds.set(ast, id);
  }
  return id;
}

/** Sheets hands custom functions a single cell as a scalar and a range as a 2D array; blanks are "". */
function toJs(host: PluginHost, v: unknown): unknown {
  if (v === EmptyValue || v === null || v === undefined) return '';
  if (typeof v === 'object' && v !== null && 'val' in v) {
    const val = (v as { val: number }).val;
    return RICH_DATES.has(v.constructor.name) ? host.toDate(val) : val;
  }
  return v;
}

function fromJs(host: PluginHost, v: unknown, self: FunctionPlugin): unknown {
  if (v === null || v === undefined || v === '') return v === '' ? '' : EmptyValue;
  if (typeof v === 'number')
    return Number.isFinite(v) ? v : new CellError(ErrorType.NUM, 'Result is not a finite number.');
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) {
    // biome-ignore lint/suspicious/noExplicitAny: returnNumberWrapper is protected-by-convention
    return (self as any).returnNumberWrapper(dateToSerial(v.getTime(), host.env.timeZone), 'NUMBER_DATETIME');
  }
  return String(v);
}

/**
 * A per-emulator function plugin: the bundle's custom functions, and TODAY/NOW on the
 * emulator's clock (HyperFormula's read the host clock).
 */
export function makePlugin(host: PluginHost): FunctionPluginDefinition {
  const names = Object.keys(host.customFunctions).map((n) => n.toUpperCase());
  const implemented: Record<string, unknown> = {
    // TODAY changes once a day: custom functions may depend on it, unlike NOW, RAND and
    // RANDBETWEEN, which are not deterministic ("Custom functions in Google Sheets", Arguments:
    // https://developers.google.com/apps-script/guides/sheets/functions#arguments). So an edit
    // does not re-run what depends on TODAY; the engine recalculates it when the date changes.
    TODAY: { method: 'emuToday', parameters: [], isVolatile: false, returnNumberType: 'NUMBER_DATE' },
    NOW: { method: 'emuNow', parameters: [], isVolatile: true, returnNumberType: 'NUMBER_DATETIME' },
    // Sheets' INT rounds down (INT(-1.5) is -2); HyperFormula's truncates towards zero.
    // https://support.google.com/docs/answer/3093490
    INT: { method: 'emuInt', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
    // A date, time, percent or currency as a plain number, so a custom function gets a serial,
    // never a Date. https://support.google.com/docs/answer/3094243 (TO_PURE_NUMBER)
    TO_PURE_NUMBER: { method: 'emuToPureNumber', parameters: [{ argumentType: FunctionArgumentType.SCALAR }] },
  };
  const translations: Record<string, string> = { TO_PURE_NUMBER: 'TO_PURE_NUMBER' };
  class EmulatorPlugin extends FunctionPlugin {
    static override implementedFunctions = implemented as unknown as ImplementedFunctions;

    emuToday(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata('TODAY'), () => Math.floor(host.todaySerial()));
    }

    emuNow(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata('NOW'), () => host.todaySerial());
    }

    emuInt(ast: Ast, state: State) {
      return this.runFunction(ast.args, state, this.metadata('INT'), (x: number) => Math.floor(x));
    }

    emuToPureNumber(ast: Ast, state: State) {
      // Rich numbers (dates, percents, currency) carry their plain value in `val`.
      // biome-ignore lint/suspicious/noExplicitAny: HyperFormula's interpreter values are internal.
      return this.runFunction(ast.args, state, this.metadata('TO_PURE_NUMBER'), (x: any) =>
        typeof x === 'object' && x !== null && 'val' in x ? (x as { val: number }).val : x,
      );
    }
  }
  const proto = EmulatorPlugin.prototype as unknown as Record<string, unknown>;
  for (const name of names) {
    const fn = Object.entries(host.customFunctions).find(([n]) => n.toUpperCase() === name)?.[1] as CustomFunction;
    const method = `custom_${name}`;
    const sizeMethod = `customSize_${name}`;
    implemented[name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      parameters: [{ argumentType: FunctionArgumentType.ANY }],
      repeatLastArgs: 1,
      isVolatile: false,
    };
    translations[name] = name;
    proto[sizeMethod] = (_ast: Ast, state: State) => {
      const a = state.formulaAddress;
      const s = host.sizes.get(`${host.sizeKey(a.sheet, a.row, a.col)}:${callId(_ast)}`);
      return s ? new ArraySize(s.width, s.height) : ArraySize.scalar();
    };
    proto[method] = function (this: FunctionPlugin, ast: Ast, state: State) {
      const args: unknown[] = [];
      for (const argAst of ast.args as Ast[]) {
        if (argAst.type === 'EMPTY') {
          args.push('');
          continue;
        }
        const v = this.evaluateAst(argAst, state);
        if (v instanceof CellError) return v;
        if (v instanceof SimpleRangeValue) {
          const data = v.data;
          for (const row of data) for (const x of row) if (x instanceof CellError) return x;
          if (data.length === 1 && data[0]?.length === 1) args.push(toJs(host, data[0][0]));
          else args.push(data.map((row) => row.map((x) => toJs(host, x))));
        } else args.push(toJs(host, v));
      }
      const cell = host.sizeKey(state.formulaAddress.sheet, state.formulaAddress.row, state.formulaAddress.col);
      host.executed(`${cell}:${siteId(ast)}`, name);
      let result: unknown;
      const env = host.env;
      const mode = env.authMode;
      env.authMode = 'CUSTOM_FUNCTION';
      try {
        result = fn(...args);
      } catch (e) {
        // The bundle's Errors come from its own vm realm: not `instanceof Error` here.
        const message = (e as { message?: unknown } | null)?.message;
        return new CellError(ErrorType.ERROR, typeof message === 'string' ? message : String(e));
      } finally {
        env.authMode = mode;
      }
      const key = `${cell}:${callId(ast)}`;
      const predicted = host.sizes.get(key) ?? { height: 1, width: 1 };
      if (Array.isArray(result)) {
        const rows = result.map((r) => (Array.isArray(r) ? r : [r]));
        const height = Math.max(1, rows.length);
        const width = Math.max(1, ...rows.map((r) => r.length));
        if (height !== predicted.height || width !== predicted.width) {
          // Learn the real shape; the engine re-enters the formula so it spills at that size.
          host.sizes.set(key, { height, width });
          host.resize.add(key);
        }
        if (predicted.height === 1 && predicted.width === 1) return fromJs(host, rows[0]?.[0], this);
        const data: unknown[][] = [];
        for (let r = 0; r < Math.min(height, predicted.height); r++) {
          const row: unknown[] = [];
          for (let c = 0; c < Math.min(width, predicted.width); c++) {
            const x = fromJs(host, rows[r]?.[c], this);
            row.push(x === '' ? EmptyValue : x);
          }
          data.push(row);
        }
        // biome-ignore lint/suspicious/noExplicitAny: internal scalar values
        return SimpleRangeValue.onlyValues(data as any);
      }
      if (predicted.height !== 1 || predicted.width !== 1) {
        host.sizes.delete(key);
        host.resize.add(key);
      }
      return fromJs(host, result, this);
    };
  }
  // Function names must be known to the formula language to parse.
  HyperFormula.getLanguage('enGB').extendFunctions(translations);
  return EmulatorPlugin as unknown as FunctionPluginDefinition;
}

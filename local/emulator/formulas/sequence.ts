import { ArraySize, FunctionPlugin, HyperFormula, type ImplementedFunctions } from 'hyperformula';

// biome-ignore lint/suspicious/noExplicitAny: HyperFormula's AST and state types are internal.
type Ast = any;
// biome-ignore lint/suspicious/noExplicitAny: see above
type State = any;

interface SequenceMethods {
  sequence(this: FunctionPlugin, ast: Ast, state: State): unknown;
  sequenceArraySize(this: FunctionPlugin, ast: Ast, state: State): ArraySize;
}

const Builtin = HyperFormula.getFunctionPlugin('SEQUENCE') as unknown as {
  implementedFunctions: ImplementedFunctions;
  prototype: SequenceMethods;
  parseLiteralDimension(node: Ast): number | undefined;
};

const REFERENCES = new Set(['CELL_REFERENCE', 'CELL_RANGE', 'COLUMN_RANGE', 'ROW_RANGE']);

/**
 * HyperFormula fixes an array formula's spill area before evaluating it, from each function's
 * size predictor, and throws "Resizing to smaller array" (ArrayValue.resize, called from
 * ArrayFormulaVertex.setCellValue) when the result comes out larger: the whole engine build
 * fails, not the one cell. SEQUENCE's predictor (SequencePlugin.sequenceArraySize in
 * hyperformula 3.5.0) reads literal dimensions only and sizes anything else as one cell, so
 * `=ARRAYFORMULA(IF(SEQUENCE(ROWS('Team OKRs'!A:A))=1, "Score", …))` — the live formulas'
 * shape — was as tall as its other arguments happened to predict, and the moment those were
 * shorter (a custom function not run because an argument is an error, so its size never
 * learned) the build threw. Sheets has no prediction: the result spills at its real size.
 * ROWS or COLUMNS of a reference is known when the formula is parsed (the emulator rebuilds
 * HyperFormula after every structural change), so it is predicted here; any other dimension
 * keeps HyperFormula's prediction.
 */
export class EmulatorSequencePlugin extends FunctionPlugin {
  static override implementedFunctions = {
    SEQUENCE: {
      ...Builtin.implementedFunctions.SEQUENCE,
      method: 'emuSequence',
      sizeOfResultArrayMethod: 'emuSequenceSize',
    },
  } as unknown as ImplementedFunctions;

  emuSequence(ast: Ast, state: State) {
    return Builtin.prototype.sequence.call(this, ast, state);
  }

  emuSequenceSize(ast: Ast, state: State): ArraySize {
    const builtin = Builtin.prototype.sequenceArraySize.call(this, ast, state);
    const [rowsArg, colsArg] = ast.args as (Ast | undefined)[];
    if (!this.isExtent(rowsArg) && !this.isExtent(colsArg)) return builtin;
    if (ast.args.length > 4) return builtin;
    const rows = this.dimension(rowsArg, state);
    const cols = colsArg === undefined || colsArg.type === 'EMPTY' ? 1 : this.dimension(colsArg, state);
    const valid = (n: number | undefined, max: number) => n !== undefined && n >= 1 && n <= max;
    if (!valid(rows, this.config.maxRows) || !valid(cols, this.config.maxColumns)) return ArraySize.error();
    return new ArraySize(cols as number, rows as number);
  }

  /** `ROWS(ref)` or `COLUMNS(ref)`. */
  private isExtent(arg: Ast | undefined): boolean {
    return (
      arg?.type === 'FUNCTION_CALL' &&
      (arg.procedureName === 'ROWS' || arg.procedureName === 'COLUMNS') &&
      arg.args.length === 1 &&
      REFERENCES.has(arg.args[0].type)
    );
  }

  /** A dimension known when parsing: ROWS/COLUMNS of a reference, or a literal as HyperFormula reads one. */
  private dimension(arg: Ast | undefined, state: State): number | undefined {
    if (arg === undefined || arg.type === 'EMPTY') return undefined;
    if (!this.isExtent(arg)) return Builtin.parseLiteralDimension(arg);
    const size = this.arraySizeForAst(arg.args[0], state);
    return arg.procedureName === 'ROWS' ? size.height : size.width;
  }
}

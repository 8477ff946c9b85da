/**
 * The one source of truth for a custom function's autocomplete docs. build.mjs
 * reads `customFunctionDoc` off every exported custom function and writes it as
 * JSDoc above the top-level stub, so the docs Sheets shows cannot drift from code.
 */
export interface CustomFunctionParam {
  /** Parameter name as Sheets shows it (lower_snake_case). */
  readonly name: string;
  readonly description: string;
  readonly optional?: boolean;
}

export interface CustomFunctionDoc {
  readonly summary: string;
  readonly params: readonly CustomFunctionParam[];
  readonly returns: string;
  /** A worked example, e.g. `=OKRSCORE(200, 0, 100, "decrease")` → 0.5 */
  readonly example: string;
}

export type CustomFunction = ((...args: never[]) => unknown) & { readonly customFunctionDoc: CustomFunctionDoc };

export function defineCustomFunction<F extends (...args: never[]) => unknown>(
  doc: CustomFunctionDoc,
  impl: F,
): F & { readonly customFunctionDoc: CustomFunctionDoc } {
  if (impl.length > doc.params.length) {
    throw new Error(
      `defineCustomFunction: ${impl.name} takes ${impl.length} parameters but documents ${doc.params.length}`,
    );
  }
  return Object.assign(impl, { customFunctionDoc: doc });
}

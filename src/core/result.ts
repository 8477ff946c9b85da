/**
 * Inside core an invalid input is a value, not an exception: every fallible
 * function returns a Result whose error is a user-readable message.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const OK_NULL: Result<null> = Object.freeze({ ok: true, value: null });

/** ok(null) is one shared, frozen value: blank cells are most cells, and results are never mutated. */
export const ok = <T>(value: T): Result<T> => (value === null ? (OK_NULL as Result<T>) : { ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

declare module 'gas-local' {
  import type { Context } from 'node:vm';
  /** Loads every .js file of a folder into one vm context whose globals are `globals`. */
  export function require(folder: string, globals?: object, options?: { filter?: (file: string) => boolean }): Context;
  export const globalMockDefault: object;
}

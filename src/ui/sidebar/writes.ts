/**
 * What the sidebar writes into a row: a few cells, written by column runs (src/sheets/cells.ts),
 * so Score formulas and the user's own columns between them are never overwritten.
 */
import { columnLetter } from '../../core/workbook/a1';

export interface CellWrite {
  /** 0-based column index. */
  readonly column: number;
  readonly value: unknown;
}

/** A column as a message names it: its header as read (`Current`), else its letter. */
export function headerLabel(grid: readonly (readonly unknown[])[] | undefined): (column: number) => string {
  const header = grid?.[0] ?? [];
  return (column) => {
    const text = header[column];
    return typeof text === 'string' && text.trim() !== '' ? text.trim() : `column ${columnLetter(column)}`;
  };
}

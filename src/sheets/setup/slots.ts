/**
 * Set-up's tables as planned from the survey (src/actions/setup.ts): each table's plan and what
 * was read of it, and its sheet once it exists.
 */

import type { TabFormats } from '../../core/workbook/measures';
import type { CheckInColumn, KpiColumn, Level, OkrColumn } from '../../core/workbook/schema';
import type { TableLayout } from '../layout';
import type { LogRead, TabRead } from './survey';
import { describeTable, type PreparedTable, sizeOf } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Rows = readonly (readonly unknown[])[];

/** Rows (schema order, no header) to write under the header of tabs that hold none: Insert sample's. */
export interface FirstRows {
  readonly okr?: Readonly<Partial<Record<Level, Rows>>>;
  readonly kpis?: Rows;
  readonly checkIns?: Rows;
  readonly history?: Rows;
  /** Number formats of the rows' measured values (core/workbook/measures.ts). */
  readonly formats?: {
    readonly okr?: Readonly<Partial<Record<Level, TabFormats<OkrColumn>>>>;
    readonly kpis?: TabFormats<KpiColumn>;
    readonly checkIns?: TabFormats<CheckInColumn>;
  };
}

export interface Slot<K extends string> {
  readonly layout: TableLayout<K>;
  readonly read?: TabRead;
  readonly name: string;
  readonly table: Omit<PreparedTable<K>, 'sheet' | 'newSheet' | 'styled'>;
  sheet?: Sheet;
  newSheet: boolean;
  styled: boolean;
}

export function slotOf<K extends string>(
  layout: TableLayout<K>,
  read: TabRead | undefined,
  name = layout.tab,
): Slot<K> {
  const { plan, fresh } = describeTable(layout, read);
  const size = sizeOf(read);
  return {
    layout,
    name,
    ...(read ? { read } : {}),
    table: {
      name,
      plan,
      created: fresh,
      maxRows: size.maxRows,
      headerValues: read?.values[0] ?? [],
      headerFormulas: read?.formulas[0] ?? [],
      ...(read ? { read } : {}),
    },
    newSheet: false,
    styled: false,
  };
}

export function prepared<K extends string>(slot: Slot<K>): PreparedTable<K> {
  if (slot.sheet === undefined) throw new Error(`Set up: "${slot.name}" has no sheet yet`);
  return { ...slot.table, sheet: slot.sheet, newSheet: slot.newSheet, styled: slot.styled };
}

/** The log tabs as planned, or the warning that a user's sheet holds the name. */
export function logSlot<K extends string>(
  layout: TableLayout<K>,
  log: LogRead,
  warnings: string[],
): Slot<K> | undefined {
  if (log.log.nameTakenByUser !== undefined) {
    warnings.push(
      `"${layout.tab}" is a sheet of yours with other columns, so it was left as it is. Rename it and run Set up workbook again to let OKR Cascade keep its ${layout.tab} there.`,
    );
    return undefined;
  }
  return slotOf(layout, log.tab, log.log.sheet === null ? layout.tab : log.log.name);
}

/** Set-up after the survey: writes only. Insert sample OKRs passes the rows it adds. */

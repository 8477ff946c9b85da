/**
 * Generated sheets (Roll-up, Dashboard, Validation, Rollout Plan, …) carry
 * developer metadata. The add-on only ever replaces a sheet it marked, so a
 * user's own sheet that happens to have the same name is never touched; and it
 * replaces one by building the new one aside and swapping it in (§6.3).
 */
import type { Change, Journal } from './journal';

export const GENERATED_KEY = 'okr-cascade.generated';

/** A new sheet's size in Sheets: 1,000 rows by 26 columns. */
export const NEW_SHEET_SIZE = { maxRows: 1000, maxColumns: 26 } as const;

export interface GeneratedSheet {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly created: boolean;
  /** Set when a user's sheet holds the wanted name and another name was used. */
  readonly nameTakenByUser?: string;
}

function isGenerated(sheet: GoogleAppsScript.Spreadsheet.Sheet, kind: string): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === GENERATED_KEY && m.getValue() === kind);
}

/** The sheet this add-on generated for `kind` (found by its mark, whatever its name), or null. */
export function markedSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  kind: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  return ss.getSheets().find((s) => isGenerated(s, kind)) ?? null;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The spreadsheet's sheets as read before an action writes: their order, names and marks.
 * Built-aside sheets are placed from it, so no sheet is read again after the first write.
 */
export interface SheetsIndex {
  /** In tab order; fresh sheets are inserted here as the action adds them. */
  readonly order: Sheet[];
  /** Lower-cased names, taken by a sheet or claimed by a sheet being built. */
  readonly names: Set<string>;
  readonly marked: ReadonlyMap<string, Sheet>;
  /** Sheets by lower-cased name, as read. */
  readonly byName: ReadonlyMap<string, Sheet>;
  /** Each sheet's name as read. */
  readonly nameOf: ReadonlyMap<Sheet, string>;
}

export function indexSheets(ss: Spreadsheet): SheetsIndex {
  const order = ss.getSheets();
  const marked = new Map<string, Sheet>();
  for (const sheet of order) {
    for (const m of sheet.getDeveloperMetadata()) {
      const kind = m.getValue();
      if (m.getKey() === GENERATED_KEY && kind !== null && !marked.has(kind)) marked.set(kind, sheet);
    }
  }
  const nameOf = new Map(order.map((s) => [s, s.getName()] as const));
  const byName = new Map(order.map((s) => [(nameOf.get(s) ?? '').toLowerCase(), s] as const));
  return { order, names: new Set(byName.keys()), marked, byName, nameOf };
}

function freeName(names: ReadonlySet<string>, wanted: (n: number) => string): string {
  let n = 1;
  while (names.has(wanted(n).toLowerCase())) n++;
  return wanted(n);
}

/** A generated sheet being built aside: a fresh hidden sheet, swapped in by swapIn. */
export interface AsideSheet {
  readonly sheet: Sheet;
  readonly kind: string;
  /** What the sheet is, for messages: `Roll-up`. */
  readonly label: string;
  /** The report it replaces, left untouched until the swap. */
  readonly old: Sheet | null;
  readonly oldName: string | null;
  /** Its name once swapped in: the old report's (even if the user renamed it), else the wanted one. */
  readonly finalName: string;
  readonly nameTakenByUser?: string;
  readonly tempName: string;
  readonly change: Change;
}

/**
 * §6.3 starts a generated sheet aside: a new hidden sheet next to the report it will replace,
 * recorded in the journal (undo: delete it). The old report is not touched.
 */
export function startAside(
  ss: Spreadsheet,
  index: SheetsIndex,
  journal: Journal,
  name: string,
  kind = name,
): AsideSheet {
  const old = index.marked.get(kind) ?? null;
  const oldName = old === null ? null : (index.nameOf.get(old) ?? null);
  let finalName = oldName ?? name;
  if (old === null && index.names.has(name.toLowerCase())) {
    finalName = freeName(index.names, (n) => (n === 1 ? `${name} (OKR Cascade)` : `${name} (OKR Cascade ${n})`));
  }
  // A user's sheet holds the name (now, or when the report was first made): say where the report is.
  const holder = index.byName.get(name.toLowerCase());
  const nameTakenByUser = holder !== undefined && holder !== old ? name : undefined;
  index.names.add(finalName.toLowerCase());
  const tempName = freeName(index.names, (n) => (n === 1 ? `${name} (new)` : `${name} (new ${n})`));
  const at = old === null ? index.order.length : index.order.indexOf(old);
  const sheet = ss.insertSheet(tempName, at);
  index.order.splice(at, 0, sheet);
  index.names.add(tempName.toLowerCase());
  const change = journal.record(`a new, half-built sheet "${tempName}": delete it`, () => ss.deleteSheet(sheet));
  sheet.hideSheet();
  const aside = { sheet, kind, label: name, old, oldName, finalName, tempName, change };
  return nameTakenByUser === undefined ? aside : { ...aside, nameTakenByUser };
}

/**
 * Puts a sheet built aside in the old report's place, in a few calls: delete the old report,
 * then mark, name and show the new one. Until the old one is deleted a failure leaves it as it
 * was (the journal deletes the new one); after that, the journal says where the new one is.
 */
export function swapIn(ss: Spreadsheet, index: SheetsIndex, aside: AsideSheet): GeneratedSheet {
  const { sheet, change, label } = aside;
  if (aside.old !== null) {
    ss.deleteSheet(aside.old);
    index.order.splice(index.order.indexOf(aside.old), 1);
    change.undo = undefined;
    change.what = `${label}: the previous one was deleted; the new one is on the hidden sheet "${aside.tempName}", not yet marked as OKR Cascade's: rename it or delete it, and run the action again`;
  }
  sheet.addDeveloperMetadata(GENERATED_KEY, aside.kind);
  if (aside.old !== null) {
    change.what = `${label}: the previous one was deleted; the new one is on the hidden sheet "${aside.tempName}": show it (or run the action again)`;
  }
  sheet.setName(aside.finalName);
  if (aside.old === null) change.what = `a new, hidden sheet "${aside.finalName}": delete it`;
  else {
    change.what = `${label}: the previous one was deleted; the new one is on the hidden sheet "${aside.finalName}": show it (or run the action again)`;
  }
  sheet.showSheet();
  change.undo = undefined;
  change.what = `${label}: rebuilt on "${aside.finalName}"`;
  return {
    sheet,
    created: aside.old === null,
    ...(aside.nameTakenByUser === undefined ? {} : { nameTakenByUser: aside.nameTakenByUser }),
  };
}

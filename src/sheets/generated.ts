/**
 * Generated sheets (Roll-up, Dashboard, Validation, Rollout Plan, …) carry
 * developer metadata. The add-on only ever overwrites a sheet it marked, so a
 * user's own sheet that happens to have the same name is never touched.
 */
export const GENERATED_KEY = 'okr-cascade.generated';

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

/**
 * The sheet this add-on generated for `kind` (found by its mark, even if the
 * user renamed it), else a new one named `name` — or `name (OKR Cascade)` when
 * a user's sheet already has that name.
 */
export function generatedSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  kind = name,
): GeneratedSheet {
  const sheets = ss.getSheets();
  const marked = sheets.find((s) => isGenerated(s, kind));
  if (marked) return { sheet: marked, created: false };
  const names = new Set(sheets.map((s) => s.getName()));
  let available = name;
  for (let n = 1; names.has(available); n++)
    available = n === 1 ? `${name} (OKR Cascade)` : `${name} (OKR Cascade ${n})`;
  const sheet = ss.insertSheet(available);
  sheet.addDeveloperMetadata(GENERATED_KEY, kind);
  return available === name ? { sheet, created: true } : { sheet, created: true, nameTakenByUser: name };
}

/**
 * Insert sample OKRs (§4.1): fills an empty workbook with the example company of
 * core/workbook/sample.ts, set up as Set up workbook sets it up. It writes only into tabs
 * that hold no cell of the user's (§6.3), judged by the raw cells read and not by whether a
 * table is recognised: otherwise it refuses, before writing anything, and names the tabs.
 * Everything is read first; then each new tab's header, live formulas and sample rows are
 * one write, so the whole action stays within 150 service calls and no read follows a write.
 */

import { measureFormats } from '../core/workbook/measures';
import { SAMPLE_COMPANY, sampleHistoryGrid, sampleWorkbook } from '../core/workbook/sample';
import { KPI_SCHEMA, LEVELS, type Level, OKR_SCHEMA, TAB } from '../core/workbook/schema';
import { defaultSettingsRows } from '../core/workbook/settings';
import type { Grid } from '../core/workbook/table';
import { todaySerial } from '../sheets/dates';
import type { Journal } from '../sheets/journal';
import { planSettings } from '../sheets/setup/settings';
import { type Survey, surveyWorkbook, type TabRead, usedHeight } from '../sheets/setup/survey';
import { firstUserCell, settingsUntouched } from '../sheets/setup/user-cells';
import { runAction, UserError } from './run';
import { setUpFromSurvey } from './setup';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const GRID_KEY = { Corporate: 'corporate', Department: 'department', Team: 'team' } as const;
const OURS: ReadonlySet<string> = new Set(Object.values(TAB).map((name) => name.toLowerCase()));

/** `"Team OKRs" (first at A1)` for each OKR tab or KPIs holding a cell the user put there. */
function tabsOfTheUser(survey: Survey): string[] {
  const tables: [TabRead | undefined, typeof OKR_SCHEMA | typeof KPI_SCHEMA][] = [
    ...LEVELS.map((level): [TabRead | undefined, typeof OKR_SCHEMA] => [survey.okr[level], OKR_SCHEMA]),
    [survey.kpis, KPI_SCHEMA],
  ];
  return tables.flatMap(([read, schema]) => {
    const cell = firstUserCell(read, schema as typeof OKR_SCHEMA);
    return read === undefined || cell === undefined ? [] : [`"${read.name}" (first at ${cell})`];
  });
}

/**
 * A new spreadsheet's one empty "Sheet1", read before anything is added: it would stay first,
 * in front of the OKR tabs, holding nothing. Only the only sheet, holding no cell (and so no
 * chart: a chart on the only sheet draws from its cells) and no developer metadata (nobody, the
 * add-on included, made it theirs).
 */
function straySheet(survey: Survey): Sheet | undefined {
  const { order, names } = survey.index;
  const only = order.length === 1 ? order[0] : undefined;
  if (only === undefined || [...names].some((name) => OURS.has(name))) return undefined;
  if (only.getLastRow() > 0 || only.getDeveloperMetadata().length > 0) return undefined;
  return only;
}

const rowsOf = (grid: Grid) => grid.slice(1);

function insertSample(journal: Journal): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const survey = surveyWorkbook(ss, true);
  const theirs = tabsOfTheUser(survey);
  if (theirs.length > 0) {
    throw new UserError(
      `The sample only goes into tabs that hold nothing of yours, and ${theirs.join(', ')} ${theirs.length === 1 ? 'holds' : 'hold'} cells of yours. Nothing was changed. To explore the sample, make a new spreadsheet and insert it there.`,
    );
  }
  const stray = straySheet(survey);
  const today = todaySerial(survey.timeZone);
  const sample = sampleWorkbook(today);
  // The add-on's own logs take the sample's history only while they hold no row yet.
  const checkInsEmpty = usedHeight(survey.checkIns.tab) <= 1 && survey.checkIns.log.nameTakenByUser === undefined;
  const historyEmpty = usedHeight(survey.history.tab) <= 1 && survey.history.log.nameTakenByUser === undefined;
  const measures = measureFormats(sample);
  const okrRows = {} as Record<Level, Grid>;
  const okrFormats = {} as Record<Level, NonNullable<(typeof measures)['corporate']>>;
  for (const level of LEVELS) {
    okrRows[level] = rowsOf(sample[GRID_KEY[level]]);
    const formats = measures[GRID_KEY[level]];
    if (formats) okrFormats[level] = formats;
  }
  const settingsPlan = planSettings(survey.settings);
  const defaults = new Map(defaultSettingsRows(today).map(([label, value]) => [String(label), value]));
  // The company goes only into a Settings tab that holds nothing of the user's.
  const companyFits = survey.settings !== undefined && !settingsPlan.fresh && settingsUntouched(settingsPlan, defaults);

  const setUp = setUpFromSurvey({
    ss,
    journal,
    survey,
    today,
    company: SAMPLE_COMPANY,
    rows: {
      okr: okrRows,
      kpis: rowsOf(sample.kpis),
      ...(checkInsEmpty ? { checkIns: rowsOf(sample.checkIns) } : {}),
      ...(historyEmpty ? { history: rowsOf(sampleHistoryGrid(today)) } : {}),
      formats: {
        okr: okrFormats,
        ...(measures.kpis ? { kpis: measures.kpis } : {}),
        ...(checkInsEmpty && measures.checkIns ? { checkIns: measures.checkIns } : {}),
      },
    },
  });
  if (companyFits && survey.settings) {
    const cell = survey.settings.sheet.getRange(setUp.settings.rows.company, 2);
    cell.setValue(SAMPLE_COMPANY);
    journal.record(`${TAB.settings}!B${setUp.settings.rows.company} (Company)`, () => cell.setValue(''));
  }
  // Land on the company's objectives, not on whichever tab set-up created last.
  setUp.okr[0]?.sheet.activate();
  // Last, once nothing else can fail: Sheets refuses to delete a spreadsheet's only sheet.
  if (stray !== undefined) {
    ss.deleteSheet(stray);
    journal.record('the empty sheet the spreadsheet came with, deleted');
  }

  const count = (grid: Grid) => grid.length - 1;
  const okrCount = count(sample.corporate) + count(sample.department) + count(sample.team);
  const checkInNote = checkInsEmpty && setUp.checkIns ? ` and ${count(sample.checkIns)} check-ins` : '';
  return [
    `Inserted ${SAMPLE_COMPANY}: ${okrCount} objectives and key results on the three OKR tabs, ${count(sample.kpis)} KPIs${checkInNote}.`,
    '',
    'Scores, Expected and Status are live formulas: change a Current, Target or Weight and watch them update.',
    ...(setUp.warnings.length > 0 ? ['', ...setUp.warnings] : []),
  ].join('\n');
}

export function insertSampleOkrs(): void {
  runAction('Insert sample OKRs', insertSample);
}

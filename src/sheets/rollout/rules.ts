/**
 * The plan's live colouring (SPEC §4.4): conditional formats with TODAY(), so the current week
 * and overdue rows stay right every day without a regeneration. Sheets applies the first rule
 * that matches a cell, so the order below is the priority.
 *
 * Every formula is written for the top-left cell of its range; Sheets shifts the relative
 * references for the other cells. Week columns compare TODAY() with the week's start date in
 * row 2; rows compare it with their own Start and End, so a user's edited dates count too.
 */
import { columnLetter } from '../../core/workbook/a1';
import { COLUMN, FIRST_DATA_ROW, WEEK_ROW } from './layout';

export const RULE_COLOR = {
  done: { background: '#efefef', font: '#999999' },
  overdue: { background: '#f4cccc', font: '#990000' },
  /** A week cell of a row that runs this week. */
  activeNow: '#f6b26b',
  thisWeek: '#fff2cc',
} as const;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const letter = (column: number) => columnLetter(column - 1);

export function planRules(sheet: Sheet, dataRows: number): Rule[] {
  const last = FIRST_DATA_ROW + Math.max(dataRows, 1) - 1;
  const rows = (from: number, to: number, firstRow = FIRST_DATA_ROW) =>
    sheet.getRange(firstRow, from, last - firstRow + 1, to - from + 1);
  const r = FIRST_DATA_ROW;
  const done = `$${letter(COLUMN.done)}${r}`;
  const start = `$${letter(COLUMN.start)}${r}`;
  const end = `$${letter(COLUMN.end)}${r}`;
  const week = `${letter(COLUMN.firstWeek)}$${WEEK_ROW}`;
  const isThisWeek = `ISNUMBER(${week}),TODAY()>=${week},TODAY()<${week}+7`;

  const rule = () => SpreadsheetApp.newConditionalFormatRule();
  return [
    rule()
      .whenFormulaSatisfied(`=${done}=TRUE`)
      .setBackground(RULE_COLOR.done.background)
      .setFontColor(RULE_COLOR.done.font)
      .setRanges([rows(1, COLUMN.notes)])
      .build(),
    rule()
      .whenFormulaSatisfied(`=AND(ISNUMBER(${end}),${end}<TODAY(),${done}<>TRUE)`)
      .setBackground(RULE_COLOR.overdue.background)
      .setFontColor(RULE_COLOR.overdue.font)
      .setRanges([rows(1, COLUMN.notes)])
      .build(),
    rule()
      .whenFormulaSatisfied(`=AND(${isThisWeek},ISNUMBER(${start}),${start}<${week}+7,${end}>=${week})`)
      .setBackground(RULE_COLOR.activeNow)
      .setRanges([rows(COLUMN.firstWeek, COLUMN.lastWeek)])
      .build(),
    rule()
      .whenFormulaSatisfied(`=AND(${isThisWeek})`)
      .setBackground(RULE_COLOR.thisWeek)
      .setFontColor('#000000')
      .setRanges([rows(COLUMN.firstWeek, COLUMN.lastWeek, WEEK_ROW)])
      .build(),
  ];
}

/** Menu: Weekly rhythm…. The page (dist/rhythm.html) calls the functions of ./server. */
export function showWeeklyRhythm(): void {
  const page = HtmlService.createHtmlOutputFromFile('rhythm').setWidth(460).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(page, 'Weekly rhythm');
}

/** Menu: Open sidebar. The page (dist/sidebar.html) calls the functions of ./server. */
export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('OKR Cascade');
  SpreadsheetApp.getUi().showSidebar(page);
}

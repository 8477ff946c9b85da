export const VERSION = __OKR_CASCADE_VERSION__;

/** Menu: About OKR Cascade — what the add-on is and which version is installed. */
export function showAbout(): void {
  const template = HtmlService.createTemplateFromFile('about');
  template.version = VERSION;
  const page = template.evaluate().setWidth(380).setHeight(260);
  SpreadsheetApp.getUi().showModalDialog(page, 'About OKR Cascade');
}

/**
 * The OAuth scopes each Apps Script method the add-on (or the emulator) calls requires, keyed
 * by the `Class.method` names CallLog records. A manifest with `oauthScopes` makes Apps Script
 * grant exactly those scopes and nothing it would otherwise detect
 * (https://developers.google.com/apps-script/concepts/scopes#set-explicit), so a method whose
 * scope is missing fails in Sheets while every local test passed. `instrument` (calls.ts) checks
 * every call against this table, and refuses a method that is not in it, so the table cannot
 * fall behind the code.
 *
 * Each class's reference page lists, under every method's "Authorization", the scopes of which
 * any one grants the method; a method without that section needs none.
 */

export const SCOPE = {
  sheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  sheets: 'https://www.googleapis.com/auth/spreadsheets',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  sendMail: 'https://www.googleapis.com/auth/script.send_mail',
} as const;

/** Any one of these scopes grants the method; none listed means it needs no authorization. */
export type Requirement = readonly string[];

const NO_AUTH: Requirement = [];
// "Scripts that use this method require authorization with one or more of the following
// scopes: spreadsheets.currentonly, spreadsheets", on every method of the Spreadsheet service,
// e.g. https://developers.google.com/apps-script/reference/spreadsheet/range#activateAsCurrentCell()
const SHEETS: Requirement = [SCOPE.sheetsCurrentOnly, SCOPE.sheets];

type Rows = readonly (readonly [string, Requirement])[];
const rows = (className: string, requirement: Requirement, methods: readonly string[]): Rows =>
  methods.map((m) => [`${className}.${m}`, requirement] as const);

// The Spreadsheet service (https://developers.google.com/apps-script/reference/spreadsheet).
// Typed chart builders (EmbeddedColumnChartBuilder, …) are recorded as EmbeddedChartBuilder.
const SPREADSHEET_SERVICE: Rows = [
  ...rows('SpreadsheetApp', SHEETS, [
    'flush',
    'getActive',
    'getActiveRange',
    'getActiveSheet',
    'getActiveSpreadsheet',
    'getCurrentCell',
    'newConditionalFormatRule',
    'newDataValidation',
    'setActiveRange',
    'setActiveSheet',
  ]),
  // Another spreadsheet than the current one: the documented message names only `spreadsheets`
  // ("You do not have permission to call SpreadsheetApp.openById. Required permissions:
  // https://www.googleapis.com/auth/spreadsheets").
  ...rows('SpreadsheetApp', [SCOPE.sheets], ['openById']),
  // An add-on's onOpen builds its menu in AuthMode.NONE, which grants no scope at all:
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
  ...rows('SpreadsheetApp', NO_AUTH, ['getUi']),
  ...rows('Spreadsheet', SHEETS, [
    'addDeveloperMetadata',
    'createDeveloperMetadataFinder',
    'deleteSheet',
    'getActiveCell',
    'getActiveRange',
    'getActiveSheet',
    'getCurrentCell',
    'getDataRange',
    'getDeveloperMetadata',
    'getFrozenRows',
    'getId',
    'getLastColumn',
    'getLastRow',
    'getName',
    'getNamedRanges',
    'getNumSheets',
    'getProtections',
    'getRange',
    'getRangeByName',
    'getSheetById',
    'getSheetByName',
    'getSheetId',
    'getSheetName',
    'getSheets',
    'getSpreadsheetLocale',
    'getSpreadsheetTimeZone',
    'getUrl',
    'insertSheet',
    'moveActiveSheet',
    'removeNamedRange',
    'rename',
    'setActiveRange',
    'setActiveSheet',
    'setCurrentCell',
    'setNamedRange',
    'setSpreadsheetLocale',
    'setSpreadsheetTimeZone',
    'toast',
  ]),
  ...rows('Sheet', SHEETS, [
    'activate',
    'addDeveloperMetadata',
    'appendRow',
    'autoResizeColumn',
    'autoResizeColumns',
    'autoResizeRows',
    'clear',
    'clearConditionalFormatRules',
    'clearContents',
    'clearFormats',
    'clearNotes',
    'copyTo',
    'createDeveloperMetadataFinder',
    'deleteColumn',
    'deleteColumns',
    'deleteRow',
    'deleteRows',
    'getActiveCell',
    'getActiveRange',
    'getCharts',
    'getColumnWidth',
    'getConditionalFormatRules',
    'getCurrentCell',
    'getDataRange',
    'getDeveloperMetadata',
    'getFrozenColumns',
    'getFrozenRows',
    'getIndex',
    'getLastColumn',
    'getLastRow',
    'getMaxColumns',
    'getMaxRows',
    'getName',
    'getParent',
    'getProtections',
    'getRange',
    'getRangeList',
    'getRowGroup',
    'getRowGroupControlPosition',
    'getRowGroupDepth',
    'getRowHeight',
    'getSheetId',
    'getSheetName',
    'getSheetValues',
    'getTabColor',
    'getType',
    'hideColumns',
    'hideRows',
    'hideSheet',
    'insertChart',
    'insertColumnAfter',
    'insertColumnBefore',
    'insertColumns',
    'insertColumnsAfter',
    'insertColumnsBefore',
    'insertRowAfter',
    'insertRowBefore',
    'insertRows',
    'insertRowsAfter',
    'insertRowsBefore',
    'isColumnHiddenByUser',
    'isRowHiddenByUser',
    'isSheetHidden',
    'moveColumns',
    'moveRows',
    'newChart',
    'protect',
    'removeChart',
    'setActiveRange',
    'setActiveSelection',
    'setColumnWidth',
    'setColumnWidths',
    'setConditionalFormatRules',
    'setCurrentCell',
    'setFrozenColumns',
    'setFrozenRows',
    'setRowGroupControlPosition',
    'expandAllRowGroups',
    'collapseAllRowGroups',
    'setName',
    'setRowHeight',
    'setRowHeights',
    'setTabColor',
    'showColumns',
    'showRows',
    'showSheet',
    'sort',
    'updateChart',
  ]),
  ...rows('Range', SHEETS, [
    'activate',
    'activateAsCurrentCell',
    'breakApart',
    'check',
    'clear',
    'clearContent',
    'clearDataValidations',
    'clearFormat',
    'clearNote',
    'copyTo',
    'deleteCells',
    'getA1Notation',
    'getBackground',
    'getBackgrounds',
    'getCell',
    'getColumn',
    'getDataValidation',
    'getDataValidations',
    'getDisplayValue',
    'getDisplayValues',
    'getFontColor',
    'getFontColors',
    'getFontFamilies',
    'getFontFamily',
    'getFontSize',
    'getFontSizes',
    'getFontStyle',
    'getFontStyles',
    'getFontWeight',
    'getFontWeights',
    'getFormula',
    'getFormulaR1C1',
    'getFormulas',
    'getFormulasR1C1',
    'getGridId',
    'getHeight',
    'getHorizontalAlignment',
    'getHorizontalAlignments',
    'getLastColumn',
    'getLastRow',
    'getNote',
    'getNotes',
    'getNumColumns',
    'getNumRows',
    'getNumberFormat',
    'getNumberFormats',
    'getRow',
    'getRowIndex',
    'getSheet',
    'getValue',
    'getValues',
    'getVerticalAlignment',
    'getVerticalAlignments',
    'getWidth',
    'getWrap',
    'getWrapStrategy',
    'getWraps',
    'insertCells',
    'insertCheckboxes',
    'isBlank',
    'isChecked',
    'isPartOfMerge',
    'merge',
    'moveTo',
    'offset',
    'protect',
    'removeCheckboxes',
    'setBackground',
    'setBackgroundRGB',
    'setBackgrounds',
    'setBorder',
    'setDataValidation',
    'setDataValidations',
    'shiftRowGroupDepth',
    'setFontColor',
    'setFontColors',
    'setFontFamilies',
    'setFontFamily',
    'setFontSize',
    'setFontSizes',
    'setFontStyle',
    'setFontStyles',
    'setFontWeight',
    'setFontWeights',
    'setFormula',
    'setFormulaR1C1',
    'setFormulas',
    'setFormulasR1C1',
    'setHorizontalAlignment',
    'setHorizontalAlignments',
    'setNote',
    'setNotes',
    'setNumberFormat',
    'setNumberFormats',
    'setTextRotation',
    'setValue',
    'setValues',
    'setVerticalAlignment',
    'setVerticalAlignments',
    'setWrap',
    'setWrapStrategy',
    'setWraps',
    'sort',
    'uncheck',
  ]),
  ...rows('RangeList', SHEETS, ['getRanges']),
  ...rows('NamedRange', SHEETS, ['getName', 'getRange', 'remove', 'setName', 'setRange']),
  ...rows('Group', SHEETS, ['collapse', 'expand', 'getControlIndex', 'getDepth', 'getRange', 'isCollapsed', 'remove']),
  ...rows('Protection', SHEETS, [
    'addEditor',
    'addEditors',
    'canDomainEdit',
    'canEdit',
    'getDescription',
    'getEditors',
    'getProtectionType',
    'getRange',
    'isWarningOnly',
    'remove',
    'removeEditor',
    'removeEditors',
    'setDescription',
    'setDomainEdit',
    'setWarningOnly',
  ]),
  ...rows('DataValidation', SHEETS, ['copy', 'getAllowInvalid', 'getCriteriaType', 'getCriteriaValues', 'getHelpText']),
  ...rows('DataValidationBuilder', SHEETS, [
    'build',
    'copy',
    'getAllowInvalid',
    'getCriteriaType',
    'getCriteriaValues',
    'getHelpText',
    'requireCheckbox',
    'requireDate',
    'requireDateAfter',
    'requireDateBefore',
    'requireDateBetween',
    'requireDateOnOrAfter',
    'requireDateOnOrBefore',
    'requireFormulaSatisfied',
    'requireNumberBetween',
    'requireNumberEqualTo',
    'requireNumberGreaterThan',
    'requireNumberGreaterThanOrEqualTo',
    'requireNumberLessThan',
    'requireNumberLessThanOrEqualTo',
    'requireNumberNotBetween',
    'requireNumberNotEqualTo',
    'requireTextContains',
    'requireTextEqualTo',
    'requireTextIsEmail',
    'requireTextIsUrl',
    'requireValueInList',
    'requireValueInRange',
    'setAllowInvalid',
    'setHelpText',
    'withCriteria',
  ]),
  ...rows('ConditionalFormatRule', SHEETS, ['copy', 'getBooleanCondition', 'getGradientCondition', 'getRanges']),
  ...rows('ConditionalFormatRuleBuilder', SHEETS, [
    'build',
    'copy',
    'getBooleanCondition',
    'getRanges',
    'setBackground',
    'setBold',
    'setFontColor',
    'setItalic',
    'setRanges',
    'setStrikethrough',
    'whenCellEmpty',
    'whenCellNotEmpty',
    'whenFormulaSatisfied',
    'whenNumberBetween',
    'whenNumberEqualTo',
    'whenNumberGreaterThan',
    'whenNumberGreaterThanOrEqualTo',
    'whenNumberLessThan',
    'whenNumberLessThanOrEqualTo',
    'whenNumberNotBetween',
    'whenNumberNotEqualTo',
    'whenTextContains',
    'whenTextDoesNotContain',
    'whenTextEndsWith',
    'whenTextEqualTo',
    'whenTextStartsWith',
  ]),
  ...rows('BooleanCondition', SHEETS, [
    'getBackground',
    'getBold',
    'getCriteriaType',
    'getCriteriaValues',
    'getFontColor',
    'getItalic',
    'getStrikethrough',
  ]),
  ...rows('DeveloperMetadata', SHEETS, [
    'getId',
    'getKey',
    'getLocation',
    'getValue',
    'getVisibility',
    'remove',
    'setKey',
    'setValue',
    'setVisibility',
  ]),
  ...rows('DeveloperMetadataFinder', SHEETS, [
    'find',
    'withId',
    'withKey',
    'withLocationType',
    'withValue',
    'withVisibility',
  ]),
  ...rows('DeveloperMetadataLocation', SHEETS, ['getLocationType', 'getSheet', 'getSpreadsheet']),
  ...rows('EmbeddedChart', SHEETS, [
    'getChartId',
    'getContainerInfo',
    'getId',
    'getNumHeaders',
    'getOptions',
    'getRanges',
    'getType',
    'modify',
  ]),
  ...rows('EmbeddedChartBuilder', SHEETS, [
    'addRange',
    'asAreaChart',
    'asBarChart',
    'asColumnChart',
    'asComboChart',
    'asHistogramChart',
    'asLineChart',
    'asPieChart',
    'asScatterChart',
    'asTableChart',
    'build',
    'clearRanges',
    'getChartType',
    'getRanges',
    'removeRange',
    'set3D',
    'setChartType',
    'setColors',
    'setDimensions',
    'setHiddenDimensionStrategy',
    'setLegendPosition',
    'setMergeStrategy',
    'setNumHeaders',
    'setOption',
    'setPosition',
    'setStacked',
    'setTitle',
    'setTransposeRowsAndColumns',
    'setXAxisTitle',
    'setYAxisTitle',
  ]),
  ...rows('ContainerInfo', SHEETS, ['getAnchorColumn', 'getAnchorRow', 'getOffsetX', 'getOffsetY']),
  ...rows('ChartOptions', SHEETS, ['get']),
];

const BASE_SERVICE: Rows = [
  // https://developers.google.com/apps-script/reference/base/ui: the HTML surfaces need
  // script.container.ui (seen in the field as "Specified permissions are not sufficient to call
  // Ui.showModalDialog. Required permissions: …/script.container.ui"); alerts, prompts and menus
  // list no Authorization (menus are built in AuthMode.NONE).
  ...rows('Ui', [SCOPE.containerUi], ['showModalDialog', 'showModelessDialog', 'showSidebar']),
  ...rows('Ui', NO_AUTH, ['alert', 'createAddonMenu', 'createMenu', 'prompt']),
  ...rows('PromptResponse', NO_AUTH, ['getResponseText', 'getSelectedButton']),
  ...rows('Menu', NO_AUTH, ['addItem', 'addSeparator', 'addSubMenu', 'addToUi']),
  // https://developers.google.com/apps-script/reference/base/session: getActiveUser and
  // getEffectiveUser need userinfo.email; the zone, locale and temporary key need nothing.
  ...rows('Session', [SCOPE.userEmail], ['getActiveUser', 'getEffectiveUser']),
  ...rows('Session', NO_AUTH, ['getActiveUserLocale', 'getScriptTimeZone', 'getTemporaryActiveUserKey']),
  // https://developers.google.com/apps-script/reference/base/user: getEmail lists no Authorization
  // (the scope is asked for when the User is obtained from Session).
  ...rows('User', NO_AUTH, ['getEmail']),
  // https://developers.google.com/apps-script/reference/base/logger
  ...rows('Logger', NO_AUTH, ['clear', 'getLog', 'log']),
  // https://developers.google.com/apps-script/reference/base/console (the runtime lends the
  // host's console, which is not instrumented; listed so src/'s calls are covered).
  ...rows('Console', NO_AUTH, ['error', 'info', 'log', 'time', 'timeEnd', 'warn']),
];

// Script services that touch no user data list no Authorization on any method:
// https://developers.google.com/apps-script/reference/html, …/properties, …/cache, …/lock
// (e.g. LockService.getDocumentLock), …/utilities.
const SCRIPT_SERVICES: Rows = [
  ...rows('HtmlService', NO_AUTH, [
    'createHtmlOutput',
    'createHtmlOutputFromFile',
    'createTemplate',
    'createTemplateFromFile',
    'getUserAgent',
  ]),
  ...rows('HtmlOutput', NO_AUTH, [
    'addMetaTag',
    'append',
    'appendUntrusted',
    'asTemplate',
    'clear',
    'getContent',
    'getFaviconUrl',
    'getHeight',
    'getMetaTags',
    'getTitle',
    'getWidth',
    'setContent',
    'setFaviconUrl',
    'setHeight',
    'setSandboxMode',
    'setTitle',
    'setWidth',
    'setXFrameOptionsMode',
  ]),
  ...rows('HtmlOutputMetaTag', NO_AUTH, ['getContent', 'getName']),
  ...rows('HtmlTemplate', NO_AUTH, ['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']),
  ...rows('PropertiesService', NO_AUTH, ['getDocumentProperties', 'getScriptProperties', 'getUserProperties']),
  ...rows('Properties', NO_AUTH, [
    'deleteAllProperties',
    'deleteProperty',
    'getKeys',
    'getProperties',
    'getProperty',
    'setProperties',
    'setProperty',
  ]),
  ...rows('CacheService', NO_AUTH, ['getDocumentCache', 'getScriptCache', 'getUserCache']),
  ...rows('Cache', NO_AUTH, ['get', 'getAll', 'put', 'putAll', 'remove', 'removeAll']),
  ...rows('LockService', NO_AUTH, ['getDocumentLock', 'getScriptLock', 'getUserLock']),
  ...rows('Lock', NO_AUTH, ['hasLock', 'releaseLock', 'tryLock', 'waitLock']),
  ...rows('Utilities', NO_AUTH, [
    'base64Decode',
    'base64DecodeWebSafe',
    'base64Encode',
    'base64EncodeWebSafe',
    'computeDigest',
    'computeHmacSha256Signature',
    'formatDate',
    'formatString',
    'getUuid',
    'sleep',
  ]),
];

// https://developers.google.com/apps-script/reference/script/script-app: installable triggers
// need script.scriptapp; the script's id and authorization info need nothing.
const SCRIPT_SERVICE: Rows = [
  ...rows('ScriptApp', [SCOPE.scriptApp], ['deleteTrigger', 'getProjectTriggers', 'getUserTriggers', 'newTrigger']),
  ...rows('ScriptApp', NO_AUTH, ['getAuthorizationInfo', 'getScriptId']),
  ...rows('AuthorizationInfo', NO_AUTH, ['getAuthorizationStatus', 'getAuthorizationUrl']),
  // https://developers.google.com/apps-script/reference/script/trigger: every method needs script.scriptapp.
  ...rows(
    'Trigger',
    [SCOPE.scriptApp],
    ['getEventType', 'getHandlerFunction', 'getTriggerSource', 'getTriggerSourceId', 'getUniqueId'],
  ),
  // https://developers.google.com/apps-script/reference/script/trigger-builder: forSpreadsheet
  // needs the spreadsheet scopes; timeBased lists no Authorization (newTrigger already needed
  // script.scriptapp). https://developers.google.com/apps-script/reference/script/clock-trigger-builder
  // lists none on any method.
  ...rows('TriggerBuilder', SHEETS, ['forSpreadsheet']),
  ...rows('TriggerBuilder', NO_AUTH, ['timeBased']),
  ...rows('ClockTriggerBuilder', NO_AUTH, [
    'after',
    'at',
    'atDate',
    'atHour',
    'create',
    'everyDays',
    'everyHours',
    'everyMinutes',
    'everyWeeks',
    'inTimezone',
    'nearMinute',
    'onMonthDay',
    'onWeekDay',
  ]),
  // https://developers.google.com/apps-script/reference/script/spreadsheet-trigger-builder lists
  // no Authorization (newTrigger and forSpreadsheet already needed theirs).
  ...rows('SpreadsheetTriggerBuilder', NO_AUTH, ['create', 'onChange', 'onEdit', 'onFormSubmit', 'onOpen']),
  // https://developers.google.com/apps-script/reference/mail/mail-app: both methods need script.send_mail.
  ...rows('MailApp', [SCOPE.sendMail], ['getRemainingDailyQuota', 'sendEmail']),
];

/** The one table: `Class.method` → the scopes of which any one grants it. */
export const REQUIRED_SCOPES: ReadonlyMap<string, Requirement> = new Map([
  ...SPREADSHEET_SERVICE,
  ...BASE_SERVICE,
  ...SCRIPT_SERVICES,
  ...SCRIPT_SERVICE,
]);

export function isGranted(requirement: Requirement, granted: readonly string[]): boolean {
  return requirement.length === 0 || requirement.some((scope) => granted.includes(scope));
}

/**
 * Apps Script's own errors, in its own wording, with the public method name and, when any of
 * several scopes would do, the alternatives as "(a || b)". A scope the manifest does not list
 * fails with "Specified permissions are not sufficient to call Session.getActiveUser. Required
 * permissions: https://www.googleapis.com/auth/userinfo.email" (as reported by scripts whose
 * oauthScopes lacked userinfo.email); a scope the manifest lists but the user did not grant
 * (granular consent, https://developers.google.com/apps-script/concepts/scopes) fails with
 * "You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions:
 * (https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)".
 * Service exceptions are named "Exception", so a log shows "Exception: …".
 */
export function permissionError(
  cause: 'not in the manifest' | 'not granted',
  key: string,
  requirement: Requirement,
): Error {
  const scopes = requirement.length === 1 ? requirement[0] : `(${requirement.join(' || ')})`;
  const lead =
    cause === 'not in the manifest'
      ? `Specified permissions are not sufficient to call ${key}.`
      : `You do not have permission to call ${key}.`;
  const error = new Error(`${lead} Required permissions: ${scopes}`);
  error.name = 'Exception';
  return error;
}

export function missingFromTable(key: string): Error {
  return new Error(
    `Emulator: ${key} is not in the scope table. Add it to local/emulator/scopes.ts with the scopes ` +
      'its reference page lists under "Authorization" (or none), so a missing scope fails here as in Sheets.',
  );
}

/**
 * Injected service failures, so tests can prove what an action leaves behind when Sheets
 * fails part-way. Apps Script reports such a failure as an exception named "Exception" with
 * the message "Service Spreadsheets failed while accessing document with id <id>." — the
 * exact wording users report, e.g.
 * https://github.com/yamamoto-yuta/yamamoto-yuta.github.io/blob/main/content/post/convert-xlsx-to-spreadsheet-with-gas/index.md
 * ("Exception: Service Spreadsheets failed while accessing document with id 1RgRpia4….") and,
 * for the Documents service, https://github.com/alexwforsythe/code-blocks/issues/168.
 *
 * A failed call changes nothing: Sheets applies a call whole or not at all.
 */

/**
 * Every Spreadsheet-service call that changes the document: cells, formats, structure,
 * sheets, charts, rules, metadata, protections, named ranges. Selection (activate,
 * setActiveSheet, setActiveRange, setCurrentCell), toasts and builders (newChart,
 * newDataValidation, …build) change nothing in the document and are not listed.
 * test/emulator/faults.test.ts checks every entry against the scope table, and that no
 * method of the table whose name says it changes something is missing here.
 */
export const MUTATING: ReadonlySet<string> = new Set([
  'Spreadsheet.addDeveloperMetadata',
  'Spreadsheet.deleteSheet',
  'Spreadsheet.insertSheet',
  'Spreadsheet.moveActiveSheet',
  'Spreadsheet.removeNamedRange',
  'Spreadsheet.rename',
  'Spreadsheet.setNamedRange',
  'Spreadsheet.setSpreadsheetLocale',
  'Spreadsheet.setSpreadsheetTimeZone',
  'Sheet.addDeveloperMetadata',
  'Sheet.appendRow',
  'Sheet.autoResizeColumn',
  'Sheet.autoResizeColumns',
  'Sheet.autoResizeRows',
  'Sheet.clear',
  'Sheet.clearConditionalFormatRules',
  'Sheet.clearContents',
  'Sheet.clearFormats',
  'Sheet.clearNotes',
  'Sheet.copyTo',
  'Sheet.deleteColumn',
  'Sheet.deleteColumns',
  'Sheet.deleteRow',
  'Sheet.deleteRows',
  'Sheet.hideColumns',
  'Sheet.hideRows',
  'Sheet.hideSheet',
  'Sheet.insertChart',
  'Sheet.insertColumnAfter',
  'Sheet.insertColumnBefore',
  'Sheet.insertColumns',
  'Sheet.insertColumnsAfter',
  'Sheet.insertColumnsBefore',
  'Sheet.insertRowAfter',
  'Sheet.insertRowBefore',
  'Sheet.insertRows',
  'Sheet.insertRowsAfter',
  'Sheet.insertRowsBefore',
  'Sheet.moveColumns',
  'Sheet.moveRows',
  'Sheet.protect',
  'Sheet.removeChart',
  'Sheet.setColumnWidth',
  'Sheet.setColumnWidths',
  'Sheet.setConditionalFormatRules',
  'Sheet.setFrozenColumns',
  'Sheet.setFrozenRows',
  'Sheet.setName',
  'Sheet.setRowGroupControlPosition',
  'Sheet.expandAllRowGroups',
  'Sheet.collapseAllRowGroups',
  'Sheet.setRowHeight',
  'Sheet.setRowHeights',
  'Sheet.setTabColor',
  'Sheet.showColumns',
  'Sheet.showRows',
  'Sheet.showSheet',
  'Sheet.sort',
  'Sheet.updateChart',
  'Range.breakApart',
  'Range.check',
  'Range.clear',
  'Range.clearContent',
  'Range.clearDataValidations',
  'Range.clearFormat',
  'Range.clearNote',
  'Range.copyTo',
  'Range.deleteCells',
  'Range.insertCells',
  'Range.insertCheckboxes',
  'Range.merge',
  'Range.moveTo',
  'Range.protect',
  'Range.removeCheckboxes',
  'Range.setBackground',
  'Range.setBackgroundRGB',
  'Range.setBackgrounds',
  'Range.setBorder',
  'Range.setDataValidation',
  'Range.setDataValidations',
  'Range.setFontColor',
  'Range.setFontColors',
  'Range.setFontFamilies',
  'Range.setFontFamily',
  'Range.setFontSize',
  'Range.setFontSizes',
  'Range.setFontStyle',
  'Range.setFontStyles',
  'Range.setFontWeight',
  'Range.setFontWeights',
  'Range.setFormula',
  'Range.setFormulaR1C1',
  'Range.setFormulas',
  'Range.setFormulasR1C1',
  'Range.setHorizontalAlignment',
  'Range.setHorizontalAlignments',
  'Range.setNote',
  'Range.setNotes',
  'Range.setNumberFormat',
  'Range.setNumberFormats',
  'Range.setTextRotation',
  'Range.setValue',
  'Range.setValues',
  'Range.setVerticalAlignment',
  'Range.setVerticalAlignments',
  'Range.setWrap',
  'Range.setWrapStrategy',
  'Range.setWraps',
  'Range.shiftRowGroupDepth',
  'Range.sort',
  'Range.uncheck',
  'Group.collapse',
  'Group.expand',
  'Group.remove',
  'NamedRange.remove',
  'NamedRange.setName',
  'NamedRange.setRange',
  'Protection.addEditor',
  'Protection.addEditors',
  'Protection.remove',
  'Protection.removeEditor',
  'Protection.removeEditors',
  'Protection.setDescription',
  'Protection.setDomainEdit',
  'Protection.setWarningOnly',
  'DeveloperMetadata.remove',
  'DeveloperMetadata.setKey',
  'DeveloperMetadata.setValue',
  'DeveloperMetadata.setVisibility',
]);

/** The classes whose reads fail too while an outage that includes reads lasts. */
const DOCUMENT_CLASSES = new Set([
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'Protection',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
  'EmbeddedChart',
  'Group',
]);

export interface FaultPlan {
  /** The 1-based number of the document-changing call that fails, counted from when the plan is set. */
  readonly nth: number;
  /** Every document-changing call from the n-th on fails too (a sustained outage), not only the n-th. */
  readonly sustained?: boolean;
  /** While the outage lasts, reads of the document fail as well. */
  readonly reads?: boolean;
}

/** The service error Apps Script throws, named "Exception" as its service errors are. */
export function serviceFailure(documentId: string): Error {
  const error = new Error(`Service Spreadsheets failed while accessing document with id ${documentId}.`);
  error.name = 'Exception';
  return error;
}

export class Faults {
  private plan: FaultPlan | null = null;
  private seen = 0;
  private failing = false;
  /** Document-changing calls made (not failed) since the plan was set. */
  changes = 0;
  /** Calls failed since the plan was set. */
  failed = 0;

  constructor(private readonly documentId: () => string) {}

  /** Fails calls as `plan` says, counting document-changing calls from now. */
  set(plan: FaultPlan): void {
    if (!Number.isInteger(plan.nth) || plan.nth < 1)
      throw new Error(`Emulator: fault nth must be 1 or more, not ${plan.nth}`);
    this.plan = plan;
    this.seen = 0;
    this.failing = false;
    this.changes = 0;
    this.failed = 0;
  }

  /** No more failures; the service works again. */
  clear(): void {
    this.plan = null;
    this.failing = false;
  }

  /** Called by `instrument` before each service call; throws the service's failure when the plan says so. */
  before(key: string): void {
    const plan = this.plan;
    if (plan === null) return;
    if (MUTATING.has(key)) {
      this.seen++;
      const fails = this.seen === plan.nth || (plan.sustained === true && this.seen > plan.nth);
      if (fails) {
        this.failing = plan.sustained === true;
        this.failed++;
        throw serviceFailure(this.documentId());
      }
      this.changes++;
      return;
    }
    if (this.failing && plan.reads === true && DOCUMENT_CLASSES.has(key.slice(0, key.indexOf('.')))) {
      this.failed++;
      throw serviceFailure(this.documentId());
    }
  }
}

/**
 * Read-after-write round trips. Apps Script batches Spreadsheet-service writes and sends them
 * only when the script reads: "Google Apps Script already has some built-in optimization, such
 * as using look-ahead caching to retrieve what a script is likely to get and write caching to
 * save what is likely to be set. … Alternating read and write commands is slow."
 * (https://developers.google.com/apps-script/guides/support/best-practices#use_batch_operations)
 * and "spreadsheet operations are bundled together to improve performance … call
 * SpreadsheetApp.flush()" to apply the pending ones now
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 *
 * So each read that finds writes pending costs a round trip of its own, and so does a flush
 * that finds writes pending when the script goes on using the spreadsheet after it (a flush
 * at the very end is the commit every run ends with anyway).
 *
 * What counts as a read is decided here, since the pages above do not list the methods: every
 * getter of the document's state (values, formats, sizes, the list of sheets, a sheet's name,
 * developer metadata, charts, rules) must see the pending writes, so it reads. Getters of a
 * handle's own coordinates (Range.getRow, getA1Notation, getSheet, Sheet.getRange, …), builders
 * and the getters of an object a read already returned (DeveloperMetadata.getKey, …) do not.
 */

export type CallKind = 'read' | 'write' | 'neutral';

/** Classes whose objects stand for the document on Google's servers. */
const DOCUMENT_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'NamedRange',
  'Protection',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'EmbeddedChart',
]);

/** Objects a read returned: their getters describe what that read fetched. */
const FETCHED_CLASSES = new Set(['NamedRange', 'Protection', 'DeveloperMetadata', 'EmbeddedChart']);

/** Handles, builders and the UI: no document state involved. */
const NEUTRAL = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newConditionalFormatRule',
  'SpreadsheetApp.newDataValidation',
  'Spreadsheet.getId',
  'Spreadsheet.getUrl',
  'Spreadsheet.getRange',
  'Spreadsheet.createDeveloperMetadataFinder',
  'Spreadsheet.toast',
  'Sheet.getRange',
  'Sheet.getRangeList',
  'Sheet.getParent',
  'Sheet.getSheetId',
  'Sheet.newChart',
  'Sheet.createDeveloperMetadataFinder',
  'Range.getA1Notation',
  'Range.getRow',
  'Range.getRowIndex',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getHeight',
  'Range.getWidth',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getSheet',
  'Range.getGridId',
  'Range.getCell',
  'Range.offset',
  'RangeList.getRanges',
  'EmbeddedChart.modify',
]);

const WRITE =
  /^(set|insert|delete|clear|append|add|remove|copyTo|move|hide|show|sort|merge|breakApart|protect|autoResize|activate|rename|update|check|uncheck|flush)/;

/** Whether `Class.method` reads the document, writes it, or neither (flush counts as a write). */
export function callKind(key: string): CallKind {
  const dot = key.indexOf('.');
  const className = key.slice(0, dot);
  const method = key.slice(dot + 1);
  if (!DOCUMENT_CLASSES.has(className) || NEUTRAL.has(key)) return 'neutral';
  if (WRITE.test(method)) return 'write';
  if (FETCHED_CLASSES.has(className) || className === 'DeveloperMetadataFinder') {
    return method === 'find' ? 'read' : 'neutral';
  }
  // Every other method of a document class is a getter (get…, is…, can…): it reads.
  return 'read';
}

export interface RoundTrip {
  /** The call that forced the pending writes out. */
  readonly call: string;
  /** The last write it found pending. */
  readonly after: string;
}

/** Follows the calls in order and counts the round trips their order costs. */
export class RoundTripTracker {
  private pendingWrite: string | null = null;
  /** A flush that sent writes: it costs a round trip once the script uses the spreadsheet again. */
  private flushedAfter: string | null = null;
  readonly trips: RoundTrip[] = [];

  record(key: string): void {
    const kind = callKind(key);
    if (kind === 'neutral') return;
    if (this.flushedAfter !== null) {
      this.trips.push({ call: 'SpreadsheetApp.flush', after: this.flushedAfter });
      this.flushedAfter = null;
    }
    if (key === 'SpreadsheetApp.flush') {
      this.flushedAfter = this.pendingWrite;
      this.pendingWrite = null;
    } else if (kind === 'write') this.pendingWrite = key;
    else if (this.pendingWrite !== null) {
      this.trips.push({ call: key, after: this.pendingWrite });
      this.pendingWrite = null;
    }
  }

  reset(): void {
    this.pendingWrite = null;
    this.flushedAfter = null;
    this.trips.length = 0;
  }
}

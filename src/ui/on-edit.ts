/**
 * The simple onEdit trigger. An editor add-on's onEdit runs in AuthMode.LIMITED, for edits a
 * user makes by hand, with the edited range in the event
 * (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 * https://developers.google.com/apps-script/guides/triggers/events#edit). It only gives values
 * typed into an OKR or KPI tab their unit's format (§1.2); in AuthMode.NONE (the add-on not yet
 * used in this document) it does nothing. It never fails the user's edit: a simple trigger's
 * error would only be logged.
 */
import { formatTypedRows } from '../sheets/typed-formats';

export function onEdit(event?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (event?.range === undefined || String(event.authMode) === 'NONE') return;
  try {
    formatTypedRows(event.range);
  } catch (error) {
    console.warn(`OKR Cascade: the unit format of the edited rows was not set: ${String(error)}`);
  }
}

/**
 * The weekly rhythm lives in the document's properties (§4.7): the settings the dialog
 * edits, and the record of who set it up, its trigger and its last run. Values are JSON
 * strings; core/rhythm/settings.ts reads them and tolerates anything unreadable.
 */
import { type RhythmRecord, readRhythmRecord, readRhythmSettings } from '../../core/rhythm/settings';
import type { RhythmLastRun, RhythmSettings } from '../../shared/rhythm-api';

const SETTINGS_KEY = 'okr-cascade.rhythm.settings';
const RECORD_KEY = 'okr-cascade.rhythm.record';

export interface StoredRhythm {
  readonly settings: RhythmSettings;
  readonly record: RhythmRecord | null;
}

export function loadRhythm(): StoredRhythm {
  const properties = PropertiesService.getDocumentProperties();
  return {
    settings: readRhythmSettings(properties.getProperty(SETTINGS_KEY)),
    record: readRhythmRecord(properties.getProperty(RECORD_KEY)),
  };
}

/** Both in one call, so a reader never sees new settings with an old record. */
export function saveRhythm(settings: RhythmSettings, record: RhythmRecord | null): void {
  const properties = PropertiesService.getDocumentProperties();
  if (record === null) {
    properties.setProperty(SETTINGS_KEY, JSON.stringify(settings));
    properties.deleteProperty(RECORD_KEY);
    return;
  }
  properties.setProperties({ [SETTINGS_KEY]: JSON.stringify(settings), [RECORD_KEY]: JSON.stringify(record) });
}

/** Records a run's outcome, unless the rhythm was set up again meanwhile (another trigger now). */
export function saveLastRun(triggerId: string | null, lastRun: RhythmLastRun): void {
  const { record } = loadRhythm();
  if (record === null || record.triggerId !== triggerId) return;
  PropertiesService.getDocumentProperties().setProperty(RECORD_KEY, JSON.stringify({ ...record, lastRun }));
}

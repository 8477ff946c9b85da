/**
 * ScriptApp's installable triggers, as the reference and the add-on guides describe them:
 * https://developers.google.com/apps-script/reference/script/script-app,
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder,
 * https://developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';
import { setupServices } from './support.js';

const SHEET = { getId: () => 'sheet-1' };
const OTHER_SHEET = { getId: () => 'sheet-2' };

function setup(scriptTimeZone = 'Etc/UTC') {
  let documentId = 'sheet-1';
  const services = setupServices(
    { documentId: () => documentId, scriptTimeZone },
    { now: () => new Date('2027-03-03T12:00:00Z'), user: 'pmo@example.com' },
  );
  return { ...services, openDocument: (id: string) => (documentId = id) };
}

describe('ScriptApp triggers', () => {
  it('creates a weekly clock trigger and lists it for its owner, in its document', () => {
    const { ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('weeklyRun')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .inTimezone('America/New_York')
      .create();
    expect(trigger.getHandlerFunction()).toBe('weeklyRun');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    expect(trigger.getUniqueId()).toMatch(/^\d+$/);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    const inSheet = ScriptApp.getUserTriggers(SHEET as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    expect(inSheet.map((t) => t.getUniqueId())).toEqual([trigger.getUniqueId()]);
    expect(ScriptApp.getUserTriggers(OTHER_SHEET as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)).toEqual([]);
  });

  it('allows an add-on one time-based trigger per user per document', () => {
    const { ScriptApp, env, openDocument } = setup();
    const weekly = () => ScriptApp.newTrigger('weeklyRun').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(8);
    weekly().create();
    expect(() => weekly().create()).toThrow(
      'This add-on has created too many time-based triggers in this document for this Google user account.',
    );
    openDocument('sheet-2');
    expect(() => weekly().create()).not.toThrow();
    openDocument('sheet-1');
    env.user = 'colleague@example.com';
    // Another account may have its own, and sees only its own.
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(() => weekly().create()).not.toThrow();
    expect(ScriptApp.getProjectTriggers()).toHaveLength(1);
  });

  it('deletes a trigger once, and only its owner can', () => {
    const { ScriptApp, env } = setup();
    const trigger = ScriptApp.newTrigger('weeklyRun')
      .timeBased()
      .onWeekDay(ScriptApp.WeekDay.MONDAY)
      .atHour(9)
      .create();
    env.user = 'colleague@example.com';
    expect(() => ScriptApp.deleteTrigger(trigger)).toThrow(/does not exist for colleague@example.com/);
    env.user = 'pmo@example.com';
    ScriptApp.deleteTrigger(trigger);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    expect(() => ScriptApp.deleteTrigger(trigger)).toThrow(/deleted already/);
  });

  it('checks its arguments', () => {
    const { ScriptApp } = setup();
    expect(() => ScriptApp.newTrigger('')).toThrow(/Invalid argument: functionName/);
    const clock = () => ScriptApp.newTrigger('f').timeBased();
    expect(() => clock().atHour(24)).toThrow(/Invalid argument: hour/);
    expect(() => clock().atHour(1.5)).toThrow(/Invalid argument: hour/);
    expect(() => clock().onWeekDay('FUNDAY' as unknown as GoogleAppsScript.Base.Weekday)).toThrow(
      /Invalid argument: day/,
    );
    expect(() => clock().inTimezone('Mars/Olympus')).toThrow(/Invalid argument: timezone/);
    expect(() => clock().nearMinute(60)).toThrow(/Invalid argument: minute/);
    expect(() => clock().everyWeeks(0)).toThrow(/Invalid argument: n/);
    expect(() => clock().atHour(9).create()).toThrow(/only weekly triggers/);
    // Schedules the emulator does not model fail loudly instead of never running.
    expect(() => clock().everyMinutes(5)).toThrow('Emulator: ClockTriggerBuilder.everyMinutes is not implemented');
  });

  it('needs script.scriptapp when the manifest lists its scopes', () => {
    const { ScriptApp } = setupServices(
      {},
      { oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] },
    );
    expect(() => ScriptApp.getProjectTriggers()).toThrow(
      'Specified permissions are not sufficient to call ScriptApp.getProjectTriggers. Required permissions: https://www.googleapis.com/auth/script.scriptapp',
    );
  });

  it('creates spreadsheet triggers for a spreadsheet, one of each type', () => {
    const { ScriptApp } = setup();
    const onOpen = ScriptApp.newTrigger('opened')
      .forSpreadsheet(SHEET as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      .onOpen()
      .create();
    expect(onOpen.getEventType()).toBe('ON_OPEN');
    expect(onOpen.getTriggerSource()).toBe('SPREADSHEETS');
    expect(onOpen.getTriggerSourceId()).toBe('sheet-1');
    expect(() => ScriptApp.newTrigger('again').forSpreadsheet('sheet-1').onOpen().create()).toThrow(
      /too many open triggers/,
    );
  });
});

describe('Clock trigger schedule', () => {
  const monday9 = (zone?: string) => {
    const emulator = createEmulator({
      timeZone: 'America/New_York',
      scriptTimeZone: 'Etc/UTC',
      now: () => new Date('2027-03-03T12:00:00Z'),
    });
    const app = emulator.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const builder = app.newTrigger('weeklyRun').timeBased().onWeekDay(app.WeekDay.MONDAY).atHour(9).nearMinute(5);
    const trigger = (zone ? builder.inTimezone(zone) : builder).create();
    return { emulator, id: trigger.getUniqueId() };
  };

  it('keeps the local hour across a daylight-saving change', () => {
    const { emulator, id } = monday9('America/New_York');
    const first = emulator.triggers.nextRun(id, new Date('2027-03-03T12:00:00Z'));
    // 8 March is still EST (UTC−5), 15 March is EDT (UTC−4): 9:05 local both times.
    expect(first.toISOString()).toBe('2027-03-08T14:05:00.000Z');
    const second = emulator.triggers.nextRun(id, first);
    expect(second.toISOString()).toBe('2027-03-15T13:05:00.000Z');
    expect(emulator.triggers.eventAt(id, second)).toEqual({
      authMode: 'FULL',
      'day-of-month': 15,
      'day-of-week': 1,
      hour: 9,
      minute: 5,
      month: 3,
      second: 0,
      timezone: 'America/New_York',
      triggerUid: id,
      'week-of-year': 11,
      year: 2027,
    });
  });

  it("runs in the script's zone without inTimezone", () => {
    const { emulator, id } = monday9();
    expect(emulator.triggers.nextRun(id, new Date('2027-03-03T12:00:00Z')).toISOString()).toBe(
      '2027-03-08T09:05:00.000Z',
    );
  });

  it('runs every n weeks from its first run', () => {
    const emulator = createEmulator({ timeZone: 'Europe/Berlin', now: () => new Date('2027-03-03T12:00:00Z') });
    const app = emulator.globals.ScriptApp as GoogleAppsScript.Script.ScriptApp;
    const id = app
      .newTrigger('f')
      .timeBased()
      .everyWeeks(2)
      .onWeekDay(app.WeekDay.WEDNESDAY)
      .atHour(13)
      .nearMinute(0)
      .create()
      .getUniqueId();
    // Created at 13:00 Berlin on a Wednesday: that very hour is the first run.
    const runs: string[] = [];
    let after = new Date('2027-03-03T11:59:00Z');
    for (let i = 0; i < 3; i++) {
      const next = emulator.triggers.nextRun(id, after);
      runs.push(next.toISOString());
      after = next;
    }
    expect(runs).toEqual(['2027-03-03T12:00:00.000Z', '2027-03-17T12:00:00.000Z', '2027-03-31T11:00:00.000Z']);
  });

  it('runs as its owner with no user interface', () => {
    const { emulator, id } = monday9('America/New_York');
    emulator.env.user = 'someone.else@example.com';
    const app = emulator.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const session = emulator.globals.Session as GoogleAppsScript.Base.Session;
    const seen = emulator.triggers.runAs(id, () => {
      expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
      return session.getEffectiveUser().getEmail();
    });
    expect(seen).toBe('pmo.lead@example.com');
    expect(emulator.env.user).toBe('someone.else@example.com');
    expect(() => app.getUi()).not.toThrow();
  });
});

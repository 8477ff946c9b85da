/**
 * §4.7 the weekly rhythm on the sample workbook, through the built bundle: the dialog's
 * server functions keep exactly one trigger, and firing it (as Apps Script would, as its
 * owner, without a UI) records a snapshot and sends the reminders and the digest.
 *
 * The clock starts on Wednesday 3 March 2027 in New York. The sample's check-ins are three
 * days old then (28 February), so by Monday 8 March every measured key result is stale,
 * KPIs included. Dana Reyes and Marcus Webb own with email
 * addresses; every other owner is a name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { LockServiceHandle } from '../../local/emulator/services/index';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import { KPI_SCHEMA, OKR_SCHEMA } from '../../src/core/workbook/schema';
import type { RhythmDialogState, RhythmInput } from '../../src/shared/rhythm-api';
import { snapshotCells, writeGrids, writeSampleWorkbook } from '../support/workbook';
import { RHYTHM_SERVER_FUNCTIONS, RHYTHM_TRIGGER_FUNCTION } from './expected';

const NEW_YORK = 'America/New_York';
const SETTER = 'pmo.lead@northwind.example';
const DANA = 'dana.reyes@northwind.example';
const MARCUS = 'marcus.webb@northwind.example';
const CEO = 'ceo@northwind.example';
const COO = 'coo@northwind.example';
const XSS = '<img src=x onerror=alert(1)>';
const ON: RhythmInput = { enabled: true, day: 'MONDAY', hour: '9', recipients: `${CEO},\n${COO}`, remindOwners: true };

const okrColumn = (key: string) => OKR_SCHEMA.columns.findIndex((c) => c.key === key);
const kpiColumn = (key: string) => KPI_SCHEMA.columns.findIndex((c) => c.key === key);

/** google.script.run passes plain JSON: what the page receives. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let rt: AddonRuntime;

function edit(grid: unknown[][], id: string, column: number, value: unknown): void {
  const row = grid.find((r) => r[0] === id);
  if (!row) throw new Error(`no row ${id}`);
  row[column] = value;
}

beforeEach(() => {
  rt = loadAddon({ timeZone: NEW_YORK, user: SETTER, now: () => new Date('2027-03-03T15:00:00Z') });
  const grids = writeSampleWorkbook(rt);
  const corporate = grids.corporate.map((r) => [...r]);
  const department = grids.department.map((r) => [...r]);
  const kpis = grids.kpis.map((r) => [...r]);
  for (const id of ['C-O1', 'C-KR1']) edit(corporate, id, okrColumn('owner'), DANA);
  edit(corporate, 'C-KR1', okrColumn('title'), XSS);
  for (const id of ['SAL-O1', 'SAL-KR1']) edit(department, id, okrColumn('owner'), MARCUS);
  edit(kpis, 'KPI-1', kpiColumn('owner'), DANA);
  edit(kpis, 'KPI-2', kpiColumn('owner'), MARCUS);
  // Marcus checked SAL-KR1 in on Friday 5 March: fresh on the 8th, stale on the 15th.
  const checkIns = [...grids.checkIns.map((r) => [...r]), [46451.5, 'SAL-KR1', 4_000_000, 4_100_000, 7, 'ok', MARCUS]];
  writeGrids(rt, { corporate, department, kpis, checkIns });
});

const save = (input: RhythmInput) => wire(rt.call('saveWeeklyRhythm', input)) as RhythmDialogState;
const dialog = () => wire(rt.call('rhythmDialogState')) as RhythmDialogState;
const triggers = () => rt.emulator.triggers.all();
const onlyTrigger = () => {
  const all = triggers();
  expect(all).toHaveLength(1);
  return all[0]?.id ?? '';
};
const mail = () => rt.emulator.mail;
const historyDays = () => [
  ...new Set(
    (rt.emulator.spreadsheet.getSheetByName('History')?.getDataRange().getDisplayValues() ?? [])
      .slice(1)
      .map((r) => r[0]),
  ),
];

describe('Weekly rhythm dialog', () => {
  it('opens from the menu as a dialog that calls the server functions the bundle has', () => {
    rt.call('showWeeklyRhythm');
    const shown = rt.emulator.uiState.dialogs.at(-1);
    expect(shown?.title).toBe('Weekly rhythm');
    expect(shown?.html).toContain('Send the digest to');
    for (const name of RHYTHM_SERVER_FUNCTIONS) {
      expect(rt.topLevelFunctions, name).toContain(name);
      expect(shown?.html).toContain(name);
    }
    expect(rt.topLevelFunctions).toContain(RHYTHM_TRIGGER_FUNCTION);
  });

  it('turns the rhythm on with exactly one trigger, keeps one when saved again, and off with none', () => {
    const before = dialog();
    expect(before.settings.enabled).toBe(false);
    expect(before.setUpBy).toBeNull();
    expect(before.timeZone).toBe(NEW_YORK);

    const on = save(ON);
    expect(on.settings).toEqual({ enabled: true, day: 'MONDAY', hour: 9, recipients: [CEO, COO], remindOwners: true });
    expect(on.setUpBy).toBe(SETTER);
    expect(on.setUpAt).toBe('2027-03-03T15:00:00.000Z');
    expect(on.message).toBe('The weekly rhythm is on: every Monday at 09:00 (America/New_York).');
    const id = onlyTrigger();
    expect(triggers()[0]).toMatchObject({
      handler: RHYTHM_TRIGGER_FUNCTION,
      owner: SETTER,
      eventType: 'CLOCK',
      schedule: { weekday: 'MONDAY', hour: 9, timeZone: NEW_YORK, everyWeeks: 1 },
    });

    save(ON);
    expect(onlyTrigger()).toBe(id);
    save({ ...ON, hour: 10 });
    expect(onlyTrigger()).not.toBe(id);
    expect(triggers()[0]?.schedule?.hour).toBe(10);

    const off = save({ ...ON, enabled: false });
    expect(triggers()).toEqual([]);
    expect(off.settings.enabled).toBe(false);
    expect(off.message).toBe('The weekly rhythm is off; its trigger was removed.');
    expect(dialog().setUpBy).toBe(SETTER);
  });

  it('refuses bad input without touching the trigger', () => {
    save(ON);
    const id = onlyTrigger();
    expect(() => save({ ...ON, recipients: 'ceo@northwind.example, Dana Reyes' })).toThrow(
      'Not saved: "Dana Reyes" is not an email address.',
    );
    expect(() => save({ ...ON, hour: 24 })).toThrow(/the hour must be a whole number from 0 to 23/);
    expect(() => save({ ...ON, day: 'Someday' })).toThrow(/choose a day of the week/);
    expect(onlyTrigger()).toBe(id);
  });

  it('lets a colleague turn off, but not take over, a rhythm set up by someone else', () => {
    save(ON);
    const id = onlyTrigger();
    rt.emulator.env.user = 'colleague@northwind.example';
    expect(dialog().managedByOther).toBe(true);
    expect(() => save(ON)).toThrow(/pmo.lead@northwind.example set up the weekly rhythm/);
    expect(save({ ...ON, enabled: false }).message).toMatch(/removes itself at its next run/);
    // The setter's trigger runs once more, does nothing and removes itself.
    rt.fireTrigger(id);
    expect(triggers()).toEqual([]);
    expect(mail().sent).toEqual([]);
    expect(historyDays()).toEqual([]);
  });
});

describe('Weekly run', () => {
  it('runs only for its trigger: a call from a page does nothing', () => {
    save(ON);
    rt.call('weeklyRhythmRun');
    expect(mail().sent).toEqual([]);
    expect(historyDays()).toEqual([]);
    expect(triggers()).toHaveLength(1);
  });

  it('keeps the local hour across the March clock change and records a snapshot each week', () => {
    save(ON);
    const id = onlyTrigger();
    const first = rt.fireTrigger(id);
    // Monday 8 March, 9 a.m. in New York: still EST (UTC−5).
    expect(first.at.getUTCDay()).toBe(1);
    expect(first.at.toISOString()).toMatch(/^2027-03-08T14:/);
    expect(first.event).toMatchObject({ hour: 9, 'day-of-week': 1, timezone: NEW_YORK, triggerUid: id });
    expect(historyDays()).toEqual(['2027-03-08']);

    const second = rt.fireTrigger(id);
    // Monday 15 March, 9 a.m. in New York: now EDT (UTC−4).
    expect(second.at.toISOString()).toMatch(/^2027-03-15T13:/);
    expect(historyDays()).toEqual(['2027-03-08', '2027-03-15']);
    expect(onlyTrigger()).toBe(id);
    const last = dialog().lastRun;
    expect(last?.ok).toBe(true);
    expect(last?.at).toBe(second.at.toISOString());
    expect(last?.summary).toMatch(
      /^History: 37 rows recorded for 2027-03-15; 37 earlier rows kept\. Digest sent to 2 people, 2 owners reminded, \d+ owners not reminded\.$/,
    );
  });

  it('reminds each owner with an email address once, listing their stale items', () => {
    save(ON);
    rt.fireTrigger(onlyTrigger());
    const toDana = mail().to(DANA);
    expect(toDana).toHaveLength(1);
    const reminder = toDana[0];
    expect(reminder?.subject).toBe('Check-in due: 2 items in Northwind Analytics');
    expect(reminder?.name).toBe('OKR Cascade');
    // C-KR1: $8.6M of $8M→$10M is 30%, Behind; KPI-1: $715k of $660k→$830k.
    expect(reminder?.body).toContain(`• C-KR1 · ${XSS} (key result)`);
    expect(reminder?.body).toContain(
      'Value: $8,600,000 · Score: 30% · Status: Behind · Last check-in: 2027-02-28 (7 days ago)',
    );
    expect(reminder?.body).toContain('• KPI-1 · Monthly recurring revenue (KPI)');
    expect(reminder?.body).toContain(
      'Value: $715,000 · Score: 32% · Status: At risk · Last check-in: 2027-02-28 (7 days ago)',
    );
    expect(reminder?.body).toContain(rt.emulator.spreadsheet.getUrl());
    expect(reminder?.htmlBody).toContain(`<a href="${rt.emulator.spreadsheet.getUrl()}">`);
    // Marcus checked SAL-KR1 in on Friday: only his KPI is stale.
    const toMarcus = mail().to(MARCUS);
    expect(toMarcus).toHaveLength(1);
    expect(toMarcus[0]?.body).toContain('KPI-2');
    expect(toMarcus[0]?.body).not.toContain('SAL-KR1');
    // Names get no email.
    expect(mail().sent.every((m) => m.to.every((a) => a.includes('@')))).toBe(true);
  });

  it('reminds no one of an item measured by formula, and lists it as stale nowhere', () => {
    // C-KR1's Current (Dana's) and KPI-2's Actual (Marcus's) become formulas giving the values they had.
    const setFormula = (tab: string, id: string, column: number, formula: string) => {
      const sheet = rt.emulator.spreadsheet.getSheetByName(tab);
      const row = (sheet?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === id) + 1;
      sheet?.getRange(row, column + 1).setFormula(formula);
    };
    setFormula('Corporate OKRs', 'C-KR1', okrColumn('current'), '=8000000+600000');
    setFormula('KPIs', 'KPI-2', kpiColumn('actual'), '=0.2+0.01');
    save(ON);
    rt.emulator.calls.reset();
    rt.fireTrigger(onlyTrigger());
    // The formulas are read with the values, before the snapshot writes.
    expect(rt.emulator.calls.roundTrips()).toBeLessThanOrEqual(2);
    const toDana = mail().to(DANA);
    expect(toDana).toHaveLength(1);
    expect(toDana[0]?.subject).toBe('Check-in due: 1 item in Northwind Analytics');
    expect(toDana[0]?.body).toContain('• KPI-1 · Monthly recurring revenue (KPI)');
    expect(toDana[0]?.body).not.toContain('C-KR1');
    // Marcus checked SAL-KR1 in on Friday, and KPI-2 updates by itself: nothing to remind him of.
    expect(mail().to(MARCUS)).toEqual([]);
    const body = mail().to(CEO)[0]?.body ?? '';
    const stale = body.slice(body.indexOf('NO CHECK-IN FOR 7 DAYS'), body.indexOf('REMINDERS'));
    expect(stale).toContain('KPI-1');
    expect(stale).not.toContain('C-KR1');
    expect(stale).not.toContain('KPI-2');
    expect(dialog().lastRun?.summary).toMatch(/Digest sent to 2 people, 1 owner reminded/);
  });

  it('sends each recipient one digest: headline, movement, at risk, stale, and who was not reminded', () => {
    save(ON);
    const id = onlyTrigger();
    rt.fireTrigger(id);
    const firstDigest = mail().to(CEO)[0];
    expect(firstDigest?.body).toContain('There is no earlier snapshot to compare with yet');
    // A week later C-KR1 has reached $9M: 30% → 50%.
    const corporate = rt.emulator.spreadsheet.getSheetByName('Corporate OKRs');
    const row = (corporate?.getDataRange().getValues() ?? []).findIndex((r) => r[0] === 'C-KR1') + 1;
    corporate?.getRange(row, okrColumn('current') + 1).setValue(9_000_000);
    rt.fireTrigger(id);

    for (const to of [CEO, COO]) expect(mail().to(to)).toHaveLength(2);
    const digest = mail().to(CEO)[1];
    expect(digest?.subject).toBe('Weekly OKR digest: Northwind Analytics, 2027-03-15');
    const body = digest?.body ?? '';
    expect(body).toMatch(/Company score: \d+%/);
    expect(body).toContain('Compared with the snapshot of 2027-03-08.');
    expect(body).toContain(`• C-KR1 · ${XSS}: 30% → 50% (+20 pts)`);
    expect(body).toContain('AT RISK');
    expect(body).toContain('• KPI-1 · Monthly recurring revenue (KPI, dana.reyes@northwind.example): 32%');
    expect(body).toContain('NO CHECK-IN FOR 7 DAYS');
    expect(body).toContain('Reminded: dana.reyes@northwind.example, marcus.webb@northwind.example.');
    expect(body).toContain('• Sam Patel: 1 item, the Owner cell is a name, not an email address');
    expect(digest?.htmlBody).toContain('<li>Sam Patel: 1 item, the Owner cell is a name, not an email address</li>');
  });

  it('escapes user text in every HTML body and includes no image', () => {
    save(ON);
    rt.fireTrigger(onlyTrigger());
    const html = mail().sent.map((m) => m.htmlBody ?? '');
    expect(html.length).toBeGreaterThanOrEqual(4);
    for (const body of html) {
      expect(body).not.toMatch(/<img/i);
      expect(body).not.toContain('onerror=alert(1)>');
    }
    const withTitle = html.filter((b) => b.includes('&lt;img src=x onerror=alert(1)&gt;'));
    // Dana's reminder and both digests name C-KR1.
    expect(withTitle).toHaveLength(3);
  });

  it('sends the digest first when the mail quota runs short, and says who was not reminded', () => {
    save(ON);
    const id = onlyTrigger();
    mail().setRemaining(SETTER, 3, Date.parse('2027-03-08T14:00:00Z'));
    rt.fireTrigger(id);
    expect(mail().to(CEO)).toHaveLength(1);
    expect(mail().to(COO)).toHaveLength(1);
    expect(mail().to(DANA)).toHaveLength(1);
    expect(mail().to(MARCUS)).toEqual([]);
    expect(mail().to(CEO)[0]?.body).toContain("• marcus.webb@northwind.example: 1 item, today's mail quota ran out");
    expect(dialog().lastRun?.summary).toMatch(/1 owner reminded/);
  });

  it('emails whoever set it up, once, when a run fails, and changes nothing', () => {
    save(ON);
    const id = onlyTrigger();
    const ss = rt.emulator.spreadsheet;
    for (const tab of ['Corporate OKRs', 'Department OKRs', 'Team OKRs']) {
      const sheet = ss.getSheetByName(tab);
      if (sheet) ss.deleteSheet(sheet);
    }
    const before = snapshotCells(ss);
    rt.fireTrigger(id);
    expect(snapshotCells(ss)).toEqual(before);
    expect(mail().sent).toHaveLength(1);
    const notice = mail().sent[0];
    expect(notice?.to).toEqual([SETTER]);
    expect(notice?.subject).toBe(`OKR Cascade: the weekly run of ${ss.getName()} failed`);
    expect(notice?.body).toContain('What failed: Record snapshot: There are no OKR tabs yet.');
    expect(notice?.body).toContain('What changed: Nothing in the workbook was changed.');
    const last = dialog().lastRun;
    expect(last?.ok).toBe(false);
    expect(last?.summary).toMatch(/^Failed: Record snapshot: There are no OKR tabs yet/);
    expect(onlyTrigger()).toBe(id);
  });

  it('reports a spreadsheet kept busy by another action as a failure, without writing', () => {
    save(ON);
    (rt.emulator.globals.LockService as LockServiceHandle)._holdByOther('document');
    const before = snapshotCells(rt.emulator.spreadsheet);
    rt.fireTrigger(onlyTrigger());
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
    expect(mail().sent).toHaveLength(1);
    expect(mail().sent[0]?.body).toContain('What failed: another OKR Cascade action kept the spreadsheet busy');
  });

  it('lists the rollout-plan activities due next', () => {
    rt.emulator.uiState.answerNext({ button: 'OK', text: '2027-02-01' });
    rt.call('generateRolloutPlan');
    save(ON);
    rt.fireTrigger(onlyTrigger());
    const body = mail().to(CEO)[0]?.body ?? '';
    expect(body).toContain('ROLLOUT PLAN: DUE NEXT');
    // A plan starting 1 February has month 2, weeks 2–3 (department training) from 8 to 19 March;
    // month 2, week 1 (communicate, 1–5 March) is past and not done.
    const section = body.slice(body.indexOf('ROLLOUT PLAN: DUE NEXT'), body.indexOf('REMINDERS'));
    const lines = section.split('\n').filter((l) => l.startsWith('• '));
    expect(lines[0]).toMatch(/^• Train the department .*: 2027-03-08 to 2027-03-19$/);
    expect(
      lines.some((l) => l.startsWith('• Communicate the objectives') && l.endsWith('overdue since 2027-03-05')),
    ).toBe(true);
  });
});

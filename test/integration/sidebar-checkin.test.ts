/**
 * §5.2 through the built bundle: a check-in updates Current (and Confidence) and
 * appends to the Check-ins log; a stale one is refused with the fresh value; anything
 * else that stops it comes back as every problem at once, each keyed to its field (§5).
 */
import { describe, expect, it } from 'vitest';
import { type AddonRuntime, loadAddon } from '../../local/runtime';
import type {
  CheckInInput,
  CheckInResult,
  KeyResultMeasure,
  KpiSummary,
  OkrPage,
  OkrQuery,
} from '../../src/shared/sidebar-api';
import { snapshotCells, writeSampleWorkbook } from '../support/workbook';

const TZ = 'Europe/Berlin';
const USER = 'amira.haddad@northwind.example';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A key result as the Check-in panel lists it: what it shows, and the Current it proves it saw. */
function loaded(rt: AddonRuntime, id: string): KeyResultMeasure {
  const query: OkrQuery = { list: { name: 'keyResults', unit: '', owner: '' }, text: id };
  const page: OkrPage = plain(rt.call('searchOkrs', query));
  const measure = page.items.find((i) => i.id === id)?.measure;
  if (!measure) throw new Error(`no key result ${id} in the Check-in panel's list`);
  return measure;
}

const checkIn = (rt: AddonRuntime, input: CheckInInput): CheckInResult => plain(rt.call('recordCheckIn', input));

/** A refused check-in's problems as { field: message }, after checking the reply's shape. */
function problems(rt: AddonRuntime, input: CheckInInput): Record<string, string> {
  const result = checkIn(rt, input);
  if (result.status !== 'invalid') throw new Error(`recordCheckIn did not refuse: ${result.message}`);
  const n = result.problems.length;
  expect(result.message).toBe(
    n === 1 ? 'Not saved: one thing needs fixing first.' : `Not saved: ${n} things need fixing first.`,
  );
  const byField: Record<string, string> = {};
  for (const p of result.problems) {
    const key = p.field ?? 'none';
    expect(byField[key], `one problem per field (${key})`).toBeUndefined();
    byField[key] = p.message;
  }
  return byField;
}

/** No A1 reference (Tab!B7, B7) in a message: the refused value was never written anywhere. */
const A1 = /(^|[^A-Za-z])[A-Z]{1,2}\d+\b/;

const isDate = (v: unknown) => Object.prototype.toString.call(v) === '[object Date]';

describe('sidebar server: check-in', () => {
  it('updates Current and Confidence and appends one log row, in constant calls', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const ss = rt.emulator.spreadsheet;
    const kr = loaded(rt, 'SAL-KR1');
    expect(kr.current).toBe(4000000);
    const logBefore = ss.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
    const before = snapshotCells(ss);
    rt.emulator.calls.reset();
    const startedAt = Date.now();

    const result = checkIn(rt, {
      id: 'sal-kr1',
      seen: kr.current,
      value: '4,500,000',
      confidence: '8',
      comment: 'Two big deals moved to proposal',
    });
    // Current (J) and Confidence (M) are not adjacent: two writes, then one for the log row.
    expect(rt.emulator.calls.count('Range.setValues')).toBe(3);
    // One read per tab, then before any write the cells the check-in may change (to undo them
    // if anything fails, §6.3): the key result's row, the log's new row and its value cells.
    expect(rt.emulator.calls.count('Range.getValues')).toBe(10);
    expect(rt.emulator.calls.roundTrips()).toBe(0);

    expect(result.status).toBe('saved');
    if (result.status !== 'saved') return;
    expect(result.message).toBe('Checked in SAL-KR1: $4,000,000 → $4,500,000.');
    // (4.5M − 2M) / (6M − 2M) = 0.625, and the reply already shows it.
    expect(result.saved).toMatchObject({ id: 'SAL-KR1', measure: { current: 4500000, score: 0.625 } });
    // The reply is the row and the log entry, not the workbook.
    expect(result.entry).toMatchObject({
      id: 'SAL-KR1',
      oldValue: 4000000,
      newValue: 4500000,
      confidence: 8,
      comment: 'Two big deals moved to proposal',
      user: USER,
    });

    const department = ss.getSheetByName('Department OKRs');
    expect(department?.getRange('J3').getValue()).toBe(4500000); // Current
    expect(department?.getRange('M3').getValue()).toBe(8); // Confidence
    const log = ss.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
    expect(log).toHaveLength(logBefore.length + 1);
    const [at, ...rest] = log[log.length - 1] ?? [];
    expect(rest).toEqual(['SAL-KR1', 4000000, 4500000, 8, 'Two big deals moved to proposal', USER]);
    expect(isDate(at)).toBe(true);
    expect((at as Date).getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect((at as Date).getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    // Only those cells changed: J3, M3 and the new log row.
    const after = snapshotCells(ss);
    expect(after['Department OKRs']?.values.map((r, i) => (i === 2 ? [] : r))).toEqual(
      before['Department OKRs']?.values.map((r, i) => (i === 2 ? [] : r)),
    );
    for (const tab of ['Corporate OKRs', 'Team OKRs', 'KPIs', 'Settings', 'History'])
      expect(after[tab]).toEqual(before[tab]);
  });

  it('creates the Check-ins tab with its headers when it is missing', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const ss = rt.emulator.spreadsheet;
    ss.deleteSheet(ss.getSheetByName('Check-ins') as GoogleAppsScript.Spreadsheet.Sheet);
    const kr = loaded(rt, 'C-KR7'); // stay below 5 incidents, currently 3
    const result = checkIn(rt, {
      id: 'C-KR7',
      seen: kr.current,
      value: '6',
      confidence: '',
      comment: '=HYPERLINK("javascript:alert(1)")',
    });
    expect(result.status).toBe('saved');
    const log = ss.getSheetByName('Check-ins');
    expect(log?.getFrozenRows()).toBe(1);
    const values = log?.getDataRange().getValues() ?? [];
    expect(values[0]).toEqual(['Timestamp', 'ID', 'Old value', 'New value', 'Confidence', 'Comment', 'User']);
    expect(values.slice(1).map((r) => r.slice(1))).toEqual([
      ['C-KR7', 3, 6, '', '=HYPERLINK("javascript:alert(1)")', USER],
    ]);
    expect(log?.getRange('F2').getFormula()).toBe('');
    // No Confidence typed: the OKR's Confidence cell keeps the 8 of its last check-in.
    expect(ss.getSheetByName('Corporate OKRs')?.getRange('M11').getValue()).toBe(8);
  });

  it('refuses a stale check-in with the fresh value and writes nothing', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const ss = rt.emulator.spreadsheet;
    const kr = loaded(rt, 'SAL-KR1');
    ss.getSheetByName('Department OKRs')?.getRange('J3').setValue(4_200_000); // someone typed in the sheet
    const before = snapshotCells(ss);
    rt.emulator.calls.reset();

    const result = checkIn(rt, { id: 'SAL-KR1', seen: kr.current, value: '4500000', confidence: '7', comment: 'late' });

    expect(result).toMatchObject({
      status: 'stale',
      message:
        "SAL-KR1's Current changed to $4,200,000 since the sidebar loaded it (you saw $4,000,000). " +
        'Nothing was saved: check the new value, then record your check-in again.',
      fresh: { id: 'SAL-KR1', measure: { current: 4200000 } },
    });
    expect(snapshotCells(ss)).toEqual(before);
    expect(rt.emulator.calls.count('Range.setValues')).toBe(0);
  });

  it('refuses values the key result cannot take: every problem at once, keyed to its field, in plain words', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const before = snapshotCells(rt.emulator.spreadsheet);
    const pipeline = loaded(rt, 'SAL-KR1');
    const rollout = loaded(rt, 'PRD-KR1'); // milestone
    const referral = loaded(rt, 'SMB-KR2'); // binary
    const base = { id: 'SAL-KR1', seen: pipeline.current, confidence: '', comment: '' };
    rt.emulator.calls.reset();

    // Three fields wrong at once: all three come back, each at its field.
    const all = problems(rt, { ...base, value: 'lots', confidence: '11', comment: 'x'.repeat(5_001) });
    expect(all).toEqual({
      value: 'New value must be a number (like 42, 1,200 or 45%), not "lots"',
      confidence: 'Confidence must be a number from 0 to 10, not "11"',
      comment: 'Keep the comment to 5,000 characters (it has 5,001)',
    });
    for (const message of Object.values(all)) expect(message).not.toMatch(A1);
    expect(rt.emulator.calls.count('Range.setValues')).toBe(0);

    expect(problems(rt, { ...base, value: '' })).toEqual({ value: 'Enter the new value' });
    expect(problems(rt, { ...base, value: '5', confidence: 'high' })).toEqual({
      confidence: 'Confidence must be a number from 0 to 10, not "high"',
    });
    expect(problems(rt, { ...base, value: '5', confidence: '-1' })).toEqual({
      confidence: 'Confidence must be a number from 0 to 10, not "-1"',
    });
    // A word where the metric wants a number; a number where it wants done or not done.
    expect(problems(rt, { ...base, value: 'done' })).toEqual({
      value: 'New value must be a number (like 42, 1,200 or 45%), not "done"',
    });
    expect(problems(rt, { id: 'SMB-KR2', seen: referral.current, value: '5', confidence: '', comment: '' })).toEqual({
      value: 'New value must be done or not done (yes/no, done/todo, TRUE/FALSE, 1/0, ✓), not "5"',
    });
    expect(problems(rt, { id: 'PRD-KR1', seen: rollout.current, value: '60', confidence: '12', comment: '' })).toEqual({
      value: 'New value must be a fraction from 0 to 1 for a milestone, like 45% or 0.45 (not 60)',
      confidence: 'Confidence must be a number from 0 to 10, not "12"',
    });

    // The item itself, and still every other problem with it.
    expect(problems(rt, { ...base, id: '', seen: '', value: 'lots', confidence: '99' })).toEqual({
      item: 'Choose a key result',
      value:
        'New value must be a number (like 42, 1,200 or 45%) or, for a binary result, done or not done (not "lots")',
      confidence: 'Confidence must be a number from 0 to 10, not "99"',
    });
    expect(problems(rt, { ...base, id: 'SAL-O1', value: '1', confidence: '11' })).toEqual({
      item: 'SAL-O1 is an objective: check-ins update key results',
      confidence: 'Confidence must be a number from 0 to 10, not "11"',
    });
    expect(problems(rt, { ...base, id: 'NOPE-1', value: '1' })).toEqual({
      item: 'There is no OKR with ID "NOPE-1" any more: it was deleted or its ID changed. Reload the sidebar',
    });
    expect(snapshotCells(rt.emulator.spreadsheet)).toEqual(before);
  });

  it('says at the item when its metric cannot take any value, with the value’s own problems', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const ss = rt.emulator.spreadsheet;
    const kr = loaded(rt, 'SAL-KR1');
    ss.getSheetByName('Department OKRs')?.getRange('I3').setValue(''); // Target
    const before = snapshotCells(ss);
    expect(
      problems(rt, { id: 'SAL-KR1', seen: kr.current, value: '4,500,000', confidence: 'ten', comment: '' }),
    ).toEqual({
      item: 'SAL-KR1 cannot be scored (missing target). Fix its metric in the Edit panel first',
      confidence: 'Confidence must be a number from 0 to 10, not "ten"',
    });
    expect(snapshotCells(ss)).toEqual(before);
  });

  it('accepts 45% for a milestone and done for a binary result, and stores comments as text', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const ss = rt.emulator.spreadsheet;
    const rollout = loaded(rt, 'PRD-KR1');
    expect(
      checkIn(rt, { id: 'PRD-KR1', seen: rollout.current, value: '75%', confidence: '9', comment: '-2 blockers left' })
        .status,
    ).toBe('saved');
    expect(ss.getSheetByName('Department OKRs')?.getRange('J6').getValue()).toBe(0.75);
    const log = ss.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
    expect(log[log.length - 1]?.slice(1)).toEqual(['PRD-KR1', 0.6, 0.75, 9, '-2 blockers left', USER]);

    const referral = loaded(rt, 'SMB-KR2'); // yes/no, currently done
    const result = checkIn(rt, {
      id: 'SMB-KR2',
      seen: referral.current,
      value: 'not done',
      confidence: '',
      comment: '',
    });
    expect(result.status === 'saved' && result.saved.measure?.score).toBe(0);
    expect(ss.getSheetByName('Team OKRs')?.getRange('J7').getValue()).toBe('not done');
  });

  it('will not overwrite a Current that is a formula', () => {
    const rt = loadAddon({ timeZone: TZ, user: USER });
    writeSampleWorkbook(rt);
    const cell = rt.emulator.spreadsheet.getSheetByName('Department OKRs')?.getRange('J3');
    cell?.setFormula('=2000000*2');
    const kr = loaded(rt, 'SAL-KR1');
    // The row exists, so the message may say where it is.
    expect(problems(rt, { id: 'SAL-KR1', seen: kr.current, value: '5000000', confidence: '', comment: '' })).toEqual({
      item: 'Current of SAL-KR1 (Department OKRs row 3) is a formula, =2000000*2. Update the cells it reads instead',
    });
    expect(cell?.getFormula()).toBe('=2000000*2');
  });

  it('checks in a KPI’s Actual the same way, and refuses one that changed since it was shown', () => {
    const rt = loadAddon({ timeZone: 'Europe/London' });
    writeSampleWorkbook(rt);
    const kpiTab = () => rt.emulator.spreadsheet.getSheetByName('KPIs') as GoogleAppsScript.Spreadsheet.Sheet;
    const kpis = rt.call('kpiSummaries') as readonly KpiSummary[];
    const mrr = kpis.find((k) => k.id === 'KPI-1');
    expect(mrr?.measure).toMatchObject({ uom: '$', current: 715_000, target: '830000', metricType: 'increase' });
    const stale = checkIn(rt, {
      kind: 'KPI',
      id: 'KPI-1',
      seen: 700_000,
      value: '720000',
      confidence: '',
      comment: '',
    });
    expect(stale).toMatchObject({
      status: 'stale',
      message:
        "KPI-1's Actual changed to $715,000 since the sidebar loaded it (you saw $700,000). Nothing was saved: check the new value, then record your check-in again.",
    });
    // An Actual that is not a number, an unknown KPI, a confidence out of range: each at its field.
    expect(
      problems(rt, { kind: 'KPI', id: 'KPI-1', seen: 715_000, value: 'about 720k', confidence: '10.5', comment: '' }),
    ).toEqual({
      value: 'New value must be a number (like 42, 1,200 or 45%), not "about 720k"',
      confidence: 'Confidence must be a number from 0 to 10, not "10.5"',
    });
    expect(problems(rt, { kind: 'KPI', id: '', seen: '', value: '', confidence: '', comment: '' })).toEqual({
      item: 'Choose a KPI',
      value: 'Enter the new value',
    });
    expect(problems(rt, { kind: 'KPI', id: 'KPI-404', seen: 1, value: '2', confidence: '', comment: '' })).toEqual({
      item: 'There is no KPI with ID "KPI-404" any more: it was deleted or its ID changed. Reload the sidebar',
    });
    expect(kpiTab().getRange('I2').getValue()).toBe(715_000);
    const saved = checkIn(rt, {
      kind: 'KPI',
      id: 'KPI-1',
      seen: 715_000,
      value: '$0.75M',
      confidence: '6',
      comment: 'ok',
    });
    expect(saved).toMatchObject({ status: 'saved', message: 'Checked in KPI-1: $715,000 → $750,000.' });
    expect(saved.status === 'saved' && saved.saved).toMatchObject({ kind: 'KPI', id: 'KPI-1' });
    expect(kpiTab().getRange('I2').getValue()).toBe(750_000);
    expect(kpiTab().getRange('I2').getDisplayValue()).toBe('$750,000');
  });
});

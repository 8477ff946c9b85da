import { describe, expect, it } from 'vitest';
import {
  checkRhythmInput,
  isEmailAddress,
  MAX_RECIPIENTS,
  readRhythmRecord,
  readRhythmSettings,
} from '../../../src/core/rhythm/settings';
import { DEFAULT_RHYTHM } from '../../../src/shared/rhythm-api';

const INPUT = {
  enabled: true,
  day: 'monday',
  hour: '09',
  recipients: 'a@example.com; B@example.com\nA@example.com',
  remindOwners: true,
};

describe('rhythm settings', () => {
  it('checks the dialog input again: day, hour, addresses once each', () => {
    expect(checkRhythmInput(INPUT)).toEqual({
      ok: true,
      value: {
        enabled: true,
        day: 'MONDAY',
        hour: 9,
        recipients: ['a@example.com', 'B@example.com'],
        remindOwners: true,
      },
    });
    expect(checkRhythmInput({ ...INPUT, enabled: 'yes', remindOwners: 1 })).toMatchObject({
      ok: true,
      value: { enabled: false, remindOwners: false },
    });
  });

  it('refuses what the page should never send', () => {
    expect(checkRhythmInput(null)).toEqual({ ok: false, error: 'Not saved: the dialog sent nothing readable.' });
    expect(checkRhythmInput({ ...INPUT, day: 'Funday' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/day of the week/),
    });
    for (const hour of [24, -1, 9.5, '9am', '']) {
      expect(checkRhythmInput({ ...INPUT, hour })).toMatchObject({
        ok: false,
        error: expect.stringMatching(/from 0 to 23/),
      });
    }
    expect(checkRhythmInput({ ...INPUT, recipients: 'Dana Reyes, x@y' })).toEqual({
      ok: false,
      error: 'Not saved: "Dana Reyes", "x@y" are not email addresses.',
    });
    const many = Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => `p${i}@example.com`).join(',');
    expect(checkRhythmInput({ ...INPUT, recipients: many })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 25/),
    });
  });

  it('knows a plain address from a name or a display form', () => {
    expect(isEmailAddress('dana.reyes+okr@northwind.example')).toBe(true);
    for (const text of [
      'Dana Reyes',
      'dana@',
      '@northwind.example',
      'Dana <dana@northwind.example>',
      'dana@localhost',
      'a b@c.de',
    ]) {
      expect(isEmailAddress(text), text).toBe(false);
    }
  });

  it('reads stored settings and record, defaulting anything unreadable', () => {
    expect(readRhythmSettings(null)).toEqual(DEFAULT_RHYTHM);
    expect(readRhythmSettings('{not json')).toEqual(DEFAULT_RHYTHM);
    expect(
      readRhythmSettings(JSON.stringify({ enabled: true, day: 'FRIDAY', hour: 99, recipients: ['a@b.co', 'nope', 3] })),
    ).toEqual({
      ...DEFAULT_RHYTHM,
      enabled: true,
      day: 'FRIDAY',
      recipients: ['a@b.co'],
    });
    expect(readRhythmRecord(JSON.stringify({ setUpBy: 'x' }))).toBeNull();
    expect(
      readRhythmRecord(
        JSON.stringify({
          setUpBy: 'x@y.co',
          setUpAt: '2027-03-03T15:00:00.000Z',
          triggerId: '42',
          day: 'MONDAY',
          hour: 9,
          timeZone: 'Europe/Paris',
          lastRun: { at: 'now', ok: 'yes' },
        }),
      ),
    ).toEqual({
      setUpBy: 'x@y.co',
      setUpAt: '2027-03-03T15:00:00.000Z',
      triggerId: '42',
      day: 'MONDAY',
      hour: 9,
      timeZone: 'Europe/Paris',
      lastRun: null,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { setupServices } from './support.js';

const { Utilities, env } = setupServices();
const fmt = (iso: string, zone: string, pattern: string) => Utilities.formatDate(new Date(iso), zone, pattern);

describe('Utilities.formatDate', () => {
  it('follows DST in America/Los_Angeles (spring forward 2027-03-14 10:00 UTC)', () => {
    const p = 'yyyy-MM-dd HH:mm:ss z Z XXX';
    expect(fmt('2027-03-14T09:59:59Z', 'America/Los_Angeles', p)).toBe('2027-03-14 01:59:59 PST -0800 -08:00');
    expect(fmt('2027-03-14T10:00:00Z', 'America/Los_Angeles', p)).toBe('2027-03-14 03:00:00 PDT -0700 -07:00');
    // Fall back 2027-11-07 09:00 UTC: 01:30 happens twice.
    expect(fmt('2027-11-07T08:30:00Z', 'America/Los_Angeles', 'h:mm a Z')).toBe('1:30 AM -0700');
    expect(fmt('2027-11-07T09:30:00Z', 'America/Los_Angeles', 'h:mm a Z')).toBe('1:30 AM -0800');
  });

  it('follows DST in Pacific/Auckland (ends 2027-04-04 03:00 NZDT = 2027-04-03 14:00 UTC)', () => {
    expect(fmt('2027-04-03T13:59:00Z', 'Pacific/Auckland', 'yyyy-MM-dd HH:mm XXX')).toBe('2027-04-04 02:59 +13:00');
    expect(fmt('2027-04-03T14:00:00Z', 'Pacific/Auckland', 'yyyy-MM-dd HH:mm XXX')).toBe('2027-04-04 02:00 +12:00');
    expect(fmt('2027-09-25T14:00:00Z', 'Pacific/Auckland', 'EEE d MMM HH:mm Z')).toBe('Sun 26 Sep 03:00 +1300');
  });

  it('crosses a year end by zone', () => {
    const instant = '2026-12-31T23:30:00Z';
    expect(fmt(instant, 'Pacific/Auckland', 'yyyy-MM-dd EEEE')).toBe('2027-01-01 Friday');
    expect(fmt(instant, 'America/Los_Angeles', 'yy/M/d EEEE MMMM')).toBe('26/12/31 Thursday December');
    expect(fmt(instant, 'UTC', "dd MMM yyyy 'at' HH:mm:ss.SSS X")).toBe('31 Dec 2026 at 23:30:00.000 Z');
  });

  it('handles 12-hour clocks, quotes and fixed-offset zones', () => {
    expect(fmt('2027-01-15T00:05:07.042Z', 'UTC', "h 'o''clock' a, hh:mm:ss.SSS, H, k, K, ''")).toBe(
      "12 o'clock AM, 12:05:07.042, 0, 24, 0, '",
    );
    expect(fmt('2027-01-15T13:00:00Z', 'GMT+05:30', 'HH:mm Z z')).toBe('18:30 +0530 GMT+05:30');
    expect(fmt('2027-01-15T13:00:00Z', 'Asia/Kolkata', 'HH:mm X XX')).toBe('18:30 +05 +0530');
  });

  it('counts days and weeks as Java does in en_US', () => {
    expect(fmt('2027-12-29T12:00:00Z', 'UTC', 'D w Y u F')).toBe('363 1 2028 3 5');
    expect(fmt('2027-01-02T12:00:00Z', 'UTC', 'D w W')).toBe('2 1 1');
  });

  it('accepts dates from another realm and rejects bad input', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext('new Date(Date.UTC(2027, 0, 1))') as Date;
    expect(Utilities.formatDate(foreign, 'UTC', 'yyyy-MM-dd')).toBe('2027-01-01');
    expect(() => Utilities.formatDate(new Date(), 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => Utilities.formatDate(new Date(), 'Mars/Olympus', 'yyyy')).toThrow(/unknown time zone 'Mars\/Olympus'/);
    expect(() => Utilities.formatDate('2027' as unknown as Date, 'UTC', 'yyyy')).toThrow(/expects a Date/);
  });
});

describe('Utilities', () => {
  it('formats strings like sprintf', () => {
    expect(Utilities.formatString('%s scored %.2f (%d%%) %5s|%-4d|%03d', 'KR-1', 0.756, 75.6, 'x', 7, 5)).toBe(
      'KR-1 scored 0.76 (75%)     x|7   |005',
    );
  });

  it('encodes base64, makes UUIDs and counts sleeps without waiting', () => {
    expect(Utilities.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    expect(Utilities.base64Decode('/w==')).toEqual([-1]);
    expect(Utilities.base64EncodeWebSafe([-5, -1])).toBe('-_8=');
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const before = env.calls.count('Utilities.sleep');
    Utilities.sleep(1000);
    expect(env.calls.count('Utilities.sleep')).toBe(before + 1);
    expect(Utilities._sleptMs).toBe(1000);
    expect(() => Utilities.sleep(300_001)).toThrow(/0 to 300000/);
  });

  it('computes digests as signed bytes', () => {
    const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
    expect(bytes).toHaveLength(32);
    expect(bytes[0]).toBe(-70); // 0xba
  });
});

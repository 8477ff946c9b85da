import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../local/emulator/spreadsheet/formats';
import {
  decimalsFor,
  formatInUnit,
  formatPercent,
  formatPoints,
  measureOf,
  numberFormatFor,
} from '../../../src/core/units';

describe('measureOf (§1.2)', () => {
  it('tells percent, currency and other units apart, trimmed', () => {
    expect(measureOf(' % ')).toEqual({ kind: 'percent', unit: '%' });
    expect(measureOf('€')).toEqual({ kind: 'currency', unit: '€' });
    expect(measureOf('customers')).toEqual({ kind: 'number', unit: 'customers' });
    expect(measureOf('')).toEqual({ kind: 'number', unit: '' });
  });
});

describe('numberFormatFor: a row’s Sheets number format', () => {
  it.each<[string, unknown[], string]>([
    ['%', [0.03, 0.015, 0.024], '0.0%'],
    ['%', [1.1, 1.12], '0%'],
    ['%', [0.999, 0.9995], '0.00%'],
    ['%', [], '0%'],
    ['$', [8_000_000, 10_000_000, 8_600_000], '"$"#,##0'],
    ['€', [1200.5], '"€"#,##0.00'],
    ['£', ['1,200.25'], '"£"#,##0.00'],
    ['hours', [8, 2, 5], '#,##0'],
    ['', [2.5], '#,##0.0'],
    ['days', ['done', '', null], '#,##0'],
  ])('%j with %j is %j', (uom, values, format) => {
    expect(numberFormatFor(uom, values)).toBe(format);
  });

  it('puts a unit after the number only where a report asks for it', () => {
    expect(numberFormatFor('incidents', [3])).toBe('#,##0');
    expect(numberFormatFor('incidents', [3], { withUnit: true })).toBe('#,##0" incidents"');
    expect(numberFormatFor('%', [0.5], { withUnit: true })).toBe('0%');
    expect(numberFormatFor('say "hi"', [1], { withUnit: true })).toBe('#,##0" say "\\""hi"\\"');
  });

  it('caps decimals at two', () => {
    expect(decimalsFor(measureOf(''), [1 / 3])).toBe(2);
    expect(decimalsFor(measureOf('%'), [0.12345])).toBe(2);
  });

  // The emulator's formatter follows Sheets' format language; it shows what a user sees.
  it.each<[number, string, unknown[], string]>([
    [0.024, '%', [0.03, 0.015, 0.024], '2.4%'],
    [1.1, '%', [1.1, 1.12], '110%'],
    [8_600_000, '$', [8_600_000], '$8,600,000'],
    [-1200.5, '€', [-1200.5], '-€1,200.50'],
    [3, 'incidents', [3], '3 incidents'],
    [12_345, '', [12_345], '12,345'],
  ])('%j in %j displays as %j', (value, uom, values, shown) => {
    expect(formatValue(value, numberFormatFor(uom, values, { withUnit: true }), 'UTC')).toBe(shown);
  });

  it('reads "1 hour" for a whole 1 and keeps the plural for any other value', () => {
    const one = numberFormatFor('hours', [1, 8], { withUnit: true, one: true });
    expect(formatValue(1, one, 'UTC')).toBe('1 hour');
    expect(formatValue(8, numberFormatFor('hours', [1, 8], { withUnit: true }), 'UTC')).toBe('8 hours');
    expect(formatValue(1, numberFormatFor('hours', [1, 2.5], { withUnit: true, one: true }), 'UTC')).toBe('1.0 hours');
  });
});

describe('formatInUnit: a value as a message shows it', () => {
  it.each<[unknown, string, string]>([
    [8_600_000, '$', '$8,600,000'],
    [0.024, '%', '2.4%'],
    [0.9995, '%', '99.95%'],
    [1.1, '%', '110%'],
    [-1200.5, '€', '-€1,200.50'],
    [3, 'incidents', '3 incidents'],
    [1234.567, '', '1,234.57'],
    ['$9.4M', '$', '$9,400,000'],
    ['45%', '%', '45%'],
    ['done', '', 'done'],
    ['shipped', 'milestone', 'shipped milestone'],
    ['', '$', ''],
    [null, '%', ''],
    [true, '', 'TRUE'],
    [-0.001, '$', '$0'],
    [1, 'hours', '1 hour'],
    [-1, 'new customers', '-1 new customer'],
    [1, 'deliveries', '1 deliveries'],
    [1, 'processes', '1 processes'],
    [1, 'news', '1 news'],
    [1, 'minutes', '1 minute'],
    [1, 'days', '1 day'],
    [1.5, 'hours', '1.5 hours'],
    [1, 'NPS', '1 NPS'],
    [1, 'status', '1 status'],
  ])('%j in %j is %j', (value, uom, text) => {
    expect(formatInUnit(value, uom)).toBe(text);
  });
});

describe('scores and changes of score', () => {
  it('shows scores as whole percents and changes in percentage points', () => {
    expect(formatPercent(0.546875)).toBe('55%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPoints(0.3)).toBe('+30 pts');
    expect(formatPoints(-0.05)).toBe('−5 pts');
    expect(formatPoints(0.001)).toBe('±0 pts');
  });
});

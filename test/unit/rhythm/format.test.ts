import { describe, expect, it } from 'vitest';
import { escapeHtml, oneLine, percent, points, valueInUnit } from '../../../src/core/rhythm/format';

describe('rhythm formatting', () => {
  it('shows a value in its unit of measure', () => {
    expect(valueInUnit(8_600_000, '$')).toBe('$8,600,000');
    expect(valueInUnit(-1200.5, '€')).toBe('-€1,200.50');
    expect(valueInUnit(1.12, '%')).toBe('112%');
    expect(valueInUnit(0.9995, '%')).toBe('99.95%');
    expect(valueInUnit(3, 'incidents')).toBe('3 incidents');
    expect(valueInUnit(2.5, '')).toBe('2.5');
    expect(valueInUnit(true, '')).toBe('done');
    expect(valueInUnit('', '$')).toBe('no value yet');
    expect(valueInUnit('shipped', 'milestone')).toBe('shipped milestone');
  });

  it('shows scores and changes in points', () => {
    expect(percent(0.546875)).toBe('55%');
    expect(percent(null)).toBe('—');
    expect(points(0.2)).toBe('+20 pts');
    expect(points(-0.05)).toBe('−5 pts');
  });

  it('escapes text for HTML and flattens it for subjects', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;',
    );
    expect(oneLine('Northwind\r\nBcc: evil@x.co\tInc')).toBe('Northwind Bcc: evil@x.co Inc');
    expect(oneLine('x'.repeat(10), 5)).toBe('xxxx…');
  });
});

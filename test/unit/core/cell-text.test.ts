import { describe, expect, it } from 'vitest';
import { boundedKey, fitCell, fitCellText, MAX_CELL_TEXT } from '../../../src/core/cell-text';

describe('text copied into a cell fits in it (§6.3)', () => {
  it('keeps text that fits, cuts longer text to 50,000 characters ending in an ellipsis', () => {
    expect(fitCellText('short')).toBe('short');
    const exact = 'a'.repeat(MAX_CELL_TEXT);
    expect(fitCellText(exact)).toBe(exact);
    const cut = fitCellText(`    ${exact}`);
    expect(cut).toHaveLength(MAX_CELL_TEXT);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('    aaa')).toBe(true);
  });

  it('never splits a character written as two UTF-16 units', () => {
    const text = `${'a'.repeat(MAX_CELL_TEXT - 2)}😀tail`;
    const cut = fitCellText(text);
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_TEXT);
    expect(cut).toBe(`${'a'.repeat(MAX_CELL_TEXT - 2)}…`);
  });

  it('leaves numbers, dates and blanks alone', () => {
    const day = new Date(0);
    expect(fitCell(42)).toBe(42);
    expect(fitCell(day)).toBe(day);
    expect(fitCell('')).toBe('');
  });
});

describe('keys stay short whatever the text', () => {
  it('keeps short text, and stands a hash of the whole for the rest of long text', () => {
    expect(boundedKey('sales')).toBe('sales');
    const a = boundedKey(`${'u'.repeat(200)}a`);
    const b = boundedKey(`${'u'.repeat(200)}b`);
    expect(a).toHaveLength(100);
    expect(b).toHaveLength(100);
    expect(a).not.toBe(b);
    expect(boundedKey(`${'u'.repeat(200)}a`)).toBe(a);
  });
});

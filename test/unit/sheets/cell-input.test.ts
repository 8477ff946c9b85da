import { describe, expect, it } from 'vitest';
import { cellInput } from '../../../src/sheets/cells';

describe('cellInput: text that Sheets would read as something else goes in behind an apostrophe', () => {
  it('marks formulas, numbers, currency amounts and booleans as text', () => {
    for (const text of [
      '=SUM(A1)',
      '+1',
      '-5',
      '@home',
      "'quoted",
      '−5',
      '$5',
      '€3',
      '£2',
      '¥1',
      '.5',
      '12 units',
      ' 7',
      ' TRUE ',
      'false',
      'True',
    ]) {
      expect(cellInput(text)).toBe(`'${text}`);
    }
  });

  it('leaves other text, non-text, plain-text cells and formulas as they are', () => {
    for (const text of ['Grow revenue', 'True story', 'C-KR1', '', 'falsehood']) expect(cellInput(text)).toBe(text);
    expect(cellInput(5)).toBe(5);
    expect(cellInput('=x', '', '@')).toBe('=x');
    expect(cellInput('shown', '=A1')).toBe('=A1');
  });
});

/**
 * §6.3 a cell holds at most 50,000 characters: Sheets refuses the whole write otherwise
 * ("Your input contains more than the maximum of 50000 characters in a single cell."). Text
 * the add-on copies into a cell — a title indented in the Roll-up, a value quoted in a
 * finding, a unit in the rollout plan — is cut to fit, with an ellipsis.
 */

export const MAX_CELL_TEXT = 50_000;
const ELLIPSIS = '…';

/** `text` when it fits in a cell, else its start and an ellipsis, `max` characters in all. */
export function fitCellText(text: string, max = MAX_CELL_TEXT): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  // Never split a character written as two UTF-16 units (an emoji, say).
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** Any cell value with its text fitted; numbers, dates and blanks as they are. */
export function fitCell<T>(value: T): T | string {
  return typeof value === 'string' ? fitCellText(value) : value;
}

/**
 * A short, stable stand-in for text of any length, for keys: the text itself when short,
 * else its start and a hash of the whole, so two long names that share a start still differ.
 */
export function boundedKey(text: string, max = 100): string {
  if (text.length <= max) return text;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const tail = `…#${hash.toString(36)}`;
  return fitCellText(text, max - tail.length + 1).slice(0, -1) + tail;
}

/**
 * The few HTML pieces the rhythm's emails are made of. Every argument named `text` is a
 * user's or a report's plain text and is escaped here; only these functions write markup.
 * Inline styles only, and no images: mail clients block remote content, and a tracking
 * pixel has no place in a status email.
 */
import { escapeHtml } from './format';

/** Escaped HTML, so raw text and markup cannot be mixed up by accident. */
export interface Html {
  readonly html: string;
}

export const raw = (html: string): Html => ({ html });
export const textHtml = (text: string): Html => raw(escapeHtml(text));

const STATUS_BACKGROUND: Readonly<Record<string, string>> = {
  Done: '#cfe2f3',
  'On track': '#d9ead3',
  Behind: '#fff2cc',
  'At risk': '#f4cccc',
};

export function heading(text: string): Html {
  return raw(`<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(text)}</h2>`);
}

export function paragraph(...parts: (string | Html)[]): Html {
  const inner = parts.map((p) => (typeof p === 'string' ? escapeHtml(p) : p.html)).join('');
  return raw(`<p style="margin:8px 0">${inner}</p>`);
}

export function bold(text: string): Html {
  return raw(`<strong>${escapeHtml(text)}</strong>`);
}

/** A status as a tinted label; any other text (an error) as it is. */
export function statusBadge(text: string): Html {
  const background = STATUS_BACKGROUND[text];
  if (background === undefined) return textHtml(text);
  return raw(`<span style="background:${background};padding:1px 6px;border-radius:3px">${escapeHtml(text)}</span>`);
}

/** A table of cells: strings are escaped, Html cells are placed as they are. */
export function table(headers: readonly string[], rows: readonly (readonly (string | Html)[])[]): Html {
  const th = headers
    .map((h) => `<th style="text-align:left;padding:4px 8px;border-bottom:1px solid #dadce0">${escapeHtml(h)}</th>`)
    .join('');
  const body = rows
    .map(
      (cells) =>
        `<tr>${cells
          .map(
            (c) =>
              `<td style="padding:4px 8px;vertical-align:top">${typeof c === 'string' ? escapeHtml(c) : c.html}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  return raw(
    `<table style="border-collapse:collapse;font-size:13px"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`,
  );
}

export function list(items: readonly (string | Html)[]): Html {
  const li = items.map((i) => `<li>${typeof i === 'string' ? escapeHtml(i) : i.html}</li>`).join('');
  return raw(`<ul style="margin:4px 0;padding-left:20px">${li}</ul>`);
}

/**
 * A link to the spreadsheet. Only an https address is linked (Spreadsheet.getUrl gives
 * one); anything else is shown as text, so no other scheme can reach an href.
 */
export function link(url: string, text: string): Html {
  if (!/^https:\/\/[^\s"'<>]+$/.test(url)) return textHtml(text);
  return raw(`<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`);
}

export function document(title: string, parts: readonly Html[]): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>',
    escapeHtml(title),
    '</title></head><body style="font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:14px;line-height:1.4">',
    ...parts.map((p) => p.html),
    '</body></html>',
  ].join('');
}

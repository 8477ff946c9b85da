/**
 * §4.7 the owner reminder and the failure notice, each with a plain and an HTML body.
 * User text is escaped in the HTML (html.ts) and kept to one line in subjects. Pure.
 */
import { count, isoDay, oneLine, percent, valueInUnit } from './format';
import { bold, document, type Html, heading, link, paragraph, statusBadge, table } from './html';
import { daysSinceCheckIn, STALE_AFTER_DAYS, type TrackedItem } from './items';
import type { Reminder } from './plan';

export interface Email {
  readonly subject: string;
  /** Plain text, for clients that show no HTML. */
  readonly body: string;
  readonly htmlBody: string;
}

export interface MailContext {
  /** What the workbook is about: the Settings' Company, else the spreadsheet's name. */
  readonly title: string;
  /** Spreadsheet.getUrl(). */
  readonly url: string;
  /** Now, as a Sheets serial in the spreadsheet's zone. */
  readonly now: number;
}

export const SENDER_NAME = 'OKR Cascade';

const HOW_TO_CHECK_IN = 'Record a check-in in the spreadsheet: Extensions ▸ OKR Cascade ▸ Open sidebar ▸ Check-in.';

export function lastCheckInText(item: TrackedItem, now: number): string {
  const days = daysSinceCheckIn(item, now);
  if (item.lastCheckIn === null || days === null) return 'never';
  return `${isoDay(item.lastCheckIn)} (${count(days, 'day')} ago)`;
}

/** `C-KR1 · Grow revenue (key result)`: how an item is named in plain text. */
export function itemLine(item: TrackedItem): string {
  return `${item.id} · ${item.title} (${item.kind === 'KPI' ? 'KPI' : 'key result'})`;
}

export function itemRows(items: readonly TrackedItem[], now: number): (string | Html)[][] {
  return items.map((item) => [
    item.id,
    item.title,
    item.kind,
    valueInUnit(item.value, item.uom),
    percent(item.score),
    statusBadge(item.status === '' ? '—' : item.status),
    lastCheckInText(item, now),
  ]);
}

export const ITEM_HEADERS = ['ID', 'Title', 'Kind', 'Value', 'Score', 'Status', 'Last check-in'];

export function reminderEmail(reminder: Reminder, context: MailContext): Email {
  const { items } = reminder;
  const title = oneLine(context.title);
  const what = count(items.length, 'item');
  const intro = `These key results and KPIs you own in ${context.title} have had no check-in for ${STALE_AFTER_DAYS} days or more:`;
  const body = [
    'Hello,',
    '',
    intro,
    '',
    ...items.flatMap((item) => [
      `• ${itemLine(item)}`,
      `  Value: ${valueInUnit(item.value, item.uom)} · Score: ${percent(item.score)} · Status: ${item.status || '—'} · Last check-in: ${lastCheckInText(item, context.now)}`,
    ]),
    '',
    HOW_TO_CHECK_IN,
    context.url,
    '',
    `— ${SENDER_NAME}, weekly rhythm`,
  ].join('\n');
  const htmlBody = document(`Check-in reminder: ${title}`, [
    paragraph('Hello,'),
    paragraph(intro),
    table(ITEM_HEADERS, itemRows(items, context.now)),
    paragraph(HOW_TO_CHECK_IN),
    paragraph(link(context.url, `Open ${context.title}`)),
    paragraph(`— ${SENDER_NAME}, weekly rhythm`),
  ]);
  return { subject: oneLine(`Check-in due: ${what} in ${title}`, 200), body, htmlBody };
}

export interface Failure {
  /** What failed, as a person reads it. */
  readonly what: string;
  /** What the run changed in the workbook before it failed ("Nothing was changed." when nothing). */
  readonly changed: string;
}

export function failureEmail(failure: Failure, context: MailContext): Email {
  const title = oneLine(context.title);
  const intro = `The weekly rhythm of ${context.title} ran on ${isoDay(context.now)} and did not finish.`;
  const advice =
    'It runs again next week. To run it now, fix what is described above, then use Extensions ▸ OKR Cascade ▸ Record snapshot; to stop these runs, turn the rhythm off in Extensions ▸ OKR Cascade ▸ Weekly rhythm….';
  const body = [
    intro,
    '',
    `What failed: ${failure.what}`,
    '',
    `What changed: ${failure.changed}`,
    '',
    advice,
    context.url,
    '',
    `— ${SENDER_NAME}, weekly rhythm`,
  ].join('\n');
  const htmlBody = document(`Weekly run failed: ${title}`, [
    heading('The weekly run did not finish'),
    paragraph(intro),
    paragraph(bold('What failed: '), failure.what),
    paragraph(bold('What changed: '), failure.changed),
    paragraph(advice),
    paragraph(link(context.url, `Open ${context.title}`)),
  ]);
  return { subject: oneLine(`OKR Cascade: the weekly run of ${title} failed`, 200), body, htmlBody };
}

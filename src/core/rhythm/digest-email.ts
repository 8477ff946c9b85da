/**
 * §4.7 the weekly digest: headline score, what moved since the last snapshot, what is at
 * risk, what is stale, the rollout-plan activities due next, and who was not reminded.
 * A plain and an HTML body from the same sections. Pure.
 */
import { STATUSES } from '../status';
import type { DigestFigures } from './digest';
import { type Email, ITEM_HEADERS, itemLine, itemRows, lastCheckInText, type MailContext, SENDER_NAME } from './email';
import { count, isoDay, oneLine, percent, points } from './format';
import { bold, document, type Html, heading, link, list, paragraph, table, textHtml } from './html';
import { STALE_AFTER_DAYS, type TrackedItem } from './items';
import type { NotReminded, WeeklyPlan } from './plan';
import type { DueActivity } from './rollout-due';

export interface DigestInput {
  readonly figures: DigestFigures;
  readonly stale: readonly TrackedItem[];
  /** null when the workbook has no rollout plan. */
  readonly activities: readonly DueActivity[] | null;
  readonly plan: WeeklyPlan;
  readonly cycleName: string;
  /** What Record snapshot did this run, in one line. */
  readonly snapshot: string;
}

/** Long lists are cut: the digest is read in a minute, the spreadsheet has the rest. */
export const LIMITS = { moved: 10, atRisk: 15, stale: 25, activities: 10 } as const;

interface Section {
  readonly title: string;
  readonly text: string[];
  readonly html: Html[];
}

function more(total: number, shown: number): string[] {
  return total > shown ? [`…and ${total - shown} more in the spreadsheet.`] : [];
}

function headline(figures: DigestFigures): Section {
  const counts = STATUSES.map((s) => `${s}: ${figures.statusCounts[s]}`).join(' · ');
  const score = `Company score: ${percent(figures.score)}`;
  return { title: 'Where we stand', text: [score, counts], html: [paragraph(bold(score)), paragraph(counts)] };
}

function moved(figures: DigestFigures): Section {
  const title = 'What moved since the last snapshot';
  if (figures.previousSnapshot === null) {
    const none = 'There is no earlier snapshot to compare with yet: next week’s digest shows what moved.';
    return { title, text: [none], html: [paragraph(none)] };
  }
  const since = `Compared with the snapshot of ${isoDay(figures.previousSnapshot)}.`;
  if (figures.moved.length === 0) {
    const none = `${since} No score changed.`;
    return { title, text: [none], html: [paragraph(none)] };
  }
  const shown = figures.moved.slice(0, LIMITS.moved);
  const line = (m: (typeof shown)[number]) =>
    `${m.id} · ${m.title}: ${percent(m.previous)} → ${percent(m.score)} (${points(m.delta)})`;
  return {
    title,
    text: [since, ...shown.map((m) => `• ${line(m)}`), ...more(figures.moved.length, shown.length)],
    html: [
      paragraph(since),
      table(
        ['ID', 'Title', 'Level', 'Before', 'Now', 'Change'],
        shown.map((m) => [m.id, m.title, m.level, percent(m.previous), percent(m.score), points(m.delta)]),
      ),
      ...more(figures.moved.length, shown.length).map((t) => paragraph(t)),
    ],
  };
}

function atRisk(figures: DigestFigures): Section {
  const title = 'At risk';
  if (figures.atRisk.length === 0) {
    const none = 'Nothing is at risk.';
    return { title, text: [none], html: [paragraph(none)] };
  }
  const shown = figures.atRisk.slice(0, LIMITS.atRisk);
  const owner = (o: string) => (o === '' ? 'no owner' : o);
  return {
    title,
    text: [
      ...shown.map((r) => `• ${r.id} · ${r.title} (${r.kind}, ${owner(r.owner)}): ${percent(r.score)}`),
      ...more(figures.atRisk.length, shown.length),
    ],
    html: [
      table(
        ['ID', 'Title', 'Kind', 'Owner', 'Score'],
        shown.map((r) => [r.id, r.title, r.kind, owner(r.owner), percent(r.score)]),
      ),
      ...more(figures.atRisk.length, shown.length).map((t) => paragraph(t)),
    ],
  };
}

function stale(items: readonly TrackedItem[], now: number): Section {
  const title = `No check-in for ${STALE_AFTER_DAYS} days`;
  if (items.length === 0) {
    const none = 'No key result or KPI is due a check-in this week.';
    return { title, text: [none], html: [paragraph(none)] };
  }
  const shown = items.slice(0, LIMITS.stale);
  const owner = (o: string) => (o === '' ? 'no owner' : o);
  return {
    title,
    text: [
      ...shown.map((i) => `• ${itemLine(i)}, ${owner(i.owner)}; last check-in: ${lastCheckInText(i, now)}`),
      ...more(items.length, shown.length),
    ],
    html: [
      table(
        ['Owner', ...ITEM_HEADERS],
        itemRows(shown, now).map((cells, k) => [owner(shown[k]?.owner ?? ''), ...cells]),
      ),
      ...more(items.length, shown.length).map((t) => paragraph(t)),
    ],
  };
}

function activities(due: readonly DueActivity[] | null): Section | null {
  if (due === null) return null;
  const title = 'Rollout plan: due next';
  if (due.length === 0) {
    const none = 'No rollout activity is overdue or due in the coming week.';
    return { title, text: [none], html: [paragraph(none)] };
  }
  const shown = due.slice(0, LIMITS.activities);
  const when = (a: DueActivity) =>
    a.overdue ? `overdue since ${isoDay(a.end)}` : `${isoDay(a.start)} to ${isoDay(a.end)}`;
  const who = (a: DueActivity) => [a.unit, a.owner].filter((p) => p !== '').join(', ');
  return {
    title,
    text: [
      ...shown.map((a) => `• ${a.activity}${who(a) === '' ? '' : ` (${who(a)})`}: ${when(a)}`),
      ...more(due.length, shown.length),
    ],
    html: [
      table(
        ['Activity', 'Unit', 'Owner', 'When'],
        shown.map((a) => [a.activity, a.unit, a.owner, when(a)]),
      ),
      ...more(due.length, shown.length).map((t) => paragraph(t)),
    ],
  };
}

const REASONS: Readonly<Record<NotReminded['reason'], string>> = {
  'not an email address': 'the Owner cell is a name, not an email address',
  'no owner': 'no Owner',
  'mail quota': "today's mail quota ran out",
};

function reminders(plan: WeeklyPlan): Section {
  const title = 'Reminders';
  if (plan.remindersOff) {
    const off = 'Owner reminders are off.';
    return { title, text: [off], html: [paragraph(off)] };
  }
  const sent =
    plan.reminders.length === 0
      ? 'No owner needed a reminder.'
      : `Reminded: ${plan.reminders.map((r) => r.email).join(', ')}.`;
  const lines = plan.notReminded.map(
    (n) => `${n.owner === '' ? '(no owner)' : n.owner}: ${count(n.items.length, 'item')}, ${REASONS[n.reason]}`,
  );
  const intro = 'Not reminded:';
  return {
    title,
    text: [sent, ...(lines.length === 0 ? [] : [intro, ...lines.map((l) => `• ${l}`)])],
    html: [paragraph(sent), ...(lines.length === 0 ? [] : [paragraph(intro), list(lines)])],
  };
}

function quotaNote(plan: WeeklyPlan): Section | null {
  if (plan.digestNotSent.length === 0) return null;
  const note = `Today's mail quota ran out before this digest reached: ${plan.digestNotSent.join(', ')}.`;
  return { title: 'Mail quota', text: [note], html: [paragraph(note)] };
}

export function digestEmail(input: DigestInput, context: MailContext): Email {
  const day = isoDay(context.now);
  const subtitle = [context.title, input.cycleName, `week of ${day}`].filter((p) => p !== '').join(' · ');
  const sections = [
    headline(input.figures),
    moved(input.figures),
    atRisk(input.figures),
    stale(input.stale, context.now),
    activities(input.activities),
    reminders(input.plan),
    quotaNote(input.plan),
  ].filter((s): s is Section => s !== null);
  const body = [
    `Weekly OKR digest: ${subtitle}`,
    input.snapshot,
    ...sections.flatMap((s) => ['', s.title.toUpperCase(), ...s.text]),
    '',
    context.url,
    '',
    `— ${SENDER_NAME}, weekly rhythm`,
  ].join('\n');
  const htmlBody = document(`Weekly OKR digest: ${oneLine(context.title)}`, [
    heading('Weekly OKR digest'),
    paragraph(subtitle),
    paragraph(input.snapshot),
    ...sections.flatMap((s) => [heading(s.title), ...s.html]),
    paragraph(link(context.url, `Open ${context.title}`)),
    paragraph(textHtml(`— ${SENDER_NAME}, weekly rhythm`)),
  ]);
  return { subject: oneLine(`Weekly OKR digest: ${context.title}, ${day}`, 200), body, htmlBody };
}

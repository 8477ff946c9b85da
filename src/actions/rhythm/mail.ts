/**
 * The week's emails (§4.7): the digest first, then one reminder per owner, within the
 * day's quota, which is checked before anything is sent. Sending runs after the snapshot
 * and writes nothing to the workbook.
 */
import { digestFigures } from '../../core/rhythm/digest';
import { digestEmail } from '../../core/rhythm/digest-email';
import { type Email, type MailContext, reminderEmail, SENDER_NAME } from '../../core/rhythm/email';
import { count } from '../../core/rhythm/format';
import { isStale, trackedItems } from '../../core/rhythm/items';
import { planWeek } from '../../core/rhythm/plan';
import type { DueActivity } from '../../core/rhythm/rollout-due';
import type { Workbook } from '../../core/workbook/workbook';
import type { RhythmSettings } from '../../shared/rhythm-api';

export function send(to: string, email: Email): void {
  MailApp.sendEmail({ to, subject: email.subject, body: email.body, htmlBody: email.htmlBody, name: SENDER_NAME });
}

export interface WeekMail {
  readonly workbook: Workbook;
  readonly settings: RhythmSettings;
  readonly activities: readonly DueActivity[] | null;
  readonly context: MailContext;
  /** What the snapshot did, for the digest's first lines. */
  readonly snapshot: string;
}

export interface MailOutcome {
  /** One line for the dialog's "last run". */
  readonly summary: string;
  /** Emails that could not be sent, each with MailApp's reason. */
  readonly failures: readonly string[];
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function sendWeekMail(week: WeekMail): MailOutcome {
  const { workbook, settings, context } = week;
  const stale = trackedItems(workbook).filter((item) => isStale(item, context.now));
  const plan = planWeek({
    stale,
    recipients: settings.recipients,
    remindOwners: settings.remindOwners,
    quota: MailApp.getRemainingDailyQuota(),
  });
  const failures: string[] = [];
  const attempt = (what: string, to: string, email: Email): boolean => {
    try {
      send(to, email);
      return true;
    } catch (error) {
      failures.push(`${what} to ${to}: ${messageOf(error)}`);
      return false;
    }
  };
  if (plan.digestTo.length > 0) {
    const digest = digestEmail(
      {
        figures: digestFigures(workbook),
        stale,
        activities: week.activities,
        plan,
        cycleName: workbook.settings.settings.cycleName,
        snapshot: week.snapshot,
      },
      context,
    );
    for (const to of plan.digestTo) attempt('the digest', to, digest);
  }
  const reminded = plan.reminders.filter((r) => attempt('the reminder', r.email, reminderEmail(r, context))).length;
  const parts = [
    settings.recipients.length === 0
      ? 'no digest recipients'
      : `digest sent to ${count(plan.digestTo.length, 'person', 'people')}`,
    plan.remindersOff ? 'reminders off' : `${count(reminded, 'owner')} reminded`,
  ];
  const notReminded = plan.notReminded.length;
  if (notReminded > 0) parts.push(`${count(notReminded, 'owner')} not reminded`);
  if (plan.digestNotSent.length > 0) parts.push(`mail quota reached before ${plan.digestNotSent.join(', ')}`);
  return { summary: parts.join(', '), failures };
}

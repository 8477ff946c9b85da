/**
 * §4.7 who gets what this week: one reminder per owner address with their stale items,
 * one digest per recipient, within the day's mail quota. The digest goes first; owners
 * who cannot be reminded (a name instead of an address, no owner, or no quota left) are
 * listed in it. Pure.
 */
import type { TrackedItem } from './items';
import { isEmailAddress } from './settings';

export interface Reminder {
  /** The address as the first Owner cell wrote it. */
  readonly email: string;
  readonly items: readonly TrackedItem[];
}

export type NotRemindedReason = 'not an email address' | 'no owner' | 'mail quota';

export interface NotReminded {
  /** The Owner cell as written ("" for none). */
  readonly owner: string;
  readonly items: readonly TrackedItem[];
  readonly reason: NotRemindedReason;
}

export interface WeeklyPlan {
  readonly digestTo: readonly string[];
  /** Digest recipients the quota did not reach. */
  readonly digestNotSent: readonly string[];
  readonly reminders: readonly Reminder[];
  readonly notReminded: readonly NotReminded[];
  readonly remindersOff: boolean;
}

export interface PlanInput {
  readonly stale: readonly TrackedItem[];
  readonly recipients: readonly string[];
  readonly remindOwners: boolean;
  /** MailApp.getRemainingDailyQuota(): recipients left today. */
  readonly quota: number;
}

interface Group {
  owner: string;
  items: TrackedItem[];
}

/** Stale items grouped by owner: addresses case-insensitively, names as written. */
function byOwner(stale: readonly TrackedItem[]): { emails: Group[]; others: Group[] } {
  const emails = new Map<string, Group>();
  const others = new Map<string, Group>();
  for (const item of stale) {
    const owner = item.owner.trim();
    const isEmail = isEmailAddress(owner);
    const groups = isEmail ? emails : others;
    const key = isEmail ? owner.toLowerCase() : owner;
    let group = groups.get(key);
    if (group === undefined) {
      group = { owner, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  const sorted = (groups: Map<string, Group>) =>
    [...groups.values()].sort((a, b) => a.owner.toLowerCase().localeCompare(b.owner.toLowerCase()));
  return { emails: sorted(emails), others: sorted(others) };
}

export function planWeek(input: PlanInput): WeeklyPlan {
  let budget = Math.max(0, Math.floor(input.quota));
  const digestTo = input.recipients.slice(0, budget);
  const digestNotSent = input.recipients.slice(digestTo.length);
  budget -= digestTo.length;
  if (!input.remindOwners) return { digestTo, digestNotSent, reminders: [], notReminded: [], remindersOff: true };

  const { emails, others } = byOwner(input.stale);
  const reminders: Reminder[] = [];
  const notReminded: NotReminded[] = [];
  for (const group of emails) {
    if (budget > 0) {
      reminders.push({ email: group.owner, items: group.items });
      budget--;
    } else {
      notReminded.push({ owner: group.owner, items: group.items, reason: 'mail quota' });
    }
  }
  for (const group of others) {
    notReminded.push({
      owner: group.owner,
      items: group.items,
      reason: group.owner === '' ? 'no owner' : 'not an email address',
    });
  }
  return { digestTo, digestNotSent, reminders, notReminded, remindersOff: false };
}

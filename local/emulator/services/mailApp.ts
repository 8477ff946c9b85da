/**
 * MailApp off Google: nothing is sent; every message is recorded for tests, with the
 * daily recipient quota Apps Script applies.
 * https://developers.google.com/apps-script/reference/mail/mail-app
 */
import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

export interface SentMail {
  /** The account it was sent from (the user the script ran as). */
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly bcc: readonly string[];
  readonly replyTo: string | null;
  readonly subject: string;
  /** The plain-text body. */
  readonly body: string;
  readonly htmlBody: string | null;
  readonly name: string | null;
  readonly noReply: boolean;
  readonly at: Date;
}

/**
 * "Email recipients per day: 100 / day" for consumer accounts (1,500 for Google Workspace).
 * Quotas are per user and reset 24 hours after the first request.
 * https://developers.google.com/apps-script/guides/services/quotas#current_quotas
 */
export const DEFAULT_DAILY_RECIPIENTS = 100;
const QUOTA_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The message Apps Script throws when the day's recipients are used up (quotas guide, "exceeding quotas"). */
export const QUOTA_EXCEEDED = 'Service invoked too many times for one day: email.';

/** "the subject of the email (250 characters maximum)". */
const MAX_SUBJECT = 250;

const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;

interface Usage {
  windowStart: number;
  used: number;
}

export class MailState {
  readonly sent: SentMail[] = [];
  /** Recipients a day per user; a test lowers it to provoke a shortfall. */
  dailyRecipients = DEFAULT_DAILY_RECIPIENTS;
  private readonly usage = new Map<string, Usage>();

  /** Messages that reached `address` (To, Cc or Bcc). */
  to(address: string): SentMail[] {
    const want = address.toLowerCase();
    return this.sent.filter((m) => [...m.to, ...m.cc, ...m.bcc].some((a) => a.toLowerCase() === want));
  }

  remaining(user: string, now: number): number {
    return Math.max(0, this.dailyRecipients - this.current(user, now).used);
  }

  /** Makes `user` have used all but `left` of today's recipients. */
  setRemaining(user: string, left: number, now: number): void {
    this.current(user, now).used = Math.max(0, this.dailyRecipients - left);
  }

  charge(user: string, recipients: number, now: number): void {
    const usage = this.current(user, now);
    if (usage.used + recipients > this.dailyRecipients) throw new Error(QUOTA_EXCEEDED);
    usage.used += recipients;
  }

  private current(user: string, now: number): Usage {
    let usage = this.usage.get(user);
    if (usage === undefined || now - usage.windowStart >= QUOTA_WINDOW_MS) {
      usage = { windowStart: now, used: 0 };
      this.usage.set(user, usage);
    }
    return usage;
  }
}

/** A comma-separated address list, each one checked: "Invalid email: x" as Apps Script says it. */
function addresses(list: unknown): string[] {
  if (list === undefined || list === null || list === '') return [];
  const out = String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const a of out) if (!EMAIL.test(a)) throw new Error(`Invalid email: ${a}`);
  return out;
}

interface Message {
  to?: unknown;
  cc?: unknown;
  bcc?: unknown;
  replyTo?: unknown;
  subject?: unknown;
  body?: unknown;
  htmlBody?: unknown;
  name?: unknown;
  noReply?: unknown;
  attachments?: unknown;
  inlineImages?: unknown;
}

class MailAppImpl {
  constructor(
    private readonly _env: EmulatorEnv,
    private readonly _state: MailState,
  ) {}

  /** "Returns the number of recipients you can send emails to for the rest of the day." */
  getRemainingDailyQuota(): number {
    return this._state.remaining(this._env.user, this._env.now().getTime());
  }

  /**
   * sendEmail(message), sendEmail(recipient, subject, body[, options]) and
   * sendEmail(to, replyTo, subject, body): the four documented forms.
   */
  sendEmail(...args: unknown[]): void {
    this._send(messageOf(args));
  }

  _send(message: Message): void {
    if (message.attachments !== undefined || message.inlineImages !== undefined) {
      throw new Error('Emulator: MailApp.sendEmail: attachments and inlineImages are not emulated');
    }
    const to = addresses(message.to);
    const cc = addresses(message.cc);
    const bcc = addresses(message.bcc);
    if (to.length + cc.length + bcc.length === 0) throw new Error('Failed to send email: no recipient');
    const subject = message.subject === undefined || message.subject === null ? '' : String(message.subject);
    if (subject.length > MAX_SUBJECT) throw new Error('Argument too large: subject');
    const replyTo = message.replyTo === undefined || message.replyTo === null ? null : String(message.replyTo);
    if (replyTo !== null) addresses(replyTo);
    const now = this._env.now();
    // Every To, Cc and Bcc address is a recipient for the daily quota.
    this._state.charge(this._env.user, to.length + cc.length + bcc.length, now.getTime());
    this._state.sent.push({
      from: this._env.user,
      to,
      cc,
      bcc,
      replyTo,
      subject,
      body: message.body === undefined || message.body === null ? '' : String(message.body),
      htmlBody: message.htmlBody === undefined || message.htmlBody === null ? null : String(message.htmlBody),
      name: message.name === undefined || message.name === null ? null : String(message.name),
      noReply: message.noReply === true,
      at: new Date(now.getTime()),
    });
  }
}

function messageOf(args: unknown[]): Message {
  if (args.length === 1 && typeof args[0] === 'object' && args[0] !== null) return { ...(args[0] as Message) };
  if (args.length === 3) return { to: args[0], subject: args[1], body: args[2] };
  if (args.length === 4 && typeof args[3] === 'object' && args[3] !== null) {
    return { ...(args[3] as Message), to: args[0], subject: args[1], body: args[2] };
  }
  if (args.length === 4) return { to: args[0], replyTo: args[1], subject: args[2], body: args[3] };
  throw new Error(
    `Emulator: MailApp.sendEmail takes (message), (recipient, subject, body[, options]) or (to, replyTo, subject, body); got ${args.length} arguments`,
  );
}

export type MailAppHandle = GoogleAppsScript.Mail.MailApp & {
  /** What was sent and the quota, for tests (bypasses counting and auth checks). */
  readonly _state: MailState;
};

export function createMailApp(env: EmulatorEnv, state: MailState = new MailState()): MailAppHandle {
  return instrument(new MailAppImpl(env, state), 'MailApp', env) as unknown as MailAppHandle;
}

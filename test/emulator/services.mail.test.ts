/**
 * MailApp: the documented forms of sendEmail and the daily recipient quota.
 * https://developers.google.com/apps-script/reference/mail/mail-app,
 * https://developers.google.com/apps-script/guides/services/quotas
 */
import { describe, expect, it } from 'vitest';
import { setupServices } from './support.js';

function setup() {
  let now = Date.parse('2027-03-08T14:00:00Z');
  const services = setupServices({}, { now: () => new Date(now), user: 'pmo@example.com' });
  const state = services.MailApp._state;
  return { ...services, state, advance: (ms: number) => (now += ms) };
}

describe('MailApp', () => {
  it('records each documented form of sendEmail', () => {
    const { MailApp, state } = setup();
    MailApp.sendEmail({
      to: 'a@example.com',
      subject: 'S1',
      body: 'plain',
      htmlBody: '<p>html</p>',
      name: 'OKR Cascade',
    });
    MailApp.sendEmail('b@example.com', 'S2', 'body 2');
    MailApp.sendEmail('c@example.com', 'S3', 'body 3', { cc: 'd@example.com', htmlBody: '<b>3</b>' });
    MailApp.sendEmail('e@example.com', 'reply@example.com', 'S4', 'body 4');
    expect(state.sent.map((m) => [m.to, m.cc, m.subject, m.body, m.htmlBody, m.replyTo, m.name])).toEqual([
      [['a@example.com'], [], 'S1', 'plain', '<p>html</p>', null, 'OKR Cascade'],
      [['b@example.com'], [], 'S2', 'body 2', null, null, null],
      [['c@example.com'], ['d@example.com'], 'S3', 'body 3', '<b>3</b>', null, null],
      [['e@example.com'], [], 'S4', 'body 4', null, 'reply@example.com', null],
    ]);
    expect(state.sent.every((m) => m.from === 'pmo@example.com')).toBe(true);
    expect(state.to('D@example.com').map((m) => m.subject)).toEqual(['S3']);
  });

  it('counts every recipient against the daily quota and refuses beyond it', () => {
    const { MailApp, state, advance } = setup();
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
    MailApp.sendEmail({
      to: 'a@example.com, b@example.com',
      cc: 'c@example.com',
      bcc: 'd@example.com',
      subject: 's',
      body: 'b',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(96);
    state.setRemaining('pmo@example.com', 1, Date.parse('2027-03-08T14:00:00Z'));
    expect(() => MailApp.sendEmail('x@example.com, y@example.com', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(state.sent).toHaveLength(1);
    MailApp.sendEmail('x@example.com', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    // "Quotas are per user and reset 24 hours after the first request."
    advance(24 * 60 * 60 * 1000);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('refuses a message without a recipient or with a bad address', () => {
    const { MailApp, state } = setup();
    expect(() => MailApp.sendEmail({ subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    expect(() => MailApp.sendEmail('Dana Reyes', 's', 'b')).toThrow('Invalid email: Dana Reyes');
    expect(() => MailApp.sendEmail('a@example.com', 'x'.repeat(251), 'b')).toThrow('Argument too large: subject');
    expect(state.sent).toEqual([]);
    expect(MailApp.getRemainingDailyQuota()).toBe(100);
  });

  it('needs script.send_mail when the manifest lists its scopes', () => {
    const { MailApp } = setupServices({}, { oauthScopes: ['https://www.googleapis.com/auth/script.scriptapp'] });
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(
      'Specified permissions are not sufficient to call MailApp.getRemainingDailyQuota. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
  });
});

/**
 * The rhythm's emails are pure functions of their data: every user text is escaped in the
 * HTML, the only markup is the few tags html.ts writes, and no image or script can get in.
 */
import { describe, expect, it } from 'vitest';
import type { DigestFigures } from '../../../src/core/rhythm/digest';
import { digestEmail } from '../../../src/core/rhythm/digest-email';
import { failureEmail, type MailContext, reminderEmail } from '../../../src/core/rhythm/email';
import type { TrackedItem } from '../../../src/core/rhythm/items';
import { planWeek } from '../../../src/core/rhythm/plan';

const XSS = '<img src=x onerror=alert(1)>';
const SCRIPT = '</td><script>alert("x")</script>';
const NOW = 46454.375; // Monday 2027-03-08, 09:00
const CONTEXT: MailContext = {
  title: `Northwind ${SCRIPT}`,
  url: 'https://docs.google.com/spreadsheets/d/abc/edit',
  now: NOW,
};

const item = (id: string, owner: string, title = XSS): TrackedItem => ({
  kind: 'Key result',
  id,
  title,
  owner,
  unit: 'Sales',
  value: 8_600_000,
  uom: '$',
  score: 0.3,
  status: 'Behind',
  lastCheckIn: NOW - 9,
  byFormula: false,
});

const FIGURES: DigestFigures = {
  score: 0.6,
  statusCounts: { Done: 1, 'On track': 2, Behind: 3, 'At risk': 1 },
  previousSnapshot: 46447,
  moved: [{ id: 'C-KR1', title: XSS, level: 'Corporate', previous: 0.3, score: 0.5, delta: 0.2 }],
  atRisk: [{ kind: 'KPI', id: 'KPI-1', title: SCRIPT, owner: XSS, score: 0.32 }],
};

const ALLOWED_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'h2',
  'p',
  'strong',
  'span',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'ul',
  'li',
  'a',
]);

/** Every tag and attribute in the HTML: only html.ts's own. */
function markup(html: string): { tags: Set<string>; attributes: Set<string> } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, name = '', rest = ''] of html.matchAll(/<\/?([A-Za-z0-9!]+)([^>]*)>/g)) {
    tags.add(name.toLowerCase());
    for (const [, attr = ''] of rest.matchAll(/\s([A-Za-z-]+)=/g)) attributes.add(attr.toLowerCase());
  }
  tags.delete('!doctype');
  return { tags, attributes };
}

function expectSafe(html: string): void {
  const { tags, attributes } = markup(html);
  expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  expect([...attributes].filter((a) => !['style', 'href', 'charset'].includes(a))).toEqual([]);
  expect(html).not.toMatch(/<img|<script|javascript:/i);
}

describe('reminder email', () => {
  const email = reminderEmail(
    { email: 'dana@northwind.example', items: [item('C-KR1', 'dana@northwind.example')] },
    CONTEXT,
  );

  it('escapes the title and the company in the HTML, and keeps plain text plain', () => {
    expectSafe(email.htmlBody);
    expect(email.htmlBody).toContain(
      '<td style="padding:4px 8px;vertical-align:top">&lt;img src=x onerror=alert(1)&gt;</td>',
    );
    expect(email.htmlBody).toContain('Northwind &lt;/td&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(email.body).toContain(`• C-KR1 · ${XSS} (key result)`);
    expect(email.body).toContain(
      'Value: $8,600,000 · Score: 30% · Status: Behind · Last check-in: 2027-02-27 (9 days ago)',
    );
  });

  it('links the spreadsheet over https only', () => {
    expect(email.htmlBody).toContain('<a href="https://docs.google.com/spreadsheets/d/abc/edit">');
    const sneaky = reminderEmail(
      { email: 'd@x.co', items: [item('A', 'd@x.co')] },
      { ...CONTEXT, url: 'javascript:alert(1)' },
    );
    expect(sneaky.htmlBody).not.toContain('<a ');
    expect(sneaky.htmlBody).not.toContain('href');
  });

  it('has a one-line subject', () => {
    const multi = reminderEmail(
      { email: 'd@x.co', items: [item('A', 'd@x.co')] },
      { ...CONTEXT, title: 'North\nwind' },
    );
    expect(multi.subject).toBe('Check-in due: 1 item in North wind');
  });
});

describe('digest email', () => {
  const stale = [item('C-KR1', 'dana@northwind.example'), item('SAL-KR1', 'Marcus Webb', SCRIPT), item('X-KR1', '')];
  const plan = planWeek({ stale, recipients: ['ceo@northwind.example'], remindOwners: true, quota: 100 });
  const activities = [
    { activity: XSS, unit: 'Sales', owner: SCRIPT, start: 46454, end: 46465, overdue: false },
    { activity: 'Communicate', unit: 'Corporate', owner: 'PMO', start: 46447, end: 46451, overdue: true },
  ];
  const email = digestEmail(
    { figures: FIGURES, stale, activities, plan, cycleName: '2027 Q1', snapshot: 'History: 3 rows recorded.' },
    CONTEXT,
  );

  it('has every section, in order, in both bodies', () => {
    const sections = [
      'WHERE WE STAND',
      'WHAT MOVED SINCE THE LAST SNAPSHOT',
      'AT RISK',
      'NO CHECK-IN FOR 7 DAYS',
      'ROLLOUT PLAN: DUE NEXT',
      'REMINDERS',
    ];
    const at = sections.map((s) => email.body.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    for (const s of [
      'Where we stand',
      'What moved since the last snapshot',
      'At risk',
      'Rollout plan: due next',
      'Reminders',
    ]) {
      expect(email.htmlBody).toContain(`>${s}</h2>`);
    }
    expect(email.body).toContain('Company score: 60%');
    expect(email.body).toContain('Compared with the snapshot of 2027-03-01.');
    expect(email.body).toContain(`• C-KR1 · ${XSS}: 30% → 50% (+20 pts)`);
    expect(email.body).toContain('overdue since 2027-03-05');
    expect(email.body).toContain('Reminded: dana@northwind.example.');
    expect(email.body).toContain('• (no owner): 1 item, no Owner');
    expect(email.body).toContain('• Marcus Webb: 1 item, the Owner cell is a name, not an email address');
    expect(email.subject).toBe('Weekly OKR digest: Northwind </td><script>alert("x")</script>, 2027-03-08');
  });

  it('escapes every user text in the HTML', () => {
    expectSafe(email.htmlBody);
    expect(email.htmlBody).not.toContain(XSS);
    expect(email.htmlBody).not.toContain('<script');
  });

  it('says who the quota did not reach', () => {
    const short = planWeek({ stale, recipients: ['a@x.co', 'b@x.co'], remindOwners: true, quota: 1 });
    const cut = digestEmail(
      { figures: FIGURES, stale, activities: null, plan: short, cycleName: '', snapshot: '' },
      CONTEXT,
    );
    expect(cut.body).toContain("Today's mail quota ran out before this digest reached: b@x.co.");
    expect(cut.body).toContain("• dana@northwind.example: 1 item, today's mail quota ran out");
    expect(cut.body).not.toContain('ROLLOUT PLAN');
  });
});

describe('failure email', () => {
  it('says what failed and what changed, escaped', () => {
    const email = failureEmail(
      { what: `Record snapshot: ${XSS}`, changed: 'Nothing in the workbook was changed.' },
      CONTEXT,
    );
    expectSafe(email.htmlBody);
    expect(email.body).toContain(`What failed: Record snapshot: ${XSS}`);
    expect(email.body).toContain('What changed: Nothing in the workbook was changed.');
    expect(email.subject).toBe('OKR Cascade: the weekly run of Northwind </td><script>alert("x")</script> failed');
  });
});

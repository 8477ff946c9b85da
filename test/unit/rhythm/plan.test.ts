import { describe, expect, it } from 'vitest';
import type { TrackedItem } from '../../../src/core/rhythm/items';
import { planWeek } from '../../../src/core/rhythm/plan';

const item = (id: string, owner: string): TrackedItem => ({
  kind: 'Key result',
  id,
  title: id,
  owner,
  unit: '',
  value: 1,
  uom: '',
  score: 0.5,
  status: 'Behind',
  lastCheckIn: null,
  byFormula: false,
});

const STALE = [
  item('A', 'zoe@example.com'),
  item('B', 'Dana Reyes'),
  item('C', 'ZOE@example.com '),
  item('D', ''),
  item('E', 'amy@example.com'),
];

describe('the week plan', () => {
  it('gives each owner address one reminder with all their items', () => {
    const plan = planWeek({ stale: STALE, recipients: ['boss@example.com'], remindOwners: true, quota: 100 });
    expect(plan.digestTo).toEqual(['boss@example.com']);
    expect(plan.reminders.map((r) => [r.email, r.items.map((i) => i.id)])).toEqual([
      ['amy@example.com', ['E']],
      ['zoe@example.com', ['A', 'C']],
    ]);
    expect(plan.notReminded.map((n) => [n.owner, n.reason, n.items.length])).toEqual([
      ['', 'no owner', 1],
      ['Dana Reyes', 'not an email address', 1],
    ]);
  });

  it('spends a short quota on the digest first', () => {
    const plan = planWeek({ stale: STALE, recipients: ['a@x.co', 'b@x.co'], remindOwners: true, quota: 3 });
    expect(plan.digestTo).toEqual(['a@x.co', 'b@x.co']);
    expect(plan.reminders.map((r) => r.email)).toEqual(['amy@example.com']);
    expect(plan.notReminded.find((n) => n.reason === 'mail quota')?.owner).toBe('zoe@example.com');
    const starved = planWeek({ stale: STALE, recipients: ['a@x.co', 'b@x.co'], remindOwners: true, quota: 1 });
    expect(starved.digestTo).toEqual(['a@x.co']);
    expect(starved.digestNotSent).toEqual(['b@x.co']);
    expect(starved.reminders).toEqual([]);
  });

  it('reminds nobody when reminders are off', () => {
    const plan = planWeek({ stale: STALE, recipients: [], remindOwners: false, quota: 100 });
    expect(plan).toEqual({ digestTo: [], digestNotSent: [], reminders: [], notReminded: [], remindersOff: true });
  });
});

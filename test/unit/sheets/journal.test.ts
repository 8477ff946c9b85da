import { describe, expect, it } from 'vitest';
import { changedText, Journal } from '../../../src/sheets/journal';

describe('the journal of what an action changed (§6.3)', () => {
  it('undoes newest first and says nothing was changed when every undo worked', () => {
    const journal = new Journal();
    const undone: string[] = [];
    journal.record('first', () => undone.push('first'));
    journal.record('second', () => undone.push('second'));
    const left = journal.rollBack();
    expect(undone).toEqual(['second', 'first']);
    expect(changedText(left)).toBe('Nothing was changed.');
    expect(journal.isEmpty).toBe(true);
  });

  it('lists exactly what it could not undo, and what was finished on purpose, and only then "nothing else"', () => {
    const journal = new Journal();
    journal.record('Roll-up: rebuilt on "Roll-up"');
    journal.record('Team OKRs!J5 (Current)', () => {
      throw new Error('Service Spreadsheets failed');
    });
    journal.record('a new, half-built sheet "Dashboard (new)": delete it', () => {});
    const left = journal.rollBack();
    expect(left).toEqual({ done: ['Roll-up: rebuilt on "Roll-up"'], stuck: ['Team OKRs!J5 (Current)'] });
    expect(changedText(left)).toBe(
      'Done before it stopped:\n• Roll-up: rebuilt on "Roll-up"\n\n' +
        'Changed, and Sheets failed to undo it too:\n• Team OKRs!J5 (Current)\n\n' +
        'Nothing else was changed.',
    );
  });

  it('forgets a change the action reversed itself', () => {
    const journal = new Journal();
    const change = journal.record('x', () => {
      throw new Error('must not run');
    });
    journal.forget(change);
    expect(changedText(journal.rollBack())).toBe('Nothing was changed.');
  });
});

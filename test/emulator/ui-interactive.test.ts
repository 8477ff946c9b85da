/**
 * The playground's interactive dialogs (not a Sheets behaviour: an aid for a person at the
 * local playground): a question without a scripted answer stops the call and is kept for the
 * page to ask; an OK-only alert never waits. Looking at the workbook counts no calls.
 */
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../local/emulator/index.js';
import { setupServices } from './support.js';

describe('interactive dialogs', () => {
  it('a prompt or a yes/no alert without an answer is kept and stops the call', () => {
    const { Ui, uiState } = setupServices();
    uiState.interactive = true;
    expect(() => Ui.prompt('Plan', 'Start date?', Ui.ButtonSet.OK_CANCEL)).toThrow(/waits for an answer/);
    expect(uiState.pendingDialog).toEqual({
      method: 'prompt',
      title: 'Plan',
      prompt: 'Start date?',
      buttons: 'OK_CANCEL',
    });
    expect(() => Ui.alert('Archive the cycle?', Ui.ButtonSet.YES_NO)).toThrow(/waits for an answer/);
    // Answered, the same question goes through.
    uiState.answerNext({ button: 'YES' });
    expect(Ui.alert('Archive the cycle?', Ui.ButtonSet.YES_NO)).toBe('YES');
    // A plain alert only informs: it never waits.
    expect(Ui.alert('Done.')).toBe('OK');
  });
});

describe('uncounted calls', () => {
  it('are not counted, and counting resumes after', () => {
    const emu = createEmulator();
    emu.calls.reset();
    emu.calls.uncounted(() => emu.spreadsheet.getSheets()[0]?.getRange('A1').getValue());
    expect(emu.calls.total()).toBe(0);
    emu.spreadsheet.getSheets();
    expect(emu.calls.count('Spreadsheet.getSheets')).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { setupServices } from './support.js';

describe('Ui menus', () => {
  it('records the add-on menu as a tree, sub-menus included', () => {
    const { Ui, uiState } = setupServices();
    const sub = Ui.createMenu('Reports').addItem('Roll-up', 'buildRollup').addItem('Dashboard', 'buildDashboard');
    Ui.createAddonMenu().addItem('Open check-in', 'openCheckin').addSeparator().addSubMenu(sub).addToUi();
    expect(uiState.menus).toEqual([
      {
        caption: 'OKR Cascade',
        addon: true,
        items: [
          { kind: 'item', caption: 'Open check-in', functionName: 'openCheckin' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            caption: 'Reports',
            items: [
              { kind: 'item', caption: 'Roll-up', functionName: 'buildRollup' },
              { kind: 'item', caption: 'Dashboard', functionName: 'buildDashboard' },
            ],
          },
        ],
      },
    ]);
  });

  it('uses the configured add-on name and replaces a menu added again', () => {
    const { Ui, uiState } = setupServices({ addonName: 'My Add-on' });
    Ui.createAddonMenu().addItem('A', 'a').addToUi();
    Ui.createAddonMenu().addItem('B', 'b').addToUi();
    Ui.createMenu('Custom').addItem('C', 'c').addToUi();
    expect(uiState.menuCaptions()).toEqual(['My Add-on', 'Custom']);
    expect(uiState.menus[0]?.items).toEqual([{ kind: 'item', caption: 'B', functionName: 'b' }]);
  });

  it('builds menus in AuthMode.NONE but refuses authorized services there', () => {
    const { Ui, PropertiesService, uiState, env } = setupServices({}, { authMode: 'NONE' });
    Ui.createAddonMenu().addItem('Set up', 'setUp').addSubMenu(Ui.createMenu('More').addSeparator()).addToUi();
    expect(uiState.menus).toHaveLength(1);
    expect(() => PropertiesService.getDocumentProperties()).toThrow(
      'Emulator: PropertiesService.getDocumentProperties needs authorization, but the script runs in AuthMode.NONE',
    );
    expect(() => Ui.alert('hi')).toThrow(/needs authorization/);
    expect(env.calls.count('Menu.addItem')).toBe(1);
  });
});

describe('Ui dialogs', () => {
  it('answers alerts with OK by default and records them', () => {
    const { Ui, uiState } = setupServices();
    expect(Ui.alert('Saved')).toBe(Ui.Button.OK);
    expect(uiState.alerts).toEqual([{ title: undefined, prompt: 'Saved', buttons: 'OK', answer: { button: 'OK' } }]);
  });

  it('takes scripted answers in order, for alerts and prompts', () => {
    const { Ui, uiState } = setupServices();
    uiState.answerNext({ button: 'NO' }, { button: 'OK', text: 'Sales' }, { button: 'CLOSE' });
    expect(Ui.alert('Regenerate?', 'This replaces the Dashboard tab.', Ui.ButtonSet.YES_NO)).toBe('NO');
    const answer = Ui.prompt('Department name', Ui.ButtonSet.OK_CANCEL);
    expect(answer.getSelectedButton()).toBe(Ui.Button.OK);
    expect(answer.getResponseText()).toBe('Sales');
    expect(Ui.prompt('Again?').getSelectedButton()).toBe('CLOSE');
    expect(uiState.pendingAnswers).toBe(0);
    expect(uiState.alerts[0]).toMatchObject({ title: 'Regenerate?', prompt: 'This replaces the Dashboard tab.' });
    expect(uiState.prompts.map((p) => p.buttons)).toEqual(['OK_CANCEL', 'OK']);
  });

  it('fails a prompt the test scripted no answer for', () => {
    const { Ui } = setupServices();
    expect(() => Ui.prompt('Team name')).toThrow(/Ui\.prompt\("Team name"\) was shown but the test scripted no answer/);
  });

  it('rejects a scripted button the dialog does not have', () => {
    const { Ui, uiState } = setupServices();
    uiState.answerNext({ button: 'YES' });
    expect(() => Ui.alert('Title', 'Body', Ui.ButtonSet.OK_CANCEL)).toThrow(/YES is not a button/);
  });

  it('records sidebars and dialogs with their HTML and size', () => {
    const { Ui, HtmlService, uiState } = setupServices();
    Ui.showSidebar(HtmlService.createHtmlOutput('<p>Check-in</p>').setTitle('Check-in'));
    Ui.showModalDialog(HtmlService.createHtmlOutput('<p>x</p>').setWidth(400).setHeight(300), 'Import');
    Ui.showModelessDialog(HtmlService.createHtmlOutput('y'), 'Help');
    expect(uiState.surfaces).toEqual([
      { kind: 'sidebar', title: 'Check-in', html: '<p>Check-in</p>', width: null, height: null },
      { kind: 'modal', title: 'Import', html: '<p>x</p>', width: 400, height: 300 },
      { kind: 'modeless', title: 'Help', html: 'y', width: null, height: null },
    ]);
    expect(uiState.sidebars).toHaveLength(1);
  });
});

describe('instrumentation', () => {
  it('counts calls per Class.method and names what is not implemented', () => {
    const { Ui, Session, env } = setupServices();
    Ui.createAddonMenu().addItem('a', 'a').addItem('b', 'b').addToUi();
    Session.getActiveUser().getEmail();
    expect(env.calls.snapshot()).toEqual({
      'Menu.addItem': 2,
      'Menu.addToUi': 1,
      'Session.getActiveUser': 1,
      'Ui.createAddonMenu': 1,
      'User.getEmail': 1,
    });
    expect(() => (Ui as unknown as { showDialog(x: unknown): void }).showDialog(null)).toThrow(
      'Emulator: Ui.showDialog is not implemented',
    );
    const { ScriptApp } = setupServices();
    expect(() => ScriptApp.getOAuthToken()).toThrow('Emulator: ScriptApp.getOAuthToken is not implemented');
    expect(() => ScriptApp.getIdentityToken()).toThrow('Emulator: ScriptApp.getIdentityToken is not implemented');
  });

  it('exposes enums as their names', () => {
    const { ScriptApp, HtmlService, Ui } = setupServices();
    expect(ScriptApp.AuthMode.FULL).toBe('FULL');
    expect(String(HtmlService.SandboxMode.IFRAME)).toBe('IFRAME');
    expect(Object.keys(Ui.ButtonSet)).toEqual(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL']);
  });
});

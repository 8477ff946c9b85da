import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; caption: string; items: MenuEntry[] };

export interface RecordedMenu {
  caption: string;
  addon: boolean;
  items: MenuEntry[];
}

export type ButtonName = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
export type ButtonSetName = 'OK' | 'OK_CANCEL' | 'YES_NO' | 'YES_NO_CANCEL';

export interface ScriptedAnswer {
  button: ButtonName;
  /** Only for prompt(): the text the user typed. */
  text?: string;
}

export interface RecordedDialog {
  title?: string;
  prompt: string;
  buttons: ButtonSetName;
  /** What the (scripted) user answered. */
  answer: ScriptedAnswer;
}

export interface RecordedHtmlSurface {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number | null;
  height: number | null;
}

export interface LogLine {
  at: Date;
  message: string;
}

/** What the emulated user saw and what the test scripted them to answer. */
export interface PendingDialog {
  readonly method: 'alert' | 'prompt';
  readonly title?: string;
  readonly prompt: string;
  readonly buttons: ButtonSetName;
}

export class UiState {
  /**
   * Off Google only (the local playground): a dialog that asks a question (a prompt, or an
   * alert with more than OK) and has no scripted answer is recorded here and stops the call,
   * so a person can answer it and the call be made again with that answer queued.
   */
  interactive = false;
  pendingDialog: PendingDialog | null = null;
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedDialog[] = [];
  readonly prompts: RecordedDialog[] = [];
  readonly surfaces: RecordedHtmlSurface[] = [];
  readonly logs: LogLine[] = [];
  private readonly answers: ScriptedAnswer[] = [];

  /** Queues the answer of the next alert or prompt (first in, first out across both). */
  answerNext(...answers: ScriptedAnswer[]): this {
    this.answers.push(...answers);
    return this;
  }

  /** Scripted answers not consumed yet; a test may assert this is 0 at the end. */
  get pendingAnswers(): number {
    return this.answers.length;
  }

  get sidebars(): RecordedHtmlSurface[] {
    return this.surfaces.filter((s) => s.kind === 'sidebar');
  }

  get dialogs(): RecordedHtmlSurface[] {
    return this.surfaces.filter((s) => s.kind !== 'sidebar');
  }

  /** Captions of the top-level menus, for compact assertions. */
  menuCaptions(): string[] {
    return this.menus.map((m) => m.caption);
  }

  _takeAnswer(): ScriptedAnswer | undefined {
    return this.answers.shift();
  }
}

const BUTTONS_OF: Record<ButtonSetName, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/**
 * Enum values are their own names, so `String(ui.Button.OK) === 'OK'` as in
 * Apps Script and `===` comparisons in the bundle work.
 * https://developers.google.com/apps-script/reference/base/button
 * https://developers.google.com/apps-script/reference/base/button-set
 */
export const Button = Object.freeze({ OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const);
export const ButtonSet = Object.freeze({
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const);

class MenuImpl {
  readonly _items: MenuEntry[] = [];

  constructor(
    readonly _caption: string,
    readonly _addon: boolean,
    private readonly _state: UiState,
  ) {}

  addItem(caption: string, functionName: string): this {
    this._items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): this {
    this._items.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: MenuImpl): this {
    if (!(menu instanceof MenuImpl)) throw new Error('Emulator: Menu.addSubMenu expects a Menu from Ui.createMenu');
    this._items.push({ kind: 'submenu', caption: menu._caption, items: menu._items });
    return this;
  }

  /** A menu added again (onOpen runs once per open) replaces the earlier one with the same caption. */
  addToUi(): void {
    const menus = this._state.menus;
    const entry: RecordedMenu = { caption: this._caption, addon: this._addon, items: cloneEntries(this._items) };
    const at = menus.findIndex((m) => m.caption === entry.caption && m.addon === entry.addon);
    if (at >= 0) menus[at] = entry;
    else menus.push(entry);
  }
}

function cloneEntries(items: MenuEntry[]): MenuEntry[] {
  return items.map((e) => (e.kind === 'submenu' ? { ...e, items: cloneEntries(e.items) } : { ...e }));
}

interface HtmlLike {
  getContent(): string;
  getTitle?(): string;
  getWidth?(): number | null;
  getHeight?(): number | null;
}

class PromptResponseImpl {
  constructor(
    private readonly _button: ButtonName,
    private readonly _text: string,
  ) {}

  getSelectedButton(): ButtonName {
    return this._button;
  }

  getResponseText(): string {
    return this._text;
  }
}

class UiImpl {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(
    private readonly _env: EmulatorEnv,
    private readonly _state: UiState,
    private readonly _addonName: string,
  ) {}

  createAddonMenu(): MenuImpl {
    return instrument(new MenuImpl(this._addonName, true, this._state), 'Menu', this._env);
  }

  createMenu(caption: string): MenuImpl {
    return instrument(new MenuImpl(String(caption), false, this._state), 'Menu', this._env);
  }

  alert(...args: unknown[]): ButtonName {
    const dialog = this._dialog('alert', args);
    this._state.alerts.push(dialog);
    return dialog.answer.button;
  }

  prompt(...args: unknown[]): PromptResponseImpl {
    const dialog = this._dialog('prompt', args);
    this._state.prompts.push(dialog);
    return instrument(
      new PromptResponseImpl(dialog.answer.button, dialog.answer.text ?? ''),
      'PromptResponse',
      this._env,
    );
  }

  showSidebar(userInterface: HtmlLike): void {
    this._show('sidebar', userInterface, userInterface?.getTitle?.() ?? '');
  }

  showModalDialog(userInterface: HtmlLike, title: string): void {
    this._show('modal', userInterface, String(title));
  }

  showModelessDialog(userInterface: HtmlLike, title: string): void {
    this._show('modeless', userInterface, String(title));
  }

  _show(kind: RecordedHtmlSurface['kind'], ui: HtmlLike, title: string): void {
    if (!ui || typeof ui.getContent !== 'function') {
      throw new Error(
        `Emulator: Ui.show${kind} expects an HtmlOutput (did you pass an HtmlTemplate without evaluate()?)`,
      );
    }
    this._state.surfaces.push({
      kind,
      title,
      html: ui.getContent(),
      width: ui.getWidth?.() ?? null,
      height: ui.getHeight?.() ?? null,
    });
  }

  /** alert/prompt take (prompt), (prompt, buttons) or (title, prompt, buttons). */
  _dialog(method: 'alert' | 'prompt', args: unknown[]): RecordedDialog {
    let title: string | undefined;
    let prompt: string;
    let buttons: unknown = 'OK';
    if (args.length >= 3) [title, prompt, buttons] = [String(args[0]), String(args[1]), args[2]];
    else if (args.length === 2) [prompt, buttons] = [String(args[0]), args[1]];
    else prompt = String(args[0]);
    if (!(typeof buttons === 'string' && buttons in BUTTONS_OF)) {
      throw new Error(`Emulator: Ui.${method} buttons must be a Ui.ButtonSet, got ${String(buttons)}`);
    }
    const set = buttons as ButtonSetName;
    const scripted = this._state._takeAnswer();
    const where = `Ui.${method}(${JSON.stringify(title ?? prompt)})`;
    if (!scripted) {
      if (this._state.interactive && (method === 'prompt' || set !== 'OK')) {
        this._state.pendingDialog = { method, ...(title === undefined ? {} : { title }), prompt, buttons: set };
        throw new Error(`Emulator: ${where} waits for an answer`);
      }
      if (method === 'prompt') {
        throw new Error(
          `Emulator: ${where} was shown but the test scripted no answer; call uiState.answerNext({ button, text }) first`,
        );
      }
      return { title, prompt, buttons: set, answer: { button: 'OK' } };
    }
    // CLOSE is always possible: the user can close any dialog from its title bar.
    if (scripted.button !== 'CLOSE' && !BUTTONS_OF[set].includes(scripted.button)) {
      throw new Error(`Emulator: scripted answer ${scripted.button} is not a button of ${where} (ButtonSet.${set})`);
    }
    if (method === 'alert' && scripted.text !== undefined) {
      throw new Error(`Emulator: scripted answer with text was consumed by ${where}, which has no input field`);
    }
    return { title, prompt, buttons: set, answer: { ...scripted } };
  }
}

export function createUi(env: EmulatorEnv, state: UiState, addonName: string): GoogleAppsScript.Base.Ui {
  return instrument(new UiImpl(env, state, addonName), 'Ui', env) as unknown as GoogleAppsScript.Base.Ui;
}

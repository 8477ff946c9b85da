import type { EmulatorEnv } from '../env.js';
import { createCacheService } from './cache.js';
import { createHtmlService } from './html.js';
import { createLockService, type LockServiceHandle } from './lock.js';
import { createLogger } from './logger.js';
import { createMailApp, type MailAppHandle } from './mailApp.js';
import { createPropertiesService, type PropertiesServiceHandle } from './properties.js';
import { createScriptApp, type ScriptAppHandle } from './scriptApp.js';
import { createSession } from './session.js';
import { createUi, UiState } from './ui.js';
import { createUtilities, type UtilitiesHandle } from './utilities.js';

export type { LockKind, LockServiceHandle } from './lock.js';
export type { MailAppHandle, MailState, SentMail } from './mailApp.js';
export type { PropertiesServiceHandle } from './properties.js';
export type { ScriptAppHandle } from './scriptApp.js';
export type { TriggerRecord } from './triggers.js';
export type {
  ButtonName,
  ButtonSetName,
  LogLine,
  MenuEntry,
  RecordedDialog,
  RecordedHtmlSurface,
  RecordedMenu,
  ScriptedAnswer,
} from './ui.js';
export { UiState } from './ui.js';
export type { UtilitiesHandle } from './utilities.js';

export interface ServicesOptions {
  /** Folder of the add-on's .html files. */
  htmlDir?: string;
  /** Caption of the add-on menu (Apps Script shows the add-on's name). Default 'OKR Cascade'. */
  addonName?: string;
  /** The bundle's global scope, for template scriptlets calling the script's functions. */
  templateGlobals?: () => object;
  /** What ScriptApp.getScriptId returns. */
  scriptId?: string;
  /** The document the add-on runs in: installable triggers are created in it. */
  documentId?: () => string | null;
  /** The script project's zone (manifest timeZone); clock triggers default to it. Default: env.timeZone. */
  scriptTimeZone?: string;
}

export interface Services {
  Ui: GoogleAppsScript.Base.Ui;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  PropertiesService: PropertiesServiceHandle;
  CacheService: GoogleAppsScript.Cache.CacheService;
  LockService: LockServiceHandle;
  Session: GoogleAppsScript.Base.Session;
  Utilities: UtilitiesHandle;
  Logger: GoogleAppsScript.Base.Logger;
  ScriptApp: ScriptAppHandle;
  MailApp: MailAppHandle;
  uiState: UiState;
}

export function createServices(env: EmulatorEnv, options: ServicesOptions = {}): Services {
  const uiState = new UiState();
  return {
    Ui: createUi(env, uiState, options.addonName ?? 'OKR Cascade'),
    HtmlService: createHtmlService(env, { htmlDir: options.htmlDir, templateGlobals: options.templateGlobals }),
    PropertiesService: createPropertiesService(env),
    CacheService: createCacheService(env),
    LockService: createLockService(env),
    Session: createSession(env),
    Utilities: createUtilities(env),
    Logger: createLogger(env, uiState.logs),
    ScriptApp: createScriptApp(env, {
      scriptId: options.scriptId ?? 'okr-cascade-emulated-script-id',
      documentId: options.documentId ?? (() => null),
      scriptTimeZone: options.scriptTimeZone,
    }),
    MailApp: createMailApp(env),
    uiState,
  };
}

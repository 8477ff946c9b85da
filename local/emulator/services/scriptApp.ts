import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

/** https://developers.google.com/apps-script/reference/script/auth-mode */
export const AuthMode = Object.freeze({
  NONE: 'NONE',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
} as const);
/** https://developers.google.com/apps-script/reference/script/authorization-status */
export const AuthorizationStatus = Object.freeze({ REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' } as const);
/** https://developers.google.com/apps-script/reference/script/trigger-source */
export const TriggerSource = Object.freeze({
  SPREADSHEETS: 'SPREADSHEETS',
  CLOCK: 'CLOCK',
  FORMS: 'FORMS',
  DOCUMENTS: 'DOCUMENTS',
  CALENDAR: 'CALENDAR',
} as const);

/** The emulated user has granted every scope the add-on asks for. */
class AuthorizationInfoImpl {
  getAuthorizationStatus(): string {
    return AuthorizationStatus.NOT_REQUIRED;
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
}

/** getOAuthToken, newTrigger and the like are left out: no network, no triggers. */
class ScriptAppImpl {
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;

  constructor(
    private readonly _env: EmulatorEnv,
    private readonly _scriptId: string,
  ) {}

  getScriptId(): string {
    return this._scriptId;
  }
  getAuthorizationInfo(_authMode: string): AuthorizationInfoImpl {
    return instrument(new AuthorizationInfoImpl(), 'AuthorizationInfo', this._env);
  }
  getProjectTriggers(): unknown[] {
    return [];
  }
  getUserTriggers(_document: unknown): unknown[] {
    return [];
  }
}

export function createScriptApp(env: EmulatorEnv, scriptId: string): GoogleAppsScript.Script.ScriptApp {
  return instrument(new ScriptAppImpl(env, scriptId), 'ScriptApp', env) as unknown as GoogleAppsScript.Script.ScriptApp;
}

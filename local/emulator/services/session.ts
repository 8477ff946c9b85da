import { createHash } from 'node:crypto';
import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

class UserImpl {
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
}

class SessionImpl {
  constructor(private readonly _env: EmulatorEnv) {}

  getActiveUser(): UserImpl {
    return instrument(new UserImpl(this._env.user), 'User', this._env);
  }
  getEffectiveUser(): UserImpl {
    return instrument(new UserImpl(this._env.user), 'User', this._env);
  }
  getScriptTimeZone(): string {
    return this._env.timeZone;
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  /**
   * Stable per user and opaque, as the real key is (it rotates every 30 days).
   * https://developers.google.com/apps-script/reference/base/session#getTemporaryActiveUserKey()
   */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`okr-cascade-emulator:${this._env.user}`).digest('base64url').slice(0, 43);
  }
}

export function createSession(env: EmulatorEnv): GoogleAppsScript.Base.Session {
  return instrument(new SessionImpl(env), 'Session', env) as unknown as GoogleAppsScript.Base.Session;
}

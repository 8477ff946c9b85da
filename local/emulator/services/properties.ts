import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

/**
 * Stores keep strings only, as Apps Script does: setProperty('n', 5) reads back '5'.
 * https://developers.google.com/apps-script/reference/properties/properties
 */
type Store = Map<string, string>;

class PropertiesImpl {
  constructor(readonly _store: Store) {}

  getProperty(key: string): string | null {
    return this._store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): this {
    this._store.set(String(key), String(value));
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers?: boolean): this {
    if (deleteAllOthers) this._store.clear();
    for (const [key, value] of Object.entries(properties)) this._store.set(key, String(value));
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this._store);
  }
  getKeys(): string[] {
    return [...this._store.keys()];
  }
  deleteProperty(key: string): this {
    this._store.delete(String(key));
    return this;
  }
  deleteAllProperties(): this {
    this._store.clear();
    return this;
  }
}

class PropertiesServiceImpl {
  readonly _document: Store = new Map();
  readonly _script: Store = new Map();
  /** User properties belong to the user running the script (env.user may change between calls). */
  readonly _users = new Map<string, Store>();

  constructor(private readonly _env: EmulatorEnv) {}

  getDocumentProperties(): PropertiesImpl {
    return this._wrap(this._document);
  }
  getScriptProperties(): PropertiesImpl {
    return this._wrap(this._script);
  }
  getUserProperties(): PropertiesImpl {
    return this._wrap(this._userStore(this._env.user));
  }

  _userStore(user: string): Store {
    let store = this._users.get(user);
    if (!store) {
      store = new Map();
      this._users.set(user, store);
    }
    return store;
  }
  _wrap(store: Store): PropertiesImpl {
    return instrument(new PropertiesImpl(store), 'Properties', this._env);
  }
}

export type PropertiesServiceHandle = GoogleAppsScript.Properties.PropertiesService & {
  /** Raw stores for test setup and assertions, bypassing call counting and AuthMode checks. */
  readonly _document: Map<string, string>;
  readonly _script: Map<string, string>;
  _userStore(user: string): Map<string, string>;
};

export function createPropertiesService(env: EmulatorEnv): PropertiesServiceHandle {
  return instrument(new PropertiesServiceImpl(env), 'PropertiesService', env) as unknown as PropertiesServiceHandle;
}

import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

/**
 * Limits from https://developers.google.com/apps-script/reference/cache/cache#put(String,String,Integer):
 * keys up to 250 characters, values up to 100 KB, expiration 1 s to 21600 s (6 h), 600 s by default.
 */
const MAX_KEY_LENGTH = 250;
const MAX_VALUE_BYTES = 100 * 1024;
const DEFAULT_EXPIRATION_S = 600;
const MAX_EXPIRATION_S = 21600;
const MAX_PUT_ALL = 1000;

interface Entry {
  value: string;
  expiresAt: number;
}
type Store = Map<string, Entry>;

class CacheImpl {
  constructor(
    private readonly _store: Store,
    private readonly _env: EmulatorEnv,
  ) {}

  get(key: string): string | null {
    return this._get(checkKey(key));
  }
  getAll(keys: string[]): Record<string, string> {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this._get(checkKey(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(checkKey(key), value, expiration(expirationInSeconds));
  }
  putAll(values: Record<string, string>, expirationInSeconds?: number): void {
    const entries = Object.entries(values);
    if (entries.length > MAX_PUT_ALL) throw new Error(`Argument too large: putAll takes at most ${MAX_PUT_ALL} values`);
    const seconds = expiration(expirationInSeconds);
    for (const [key] of entries) checkKey(key);
    for (const [key, value] of entries) this._put(key, value, seconds);
  }
  remove(key: string): void {
    this._store.delete(checkKey(key));
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this._store.delete(checkKey(key));
  }

  _get(key: string): string | null {
    const entry = this._store.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this._env.now().getTime()) {
      this._store.delete(key);
      return null;
    }
    return entry.value;
  }
  _put(key: string, value: unknown, seconds: number): void {
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES) {
      throw new Error(`Argument too large: value (cache values are limited to 100 KB; key '${key}')`);
    }
    this._store.set(key, { value: text, expiresAt: this._env.now().getTime() + seconds * 1000 });
  }
}

function checkKey(key: unknown): string {
  const text = String(key);
  if (text.length > MAX_KEY_LENGTH)
    throw new Error(`Argument too large: key (cache keys are limited to 250 characters)`);
  return text;
}

function expiration(seconds: number | undefined): number {
  if (seconds === undefined) return DEFAULT_EXPIRATION_S;
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > MAX_EXPIRATION_S) {
    throw new Error(`Invalid argument: expirationInSeconds must be 1 to ${MAX_EXPIRATION_S}, got ${String(seconds)}`);
  }
  return Math.floor(seconds);
}

class CacheServiceImpl {
  readonly _document: Store = new Map();
  readonly _script: Store = new Map();
  readonly _users = new Map<string, Store>();

  constructor(private readonly _env: EmulatorEnv) {}

  getDocumentCache(): CacheImpl {
    return this._wrap(this._document);
  }
  getScriptCache(): CacheImpl {
    return this._wrap(this._script);
  }
  getUserCache(): CacheImpl {
    let store = this._users.get(this._env.user);
    if (!store) {
      store = new Map();
      this._users.set(this._env.user, store);
    }
    return this._wrap(store);
  }

  _wrap(store: Store): CacheImpl {
    return instrument(new CacheImpl(store, this._env), 'Cache', this._env);
  }
}

export function createCacheService(env: EmulatorEnv): GoogleAppsScript.Cache.CacheService {
  return instrument(new CacheServiceImpl(env), 'CacheService', env) as unknown as GoogleAppsScript.Cache.CacheService;
}

import { describe, expect, it } from 'vitest';
import { setupServices } from './support.js';

describe('PropertiesService', () => {
  it('stores strings, chains setters and keeps scopes apart', () => {
    const { PropertiesService } = setupServices();
    const doc = PropertiesService.getDocumentProperties();
    expect(doc.getProperty('missing')).toBeNull();
    doc.setProperty('count', 5 as unknown as string).setProperty('flag', true as unknown as string);
    expect(PropertiesService.getDocumentProperties().getProperty('count')).toBe('5');
    expect(doc.getProperties()).toEqual({ count: '5', flag: 'true' });
    expect(PropertiesService.getScriptProperties().getKeys()).toEqual([]);
    doc.setProperties({ a: 1 as unknown as string }, true);
    expect(doc.getKeys()).toEqual(['a']);
    doc.deleteProperty('a');
    expect(doc.getProperties()).toEqual({});
    PropertiesService.getUserProperties().setProperty('x', 'y').deleteAllProperties();
    expect(PropertiesService.getUserProperties().getKeys()).toEqual([]);
  });

  it('keeps user properties per user', () => {
    const { PropertiesService, env } = setupServices();
    PropertiesService.getUserProperties().setProperty('pref', 'dark');
    env.user = 'other@example.com';
    expect(PropertiesService.getUserProperties().getProperty('pref')).toBeNull();
  });
});

describe('CacheService', () => {
  it('expires entries by the emulator clock', () => {
    let now = Date.parse('2027-01-15T12:00:00Z');
    const { CacheService } = setupServices({}, { now: () => new Date(now) });
    const cache = CacheService.getDocumentCache() as GoogleAppsScript.Cache.Cache;
    cache.put('short', 'a', 60);
    cache.put('default', 'b');
    cache.putAll({ c: '1', d: '2' }, 3600);
    now += 59_999;
    expect(cache.getAll(['short', 'default', 'c', 'nope'])).toEqual({ short: 'a', default: 'b', c: '1' });
    now += 1;
    expect(cache.get('short')).toBeNull();
    now += 540_000;
    expect(cache.get('default')).toBeNull();
    expect(cache.get('d')).toBe('2');
    cache.removeAll(['c', 'd']);
    expect(cache.get('d')).toBeNull();
  });

  it('enforces the key, value and expiration limits', () => {
    const { CacheService } = setupServices();
    const cache = CacheService.getScriptCache();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow(/Argument too large: key/);
    expect(() => cache.put('k', 'v'.repeat(100 * 1024 + 1))).toThrow(/Argument too large: value/);
    expect(() => cache.put('k', 'v', 21601)).toThrow(/expirationInSeconds/);
    cache.put('k'.repeat(250), 'v'.repeat(100 * 1024), 21600);
    expect(cache.get('k'.repeat(250))).toHaveLength(100 * 1024);
  });
});

describe('LockService', () => {
  it('acquires, reports and releases the lock', () => {
    const { LockService } = setupServices();
    const lock = LockService.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(LockService._holder('document')).toBe('none');
  });

  it('times out when another process holds the lock', () => {
    const { LockService } = setupServices();
    LockService._holdByOther('document');
    const lock = LockService.getDocumentLock();
    expect(lock.tryLock(10_000)).toBe(false);
    expect(() => lock.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.hasLock()).toBe(false);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    LockService._release('document');
    expect(lock.tryLock(0)).toBe(true);
  });

  it('gets the lock when the other holder lets go within the timeout', () => {
    const { LockService } = setupServices();
    LockService._holdByOther('script', 5_000);
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1_000)).toBe(false);
    lock.waitLock(5_000);
    expect(lock.hasLock()).toBe(true);
  });
});

describe('Session and Logger', () => {
  it('reports the user, zone and locale of the environment', () => {
    const { Session } = setupServices({}, { timeZone: 'Pacific/Auckland' });
    expect(Session.getActiveUser().getEmail()).toBe('pmo@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('pmo@example.com');
    expect(Session.getScriptTimeZone()).toBe('Pacific/Auckland');
    expect(Session.getActiveUserLocale()).toBe('en');
    expect(Session.getTemporaryActiveUserKey()).toBe(Session.getTemporaryActiveUserKey());
  });

  it('logs with format placeholders, keeps lines readable, clears', () => {
    const { Logger, uiState } = setupServices();
    expect(Logger.log('Scored %s rows in %d ms', 'Corporate', 12.7)).toBe(Logger);
    Logger.log({ a: 1 } as unknown as string);
    expect(Logger.getLog()).toBe('Scored Corporate rows in 12 ms\n{"a":1}');
    expect(uiState.logs.map((l) => l.message)).toHaveLength(2);
    Logger.clear();
    expect(Logger.getLog()).toBe('');
  });
});

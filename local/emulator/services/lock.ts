import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';

export type LockKind = 'document' | 'script' | 'user';

/**
 * One lock per kind, shared by every Lock object of that kind. The emulator
 * runs one execution at a time, so "another process" exists only when a test
 * says so with LockService._holdByOther.
 */
interface LockSlot {
  holder: 'none' | 'self' | 'other';
  /** The other holder lets go after this many ms of waiting; undefined: never. */
  otherReleasesAfterMs: number | undefined;
}

const TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

class LockImpl {
  _acquired = false;

  constructor(private readonly _slot: LockSlot) {}

  tryLock(timeoutInMillis: number): boolean {
    return this._acquire(timeoutInMillis);
  }
  /** https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer) */
  waitLock(timeoutInMillis: number): void {
    if (!this._acquire(timeoutInMillis)) throw new Error(TIMEOUT_MESSAGE);
  }
  /** "This method has no effect if the lock has not been acquired." */
  releaseLock(): void {
    if (!this._acquired) return;
    this._acquired = false;
    this._slot.holder = 'none';
  }
  hasLock(): boolean {
    return this._acquired && this._slot.holder === 'self';
  }

  _acquire(timeoutInMillis: number): boolean {
    if (!Number.isFinite(timeoutInMillis) || timeoutInMillis < 0) {
      throw new Error(`Emulator: Lock timeout must be a non-negative number of milliseconds, got ${timeoutInMillis}`);
    }
    const slot = this._slot;
    if (slot.holder === 'other') {
      if (slot.otherReleasesAfterMs === undefined || slot.otherReleasesAfterMs > timeoutInMillis) return false;
      slot.holder = 'none';
      slot.otherReleasesAfterMs = undefined;
    }
    // Held by this same execution: acquiring again succeeds, as for a re-entrant lock.
    slot.holder = 'self';
    this._acquired = true;
    return true;
  }
}

class LockServiceImpl {
  readonly _slots: Record<LockKind, LockSlot> = {
    document: { holder: 'none', otherReleasesAfterMs: undefined },
    script: { holder: 'none', otherReleasesAfterMs: undefined },
    user: { holder: 'none', otherReleasesAfterMs: undefined },
  };

  constructor(private readonly _env: EmulatorEnv) {}

  getDocumentLock(): LockImpl {
    return this._lock('document');
  }
  getScriptLock(): LockImpl {
    return this._lock('script');
  }
  getUserLock(): LockImpl {
    return this._lock('user');
  }

  /**
   * Simulates another execution holding the lock. With `releaseAfterMs`, a
   * tryLock/waitLock whose timeout is at least that long gets the lock.
   */
  _holdByOther(kind: LockKind, releaseAfterMs?: number): void {
    // Mutated in place: Lock objects already handed out share the slot.
    this._slots[kind].holder = 'other';
    this._slots[kind].otherReleasesAfterMs = releaseAfterMs;
  }
  /** Frees the lock whoever holds it (e.g. between simulated executions: locks end with the script). */
  _release(kind?: LockKind): void {
    for (const k of kind ? [kind] : (Object.keys(this._slots) as LockKind[])) {
      this._slots[k].holder = 'none';
      this._slots[k].otherReleasesAfterMs = undefined;
    }
  }
  _holder(kind: LockKind): LockSlot['holder'] {
    return this._slots[kind].holder;
  }

  _lock(kind: LockKind): LockImpl {
    return instrument(new LockImpl(this._slots[kind]), 'Lock', this._env);
  }
}

export type LockServiceHandle = GoogleAppsScript.Lock.LockService & {
  _holdByOther(kind: LockKind, releaseAfterMs?: number): void;
  _release(kind?: LockKind): void;
  _holder(kind: LockKind): 'none' | 'self' | 'other';
};

export function createLockService(env: EmulatorEnv): LockServiceHandle {
  return instrument(new LockServiceImpl(env), 'LockService', env) as unknown as LockServiceHandle;
}

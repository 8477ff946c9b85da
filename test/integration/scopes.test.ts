/**
 * The built add-on under the scopes its manifest asks for, as Apps Script grants them: a
 * check-in through the sidebar records who made it (SPEC §5.2, §6.2).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SCOPE } from '../../local/emulator/scopes';
import { DIST_DIR, loadAddon } from '../../local/runtime';
import type { CheckInResult } from '../../src/shared/sidebar-api';
import { writeSampleWorkbook } from '../support/workbook';

const USER = 'amira.haddad@northwind.example';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function checkInOnce(rt: ReturnType<typeof loadAddon>): { result: CheckInResult; user: unknown } {
  writeSampleWorkbook(rt);
  const ss = rt.emulator.spreadsheet;
  const seen = ss.getSheetByName('Department OKRs')?.getRange('J3').getValue(); // SAL-KR1's Current
  const result = plain(
    rt.call('recordCheckIn', { id: 'SAL-KR1', seen: seen as number, value: '4500000', confidence: '', comment: '' }),
  );
  const log = ss.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
  return { result, user: log[log.length - 1]?.[6] };
}

describe('scopes of the pushed manifest', () => {
  it('are the scopes the emulator grants', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(loadAddon().emulator.env.oauthScopes).toEqual(manifest.oauthScopes);
  });

  it('let a check-in through the sidebar record its user', () => {
    const { result, user } = checkInOnce(loadAddon({ user: USER }));
    expect(result.status).toBe('saved');
    expect(user).toBe(USER);
  });

  it('save a check-in with a blank User where Google gives no email', () => {
    const { result, user } = checkInOnce(loadAddon({ user: '' }));
    expect(result.status).toBe('saved');
    expect(user).toBe('');
  });

  it('save a check-in with a blank User when the user declined the email permission', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const rt = loadAddon({ user: USER, grantedScopes: [SCOPE.sheetsCurrentOnly, SCOPE.containerUi] });
      expect(() => rt.evaluate('Session.getActiveUser()')).toThrow(
        'You do not have permission to call Session.getActiveUser',
      );
      const { result, user } = checkInOnce(rt);
      expect(result.status).toBe('saved');
      expect(user).toBe('');
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^Check-in saved without its user/), expect.anything());
    } finally {
      warn.mockRestore();
    }
  });
});

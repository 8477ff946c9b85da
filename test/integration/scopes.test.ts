/**
 * The built add-on under the scopes its manifest asks for, as Apps Script grants them: a
 * check-in through the sidebar records who made it (SPEC §5.2, §6.2).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, loadAddon } from '../../local/runtime';
import type { CheckInResult } from '../../src/shared/sidebar-api';
import { writeSampleWorkbook } from '../support/workbook';

const USER = 'amira.haddad@northwind.example';
const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function checkInOnce(rt: ReturnType<typeof loadAddon>): { result: CheckInResult; user: unknown } {
  writeSampleWorkbook(rt);
  const kr = plain(rt.call('sidebarContext')).items.find((i) => i.id === 'SAL-KR1');
  const result = plain(
    rt.call('recordCheckIn', { id: 'SAL-KR1', seen: kr?.current ?? '', value: '4500000', confidence: '', comment: '' }),
  );
  const log = rt.emulator.spreadsheet.getSheetByName('Check-ins')?.getDataRange().getValues() ?? [];
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
});

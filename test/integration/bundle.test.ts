import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as acorn from 'acorn';
import { describe, expect, it } from 'vitest';
import { DIST_DIR, loadAddon } from '../../local/runtime';
import { CUSTOM_FUNCTIONS, LIFECYCLE_FUNCTIONS, PUSHED_FILES } from './expected';

const code = readFileSync(path.join(DIST_DIR, 'Code.js'), 'utf8');

function topLevelFunctions(source: string): Map<string, string[]> {
  const program = acorn.parse(source, { ecmaVersion: 2020, sourceType: 'script' });
  const found = new Map<string, string[]>();
  for (const node of program.body) {
    if (node.type === 'FunctionDeclaration' && node.id) {
      found.set(
        node.id.name,
        node.params.map((p) => (p.type === 'Identifier' ? p.name : `<${p.type}>`)),
      );
    }
  }
  return found;
}

/** The JSDoc block written directly above `function NAME(`. */
function jsdocOf(name: string): string {
  const at = code.indexOf(`\nfunction ${name}(`);
  expect(at, `function ${name} in Code.js`).toBeGreaterThan(0);
  const before = code.slice(0, at);
  const start = before.lastIndexOf('/**');
  const end = before.lastIndexOf('*/');
  expect(end, `JSDoc directly above ${name}`).toBeGreaterThan(start);
  expect(before.slice(end + 2).trim(), `nothing between ${name}'s JSDoc and the function`).toBe('');
  return before.slice(start, end + 2);
}

describe('dist/Code.js as Apps Script loads it', () => {
  it('parses as an ES2020 script with no import or export', () => {
    expect(() => acorn.parse(code, { ecmaVersion: 2020, sourceType: 'script' })).not.toThrow();
    // ES2022 syntax Apps Script V8 rejects would not parse above; make the target explicit too.
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('stays small: Sheets parses it on every custom-function call (SPEC §6.1)', () => {
    // About 205 KB minified today (the Dashboard, units and the sample's check-in history
    // added some 70 KB of our own code since 131 KB); the budget leaves room to grow, and
    // catches an accidental bundling of a large dependency.
    expect(Buffer.byteLength(code)).toBeLessThan(240_000);
  });

  it('declares every lifecycle function and custom function at the top level', () => {
    const functions = topLevelFunctions(code);
    for (const name of LIFECYCLE_FUNCTIONS) expect(functions.has(name), name).toBe(true);
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      expect(functions.get(name), name).toEqual(params);
    }
  });

  it('gives every custom function the JSDoc Sheets autocomplete reads', () => {
    for (const [name, params] of Object.entries(CUSTOM_FUNCTIONS)) {
      const doc = jsdocOf(name);
      expect(doc).toContain('@customfunction');
      expect(doc).toMatch(/@return \S/);
      expect(doc).toMatch(/Example: =/);
      const documented = [...doc.matchAll(/@param \{[^}]*\} (\w+) \S/g)].map((m) => m[1]);
      expect(documented, `${name} @params`).toEqual(params);
    }
  });
});

describe('what clasp push would send', () => {
  it('is exactly the built files', () => {
    const out = execFileSync('npx', ['clasp', 'status', '--json'], {
      cwd: path.dirname(DIST_DIR),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const status = JSON.parse(out) as { filesToPush: string[]; untrackedFiles: string[] };
    expect([...status.filesToPush].sort()).toEqual([...PUSHED_FILES].sort());
    expect(status.untrackedFiles).toEqual([]);
  });

  it('has a manifest with V8, a time zone, exception logging and only the scopes of SPEC §6.2', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST_DIR, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toMatch(/\w+\/\w+/);
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/script.send_mail',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });
});

describe('the local runtime', () => {
  it("runs the bundle on the emulator's clock: new Date(), Date.now() and TODAY() agree", () => {
    const fixed = new Date('2027-02-15T12:00:00Z');
    const rt = loadAddon({ now: () => fixed });
    expect(rt.evaluate<number>('new Date().getTime()')).toBe(fixed.getTime());
    expect(rt.evaluate<number>('Date.now()')).toBe(fixed.getTime());
    expect(rt.evaluate<number>('new Date(2027, 0, 4).getFullYear()')).toBe(2027);
    expect(rt.evaluate<boolean>('new Date() instanceof Date')).toBe(true);
    rt.emulator.env.now = () => new Date('2027-03-01T00:00:00Z');
    expect(rt.evaluate<string>('new Date().toISOString()')).toBe('2027-03-01T00:00:00.000Z');
  });
});

/**
 * OAuth scopes: the emulator grants what the manifest lists, fails a call as Apps Script does
 * when its scope is missing, and the scope table covers every service method src/ calls.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { CallLog, instrument } from '../../local/emulator/calls.js';
import { createEmulator } from '../../local/emulator/index.js';
import { isGranted, REQUIRED_SCOPES, SCOPE } from '../../local/emulator/scopes.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TODAY = [SCOPE.sheetsCurrentOnly, SCOPE.containerUi];

type Services = {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  Session: GoogleAppsScript.Base.Session;
  Logger: GoogleAppsScript.Base.Logger;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  LockService: GoogleAppsScript.Lock.LockService;
};
const servicesOf = (oauthScopes?: string[], grantedScopes?: string[]) => {
  const emu = createEmulator({ oauthScopes, grantedScopes, user: 'amira@northwind.example' });
  return { emu, ...(emu.globals as Services) };
};

function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call did not throw');
}

describe('scopes: what the manifest lists is all the script gets', () => {
  it('refuses Session.getActiveUser without userinfo.email, in Apps Script’s words', () => {
    const { emu, Session } = servicesOf(TODAY);
    const error = thrown(() => Session.getActiveUser());
    expect(error.message).toBe(
      'Specified permissions are not sufficient to call Session.getActiveUser. ' +
        'Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
    expect(String(error)).toMatch(/^Exception: Specified permissions/);
    expect(emu.calls.count('Session.getActiveUser')).toBe(0);
  });

  it('allows it once the manifest lists the scope', () => {
    const { Session } = servicesOf([...TODAY, SCOPE.userEmail]);
    expect(Session.getActiveUser().getEmail()).toBe('amira@northwind.example');
  });

  it('says "You do not have permission" for a listed scope the user declined', () => {
    const { Session } = servicesOf([...TODAY, SCOPE.userEmail], TODAY);
    expect(thrown(() => Session.getActiveUser()).message).toBe(
      'You do not have permission to call Session.getActiveUser. ' +
        'Required permissions: https://www.googleapis.com/auth/userinfo.email',
    );
  });

  it('grants a spreadsheet method with either spreadsheet scope, and names both when neither is there', () => {
    expect(servicesOf([SCOPE.sheets]).SpreadsheetApp.getActiveSpreadsheet().getRange('A1').getValues()).toEqual([['']]);
    expect(servicesOf([SCOPE.sheetsCurrentOnly]).SpreadsheetApp.getActiveSpreadsheet().getName()).toBeTypeOf('string');
    expect(thrown(() => servicesOf([SCOPE.containerUi]).SpreadsheetApp.getActiveSpreadsheet()).message).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: ' +
        '(https://www.googleapis.com/auth/spreadsheets.currentonly || https://www.googleapis.com/auth/spreadsheets)',
    );
  });

  it('does not let spreadsheets.currentonly open another spreadsheet', () => {
    const { SpreadsheetApp } = servicesOf([SCOPE.sheetsCurrentOnly]);
    const id = SpreadsheetApp.getActiveSpreadsheet().getId();
    expect(thrown(() => SpreadsheetApp.openById(id)).message).toBe(
      'Specified permissions are not sufficient to call SpreadsheetApp.openById. ' +
        'Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('needs no scope for logging, utilities, properties, locks and building the menu', () => {
    const { emu, SpreadsheetApp, Logger, Utilities, PropertiesService, LockService } = servicesOf([]);
    Logger.log('hello');
    expect(Utilities.formatDate(new Date(Date.UTC(2027, 0, 4)), 'UTC', 'yyyy-MM-dd')).toBe('2027-01-04');
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(LockService.getDocumentLock().tryLock(10)).toBe(true);
    SpreadsheetApp.getUi().createAddonMenu().addItem('Open sidebar', 'openSidebar').addToUi();
    expect(emu.uiState.menuCaptions()).toEqual(['OKR Cascade']);
  });

  it('allows everything when the manifest lists no scopes (Apps Script detects them)', () => {
    const { Session } = servicesOf(undefined);
    expect(Session.getActiveUser().getEmail()).toBe('amira@northwind.example');
  });

  it('refuses a method the scope table does not list, so the table cannot fall behind', () => {
    const env = { calls: new CallLog(), authMode: 'FULL' as const };
    const range = instrument({ frobnicate: () => 1 }, 'Range', env);
    expect(() => range.frobnicate()).toThrow(/^Emulator: Range\.frobnicate is not in the scope table/);
  });
});

/** `Class.method` of every call in src/ on a value typed by @types/google-apps-script. */
function serviceCallsInSrc(): Map<string, string> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'src/tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!config) throw new Error('src/tsconfig.json cannot be read');
  const program = ts.createProgram(config.fileNames, config.options);
  const checker = program.getTypeChecker();
  const calls = new Map<string, string>();
  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(path.join(ROOT, 'src/'))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const declaration = checker.getSymbolAtLocation(node.expression.name)?.declarations?.[0];
        const owner = declaration?.parent;
        if (
          owner &&
          ts.isInterfaceDeclaration(owner) &&
          declaration.getSourceFile().fileName.includes('/@types/google-apps-script/')
        ) {
          // The emulator records every typed chart builder (EmbeddedColumnChartBuilder, …) as one class.
          const className = owner.name.text.replace(/^Embedded\w+ChartBuilder$/, 'EmbeddedChartBuilder');
          const where = `${path.relative(ROOT, file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          calls.set(`${className}.${node.expression.name.text}`, where);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return calls;
}

describe('scopes: the table covers src/', () => {
  const calls = serviceCallsInSrc();

  it('finds the service calls of src/', () => {
    for (const key of ['SpreadsheetApp.getActiveSpreadsheet', 'Range.setValues', 'Session.getActiveUser', 'Ui.alert'])
      expect(calls.has(key), key).toBe(true);
  });

  it('lists every method src/ calls', () => {
    const missing = [...calls].filter(([key]) => !REQUIRED_SCOPES.has(key)).map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it('is granted, for every method src/ calls, by the scopes appsscript.json asks for', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const ungranted = [...calls]
      .filter(([key]) => !isGranted(REQUIRED_SCOPES.get(key) ?? [], manifest.oauthScopes))
      .map(([key, where]) => `${key} (${where}) needs ${REQUIRED_SCOPES.get(key)?.join(' or ')}`);
    expect(ungranted).toEqual([]);
  });

  it('is the reason for every scope appsscript.json asks for (SPEC §6.2: what a feature provably needs)', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const needed = new Set([...calls.keys()].flatMap((key) => REQUIRED_SCOPES.get(key) ?? []));
    expect(manifest.oauthScopes.filter((scope) => !needed.has(scope))).toEqual([]);
  });
});

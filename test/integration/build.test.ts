import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// @ts-expect-error build.mjs is plain JavaScript without types
const { build } = (await import('../../build.mjs')) as {
  build(options: { entry: string; outDir: string }): Promise<{ entryPoints: string[] }>;
};

const fixture = (name: string) => path.resolve('test/fixtures/build', name);
const outDir = () => mkdtempSync(path.join(os.tmpdir(), 'okr-build-'));

describe('build.mjs', () => {
  it('writes a top-level stub with JSDoc from the function’s own docs', async () => {
    const out = outDir();
    const { entryPoints } = await build({ entry: fixture('ok.ts'), outDir: out });
    expect(entryPoints).toEqual(['DOUBLEIT', 'onOpen']);
    const code = readFileSync(path.join(out, 'Code.js'), 'utf8');
    expect(code).toContain(
      [
        '/**',
        ' * Doubles a number.',
        ' *',
        ' * Example: =DOUBLEIT(2) → 4',
        ' *',
        ' * @param {*} value The number to double.',
        ' * @return Twice the value.',
        ' * @customfunction',
        ' */',
        'function DOUBLEIT(value) {',
        '  return OKRCascade.DOUBLEIT(value);',
        '}',
      ].join('\n'),
    );
  });

  it.each([
    ['not-a-function.ts', 'entry point VERSION is not a function (it is string)'],
    ['no-docs.ts', 'custom function WEIGHTEDSCORE has no docs'],
    ['builtin-clash.ts', 'custom function SUM clashes with the Sheets built-in function SUM'],
    ['builtin-clash.ts', 'custom function QUERY clashes with the Sheets built-in function QUERY'],
    ['underscore.ts', 'custom function SCORE_ ends in "_"'],
  ])('refuses %s: %s', async (file, message) => {
    await expect(build({ entry: fixture(file), outDir: outDir() })).rejects.toThrow(message);
  });
});

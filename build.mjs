// Builds what `clasp push` sends to Apps Script (dist/):
//   Code.js          the add-on bundled as one IIFE, plus one top-level stub per entry point
//   appsscript.json  the manifest
//   <page>.html      each sidebar/dialog page with its script and style inlined
//
// Apps Script only calls top-level function declarations and reads custom-function
// docs from JSDoc above them; esbuild keeps neither, so the stubs are written here,
// with the JSDoc taken from each custom function's `customFunctionDoc`.
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { SHEETS_ONLY_FUNCTIONS } from './build/sheets-functions.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEFAULTS = {
  entry: path.join(root, 'src/main.ts'),
  outDir: path.join(root, 'dist'),
  pagesDir: path.join(root, 'src/ui/pages'),
  manifest: path.join(root, 'appsscript.json'),
};
const scratch = path.join(root, '.build');
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const DEFINES = { __OKR_CASCADE_VERSION__: JSON.stringify(version) };
export const GLOBAL_NAME = 'OKRCascade';
const TARGET = 'es2020'; // Apps Script V8 rejects #private and static class fields

export class BuildError extends Error {}

/** ESM pre-pass: the entry's export names (from the metafile) and their values. */
async function readEntryPoints(entry) {
  const outfile = path.join(scratch, `entry-${process.pid}-${Date.now()}.mjs`);
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: TARGET,
    outfile,
    metafile: true,
    define: DEFINES,
    logLevel: 'silent',
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const names = output?.exports ?? [];
  try {
    const module = await import(pathToFileURL(outfile).href);
    return names.map((name) => ({ name, value: module[name] }));
  } finally {
    await rm(outfile, { force: true });
  }
}

const isCustomFunctionName = (name) => /^[A-Z][A-Z0-9_]*$/.test(name);

async function sheetsBuiltIns() {
  const { HyperFormula } = await import('hyperformula');
  return new Set([...HyperFormula.getRegisteredFunctionNames('enGB'), ...SHEETS_ONLY_FUNCTIONS]);
}

/** Every rule Apps Script or Sheets would otherwise enforce silently, as a build error. */
async function checkEntryPoints(entryPoints) {
  const problems = [];
  const builtIns = await sheetsBuiltIns();
  for (const { name, value } of entryPoints) {
    if (typeof value !== 'function') {
      problems.push(`entry point ${name} is not a function (it is ${value === null ? 'null' : typeof value})`);
      continue;
    }
    if (!isCustomFunctionName(name)) continue;
    const doc = value.customFunctionDoc;
    if (name.endsWith('_')) problems.push(`custom function ${name} ends in "_": Apps Script hides such functions`);
    if (builtIns.has(name)) problems.push(`custom function ${name} clashes with the Sheets built-in function ${name}`);
    if (!doc) {
      problems.push(`custom function ${name} has no docs: define it with defineCustomFunction(doc, impl)`);
      continue;
    }
    for (const field of ['summary', 'returns', 'example']) {
      if (typeof doc[field] !== 'string' || doc[field].trim() === '') {
        problems.push(`custom function ${name} has no ${field} in its docs`);
      }
    }
    if (value.length > doc.params.length) {
      problems.push(`custom function ${name} takes ${value.length} parameters but documents ${doc.params.length}`);
    }
    for (const param of doc.params) {
      if (!/^[a-z][a-z0-9_]*$/.test(param.name))
        problems.push(`custom function ${name}: bad parameter name "${param.name}"`);
      if (!param.description?.trim())
        problems.push(`custom function ${name}: parameter ${param.name} has no description`);
    }
  }
  if (problems.length)
    throw new BuildError(`build.mjs: ${problems.length} problem(s):\n  - ${problems.join('\n  - ')}`);
}

const jsdocLine = (text) => text.replace(/\*\//g, '*\\/').replace(/\s*\n\s*/g, ' ');

function customFunctionStub(name, doc) {
  const params = doc.params.map((p) => p.name);
  const lines = [jsdocLine(doc.summary), '', `Example: ${jsdocLine(doc.example)}`, ''];
  for (const p of doc.params) {
    lines.push(`@param {*} ${p.name} ${p.optional ? 'Optional. ' : ''}${jsdocLine(p.description)}`);
  }
  lines.push(`@return ${jsdocLine(doc.returns)}`, '@customfunction');
  const jsdoc = ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
  const list = params.join(', ');
  return `${jsdoc}\nfunction ${name}(${list}) {\n  return ${GLOBAL_NAME}.${name}(${list});\n}\n`;
}

const entryPointStub = (name) => `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`;

async function bundleScript(entry, entryPoints) {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL_NAME,
    platform: 'neutral',
    target: TARGET,
    // Sheets parses the whole script on every custom-function call (SPEC §6.1: stay small).
    minify: process.env.OKR_UNMINIFIED !== '1',
    legalComments: 'none',
    define: DEFINES,
    write: false,
    logLevel: 'silent',
  });
  const bundle = result.outputFiles[0].text;
  const stubs = entryPoints.map(({ name, value }) =>
    isCustomFunctionName(name) ? customFunctionStub(name, value.customFunctionDoc) : entryPointStub(name),
  );
  return `${bundle}\n// Entry points: Apps Script calls only top-level functions.\n${stubs.join('\n')}`;
}

/** Inline text into an HTML page without letting it close the element it sits in. */
const inlineSafe = (code, tag) => code.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);

/**
 * Each page is src/ui/pages/<name>.html; a `<script src="./x.ts"></script>` is
 * bundled (browser, es2020) and inlined, a `<link rel="stylesheet" href="./x.css">`
 * is inlined. Apps Script serves one file per page, so nothing may stay external.
 */
async function buildPages(pagesDir, outDir) {
  let files = [];
  try {
    files = (await readdir(pagesDir)).filter((f) => f.endsWith('.html'));
  } catch {
    return [];
  }
  const built = [];
  for (const file of files) {
    let html = await readFile(path.join(pagesDir, file), 'utf8');
    const scripts = [...html.matchAll(/<script src="([^"]+\.ts)"><\/script>/g)];
    for (const [tag, src] of scripts) {
      const out = await esbuild.build({
        entryPoints: [path.join(pagesDir, src)],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: TARGET,
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      html = html.replace(tag, () => `<script>${inlineSafe(out.outputFiles[0].text, 'script')}</script>`);
    }
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"\s*\/?>/g)];
    for (const [tag, href] of styles) {
      const out = await esbuild.build({
        entryPoints: [path.join(pagesDir, href)],
        bundle: true,
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      html = html.replace(tag, () => `<style>${inlineSafe(out.outputFiles[0].text, 'style')}</style>`);
    }
    if (/<script src=|<link rel="stylesheet"/.test(html)) {
      throw new BuildError(`build.mjs: ${file} still references an external script or style`);
    }
    await writeFile(path.join(outDir, file), html);
    built.push(file);
  }
  return built;
}

/** Options exist so tests can build fixture entries; `npm run build` uses the defaults. */
export async function build(options = {}) {
  const { entry, outDir, pagesDir, manifest } = { ...DEFAULTS, ...options };
  await mkdir(scratch, { recursive: true });
  const entryPoints = await readEntryPoints(entry);
  await checkEntryPoints(entryPoints);
  const code = await bundleScript(entry, entryPoints);
  // Build beside dist/ and swap it in: a failed build leaves the last good one, and
  // a test loading dist/ meanwhile never sees it half written.
  const staging = `${outDir}.staging-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  try {
    await writeFile(path.join(staging, 'Code.js'), code);
    await copyFile(manifest, path.join(staging, 'appsscript.json'));
    const pages = await buildPages(pagesDir, staging);
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
    return { entryPoints: entryPoints.map((e) => e.name), pages };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { entryPoints, pages } = await build();
    console.log(`dist/Code.js: ${entryPoints.length} entry points (${entryPoints.join(', ')})`);
    if (pages.length) console.log(`dist pages: ${pages.join(', ')}`);
  } catch (error) {
    console.error(error instanceof BuildError ? error.message : error);
    process.exitCode = 1;
  }
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';
import { compileTemplate, escapeHtml, runTemplate } from './template.js';

/** https://developers.google.com/apps-script/reference/html/sandbox-mode */
export const SandboxMode = Object.freeze({ EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const);
/** https://developers.google.com/apps-script/reference/html/x-frame-options-mode */
export const XFrameOptionsMode = Object.freeze({ ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const);

export interface HtmlOptions {
  /** Folder holding the project's .html files (createHtmlOutputFromFile / createTemplateFromFile). */
  htmlDir?: string;
  /**
   * The script's global scope, seen by template scriptlets (e.g. an `include`
   * helper defined by the add-on). Read lazily: the loader creates the realm later.
   */
  templateGlobals?: () => object;
}

class MetaTagImpl {
  constructor(
    private readonly _name: string,
    private readonly _content: string,
  ) {}
  getName(): string {
    return this._name;
  }
  getContent(): string {
    return this._content;
  }
}

class HtmlOutputImpl {
  _content: string;
  _title = '';
  _width: number | null = null;
  _height: number | null = null;
  _sandboxMode: string = SandboxMode.IFRAME;
  _xFrameOptionsMode: string = XFrameOptionsMode.DEFAULT;
  _faviconUrl: string | null = null;
  readonly _metaTags: Array<{ name: string; content: string }> = [];

  constructor(
    private readonly _services: HtmlServiceImpl,
    content: string,
  ) {
    this._content = content;
  }

  getContent(): string {
    return this._content;
  }
  setContent(content: string): this {
    this._content = String(content);
    return this;
  }
  append(addedContent: string): this {
    this._content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): this {
    this._content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): this {
    this._content = '';
    return this;
  }
  asTemplate(): unknown {
    return this._services._template(this._content);
  }
  getTitle(): string {
    return this._title;
  }
  setTitle(title: string): this {
    this._title = String(title);
    return this;
  }
  getWidth(): number | null {
    return this._width;
  }
  setWidth(width: number): this {
    this._width = checkSize('setWidth', width);
    return this;
  }
  getHeight(): number | null {
    return this._height;
  }
  setHeight(height: number): this {
    this._height = checkSize('setHeight', height);
    return this;
  }
  setSandboxMode(mode: string): this {
    if (!(mode in SandboxMode)) throw new Error(`Emulator: HtmlOutput.setSandboxMode: unknown mode ${String(mode)}`);
    this._sandboxMode = mode;
    return this;
  }
  setXFrameOptionsMode(mode: string): this {
    if (!(mode in XFrameOptionsMode)) {
      throw new Error(`Emulator: HtmlOutput.setXFrameOptionsMode: unknown mode ${String(mode)}`);
    }
    this._xFrameOptionsMode = mode;
    return this;
  }
  addMetaTag(name: string, content: string): this {
    this._metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): MetaTagImpl[] {
    return this._metaTags.map((t) =>
      instrument(new MetaTagImpl(t.name, t.content), 'HtmlOutputMetaTag', this._services._env),
    );
  }
  getFaviconUrl(): string | null {
    return this._faviconUrl;
  }
  setFaviconUrl(iconUrl: string): this {
    this._faviconUrl = String(iconUrl);
    return this;
  }
}

function checkSize(method: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Emulator: HtmlOutput.${method} expects a non-negative integer of pixels, got ${String(value)}`);
  }
  return value;
}

/** Template variables are the template object's own properties that are not emulator internals. */
class HtmlTemplateImpl {
  [variable: string]: unknown;
  /** The unwrapped object: reading variables through the instrument proxy would wrap function values. */
  private readonly _target: HtmlTemplateImpl = this;

  constructor(
    private readonly _services: HtmlServiceImpl,
    private readonly _source: string,
  ) {}

  evaluate(): unknown {
    const target = this._target;
    const vars: Record<string, unknown> = {};
    for (const key of Object.keys(target)) {
      if (!key.startsWith('_')) vars[key] = target[key];
    }
    const html = runTemplate(this._source, vars, this._services._globals());
    return this._services._output(html);
  }
  getRawContent(): string {
    return this._source;
  }
  getCode(): string {
    return compileTemplate(this._source);
  }
  getCodeWithComments(): string {
    return compileTemplate(this._source);
  }
}

class HtmlServiceImpl {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;

  constructor(
    readonly _env: EmulatorEnv,
    private readonly _options: HtmlOptions,
    private readonly _self: () => unknown,
  ) {}

  createHtmlOutput(html?: unknown): unknown {
    return this._output(html === undefined ? '' : contentOf(html));
  }
  createHtmlOutputFromFile(filename: string): unknown {
    return this._output(this._readFile('createHtmlOutputFromFile', filename));
  }
  createTemplate(html: unknown): unknown {
    return this._template(contentOf(html));
  }
  createTemplateFromFile(filename: string): unknown {
    return this._template(this._readFile('createTemplateFromFile', filename));
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (OKR Cascade emulator)';
  }

  _output(content: string): unknown {
    return instrument(new HtmlOutputImpl(this, content), 'HtmlOutput', this._env);
  }
  _template(source: string): unknown {
    return instrument(new HtmlTemplateImpl(this, source), 'HtmlTemplate', this._env);
  }
  _globals(): object {
    const globals = this._options.templateGlobals?.() ?? globalThis;
    // Scriptlets commonly call HtmlService (to include other files) even when the realm has none yet.
    return Object.assign(Object.create(globals) as object, { HtmlService: this._self() });
  }

  /** Apps Script names HTML files without their extension; accept both. */
  _readFile(method: string, filename: string): string {
    const dir = this._options.htmlDir;
    if (!dir) throw new Error(`Emulator: HtmlService.${method}('${filename}'): no htmlDir was given to the emulator`);
    const name = String(filename).replace(/\.html$/i, '');
    const path = join(dir, `${name}.html`);
    if (!existsSync(path)) {
      throw new Error(`Emulator: HtmlService.${method}: no HTML file named '${name}' (looked for ${path})`);
    }
    return readFileSync(path, 'utf8');
  }
}

function contentOf(html: unknown): string {
  // BlobSource: anything with getBlob().getDataAsString().
  const blobSource = html as { getBlob?: () => { getDataAsString(): string } } | null;
  if (blobSource && typeof blobSource.getBlob === 'function') return blobSource.getBlob().getDataAsString();
  return String(html);
}

export function createHtmlService(env: EmulatorEnv, options: HtmlOptions): GoogleAppsScript.HTML.HtmlService {
  let service: unknown;
  service = instrument(new HtmlServiceImpl(env, options, () => service), 'HtmlService', env);
  return service as GoogleAppsScript.HTML.HtmlService;
}

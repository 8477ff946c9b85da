/**
 * Apps Script HTML templates: `<? code ?>` standard scriptlets, `<?= expr ?>`
 * printing scriptlets (contextually escaped) and `<?!= expr ?>` force-printing
 * scriptlets (raw).
 * https://developers.google.com/apps-script/guides/html/templates
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A JS literal that cannot close the surrounding <script> element. */
function escapeForScript(value: unknown): string {
  const json = JSON.stringify(value === undefined ? null : value) ?? 'null';
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inside a quoted JS string only the string's content is printed, so `'<?= name ?>'` stays one string. */
function escapeForScriptString(value: unknown): string {
  const json = JSON.stringify(value == null ? '' : String(value)).slice(1, -1);
  return json.replace(/[<>&\u2028\u2029'`$]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Context = 'html' | 'script' | `script${'"' | "'" | '`'}`;

/** Prints a value the way `<?= ?>` does in the given context. */
export function printEscaped(value: unknown, context: Context): string {
  if (context === 'script') return escapeForScript(value);
  if (context.startsWith('script')) return escapeForScriptString(value);
  return escapeHtml(value == null ? '' : String(value));
}

function printRaw(value: unknown): string {
  return value == null ? '' : String(value);
}

/**
 * Where the end of the template text so far is: HTML, JS code in a <script>
 * element, or a quoted string in it (regex literals are not recognized).
 */
function contextAt(literalSoFar: string): Context {
  const lower = literalSoFar.toLowerCase();
  const open = lower.lastIndexOf('<script');
  if (open < 0 || lower.indexOf('</script', open) >= 0) return 'html';
  const tagEnd = literalSoFar.indexOf('>', open);
  if (tagEnd < 0) return 'html';
  const code = literalSoFar.slice(tagEnd + 1);
  let quote: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code.charAt(i);
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'" || c === '`') {
      quote = c;
    } else if (c === '/' && code.charAt(i + 1) === '/') {
      const nl = code.indexOf('\n', i);
      i = nl < 0 ? code.length : nl;
    } else if (c === '/' && code.charAt(i + 1) === '*') {
      const close = code.indexOf('*/', i + 2);
      i = close < 0 ? code.length : close + 1;
    }
  }
  return quote ? (`script${quote}` as Context) : 'script';
}

/**
 * Compiles a template to the body of a sloppy-mode function (so it can use
 * `with`) taking (__scope, __print, __raw) and returning the output.
 */
export function compileTemplate(source: string): string {
  const lines = ['var __out = [];', 'with (__scope) {'];
  let literal = '';
  let pos = 0;
  while (pos < source.length) {
    const start = source.indexOf('<?', pos);
    if (start < 0) {
      lines.push(`__out.push(${JSON.stringify(source.slice(pos))});`);
      break;
    }
    if (start > pos) {
      const text = source.slice(pos, start);
      literal += text;
      lines.push(`__out.push(${JSON.stringify(text)});`);
    }
    const end = source.indexOf('?>', start + 2);
    if (end < 0) throw new Error(`Emulator: unterminated scriptlet at offset ${start} of the HTML template`);
    const inner = source.slice(start + 2, end);
    if (inner.startsWith('!=')) {
      lines.push(`__out.push(__raw(${inner.slice(2)}));`);
    } else if (inner.startsWith('=')) {
      lines.push(`__out.push(__print(${inner.slice(1)}, ${JSON.stringify(contextAt(literal))}));`);
    } else {
      lines.push(inner);
    }
    pos = end + 2;
  }
  lines.push('}', "return __out.join('');");
  return lines.join('\n');
}

/**
 * Runs a template. Names resolve first to the template's variables, then to
 * `globals` (the script's global scope), then to the host's globals.
 */
export function runTemplate(source: string, vars: Record<string, unknown>, globals: object): string {
  const scope = Object.assign(Object.create(globals) as Record<string, unknown>, vars);
  const body = compileTemplate(source);
  const fn = new Function('__scope', '__print', '__raw', body) as (
    scope: object,
    print: typeof printEscaped,
    raw: typeof printRaw,
  ) => string;
  return fn(scope, printEscaped, printRaw);
}

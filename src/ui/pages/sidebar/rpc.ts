/**
 * google.script.run as a typed promise per SidebarApi function. The page never
 * calls google.script.run directly, so every server call goes through the busy
 * indicator and the same error text.
 */
import type { SidebarApi } from '../../../shared/sidebar-api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

type Api = SidebarApi;

/** A server error as a person reads it: Apps Script may prefix "Error: " or "Exception: ". */
export function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = raw.replace(/^(Error|Exception|ScriptError):\s*/i, '').trim();
  return text === '' ? 'The server did not answer. Check your connection and try again.' : text;
}

export function callServer<K extends keyof Api>(name: K, ...args: Parameters<Api[K]>): Promise<ReturnType<Api[K]>> {
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Api[K]>))
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    const fn = run[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on has no server function ${name}: reinstall or update it.`));
      return;
    }
    fn.apply(run, args);
  });
}

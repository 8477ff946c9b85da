import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';
import type { LogLine } from './ui.js';
import { formatString } from './utilities.js';

function describe(value: unknown): string {
  if (value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Date]') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

/**
 * log(data) or log(format, ...values) with formatString's % placeholders.
 * https://developers.google.com/apps-script/reference/base/logger#log(String,Object...)
 */
class LoggerImpl {
  constructor(
    private readonly _env: EmulatorEnv,
    private readonly _lines: LogLine[],
  ) {}

  log(data: unknown, ...values: unknown[]): this {
    const message = values.length > 0 ? formatString(String(data), ...values) : describe(data);
    this._lines.push({ at: this._env.now(), message });
    return this;
  }
  /** Messages only, one per line: the real log's timestamp prefixes would make tests clock-dependent. */
  getLog(): string {
    return this._lines.map((l) => l.message).join('\n');
  }
  clear(): void {
    this._lines.length = 0;
  }
}

export function createLogger(env: EmulatorEnv, lines: LogLine[]): GoogleAppsScript.Base.Logger {
  return instrument(new LoggerImpl(env, lines), 'Logger', env) as unknown as GoogleAppsScript.Base.Logger;
}

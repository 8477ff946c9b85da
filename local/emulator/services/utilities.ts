import { createHash, createHmac, randomUUID } from 'node:crypto';
import { instrument } from '../calls.js';
import type { EmulatorEnv } from '../env.js';
import { formatDate } from './formatDate.js';

/** https://developers.google.com/apps-script/reference/utilities/charset */
export const Charset = Object.freeze({ US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const);
/** https://developers.google.com/apps-script/reference/utilities/digest-algorithm */
export const DigestAlgorithm = Object.freeze({
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const);
const NODE_DIGEST: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};

/** "The maximum allowed value is 300000 (or 5 minutes)." */
const MAX_SLEEP_MS = 300_000;

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
function toSignedBytes(buffer: Buffer): number[] {
  return [...buffer].map((b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: string | number[], charset?: string): Buffer {
  if (typeof data === 'string') return Buffer.from(data, charset === Charset.US_ASCII ? 'latin1' : 'utf8');
  return Buffer.from(data.map((b) => b & 255));
}

/**
 * printf-like: %s %d %i %f %e %x %o %c %%, with flags (- + space 0), width and precision.
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatString(String,Object...)
 */
export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%([-+ 0]*)(\d+)?(?:\.(\d+))?([sdifexXoc%])/g,
    (_m, flags: string, width?: string, precision?: string, conversion?: string) => {
      if (conversion === '%') return '%';
      const arg = args[next++];
      let body: string;
      const num = Number(arg);
      switch (conversion) {
        case 's':
          body = String(arg);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case 'd':
        case 'i':
          body = String(Math.trunc(num));
          break;
        case 'f':
          body = num.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
          body = num.toExponential(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
          body = Math.trunc(num).toString(16);
          break;
        case 'X':
          body = Math.trunc(num).toString(16).toUpperCase();
          break;
        case 'o':
          body = Math.trunc(num).toString(8);
          break;
        default:
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
      }
      const numeric = conversion !== 's' && conversion !== 'c';
      if (numeric && !body.startsWith('-')) {
        if (flags.includes('+')) body = `+${body}`;
        else if (flags.includes(' ')) body = ` ${body}`;
      }
      const w = width === undefined ? 0 : Number(width);
      if (body.length >= w) return body;
      if (flags.includes('-')) return body.padEnd(w);
      if (numeric && flags.includes('0')) {
        const sign = /^[-+ ]/.test(body) ? body.charAt(0) : '';
        return sign + body.slice(sign.length).padStart(w - sign.length, '0');
      }
      return body.padStart(w);
    },
  );
}

class UtilitiesImpl {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  /** Total ms scripts asked to sleep; the emulator does not actually wait or move the clock. */
  _sleptMs = 0;

  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDate(date, timeZone, format);
  }
  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }
  getUuid(): string {
    return randomUUID();
  }
  sleep(milliseconds: number): void {
    if (!(milliseconds >= 0) || milliseconds > MAX_SLEEP_MS) {
      throw new Error(`Emulator: Utilities.sleep takes 0 to ${MAX_SLEEP_MS} ms, got ${String(milliseconds)}`);
    }
    this._sleptMs += milliseconds;
  }
  base64Encode(data: string | number[], charset?: string): string {
    return toBuffer(data, charset).toString('base64');
  }
  base64EncodeWebSafe(data: string | number[], charset?: string): string {
    return toBuffer(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }
  base64Decode(encoded: string, _charset?: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64DecodeWebSafe(encoded: string, _charset?: string): number[] {
    return toSignedBytes(Buffer.from(String(encoded), 'base64url'));
  }
  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const name = NODE_DIGEST[algorithm];
    if (!name) throw new Error(`Emulator: Utilities.computeDigest: unsupported algorithm ${String(algorithm)}`);
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }
  computeHmacSha256Signature(value: string | number[], key: string | number[], charset?: string): number[] {
    return toSignedBytes(createHmac('sha256', toBuffer(key, charset)).update(toBuffer(value, charset)).digest());
  }
}

export type UtilitiesHandle = GoogleAppsScript.Utilities.Utilities & { readonly _sleptMs: number };

export function createUtilities(env: EmulatorEnv): UtilitiesHandle {
  return instrument(new UtilitiesImpl(), 'Utilities', env) as unknown as UtilitiesHandle;
}

/**
 * Utilities.formatDate: Java SimpleDateFormat patterns, in the en_US locale,
 * evaluated in any IANA time zone through Intl (so DST follows the tz database).
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */

import { formatter, MONTH_NAMES, WEEKDAY_NAMES } from '../spreadsheet/dates.js';

interface Fields {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday */
  weekday: number;
  offsetMinutes: number;
}

type Zone = { kind: 'fixed'; offsetMinutes: number; name: string } | { kind: 'intl'; id: string };

/**
 * Java's TimeZone.getTimeZone also takes custom ids like "GMT+2" or "GMT-05:30";
 * Intl does not, so those are handled as fixed offsets. An unknown id silently
 * means GMT in Java; the emulator throws instead, so a typo cannot pass a test.
 */
export function resolveZone(timeZone: string): Zone {
  const custom = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (custom) {
    const minutes = Number(custom[2]) * 60 + Number(custom[3] ?? 0);
    const sign = custom[1] === '-' ? -1 : 1;
    return {
      kind: 'fixed',
      offsetMinutes: sign * minutes,
      name: `GMT${custom[1]}${pad(Number(custom[2]), 2)}:${pad(Number(custom[3] ?? 0), 2)}`,
    };
  }
  try {
    formatter(timeZone);
  } catch {
    throw new Error(
      `Emulator: Utilities.formatDate: unknown time zone '${timeZone}' (Apps Script would silently use GMT)`,
    );
  }
  return { kind: 'intl', id: timeZone };
}

function fieldsOf(t: number, zone: Zone): Fields {
  const ms = ((t % 1000) + 1000) % 1000;
  let offsetMinutes: number;
  if (zone.kind === 'fixed') {
    offsetMinutes = zone.offsetMinutes;
  } else {
    const parts: Record<string, number> = {};
    for (const p of formatter(zone.id).formatToParts(new Date(t))) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    const wall = Date.UTC(
      parts.year ?? 0,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    offsetMinutes = Math.round((wall - (t - ms)) / 60000);
  }
  const local = new Date(t + offsetMinutes * 60000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    ms,
    weekday: local.getUTCDay(),
    offsetMinutes,
  };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function dayOfYear(f: Fields): number {
  return (Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000 + 1;
}

/** en_US weeks: start on Sunday; week 1 is the week holding January 1. */
function weekOfYear(f: Fields): { week: number; weekYear: number } {
  const saturday = new Date(Date.UTC(f.year, f.month - 1, f.day + (6 - f.weekday)));
  if (saturday.getUTCFullYear() > f.year) return { week: 1, weekYear: f.year + 1 };
  const jan1Weekday = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  return { week: Math.floor((dayOfYear(f) - 1 + jan1Weekday) / 7) + 1, weekYear: f.year };
}

function offsetText(minutes: number, colon: boolean, withMinutes = true): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (!withMinutes) return `${sign}${hh}`;
  return `${sign}${hh}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function zoneName(t: number, zone: Zone, long: boolean): string {
  if (zone.kind === 'fixed') return zone.name;
  // Intl's en-US names match Java's for US zones (PST/PDT); elsewhere it may say GMT+13 where Java says NZDT.
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.id,
    timeZoneName: long ? 'long' : 'short',
  }).formatToParts(new Date(t));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone.id;
}

function field(letter: string, count: number, f: Fields, t: number, zone: Zone): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
      return count === 2 ? pad(f.year % 100, 2) : pad(f.year, count);
    case 'Y': {
      const { weekYear } = weekOfYear(f);
      return count === 2 ? pad(weekYear % 100, 2) : pad(weekYear, count);
    }
    case 'M':
    case 'L': {
      const name = MONTH_NAMES[f.month - 1] ?? '';
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(f.month, count);
    }
    case 'w':
      return pad(weekOfYear(f).week, count);
    case 'W':
      return pad(Math.floor((f.day - 1 + new Date(Date.UTC(f.year, f.month - 1, 1)).getUTCDay()) / 7) + 1, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E': {
      const name = WEEKDAY_NAMES[f.weekday] ?? '';
      return count >= 4 ? name : name.slice(0, 3);
    }
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, count);
    case 'z':
      return zoneName(t, zone, count >= 4);
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X':
      if (count > 3) throw new Error(`invalid ISO 8601 format: length=${count}`);
      if (f.offsetMinutes === 0) return 'Z';
      return offsetText(f.offsetMinutes, count === 3, count >= 2);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (Object.prototype.toString.call(date) !== '[object Date]') {
    throw new Error(`Emulator: Utilities.formatDate expects a Date, got ${String(date)}`);
  }
  const t = Date.prototype.getTime.call(date);
  if (Number.isNaN(t)) throw new Error('Emulator: Utilities.formatDate got an invalid Date');
  const zone = resolveZone(String(timeZone));
  const f = fieldsOf(t, zone);
  const text = String(pattern);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "'") {
      if (text.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let quoted = '';
      for (;;) {
        if (j >= text.length) throw new Error('Unterminated quote');
        if (text.charAt(j) === "'") {
          if (text.charAt(j + 1) === "'") {
            quoted += "'";
            j += 2;
            continue;
          }
          break;
        }
        quoted += text.charAt(j);
        j++;
      }
      out += quoted;
      i = j + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (text.charAt(j) === c) j++;
      out += field(c, j - i, f, t, zone);
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * §1.4 Settings: a two-column key/value table. Keys are matched trimmed and
 * case-insensitive wherever they stand in column A; anything else on the tab (a
 * header row, the user's notes) is left alone. A missing key takes its default; a
 * bad value takes it too, with a finding that names the key.
 */
import { err, ok, type Result } from '../result';
import { daysInMonth, fromSheetsSerial, toSheetsSerial } from '../rollout/calendar';
import { checkThresholds, DEFAULT_THRESHOLDS, type Thresholds } from '../status';
import { isBlank, quote, readDate, readNumber } from '../values';
import { type Finding, tabFinding } from './findings';
import { normalizeHeader, TAB } from './schema';
import { type Grid, text } from './table';

export type SettingKey = 'company' | 'cycleName' | 'cycleStart' | 'cycleEnd' | 'onTrack' | 'behind';

/** Key labels as "Set up workbook" writes them, in order. */
export const SETTING_LABELS: Readonly<Record<SettingKey, string>> = {
  company: 'Company',
  cycleName: 'Cycle name',
  cycleStart: 'Cycle start',
  cycleEnd: 'Cycle end',
  onTrack: 'On-track threshold',
  behind: 'Behind threshold',
};

const KEYS = Object.keys(SETTING_LABELS) as SettingKey[];
const KEY_BY_LABEL: ReadonlyMap<string, SettingKey> = new Map(
  KEYS.map((key) => [normalizeHeader(SETTING_LABELS[key]), key]),
);

export const SETTINGS_HEADER: readonly string[] = ['Setting', 'Value'];

export interface Settings {
  readonly company: string;
  readonly cycleName: string;
  /** Sheets serials of the first and last day of the cycle. */
  readonly cycleStart: number;
  readonly cycleEnd: number;
  readonly thresholds: Thresholds;
}

export interface ParsedSettings {
  readonly settings: Settings;
  /** Keys that were missing or bad and took their default. */
  readonly defaulted: readonly SettingKey[];
  readonly problems: readonly Finding[];
}

/** A cycle lasts a quarter: 3 calendar months. */
const CYCLE_MONTHS = 3;

function quarterOf(day: number): { start: number; end: number; name: string } {
  const date = fromSheetsSerial(Math.round(day));
  const { year, month } = date.ok ? date.value : { year: 2000, month: 1 };
  const q = Math.floor((month - 1) / 3);
  const start = toSheetsSerial({ year, month: q * 3 + 1, day: 1 });
  const end =
    q === 3 ? toSheetsSerial({ year, month: 12, day: 31 }) : toSheetsSerial({ year, month: q * 3 + 4, day: 1 }) - 1;
  return { start, end, name: `${year} Q${q + 1}` };
}

/** The same day of the month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
function addMonths(day: number, months: number): number {
  const date = fromSheetsSerial(Math.round(day));
  if (!date.ok) return day;
  const index = date.value.year * 12 + date.value.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toSheetsSerial({ year, month, day: Math.min(date.value.day, daysInMonth(year, month)) });
}

/**
 * The default cycle: the calendar quarter holding `asOfDay`, named like `2027 Q1`.
 * With only one of the two dates given, the other is a quarter away from it.
 */
export function defaultCycle(asOfDay: number): { start: number; end: number; name: string } {
  return quarterOf(asOfDay);
}

function threshold(value: unknown, label: string): Result<number | null> {
  const read = readNumber(value, label);
  if (!read.ok || read.value === null) return read;
  return read.value >= 0 && read.value <= 1
    ? read
    : err(`${label} must be a share from 0 to 1, like 0.7 or 70% (not ${quote(value)})`);
}

/**
 * Reads the Settings tab. `asOfDay` (a Sheets serial, today) places the default
 * cycle. `grid` undefined means the tab does not exist: all defaults, no finding.
 */
export function parseSettings(grid: Grid | undefined, asOfDay: number): ParsedSettings {
  const problems: Finding[] = [];
  const raw = new Map<SettingKey, { value: unknown; row: number; label: string }>();
  (grid ?? []).forEach((cells, r) => {
    const label = text(cells[0]);
    const key = KEY_BY_LABEL.get(normalizeHeader(label));
    if (key === undefined) return;
    const first = raw.get(key);
    if (first !== undefined) {
      problems.push(bad(r + 1, label, 0, `"${label}" is set again (row ${first.row} is used): remove one`));
      return;
    }
    raw.set(key, { value: cells[1] ?? '', row: r + 1, label });
  });

  const defaulted = new Set<SettingKey>();
  /** The value, or null (defaulted); a bad value also gives `report`, to be called with what is used instead. */
  const parseKey = <T>(
    key: SettingKey,
    parse: (value: unknown, label: string) => Result<T | null>,
  ): { value: T | null; report?: (instead: string) => void } => {
    const entry = raw.get(key);
    if (entry === undefined || isBlank(entry.value)) {
      defaulted.add(key);
      return { value: null };
    }
    const parsed = parse(entry.value, entry.label);
    if (!parsed.ok) {
      defaulted.add(key);
      return {
        value: null,
        report: (instead) => problems.push(bad(entry.row, entry.label, 1, `${parsed.error}; ${instead}`)),
      };
    }
    return { value: parsed.value };
  };
  const read = <T>(key: SettingKey, parse: (value: unknown, label: string) => Result<T | null>): T | null => {
    const { value, report } = parseKey(key, parse);
    report?.('the default is used');
    return value;
  };

  const company = read('company', (v) => ok(text(v)));
  const cycleName = read('cycleName', (v) => ok(text(v)));
  // A bad date with a good other one: the other fixes it (below), which the message says.
  const startRead = parseKey('cycleStart', readDate);
  const endRead = parseKey('cycleEnd', readDate);
  startRead.report?.(endRead.value === null ? 'the default is used' : 'the 3 months up to Cycle end are used');
  endRead.report?.(startRead.value === null ? 'the default is used' : 'the 3 months from Cycle start are used');
  let start = startRead.value;
  let end = endRead.value;
  if (start !== null && end !== null && Math.round(end - start) <= 0) {
    const entry = raw.get('cycleEnd');
    problems.push(
      bad(
        entry?.row ?? 1,
        entry?.label ?? SETTING_LABELS.cycleEnd,
        1,
        'Cycle end must be after Cycle start; the default quarter is used',
      ),
    );
    start = null;
    end = null;
    defaulted.add('cycleStart').add('cycleEnd');
  }
  // One date alone fixes the other a quarter away, rather than a quarter that may not contain it.
  if (start !== null && end === null) end = addMonths(start, CYCLE_MONTHS) - 1;
  if (start === null && end !== null) start = addMonths(end + 1, -CYCLE_MONTHS);
  const fallback = quarterOf(start ?? asOfDay);
  const onTrack = read('onTrack', threshold) ?? DEFAULT_THRESHOLDS.onTrack;
  const behind = read('behind', threshold) ?? DEFAULT_THRESHOLDS.behind;
  const checked = checkThresholds(onTrack, behind);
  if (!checked.ok) {
    const entry = raw.get('behind');
    problems.push(
      bad(entry?.row ?? 1, entry?.label ?? SETTING_LABELS.behind, 1, `${checked.error}; the defaults are used`),
    );
    defaulted.add('onTrack').add('behind');
  }
  const thresholds = checked.ok ? checked.value : DEFAULT_THRESHOLDS;
  return {
    settings: {
      company: company ?? '',
      cycleName: cycleName ?? fallback.name,
      cycleStart: start ?? fallback.start,
      cycleEnd: end ?? fallback.end,
      thresholds,
    },
    defaulted: KEYS.filter((key) => defaulted.has(key)),
    problems,
  };
}

function bad(row: number, label: string, columnIndex: number, message: string): Finding {
  return tabFinding('error', 'bad-setting', TAB.settings, row, {
    column: columnIndex === 0 ? 'Setting' : label,
    columnIndex,
    message,
  });
}

/**
 * The rows "Set up workbook" writes on a new Settings tab: header, then each key
 * with its default. Dates are Sheets serials: give column B a date format.
 */
export function defaultSettingsRows(asOfDay: number, company = ''): (string | number)[][] {
  const cycle = quarterOf(asOfDay);
  return [
    [...SETTINGS_HEADER],
    [SETTING_LABELS.company, company],
    [SETTING_LABELS.cycleName, cycle.name],
    [SETTING_LABELS.cycleStart, cycle.start],
    [SETTING_LABELS.cycleEnd, cycle.end],
    [SETTING_LABELS.onTrack, DEFAULT_THRESHOLDS.onTrack],
    [SETTING_LABELS.behind, DEFAULT_THRESHOLDS.behind],
  ];
}

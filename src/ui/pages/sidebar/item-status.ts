/**
 * What the sidebar shows of an item beside its form (§5.1, §5.2): score against the
 * progress expected by today and its status, and its recent check-ins (date in the
 * workbook's format, value in its unit, confidence, comment), fetched when the item is
 * shown so that opening the sidebar stays one small call. Text only, never HTML.
 */
import { formatInUnit, formatPercent } from '../../../core/units';
import { formatDay } from '../../../shared/date-format';
import { type CellValue, type CheckInHistory, showValue } from '../../../shared/sidebar-api';
import { callServer } from './rpc';

export const STATUS_CLASS: Readonly<Record<string, string>> = {
  Done: 'status-done',
  'On track': 'status-on-track',
  Behind: 'status-behind',
  'At risk': 'status-at-risk',
};

export interface Progress {
  readonly score: number | null;
  readonly expected: number | null;
  readonly status: string;
}

/** Rows for a summary list: score and expected, then the status as a coloured chip. */
export function progressRows({ score, expected, status }: Progress): [string, string, string?][] {
  const rows: [string, string, string?][] = [];
  rows.push([
    'Score',
    expected === null ? formatPercent(score) : `${formatPercent(score)} (${formatPercent(expected)} expected by today)`,
  ]);
  if (status !== '') rows.push(['Status', status, STATUS_CLASS[status] ?? 'status-error']);
  return rows;
}

export function fillSummary(list: HTMLElement, rows: readonly [string, string, string?][]): void {
  list.replaceChildren(
    ...rows.flatMap(([term, detail, chip]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.textContent = detail;
      if (chip) dd.className = `chip ${chip}`;
      return [dt, dd];
    }),
  );
  list.hidden = rows.length === 0;
}

const inUnit = (value: CellValue, uom: string): string =>
  value === '' || typeof value === 'boolean' ? showValue(value) : formatInUnit(value, uom);

/** The list of an item's recent check-ins; the latest request wins if several overlap. */
export class HistoryView {
  private asked = 0;

  constructor(
    private readonly box: HTMLElement,
    private readonly list: HTMLOListElement,
    private readonly note: HTMLElement,
  ) {}

  clear(): void {
    this.asked++;
    this.box.hidden = true;
    this.list.replaceChildren();
    this.box.dataset.state = 'empty';
  }

  async show(id: string, uom: string, dateFormat: string, known?: CheckInHistory): Promise<void> {
    const ask = ++this.asked;
    if (known !== undefined && known.id === id) {
      this.box.hidden = false;
      this.render(known, uom, dateFormat);
      return;
    }
    this.box.hidden = false;
    this.box.dataset.state = 'loading';
    this.note.textContent = 'Loading its check-ins…';
    let history: CheckInHistory;
    try {
      history = await callServer('checkInHistory', { id });
    } catch (error) {
      if (ask !== this.asked) return;
      this.note.textContent = error instanceof Error ? error.message : String(error);
      this.box.dataset.state = 'error';
      return;
    }
    if (ask !== this.asked) return;
    this.render(history, uom, dateFormat);
  }

  private render(history: CheckInHistory, uom: string, dateFormat: string): void {
    this.list.replaceChildren(
      ...history.entries.map((entry) => {
        const li = document.createElement('li');
        const head = document.createElement('span');
        head.className = 'history-head';
        const confidence = entry.confidence === '' ? '' : ` · confidence ${showValue(entry.confidence)}`;
        head.textContent = `${formatDay(entry.at, dateFormat)} · ${inUnit(entry.newValue, uom)}${confidence}`;
        li.appendChild(head);
        if (entry.comment !== '') {
          const comment = document.createElement('span');
          comment.className = 'history-comment';
          comment.textContent = entry.comment;
          li.appendChild(comment);
        }
        return li;
      }),
    );
    const more = history.total - history.entries.length;
    this.note.textContent =
      history.total === 0
        ? 'No check-ins yet.'
        : more > 0
          ? `The latest ${history.entries.length} of ${history.total} check-ins.`
          : '';
    this.box.dataset.state = 'ready';
  }
}

/**
 * §5.2 Check-in panel: pick a key result (filtered by unit or owner), enter the new
 * value, confidence and a comment. The server refuses the check-in if Current changed
 * since it was shown; the panel then shows the fresh value and keeps what was typed.
 */
import { type CellValue, itemLabel, type OkrItem, type SidebarContext, showValue } from '../../../shared/sidebar-api';
import { whileBusy } from './busy';
import { byId, type Choice, setChoices, showText } from './dom';
import { callServer } from './rpc';
import type { ContextStore } from './store';

const ALL = '';

const VALUE_HINT: Readonly<Record<string, string>> = {
  binary: 'done or not done',
  milestone: 'e.g. 60%',
};

/**
 * A value as the sheet's Unit of measure means it: `%` values are fractions (1.1 is
 * 110%), `$` goes in front, any other unit after.
 */
export function measureText(value: CellValue | string, uom: string): string {
  const number = typeof value === 'number' ? value : value === '' ? Number.NaN : Number(value);
  if (typeof value === 'boolean' || !Number.isFinite(number)) return showValue(value === '' ? '' : value);
  if (uom === '%') return `${(number * 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  const shown = number.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (uom === '$') return number < 0 ? `−$${shown.slice(1)}` : `$${shown}`;
  return uom === '' ? shown : `${shown} ${uom}`;
}

function percent(score: number | null): string {
  return score === null ? '—' : `${Math.round(score * 100)}%`;
}

const STATUS_CLASS: Readonly<Record<string, string>> = {
  Done: 'status-done',
  'On track': 'status-on-track',
  Behind: 'status-behind',
  'At risk': 'status-at-risk',
};

export class CheckInPanel {
  private readonly form = byId('checkin-form', HTMLFormElement);
  private readonly unit = byId('checkin-unit', HTMLSelectElement);
  private readonly owner = byId('checkin-owner', HTMLSelectElement);
  private readonly kr = byId('checkin-kr', HTMLSelectElement);
  private readonly summary = byId('checkin-summary', HTMLElement);
  private readonly value = byId('checkin-value', HTMLInputElement);
  private readonly confidence = byId('checkin-confidence', HTMLInputElement);
  private readonly comment = byId('checkin-comment', HTMLTextAreaElement);
  private readonly error = byId('checkin-error', HTMLElement);
  private readonly ok = byId('checkin-ok', HTMLElement);

  constructor(private readonly store: ContextStore) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.record();
    });
    this.comment.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.form.requestSubmit();
      }
    });
    this.unit.addEventListener('change', () => this.renderKeyResults());
    this.owner.addEventListener('change', () => this.renderKeyResults());
    this.kr.addEventListener('change', () => {
      showText(this.error, '');
      showText(this.ok, '');
      this.renderSummary();
    });
    store.subscribe((context) => this.render(context));
  }

  private measured(): OkrItem[] {
    return (this.store.context?.items ?? []).filter((item) => item.measured && item.id !== '');
  }

  private render(context: SidebarContext): void {
    const krs = context.items.filter((item) => item.measured && item.id !== '');
    const distinct = (values: string[]) =>
      [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
    const option = (value: string): Choice => ({ value, text: value });
    setChoices(this.unit, [{ value: ALL, text: 'All units' }, ...distinct(krs.map((k) => k.unit)).map(option)]);
    setChoices(this.owner, [{ value: ALL, text: 'All owners' }, ...distinct(krs.map((k) => k.owner)).map(option)]);
    this.renderKeyResults();
  }

  private renderKeyResults(): void {
    const unit = this.unit.value;
    const owner = this.owner.value;
    const krs = this.measured().filter(
      (k) => (unit === ALL || k.unit === unit) && (owner === ALL || k.owner === owner),
    );
    const choices: Choice[] =
      krs.length === 0
        ? [{ value: '', text: 'No key results match these filters', disabled: true }]
        : krs.map((k) => ({ value: k.id, text: itemLabel(k) }));
    setChoices(this.kr, choices);
    this.renderSummary();
  }

  private selected(): OkrItem | undefined {
    return this.kr.value === '' ? undefined : this.store.find(this.kr.value);
  }

  private renderSummary(): void {
    const item = this.selected();
    const rows: [string, string, string?][] = [];
    if (item !== undefined) {
      const { start, target, metricType } = item.fields;
      rows.push(['Key result', item.title]);
      rows.push(['Current', measureText(item.current, item.uom)]);
      if (target !== '') {
        const from = start === '' || metricType.startsWith('stay') ? '' : `${measureText(start, item.uom)} → `;
        rows.push(['Target', `${from}${measureText(target, item.uom)}`]);
      }
      rows.push(['Score', percent(item.score)]);
      if (item.status !== '') rows.push(['Status', item.status, STATUS_CLASS[item.status] ?? 'status-error']);
      rows.push(['Owner', item.owner || '—']);
      this.value.placeholder =
        VALUE_HINT[metricType] ?? (target === '' ? '' : `target ${measureText(target, item.uom)}`);
    }
    this.summary.replaceChildren(
      ...rows.flatMap(([term, detail, chip]) => {
        const dt = document.createElement('dt');
        dt.textContent = term;
        const dd = document.createElement('dd');
        dd.textContent = detail;
        if (chip) dd.className = `chip ${chip}`;
        return [dt, dd];
      }),
    );
    this.summary.hidden = rows.length === 0;
  }

  private async record(): Promise<void> {
    showText(this.error, '');
    showText(this.ok, '');
    const item = this.selected();
    if (item === undefined) {
      showText(this.error, 'Choose a key result first.');
      this.kr.focus();
      return;
    }
    if (this.value.value.trim() === '') {
      showText(this.error, 'Enter the new value.');
      this.value.focus();
      return;
    }
    const input = {
      id: item.id,
      seen: item.current,
      value: this.value.value,
      confidence: this.confidence.value,
      comment: this.comment.value,
    };
    try {
      const result = await whileBusy('Recording the check-in…', () => callServer('recordCheckIn', input));
      if (result.status === 'stale') {
        // The fresh value becomes what the user sees; their entries stay for a deliberate retry.
        this.store.replaceItem(result.fresh);
        this.kr.value = result.fresh.id;
        this.renderSummary();
        showText(this.error, result.message);
        return;
      }
      this.store.set(result.context);
      this.kr.value = item.id;
      this.renderSummary();
      this.value.value = '';
      this.comment.value = '';
      showText(this.ok, result.message);
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }
}

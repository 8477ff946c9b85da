/**
 * §5.2 Check-in panel: pick a key result (filtered by unit, owner or what is typed;
 * a list like the Edit panel's), enter the new value, confidence and a comment. The
 * server refuses the check-in if Current changed since it was shown; the panel then
 * shows the fresh value and keeps what was typed. Whatever else stops a check-in comes back
 * from the server field by field, every problem at once, and is shown at its field (§5),
 * as the Edit panel shows a refused save (field-errors.ts).
 */
import { formatInUnit } from '../../../core/units';
import { ISO_DAY } from '../../../shared/date-format';
import {
  type CellValue,
  type CheckInField,
  itemLabel,
  type KpiSummary,
  type OkrPage,
  type OkrQuery,
  type OkrSummary,
  type SidebarContext,
  showValue,
} from '../../../shared/sidebar-api';
import { whileBusy } from './busy';
import { byId, type Choice, setChoices, showText } from './dom';
import { clearFieldErrors, showProblems } from './field-errors';
import { fillSummary, HistoryView, progressRows } from './item-status';
import { ListSearch } from './list-search';
import { pageCount } from './okr-picker';
import { callServer } from './rpc';
import type { SidebarStore } from './store';

const ALL = '';

const VALUE_HINT: Readonly<Record<string, string>> = {
  binary: 'done or not done',
  milestone: 'e.g. 60%',
};

/** A value in its Unit of measure (§1.2, core/units.ts): `2.4%`, `$8,600,000`, `3 incidents`. */
export function measureText(value: CellValue | string, uom: string): string {
  return value === '' || typeof value === 'boolean' ? showValue(value) : formatInUnit(value, uom);
}

export class CheckInPanel {
  private readonly form = byId('checkin-form', HTMLFormElement);
  private readonly unit = byId('checkin-unit', HTMLSelectElement);
  private readonly owner = byId('checkin-owner', HTMLSelectElement);
  private readonly filter = byId('checkin-filter', HTMLInputElement);
  private readonly kr = byId('checkin-kr', HTMLSelectElement);
  private readonly count = byId('checkin-count', HTMLElement);
  private readonly summary = byId('checkin-summary', HTMLElement);
  private readonly value = byId('checkin-value', HTMLInputElement);
  private readonly confidence = byId('checkin-confidence', HTMLInputElement);
  private readonly comment = byId('checkin-comment', HTMLTextAreaElement);
  private readonly error = byId('checkin-error', HTMLElement);
  private readonly ok = byId('checkin-ok', HTMLElement);
  private readonly search: ListSearch;
  private page: OkrPage | null = null;
  private readonly history = new HistoryView(
    byId('checkin-history-box', HTMLElement),
    byId('checkin-history', HTMLOListElement),
    byId('checkin-history-note', HTMLElement),
  );
  private historyOf = '';
  private readonly what = byId('checkin-what', HTMLSelectElement);
  private readonly krLabel = byId('checkin-kr-label', HTMLElement);
  /** The KPIs, asked for the first time the panel lists them. */
  private kpis: KpiSummary[] | null = null;
  /** The key results' unit and owner choices, kept while the filters show the KPIs'. */
  private keyResultFilters: { units: readonly string[]; owners: readonly string[] } = { units: [], owners: [] };
  /** Each list's chosen unit and owner, put back when the user switches back to it. */
  private readonly chosen = { keyResults: { unit: ALL, owner: ALL }, kpis: { unit: ALL, owner: ALL } };
  private readonly panel = byId('panel-checkin', HTMLElement);

  constructor(private readonly store: SidebarStore) {
    this.search = new ListSearch(
      () => store.lists,
      (page) => this.renderKeyResults(page),
      (message) => showText(this.error, message),
    );
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
    this.what.addEventListener('change', () => void this.switchWhat());
    this.unit.addEventListener('change', () => this.filtersChanged());
    this.owner.addEventListener('change', () => this.filtersChanged());
    this.filter.addEventListener('input', () => this.search.request(this.query()));
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || (event.key === 'ArrowDown' && !event.altKey)) {
        event.preventDefault(); // Enter would record the check-in
        this.kr.focus();
      }
    });
    this.kr.addEventListener('change', () => {
      this.clearMessages();
      this.renderSummary();
    });
    store.subscribe((context) => this.render(context));
    // Shown (by click or keyboard): the chosen item's history is asked for then.
    new MutationObserver(() => this.showHistory(this.selected())).observe(this.panel, {
      attributes: true,
      attributeFilter: ['hidden'],
    });
  }

  private query(): OkrQuery {
    return { list: { name: 'keyResults', unit: this.unit.value, owner: this.owner.value }, text: this.filter.value };
  }

  private render(context: SidebarContext): void {
    this.keyResultFilters = { units: context.keyResultUnits, owners: context.keyResultOwners };
    if (this.kpiMode) return;
    this.showFilterChoices(this.keyResultFilters.units, this.keyResultFilters.owners);
    this.search.request(this.query(), 0);
  }

  /** The unit and owner drop-downs offer `units` and `owners`, keeping what is chosen where it still exists. */
  private showFilterChoices(units: readonly string[], owners: readonly string[]): void {
    const option = (value: string): Choice => ({ value, text: value });
    setChoices(this.unit, [{ value: ALL, text: 'All units' }, ...units.map(option)]);
    setChoices(this.owner, [{ value: ALL, text: 'All owners' }, ...owners.map(option)]);
  }

  private filtersChanged(): void {
    if (this.kpiMode) this.renderKpis();
    else this.search.request(this.query(), 0);
  }

  private renderKeyResults(page: OkrPage): void {
    this.page = page;
    if (this.kpiMode) return;
    const choices: Choice[] =
      page.items.length === 0
        ? [{ value: '', text: 'No key results match these filters', disabled: true }]
        : page.items.map((k) => ({ value: k.id, text: itemLabel(k) }));
    setChoices(this.kr, choices);
    const whole = page.items.length === page.size && page.query.text.trim() === '';
    showText(this.count, whole ? '' : pageCount(page, 'key result'));
    // A list that fits on one page needs no filter beyond unit and owner.
    this.filter.hidden = whole && document.activeElement !== this.filter;
    this.renderSummary();
  }

  private get kpiMode(): boolean {
    return this.what.value === 'kpi';
  }

  /** Key results or KPIs: the list, its label and its filters follow. */
  private async switchWhat(): Promise<void> {
    this.clearMessages();
    const kpi = this.kpiMode;
    // The filters now serve the other list: remember this one's choice, show that one's.
    this.chosen[kpi ? 'keyResults' : 'kpis'] = { unit: this.unit.value, owner: this.owner.value };
    this.filter.hidden = kpi || this.filter.hidden;
    this.count.hidden = kpi || this.count.textContent === '';
    this.krLabel.textContent = kpi ? 'KPI' : 'Key result';
    if (!kpi) {
      this.showFilterChoices(this.keyResultFilters.units, this.keyResultFilters.owners);
      this.restoreChoice(this.chosen.keyResults);
      this.search.request(this.query(), 0);
      return;
    }
    if (this.kpis === null) {
      try {
        this.kpis = [...(await whileBusy('Loading the KPIs…', () => callServer('kpiSummaries')))];
      } catch (error) {
        showText(this.error, error instanceof Error ? error.message : String(error));
        return;
      }
    }
    const all = this.kpis ?? [];
    const sorted = (values: string[]) =>
      [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
    this.showFilterChoices(sorted(all.map((k) => k.unit)), sorted(all.map((k) => k.owner)));
    this.restoreChoice(this.chosen.kpis);
    this.renderKpis();
  }

  private restoreChoice(choice: { unit: string; owner: string }): void {
    const has = (select: HTMLSelectElement, value: string) => Array.from(select.options).some((o) => o.value === value);
    this.unit.value = has(this.unit, choice.unit) ? choice.unit : ALL;
    this.owner.value = has(this.owner, choice.owner) ? choice.owner : ALL;
  }

  /** The KPIs the unit and owner filters let through, from the list asked for once. */
  private renderKpis(): void {
    const all = this.kpis ?? [];
    const kpis = all.filter(
      (k) =>
        (this.unit.value === ALL || k.unit === this.unit.value) &&
        (this.owner.value === ALL || k.owner === this.owner.value),
    );
    setChoices(
      this.kr,
      all.length === 0
        ? [{ value: '', text: 'No KPIs yet: the KPIs tab lists them', disabled: true }]
        : kpis.length === 0
          ? [{ value: '', text: 'No KPIs match these filters', disabled: true }]
          : kpis.map((k) => ({ value: k.id, text: itemLabel(k) })),
    );
    this.renderSummary();
  }

  private selected(): OkrSummary | KpiSummary | undefined {
    if (this.kr.value === '') return undefined;
    return this.kpiMode
      ? (this.kpis ?? []).find((k) => k.id === this.kr.value)
      : this.page?.items.find((k) => k.id === this.kr.value);
  }

  /** A check-in's reply: a KPI is replaced in the panel's list, a key result in the shared lists. */
  private applySaved(saved: OkrSummary | KpiSummary): void {
    if (saved.kind === 'KPI') {
      this.kpis = (this.kpis ?? []).map((k) => (k.id === saved.id ? saved : k));
      this.renderKpis();
    } else this.store.apply([saved]);
  }

  private renderSummary(): void {
    const item = this.selected();
    const rows: [string, string, string?][] = [];
    // No item chosen: no hint left over from the last one.
    this.value.placeholder = '';
    if (item?.measure !== undefined) {
      const { start, target, metricType, uom, current } = item.measure;
      rows.push([item.kind === 'KPI' ? 'KPI' : 'Key result', item.title]);
      rows.push(['Current', measureText(current, uom)]);
      if (target !== '') {
        const from = start === '' || metricType.startsWith('stay') ? '' : `${measureText(start, uom)} → `;
        rows.push(['Target', `${from}${measureText(target, uom)}`]);
      }
      rows.push(...progressRows(item.measure));
      rows.push(['Owner', item.owner || '—']);
      this.value.placeholder = VALUE_HINT[metricType] ?? (target === '' ? '' : `target ${measureText(target, uom)}`);
    }
    fillSummary(this.summary, rows);
    this.showHistory(item);
  }

  /**
   * The chosen item's recent check-ins, asked for once per item shown (and again after a
   * check-in); not while the panel is hidden, so opening the sidebar asks for nothing more.
   */
  private showHistory(item: OkrSummary | KpiSummary | undefined, again = false): void {
    if (this.panel.hidden) {
      this.historyOf = '';
      return;
    }
    if (item?.measure === undefined) {
      this.historyOf = '';
      this.history.clear();
      return;
    }
    if (item.id === this.historyOf && !again) return;
    this.historyOf = item.id;
    void this.history.show(item.id, item.measure.uom, this.store.context?.dateFormat ?? ISO_DAY);
  }

  /** The messages and every field's mark: each attempt starts clear, so a corrected field loses its mark. */
  private clearMessages(): void {
    clearFieldErrors(this.form);
    showText(this.error, '');
    showText(this.ok, '');
  }

  /** The control a server problem is shown at. */
  private control(field: CheckInField): HTMLElement {
    const controls: Readonly<Record<CheckInField, HTMLElement>> = {
      item: this.kr,
      value: this.value,
      confidence: this.confidence,
      comment: this.comment,
    };
    return controls[field];
  }

  /**
   * Sends what was typed as it is, even with no item chosen or a blank value: the server
   * checks everything and answers with every problem at once, each at its field.
   */
  private async record(): Promise<void> {
    this.clearMessages();
    const item = this.selected();
    const input = {
      ...(this.kpiMode ? { kind: 'KPI' as const } : {}),
      id: item?.id ?? '',
      seen: item?.measure?.current ?? '',
      value: this.value.value,
      confidence: this.confidence.value,
      comment: this.comment.value,
    };
    try {
      const result = await whileBusy('Recording the check-in…', () => callServer('recordCheckIn', input));
      if (result.status === 'invalid') {
        showProblems(this.error, result.message, result.problems, (field) => this.control(field));
        return;
      }
      if (result.status === 'stale') {
        // The fresh value becomes what the user sees; their entries stay for a deliberate retry.
        this.applySaved(result.fresh);
        this.kr.value = result.fresh.id;
        this.renderSummary();
        showText(this.error, result.message);
        return;
      }
      this.applySaved(result.saved);
      this.kr.value = result.saved.id;
      this.renderSummary();
      this.showHistory(this.selected(), true);
      this.value.value = '';
      this.comment.value = '';
      showText(this.ok, result.message);
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }
}

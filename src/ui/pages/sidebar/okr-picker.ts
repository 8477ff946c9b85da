/**
 * "Open an existing OKR": a filter box over a select of objectives and key results,
 * grouped by level. Typing narrows the list (ID, title, unit or owner, every word must
 * match) — in the page for a small workbook, on the server for a large one, which
 * sends the first PAGE_SIZE matches. Down in the box moves into the list, where Up/Down
 * choose; Enter (in the box or on the list) or the Open button opens the choice.
 * Opening only hands the row to the Edit panel, which loads it the one way it loads
 * any row. Option text is set as text, never HTML.
 */
import { rowKey } from '../../../shared/okr-lists';
import { itemLabel, LEVEL_NAMES, type OkrPage, type OkrQuery, type OkrSummary } from '../../../shared/sidebar-api';
import { isBusy } from './busy';
import { byId, type Choice, setChoices } from './dom';
import { ListSearch } from './list-search';
import type { SidebarStore } from './store';

function optionText(row: OkrSummary): string {
  return row.id === '' ? itemLabel({ id: `(no ID) ${row.tab} row ${row.row}`, title: row.title }) : itemLabel(row);
}

const count = (n: number): string => n.toLocaleString('en-US');

/** The line under a list: how much of it is shown. */
export function pageCount(page: OkrPage, noun: string): string {
  const total = `${count(page.size)} ${noun}${page.size === 1 ? '' : 's'}`;
  const shown = page.items.length;
  if (page.query.text.trim() === '') {
    return shown === page.size
      ? `All ${total}, by level.`
      : `The first ${count(shown)} of ${total}: type to find others.`;
  }
  if (page.matches === 0) return `None of ${total} match.`;
  const matches = `${count(page.matches)} of ${total} match`;
  return shown === page.matches ? `${matches}.` : `${matches}; the first ${count(shown)} are shown.`;
}

export class OkrPicker {
  private readonly filter = byId('edit-pick-filter', HTMLInputElement);
  private readonly select = byId('edit-pick', HTMLSelectElement);
  private readonly count = byId('edit-pick-count', HTMLElement);
  private readonly search: ListSearch;
  private page: OkrPage | null = null;

  constructor(
    store: SidebarStore,
    private readonly onOpen: (row: OkrSummary) => void,
    private readonly onNothing: (message: string) => void,
  ) {
    this.search = new ListSearch(
      () => store.lists,
      (page) => this.render(page),
      (message) => onNothing(message),
    );
    this.filter.addEventListener('input', () => this.search.request(this.query()));
    this.filter.addEventListener('keydown', (event) => this.filterKey(event));
    this.select.addEventListener('change', () => this.retitle());
    this.select.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.open();
    });
    byId('edit-open', HTMLButtonElement).addEventListener('click', () => void this.open());
    store.subscribe(() => this.search.request(this.query(), 0));
  }

  private query(): OkrQuery {
    return { list: { name: 'all' }, text: this.filter.value };
  }

  /** Shows `row` as the choice when the list holds it (the row the form now holds). */
  show(row: Pick<OkrSummary, 'tab' | 'row'>): void {
    const key = rowKey(row);
    if (Array.from(this.select.options).some((o) => o.value === key && !o.disabled)) this.select.value = key;
    this.retitle();
  }

  /** The whole label as a tooltip: at 300 px a long title is cut off in the closed list. */
  private retitle(): void {
    this.select.title = this.select.selectedOptions[0]?.text ?? '';
  }

  private render(page: OkrPage): void {
    this.page = page;
    const groups = LEVEL_NAMES.map((level) => ({
      label: level,
      choices: page.items
        .filter((row) => row.level === level)
        .map((row): Choice => ({ value: rowKey(row), text: optionText(row) })),
    }));
    const none: Choice[] =
      page.items.length === 0 ? [{ value: '', text: 'No OKRs match the filter', disabled: true }] : [];
    setChoices(this.select, none, groups);
    this.retitle();
    this.count.textContent = pageCount(page, 'OKR');
  }

  /** Enter opens the choice; Down moves into the list (as a combobox would); Escape clears the filter. */
  private filterKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      void this.open();
    } else if (event.key === 'ArrowDown' && !event.altKey) {
      event.preventDefault();
      this.select.focus();
    } else if (event.key === 'Escape' && this.filter.value !== '') {
      event.preventDefault();
      this.filter.value = '';
      this.search.request(this.query(), 0);
    }
  }

  private async open(): Promise<void> {
    await this.search.settled();
    if (isBusy()) return;
    const row = this.page?.items.find((i) => rowKey(i) === this.select.value);
    if (row === undefined) {
      this.onNothing(
        this.filter.value.trim() === ''
          ? 'There are no objectives or key results yet: fill in the form to add one.'
          : `No objective or key result matches "${this.filter.value.trim()}": change the filter.`,
      );
      this.filter.focus();
      return;
    }
    this.onOpen(row);
  }
}

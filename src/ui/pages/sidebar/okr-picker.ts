/**
 * "Open an existing OKR": a filter box over a select of every objective and key result,
 * grouped by level. Typing narrows the list (ID, title, unit or owner, every word must
 * match); Down in the box moves into the list, where Up/Down choose; Enter (in the box
 * or on the list) or the Open button opens the choice. Opening only hands the item to the Edit panel, which loads it
 * the one way it loads any row. Option text is set as text, never HTML.
 */
import { itemLabel, LEVEL_NAMES, type OkrItem, type SidebarContext } from '../../../shared/sidebar-api';
import { isBusy } from './busy';
import { byId, type Choice, setChoices } from './dom';
import type { ContextStore } from './store';

/** A row's key in the picker: IDs can be blank or repeated, tab and row cannot. */
export const itemKey = (item: Pick<OkrItem, 'tab' | 'row'>): string => `${item.tab}!${item.row}`;

/** Lower case without accents, so "lindqvist" finds "Lindqvist" and "jose" finds "José". */
const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** True when every word of the filter appears in the item's ID, title, unit or owner. */
export function matchesFilter(item: OkrItem, filter: string): boolean {
  const words = folded(filter).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const fields = [item.id, item.title, item.unit, item.owner].map(folded);
  return words.every((word) => fields.some((field) => field.includes(word)));
}

function optionText(item: OkrItem): string {
  return item.id === '' ? itemLabel({ id: `(no ID) ${item.tab} row ${item.row}`, title: item.title }) : itemLabel(item);
}

export class OkrPicker {
  private readonly filter = byId('edit-pick-filter', HTMLInputElement);
  private readonly select = byId('edit-pick', HTMLSelectElement);
  private readonly count = byId('edit-pick-count', HTMLElement);

  constructor(
    private readonly store: ContextStore,
    private readonly onOpen: (item: OkrItem) => void,
    private readonly onNothing: (message: string) => void,
  ) {
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (event) => this.filterKey(event));
    this.select.addEventListener('change', () => this.retitle());
    this.select.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      this.open();
    });
    byId('edit-open', HTMLButtonElement).addEventListener('click', () => this.open());
    store.subscribe(() => this.render());
  }

  /** Shows `item` as the choice when the filter lets it through (the row the form now holds). */
  show(item: OkrItem): void {
    const key = itemKey(item);
    if (Array.from(this.select.options).some((o) => o.value === key && !o.disabled)) this.select.value = key;
    this.retitle();
  }

  /** The whole label as a tooltip: at 300 px a long title is cut off in the closed list. */
  private retitle(): void {
    this.select.title = this.select.selectedOptions[0]?.text ?? '';
  }

  private items(): readonly OkrItem[] {
    return this.store.context?.items ?? [];
  }

  private render(context: SidebarContext | null = this.store.context): void {
    if (context === null) return;
    const all = context.items;
    const shown = all.filter((item) => matchesFilter(item, this.filter.value));
    const groups = LEVEL_NAMES.map((level) => ({
      label: level,
      choices: shown
        .filter((item) => item.level === level)
        .map((item): Choice => ({ value: itemKey(item), text: optionText(item) })),
    }));
    const none: Choice[] = shown.length === 0 ? [{ value: '', text: 'No OKRs match the filter', disabled: true }] : [];
    setChoices(this.select, none, groups);
    this.retitle();
    const total = `${all.length} OKR${all.length === 1 ? '' : 's'}`;
    this.count.textContent =
      this.filter.value.trim() === ''
        ? `All ${total}, by level.`
        : shown.length === 0
          ? `None of ${total} match.`
          : `${shown.length} of ${total} match.`;
  }

  /** Enter opens the choice; Down moves into the list (as a combobox would); Escape clears the filter. */
  private filterKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.open();
    } else if (event.key === 'ArrowDown' && !event.altKey) {
      event.preventDefault();
      this.select.focus();
    } else if (event.key === 'Escape' && this.filter.value !== '') {
      event.preventDefault();
      this.filter.value = '';
      this.render();
    }
  }

  private open(): void {
    if (isBusy()) return;
    const item = this.items().find((i) => itemKey(i) === this.select.value);
    if (item === undefined) {
      this.onNothing(
        this.filter.value.trim() === ''
          ? 'There are no objectives or key results yet: fill in the form to add one.'
          : `No objective or key result matches "${this.filter.value.trim()}": change the filter.`,
      );
      this.filter.focus();
      return;
    }
    this.onOpen(item);
  }
}

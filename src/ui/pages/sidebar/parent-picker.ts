/**
 * The Edit panel's Parent: a filter box over a select that offers only §1.2's valid
 * parents for the form's level and type (recommended ones first). The list is a page
 * like the "Open an existing OKR" one; the parent already chosen stays offered even
 * when the filter or the page leaves it out, or is marked as not valid here.
 */
import { parentWarning, rowKey } from '../../../shared/okr-lists';
import {
  itemLabel,
  type KindName,
  LEVEL_NAMES,
  type LevelName,
  type OkrPage,
  type OkrQuery,
  type OkrSummary,
} from '../../../shared/sidebar-api';
import { byId, type Choice, setChoices, showText } from './dom';
import { ListSearch } from './list-search';
import { pageCount } from './okr-picker';
import type { SidebarStore } from './store';

const PARENT_HINT: Readonly<Record<LevelName, Readonly<Record<KindName, string>>>> = {
  Corporate: {
    Objective: 'Corporate objectives align to nothing.',
    'Key Result': 'A key result belongs to an objective on the same tab.',
  },
  Department: {
    Objective: 'Aligns to a corporate objective or key result.',
    'Key Result': 'A key result belongs to an objective on the same tab.',
  },
  Team: {
    Objective: 'Aligns to a department objective or key result.',
    'Key Result': 'A key result belongs to an objective on the same tab.',
  },
};

const sameId = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export class ParentPicker {
  private readonly filter = byId('edit-parent-filter', HTMLInputElement);
  private readonly select = byId('edit-parent', HTMLSelectElement);
  private readonly hint = byId('edit-parent-hint', HTMLElement);
  private readonly count = byId('edit-parent-count', HTMLElement);
  private readonly search: ListSearch;
  private level: LevelName = 'Corporate';
  private kind: KindName = 'Objective';
  /** The row being edited: never its own parent. */
  private self: Pick<OkrSummary, 'tab' | 'row'> | null = null;
  /** The Parent ID the form holds, and its row when known. */
  private value = '';
  private chosen: OkrSummary | null = null;
  private page: OkrPage | null = null;
  private scoped = false;

  constructor(store: SidebarStore) {
    this.search = new ListSearch(
      () => store.lists,
      (page) => this.render(page),
      (message) => showText(this.count, message),
    );
    this.filter.addEventListener('input', () => this.search.request(this.query()));
    this.filter.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || (event.key === 'ArrowDown' && !event.altKey)) {
        event.preventDefault(); // Enter would submit the form
        this.select.focus();
      }
    });
    this.select.addEventListener('change', () => {
      this.value = this.select.value;
      const kept = this.chosen !== null && this.chosen.id === this.value ? this.chosen : null;
      this.chosen = this.page?.items.find((row) => row.id === this.value) ?? kept;
      this.refreshHint();
    });
    // Until the form holds a row there is no list to show (and none to ask the server for).
    store.subscribe(() => this.scoped && this.search.request(this.query(), 0));
  }

  /** The form now holds another row (or a new one): its parent, and the rows it may choose from. */
  reset(
    level: LevelName,
    kind: KindName,
    self: Pick<OkrSummary, 'tab' | 'row'> | null,
    value: string,
    chosen: OkrSummary | null,
  ): void {
    this.self = self;
    this.value = value;
    this.chosen = chosen !== null && sameId(chosen.id, value) ? chosen : null;
    this.filter.value = '';
    this.setScope(level, kind);
  }

  /** Level or type changed: other rows are valid parents. */
  setScope(level: LevelName, kind: KindName): void {
    this.level = level;
    this.kind = kind;
    this.scoped = true;
    this.search.request(this.query(), 0);
  }

  get parentId(): string {
    return this.select.value;
  }

  private query(): OkrQuery {
    return { list: { name: 'parents', level: this.level, kind: this.kind }, text: this.filter.value };
  }

  private render(page: OkrPage): void {
    this.page = page;
    const self = this.self === null ? '' : rowKey(this.self);
    const rows = page.items.filter((row) => rowKey(row) !== self);
    const listed = rows.find((row) => sameId(row.id, this.value));
    if (listed !== undefined) this.chosen = listed;
    const valid = this.chosen !== null && parentWarning(this.chosen, this.level, this.kind) !== undefined;
    const none: Choice = {
      value: '',
      text:
        this.kind === 'Key Result' ? 'Choose its objective…' : this.level === 'Corporate' ? 'None' : 'Not aligned yet',
    };
    const plain: Choice[] = [none];
    if (this.value.trim() !== '' && listed === undefined) {
      // Left out by the filter or the page, or not a parent this row may have.
      const chosen = this.chosen;
      plain.push(
        valid && chosen !== null
          ? { value: chosen.id, text: itemLabel(chosen) }
          : { value: this.value, text: `${this.value} (not a valid parent here)` },
      );
    }
    const groups = LEVEL_NAMES.map((group) => {
      const inGroup = rows.filter((row) => row.level === group);
      const discouraged = inGroup.some((row) => parentWarning(row, this.level, this.kind) !== '');
      return {
        label: discouraged ? `${group} (not recommended)` : group,
        choices: inGroup.map((row) => ({ value: row.id, text: itemLabel(row) })),
      };
    });
    const value = listed?.id ?? (valid && this.chosen !== null ? this.chosen.id : this.value);
    setChoices(this.select, plain, groups, value);
    this.count.textContent =
      page.size > page.items.length || page.query.text.trim() !== '' ? pageCount(page, 'possible parent') : '';
    this.count.hidden = this.count.textContent === '';
    // A list that fits on one page needs no filter (a corporate objective's is empty).
    const whole = page.items.length === page.size && page.query.text.trim() === '';
    this.filter.hidden = whole && document.activeElement !== this.filter;
    this.refreshHint();
  }

  private refreshHint(): void {
    const chosen = this.chosen !== null && this.chosen.id === this.select.value ? this.chosen : null;
    const warning = chosen === null ? '' : (parentWarning(chosen, this.level, this.kind) ?? '');
    this.hint.textContent = warning ? `Warning: this ${warning}.` : (PARENT_HINT[this.level]?.[this.kind] ?? '');
    this.hint.classList.toggle('warning-text', warning !== '');
  }
}

/**
 * §5.1 Edit panel: create an objective or key result, or edit the one loaded from the
 * selected row. The parent picker offers only §1.2's valid parents. The server checks
 * everything again; a refused save keeps what the user typed.
 */
import {
  EDIT_FIELDS,
  type EditField,
  emptyFields,
  itemLabel,
  type KindName,
  LEVEL_NAMES,
  type LevelName,
  type OkrFields,
  type OkrItem,
  parentChoices,
  type RowRef,
  type SidebarContext,
} from '../../../shared/sidebar-api';
import { whileBusy } from './busy';
import { byId, type Choice, setChoices, setDatalist, showList, showText } from './dom';
import { callServer } from './rpc';
import type { ContextStore } from './store';

const INPUT_IDS: Readonly<Record<EditField, string>> = {
  type: 'edit-type',
  parentId: 'edit-parent',
  unit: 'edit-unit',
  title: 'edit-title',
  owner: 'edit-owner',
  metricType: 'edit-metric',
  start: 'edit-start',
  target: 'edit-target',
  current: 'edit-current',
  uom: 'edit-uom',
  weight: 'edit-weight',
  startDate: 'edit-start-date',
  dueDate: 'edit-due-date',
  notes: 'edit-notes',
};

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

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

export class EditPanel {
  private target: RowRef | null = null;
  private base: OkrFields | null = null;
  private readonly form = byId('edit-form', HTMLFormElement);
  private readonly level = byId('edit-level', HTMLSelectElement);
  private readonly type = byId('edit-type', HTMLSelectElement);
  private readonly parent = byId('edit-parent', HTMLSelectElement);
  private readonly parentHint = byId('edit-parent-hint', HTMLElement);
  private readonly id = byId('edit-id', HTMLInputElement);
  private readonly unit = byId('edit-unit', HTMLInputElement);
  private readonly idHint = byId('edit-id-hint', HTMLElement);
  private readonly heading = byId('edit-heading', HTMLElement);
  private readonly note = byId('edit-note', HTMLElement);
  private readonly error = byId('edit-error', HTMLElement);
  private readonly ok = byId('edit-ok', HTMLElement);
  private readonly warnings = byId('edit-warnings', HTMLElement);
  private readonly metric = byId('metric-fields', HTMLFieldSetElement);

  constructor(private readonly store: ContextStore) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.level.addEventListener('change', () => this.refreshStructure());
    this.type.addEventListener('change', () => this.refreshStructure());
    this.parent.addEventListener('change', () => this.refreshParentHint());
    byId('edit-new', HTMLButtonElement).addEventListener('click', () => {
      this.startNew(this.level.value as LevelName);
      this.level.focus();
    });
    byId('edit-discard', HTMLButtonElement).addEventListener('click', () => this.discard());
    byId('edit-load', HTMLButtonElement).addEventListener('click', () => void this.loadSelection());
    store.subscribe((context) => this.renderLists(context));
  }

  private control(field: EditField): Control {
    return document.getElementById(INPUT_IDS[field]) as Control;
  }

  private renderLists(context: SidebarContext): void {
    const levels = LEVEL_NAMES.map(
      (level): Choice => ({ value: level, text: level, disabled: !context.levels.includes(level) }),
    );
    setChoices(this.level, levels);
    setDatalist(byId('units', HTMLDataListElement), context.units);
    setDatalist(byId('owners', HTMLDataListElement), context.owners);
    this.refreshParents(this.parent.value);
  }

  /** First load: the selected row if there is one, else a new OKR on the selected tab's level. */
  showInitial(context: SidebarContext): void {
    if (context.selected !== null) this.load(context.selected);
    else this.startNew(context.levelHint ?? context.levels[0] ?? 'Corporate');
    showText(this.note, context.selectionNote);
  }

  private clearMessages(): void {
    showText(this.error, '');
    showText(this.ok, '');
    showList(this.warnings, []);
    showText(this.note, '');
  }

  private fill(fields: OkrFields): void {
    for (const field of EDIT_FIELDS) if (field !== 'parentId') this.control(field).value = fields[field];
    this.refreshStructure(fields.parentId);
  }

  load(item: OkrItem): void {
    this.clearMessages();
    this.target = { tab: item.tab, row: item.row, id: item.id };
    this.base = item.fields;
    this.level.value = item.level;
    this.level.disabled = true;
    this.id.value = item.id;
    this.id.readOnly = true;
    this.idHint.textContent = 'IDs stay fixed: other rows name this one by it.';
    this.heading.textContent = `Editing ${item.id || 'a row without ID'} · ${item.tab} row ${item.row}`;
    this.fill(item.fields);
  }

  startNew(level: LevelName): void {
    this.clearMessages();
    this.target = null;
    this.base = null;
    this.level.disabled = false;
    this.level.value = level;
    this.id.readOnly = false;
    this.id.value = '';
    this.idHint.textContent = 'A blank ID gets the next free one, like SAL-KR3.';
    this.heading.textContent = 'New objective or key result';
    this.fill(emptyFields(this.type.value === 'Key Result' ? 'Key Result' : 'Objective'));
  }

  private discard(): void {
    const item = this.target === null ? undefined : this.itemAtTarget();
    if (item) this.load(item);
    else this.startNew(this.level.value as LevelName);
    this.control('title').focus();
  }

  private itemAtTarget(): OkrItem | undefined {
    const target = this.target;
    return this.store.context?.items.find((i) => i.tab === target?.tab && i.row === target?.row);
  }

  /** Level or type changed: measure fields only for key results, and the parents that fit. */
  private refreshStructure(parentValue = this.parent.value): void {
    this.metric.hidden = this.type.value !== 'Key Result';
    this.unit.placeholder = this.type.value === 'Key Result' ? 'Inherited' : '';
    this.refreshParents(parentValue);
  }

  private refreshParents(value: string): void {
    const context = this.store.context;
    if (context === null) return;
    const level = this.level.value as LevelName;
    const kind = this.type.value as KindName;
    const choices = parentChoices(context.items, level, kind, this.target?.id ?? '');
    const none: Choice = {
      value: '',
      text: kind === 'Key Result' ? 'Choose its objective…' : level === 'Corporate' ? 'None' : 'Not aligned yet',
    };
    const plain: Choice[] = [none];
    const known = choices.some((c) => c.item.id.toLowerCase() === value.trim().toLowerCase());
    if (value.trim() !== '' && !known) plain.push({ value, text: `${value} (not a valid parent here)` });
    const groups = LEVEL_NAMES.map((group) => ({
      label: choices.some((c) => c.item.level === group && c.warning !== '') ? `${group} (not recommended)` : group,
      choices: choices
        .filter((c) => c.item.level === group)
        .map((c) => ({ value: c.item.id, text: itemLabel(c.item) })),
    }));
    setChoices(this.parent, plain, groups, known ? this.canonicalParent(choices, value) : value);
    this.refreshParentHint();
  }

  private canonicalParent(choices: ReturnType<typeof parentChoices>, value: string): string {
    return choices.find((c) => c.item.id.toLowerCase() === value.trim().toLowerCase())?.item.id ?? value;
  }

  private refreshParentHint(): void {
    const context = this.store.context;
    const level = this.level.value as LevelName;
    const kind = this.type.value as KindName;
    const chosen = context
      ? parentChoices(context.items, level, kind).find((c) => c.item.id === this.parent.value)
      : undefined;
    const hint = PARENT_HINT[level]?.[kind] ?? '';
    this.parentHint.textContent = chosen?.warning ? `Warning: this ${chosen.warning}.` : hint;
    this.parentHint.classList.toggle('warning-text', Boolean(chosen?.warning));
  }

  private readForm(): OkrFields {
    const fields = emptyFields();
    for (const field of EDIT_FIELDS) fields[field] = this.control(field).value;
    return fields;
  }

  private async save(): Promise<void> {
    this.clearMessages();
    const fields = this.readForm();
    if (fields.title.trim() === '') {
      showText(this.error, 'Give it a title.');
      this.control('title').focus();
      return;
    }
    const input = {
      target: this.target,
      level: this.level.value as LevelName,
      id: this.target === null ? this.id.value : '',
      fields,
      base: this.base,
    };
    try {
      const result = await whileBusy('Saving…', () => callServer('saveOkr', input));
      if (result.status === 'conflict') {
        // Keep what the user typed; the next Save is a deliberate overwrite.
        if (result.fresh === null) {
          this.target = null;
          this.base = null;
          this.level.disabled = false;
          this.id.readOnly = false;
          this.heading.textContent = 'New objective or key result';
          showText(this.error, `${result.message} Your entries are kept: Save adds them as a new row.`);
        } else {
          this.base = result.fresh.fields;
          this.store.replaceItem(result.fresh);
          showText(this.error, `${result.message} Your entries are kept: Save again to use them.`);
        }
        return;
      }
      this.store.set(result.context);
      this.load(result.saved);
      showText(this.ok, result.message);
      showList(this.warnings, result.warnings);
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }

  private async loadSelection(): Promise<void> {
    this.clearMessages();
    try {
      const context = await whileBusy('Loading the selected row…', () => callServer('sidebarContext'));
      this.store.set(context);
      if (context.selected !== null) {
        this.load(context.selected);
        showText(this.ok, `Loaded ${context.selected.id || `row ${context.selected.row}`}.`);
      } else {
        showText(
          this.note,
          context.selectionNote || 'Select a row on Corporate OKRs, Department OKRs or Team OKRs, then load it.',
        );
      }
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }
}

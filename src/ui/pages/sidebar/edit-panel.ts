/**
 * §5.1 Edit panel: create an objective or key result, or edit an existing one — loaded
 * from the row selected in the sheet or opened from the "Open an existing OKR" picker
 * (which asks the server for that one row), both through open(). The parent picker
 * offers only §1.2's valid parents. The server checks everything again; a refused save
 * keeps what the user typed.
 */

import { ISO_DAY, isoFromTyped, showIsoDay } from '../../../shared/date-format';
import {
  EDIT_FIELDS,
  type EditField,
  emptyFields,
  type KindName,
  LEVEL_NAMES,
  type LevelName,
  type OkrFields,
  type OkrItem,
  type OkrSummary,
  type RowRef,
  refusalMessage,
  type SaveProblem,
  type SidebarContext,
} from '../../../shared/sidebar-api';
import { whileBusy } from './busy';
import { byId, type Choice, setChoices, setDatalist, showList, showText } from './dom';
import { clearFieldErrors, showProblems } from './field-errors';
import { fillSummary, HistoryView, progressRows } from './item-status';
import { OkrPicker } from './okr-picker';
import { ParentPicker } from './parent-picker';
import { callServer } from './rpc';
import type { SidebarStore } from './store';

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

/** The measure fields a `%` unit of measure shows as percentages, as the Check-in panel does. */
const PERCENT_FIELDS = ['start', 'target', 'current'] as const;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Start, Target and Current of a `%` row as percentages (0.45 → "45%"), or null to show
 * them as stored: when the unit is not `%`, or any of them is not a plain number (text,
 * "done", a number JavaScript prints in exponent form). Only display: what the form
 * sends for a field left as shown is the stored text (see EditPanel.readForm).
 */
export function percentTexts(fields: OkrFields): Partial<Record<EditField, string>> | null {
  if (fields.uom.trim() !== '%') return null;
  const shown: Partial<Record<EditField, string>> = {};
  for (const field of PERCENT_FIELDS) {
    const stored = fields[field];
    if (stored === '') continue;
    const value = Number(stored);
    if (!Number.isFinite(value) || String(value) !== stored) return null;
    // toPrecision(15) drops binary noise: 0.07 × 100 is 7.000000000000001, shown as 7.
    const percent = String(Number((value * 100).toPrecision(15)));
    if (!PLAIN_DECIMAL.test(percent)) return null;
    shown[field] = `${percent}%`;
  }
  return Object.keys(shown).length === 0 ? null : shown;
}

const DATE_FIELDS: readonly EditField[] = ['startDate', 'dueDate'];

export class EditPanel {
  private target: RowRef | null = null;
  private base: OkrFields | null = null;
  /** The row as loaded: what "Discard changes" puts back. */
  private loaded: OkrItem | null = null;
  /** Fields shown other than as stored (percentages): the text shown and the stored text. */
  private displayed = new Map<EditField, { readonly shown: string; readonly stored: string }>();
  private readonly form = byId('edit-form', HTMLFormElement);
  private readonly level = byId('edit-level', HTMLSelectElement);
  private readonly type = byId('edit-type', HTMLSelectElement);
  private readonly id = byId('edit-id', HTMLInputElement);
  private readonly unit = byId('edit-unit', HTMLInputElement);
  private readonly idHint = byId('edit-id-hint', HTMLElement);
  private readonly heading = byId('edit-heading', HTMLElement);
  private readonly note = byId('edit-note', HTMLElement);
  private readonly error = byId('edit-error', HTMLElement);
  private readonly ok = byId('edit-ok', HTMLElement);
  private readonly warnings = byId('edit-warnings', HTMLElement);
  private readonly metric = byId('metric-fields', HTMLFieldSetElement);
  private readonly measureHint = byId('edit-measure-hint', HTMLElement);
  private readonly picker: OkrPicker;
  private readonly parents: ParentPicker;
  private readonly status = byId('edit-status', HTMLElement);
  private readonly progress = byId('edit-progress', HTMLElement);
  private readonly history = new HistoryView(
    byId('edit-history-box', HTMLElement),
    byId('edit-history', HTMLOListElement),
    byId('edit-history-note', HTMLElement),
  );

  constructor(private readonly store: SidebarStore) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.save();
    });
    this.level.addEventListener('change', () => this.changeStructure());
    this.type.addEventListener('change', () => this.changeStructure());
    byId('edit-new', HTMLButtonElement).addEventListener('click', () => {
      this.startNew(this.level.value as LevelName);
      this.level.focus();
    });
    byId('edit-discard', HTMLButtonElement).addEventListener('click', () => this.discard());
    byId('edit-load', HTMLButtonElement).addEventListener('click', () => void this.loadSelection());
    this.control('uom').addEventListener('input', () => this.refreshMeasureHint());
    store.subscribe((context) => this.renderLists(context));
    this.parents = new ParentPicker(store);
    this.picker = new OkrPicker(
      store,
      (row) => void this.openRow(row),
      (message) => {
        this.clearMessages();
        showText(this.note, message);
      },
    );
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
  }

  /** First load: the selected row if there is one, else a new OKR on the selected tab's level. */
  showInitial(context: SidebarContext): void {
    if (context.selected !== null) this.load(context.selected);
    else this.startNew(context.levelHint ?? context.levels[0] ?? 'Corporate');
    showText(this.note, context.selectionNote);
  }

  private clearMessages(): void {
    clearFieldErrors(this.form);
    showText(this.error, '');
    showText(this.ok, '');
    showList(this.warnings, []);
    showText(this.note, '');
  }

  /** How the workbook shows dates (its Start date column's format): the date fields use it too. */
  private dateFormat(): string {
    return this.store.context?.dateFormat ?? ISO_DAY;
  }

  private fill(fields: OkrFields): void {
    const percents: Partial<Record<EditField, string>> = { ...(percentTexts(fields) ?? {}) };
    for (const field of DATE_FIELDS) {
      if (fields[field] !== '') percents[field] = showIsoDay(fields[field], this.dateFormat());
    }
    for (const field of DATE_FIELDS) {
      const input = this.control(field);
      if (input instanceof HTMLInputElement) input.placeholder = this.dateFormat();
    }
    this.displayed = new Map();
    for (const field of EDIT_FIELDS) {
      if (field === 'parentId') continue;
      const shown = percents[field];
      if (shown !== undefined) this.displayed.set(field, { shown, stored: fields[field] });
      this.control(field).value = shown ?? fields[field];
    }
    this.refreshStructure();
    this.refreshMeasureHint();
  }

  /** With a `%` unit, a bare 45 means 4500%: say how to type a percentage. */
  private refreshMeasureHint(): void {
    const percent = this.control('uom').value.trim() === '%';
    this.measureHint.textContent = percent ? 'Type percentages with %: 45% is 0.45.' : '';
  }

  /**
   * Shows an existing row in the form: the one way both "Load selected row" and the
   * "Open an existing OKR" picker fill it.
   */
  private open(item: OkrItem): void {
    this.load(item);
    showText(this.ok, `Loaded ${item.id || `row ${item.row}`}.`);
  }

  /** A row chosen in a list: the server sends it in full, as it is now. */
  private async openRow(row: OkrSummary): Promise<void> {
    this.clearMessages();
    try {
      const ref = { tab: row.tab, row: row.row, id: row.id };
      const { item } = await whileBusy(`Opening ${row.id || `row ${row.row}`}…`, () => callServer('rowDetail', ref));
      this.open(item);
      this.control('title').focus();
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }

  load(item: OkrItem): void {
    this.clearMessages();
    this.target = { tab: item.tab, row: item.row, id: item.id };
    this.base = item.fields;
    this.loaded = item;
    this.level.value = item.level;
    this.level.disabled = true;
    this.id.value = item.id;
    this.id.readOnly = true;
    this.idHint.textContent = 'IDs stay fixed: other rows name this one by it.';
    this.heading.textContent = `Editing ${item.id || 'a row without ID'} · ${item.tab} row ${item.row}`;
    this.fill(item.fields);
    this.parents.reset(item.level, item.kind, item, item.fields.parentId, item.parent);
    this.picker.show(item);
    this.showStatus(item);
  }

  /** How the row stands: score against expected, status, and a measured key result's check-ins. */
  private showStatus(item: OkrItem | null): void {
    if (item === null) {
      this.status.hidden = true;
      this.history.clear();
      return;
    }
    fillSummary(this.progress, progressRows(item));
    this.status.hidden = false;
    if (item.measured && item.id !== '') {
      void this.history.show(item.id, item.uom, this.dateFormat(), item.history);
    } else this.history.clear();
  }

  startNew(level: LevelName): void {
    this.clearMessages();
    this.target = null;
    this.base = null;
    this.loaded = null;
    this.level.disabled = false;
    this.level.value = level;
    this.id.readOnly = false;
    this.id.value = '';
    this.idHint.textContent = 'A blank ID gets the next free one, like SAL-KR3.';
    this.heading.textContent = 'New objective or key result';
    this.showStatus(null);
    const kind = this.type.value === 'Key Result' ? 'Key Result' : 'Objective';
    this.fill(emptyFields(kind));
    this.parents.reset(level, kind, null, '', null);
  }

  private discard(): void {
    if (this.target !== null && this.loaded !== null) this.load(this.loaded);
    else this.startNew(this.level.value as LevelName);
    this.control('title').focus();
  }

  /** Measure fields only for key results. */
  private refreshStructure(): void {
    this.metric.hidden = this.type.value !== 'Key Result';
    this.unit.placeholder = this.type.value === 'Key Result' ? 'Inherited' : '';
  }

  /** Level or type changed by the user: other rows are valid parents. */
  private changeStructure(): void {
    this.refreshStructure();
    this.parents.setScope(this.level.value as LevelName, this.type.value as KindName);
  }

  /** The form as typed, except that a field still showing its percentage sends the stored text (no rewrite). */
  private readForm(): OkrFields {
    const fields = emptyFields();
    for (const field of EDIT_FIELDS) {
      const typed = this.control(field).value;
      const displayed = this.displayed.get(field);
      fields[field] =
        displayed !== undefined && typed.trim() === displayed.shown
          ? displayed.stored
          : DATE_FIELDS.includes(field)
            ? isoFromTyped(typed, this.dateFormat())
            : typed;
    }
    return fields;
  }

  private async save(): Promise<void> {
    this.clearMessages();
    const fields = this.readForm();
    if (fields.title.trim() === '') {
      this.showProblems(refusalMessage(1), [{ field: 'title', message: 'Give it a title' }]);
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
      if (result.status === 'invalid') {
        this.showProblems(result.message, result.problems);
        return;
      }
      if (result.status === 'conflict') {
        // Keep what the user typed; the next Save is a deliberate overwrite.
        if (result.fresh === null) {
          this.target = null;
          this.base = null;
          this.loaded = null;
          this.level.disabled = false;
          this.id.readOnly = false;
          this.heading.textContent = 'New objective or key result';
          showText(this.error, `${result.message} Your entries are kept: Save adds them as a new row.`);
        } else {
          this.base = result.fresh.fields;
          this.loaded = result.fresh;
          showText(this.error, `${result.message} Your entries are kept: Save again to use them.`);
        }
        return;
      }
      this.store.apply(result.changed, input.target === null ? result.saved : null);
      this.load(result.saved);
      showText(this.ok, result.message);
      showList(this.warnings, result.warnings);
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }

  /** Every problem at its field (the row's own in the message above the buttons), focus on the first. */
  private showProblems(message: string, problems: readonly SaveProblem[]): void {
    showProblems(this.error, message, problems, (field) =>
      field === 'level' ? this.level : field === 'id' ? this.id : this.control(field),
    );
  }

  private async loadSelection(): Promise<void> {
    this.clearMessages();
    try {
      const selection = await whileBusy('Loading the selected row…', () => callServer('selectedRow'));
      if (selection.selected !== null) this.open(selection.selected);
      else {
        showText(
          this.note,
          selection.selectionNote || 'Select a row on Corporate OKRs, Department OKRs or Team OKRs, then load it.',
        );
      }
    } catch (error) {
      showText(this.error, error instanceof Error ? error.message : String(error));
    }
  }
}

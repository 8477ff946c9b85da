/**
 * DOM helpers. User text reaches the page only through textContent, option.text and
 * input values (§6.2): nothing here takes HTML.
 */

export function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`sidebar.html has no #${id} of the expected kind`);
  return el;
}

export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly disabled?: boolean;
}

export interface ChoiceGroup {
  readonly label: string;
  readonly choices: readonly Choice[];
}

function optionOf(choice: Choice): HTMLOptionElement {
  const option = document.createElement('option');
  option.value = choice.value;
  option.text = choice.text;
  option.disabled = choice.disabled ?? false;
  return option;
}

/** Replaces a select's options (plain and grouped), keeping `value` selected if it is still there. */
export function setChoices(
  select: HTMLSelectElement,
  plain: readonly Choice[],
  groups: readonly ChoiceGroup[] = [],
  value = select.value,
): void {
  const fragment = document.createDocumentFragment();
  for (const choice of plain) fragment.append(optionOf(choice));
  for (const group of groups) {
    if (group.choices.length === 0) continue;
    const optgroup = document.createElement('optgroup');
    optgroup.label = group.label;
    for (const choice of group.choices) optgroup.append(optionOf(choice));
    fragment.append(optgroup);
  }
  select.replaceChildren(fragment);
  const values = Array.from(select.options).map((o) => o.value);
  select.value = values.includes(value) ? value : (values[0] ?? '');
}

export function setDatalist(list: HTMLDataListElement, values: readonly string[]): void {
  list.replaceChildren(...values.map((value) => optionOf({ value, text: value })));
}

/** Shows or hides a message element; an empty text hides it. */
export function showText(el: HTMLElement, text: string): void {
  el.textContent = text;
  el.hidden = text === '';
}

/** A list of lines as <li> items (text only). */
export function showList(list: HTMLElement, lines: readonly string[]): void {
  list.replaceChildren(
    ...lines.map((line) => {
      const li = document.createElement('li');
      li.textContent = line;
      return li;
    }),
  );
  list.hidden = lines.length === 0;
}

/**
 * §5 problems shown at their fields, all at once, in plain words: each under its control
 * (aria-invalid, described by its message), focus on the first in the form's order. Text only.
 * The Edit panel's refused saves and the Check-in panel's refused check-ins both go through
 * showProblems; the next attempt clears them first (clearFieldErrors), so a corrected field
 * loses its mark and only what is still wrong is marked again.
 */
import type { FieldProblem } from '../../../shared/sidebar-api';
import { showText } from './dom';

const ERROR_CLASS = 'field-error';

function sentence(text: string): string {
  const trimmed = text.trim();
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** Removes every field's message inside `root` and the invalid marks. */
export function clearFieldErrors(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll(`.${ERROR_CLASS}`))) el.remove();
  for (const control of Array.from(root.querySelectorAll('[aria-invalid="true"]'))) {
    control.removeAttribute('aria-invalid');
    const describedBy = (control.getAttribute('data-described-by') ?? '').trim();
    if (describedBy === '') control.removeAttribute('aria-describedby');
    else control.setAttribute('aria-describedby', describedBy);
  }
}

/**
 * Shows `message` under `control` and marks it invalid. Messages for one control are listed
 * together. Returns the control, for focusing.
 */
export function showFieldError(control: HTMLElement, message: string): HTMLElement {
  const id = `${control.id}-error`;
  let note = document.getElementById(id);
  if (note === null) {
    note = document.createElement('p');
    note.id = id;
    note.className = ERROR_CLASS;
    const field = control.closest('.field') ?? control.parentElement;
    field?.appendChild(note);
    if (!control.hasAttribute('data-described-by')) {
      control.setAttribute('data-described-by', control.getAttribute('aria-describedby') ?? '');
    }
    control.setAttribute('aria-describedby', `${control.getAttribute('data-described-by') ?? ''} ${id}`.trim());
  }
  note.textContent = note.textContent === '' ? sentence(message) : `${note.textContent} ${sentence(message)}`;
  control.setAttribute('aria-invalid', 'true');
  return control;
}

/** The control that comes first in the page. */
export function firstInPage(controls: readonly HTMLElement[]): HTMLElement | undefined {
  return [...controls].sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
}

/**
 * A refusal in the page: each problem under the control `controlOf` gives for its field; one of
 * no field, or whose control is hidden, goes into `message` after `summary`. Focus moves to the
 * first marked control in the page, or to `message` (which needs tabindex="-1") when none is.
 */
export function showProblems<F extends string>(
  message: HTMLElement,
  summary: string,
  problems: readonly FieldProblem<F>[],
  controlOf: (field: F) => HTMLElement | null,
): void {
  const marked: HTMLElement[] = [];
  const general: string[] = [];
  for (const problem of problems) {
    const control = problem.field === null ? null : controlOf(problem.field);
    if (control === null || control.closest('[hidden]') !== null) general.push(sentence(problem.message));
    else marked.push(showFieldError(control, problem.message));
  }
  showText(message, [summary, ...general].join(' '));
  (firstInPage(marked) ?? message).focus();
}

export { sentence };

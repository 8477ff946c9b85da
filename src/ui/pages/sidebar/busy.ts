/**
 * While a server call runs the page is aria-busy, every button is disabled, and the
 * progress line says what is happening. Calls may overlap (a search while the user
 * types on): the page is busy until the last one ends, and the line names the latest.
 * Focus returns where it was (a disabled button loses focus, which would strand
 * keyboard users).
 */
import { byId } from './dom';

let running = 0;
let disabled: HTMLButtonElement[] = [];
let focused: HTMLElement | null = null;

export function isBusy(): boolean {
  return running > 0;
}

export async function whileBusy<T>(what: string, work: () => Promise<T>): Promise<T> {
  const root = byId('app', HTMLElement);
  const progress = byId('progress', HTMLElement);
  const progressText = byId('progress-text', HTMLElement);
  if (running === 0) {
    focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    disabled = Array.from(root.querySelectorAll('button')).filter((b) => !b.disabled);
    root.setAttribute('aria-busy', 'true');
    for (const b of disabled) b.disabled = true;
    progress.hidden = false;
  }
  running++;
  progressText.textContent = what;
  try {
    return await work();
  } finally {
    running--;
    if (running === 0) {
      root.setAttribute('aria-busy', 'false');
      for (const b of disabled) b.disabled = false;
      progress.hidden = true;
      progressText.textContent = '';
      if (focused && (document.activeElement === document.body || document.activeElement === null)) focused.focus();
    }
  }
}

/**
 * One server call at a time: while it runs the page is aria-busy, every button is
 * disabled, and the progress line says what is happening. Focus returns where it was
 * (a disabled button loses focus, which would strand keyboard users).
 */
import { byId } from './dom';

let running = false;

export function isBusy(): boolean {
  return running;
}

export async function whileBusy<T>(what: string, work: () => Promise<T>): Promise<T> {
  const root = byId('app', HTMLElement);
  const progress = byId('progress', HTMLElement);
  const progressText = byId('progress-text', HTMLElement);
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const buttons = Array.from(root.querySelectorAll('button')).filter((b) => !b.disabled);
  running = true;
  root.setAttribute('aria-busy', 'true');
  for (const b of buttons) b.disabled = true;
  progressText.textContent = what;
  progress.hidden = false;
  try {
    return await work();
  } finally {
    running = false;
    root.setAttribute('aria-busy', 'false');
    for (const b of buttons) b.disabled = false;
    progress.hidden = true;
    progressText.textContent = '';
    if (focused && (document.activeElement === document.body || document.activeElement === null)) focused.focus();
  }
}

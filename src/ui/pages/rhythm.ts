/**
 * The Weekly rhythm dialog (§4.7): reads its state from the server, saves the form, and
 * shows what the server said. Text reaches the page only through textContent and form
 * values (§6.2); times arrive as ISO text and are shown in the spreadsheet's zone.
 */
import {
  hourLabel,
  RHYTHM_DAY_LABELS,
  RHYTHM_DAYS,
  type RhythmApi,
  type RhythmDialogState,
  type RhythmInput,
} from '../../shared/rhythm-api';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun; host: { close(): void } } };

function byId<T extends HTMLElement>(id: string, type: { new (): T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`rhythm.html has no #${id} of the expected kind`);
  return el;
}

const app = byId('app', HTMLElement);
const status = byId('status', HTMLElement);
const errorBox = byId('error', HTMLElement);
const enabled = byId('enabled', HTMLInputElement);
const day = byId('day', HTMLSelectElement);
const hour = byId('hour', HTMLSelectElement);
const zone = byId('zone', HTMLElement);
const recipients = byId('recipients', HTMLTextAreaElement);
const remind = byId('remind', HTMLInputElement);
const managed = byId('managed', HTMLElement);
const setup = byId('setup', HTMLElement);
const lastRun = byId('lastrun', HTMLElement);
const save = byId('save', HTMLButtonElement);

/** A server error as a person reads it: Apps Script may prefix "Error: " or "Exception: ". */
function errorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const text = raw.replace(/^(Error|Exception|ScriptError):\s*/i, '').trim();
  return text === '' ? 'The server did not answer. Check your connection and try again.' : text;
}

function call<K extends keyof RhythmApi>(
  name: K,
  ...args: Parameters<RhythmApi[K]>
): Promise<ReturnType<RhythmApi[K]>> {
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<RhythmApi[K]>))
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    const fn = run[name] as ((...a: unknown[]) => void) | undefined;
    if (typeof fn !== 'function') {
      reject(new Error(`The add-on has no server function ${name}: reinstall or update it.`));
      return;
    }
    fn.apply(run, args);
  });
}

function option(value: string, text: string): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  return o;
}

for (const d of RHYTHM_DAYS) day.append(option(d, RHYTHM_DAY_LABELS[d]));
for (let h = 0; h < 24; h++) hour.append(option(String(h), hourLabel(h)));

function when(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  } catch {
    return date.toLocaleString();
  }
}

/** Schedule, recipients and reminders only mean something while the rhythm is on. */
function syncDisabled(state: RhythmDialogState | null): void {
  const off = !enabled.checked;
  for (const el of [day, hour, recipients, remind]) el.disabled = off || (state?.managedByOther ?? false);
}

let current: RhythmDialogState | null = null;

function show(state: RhythmDialogState): void {
  current = state;
  const s = state.settings;
  enabled.checked = s.enabled;
  day.value = s.day;
  hour.value = String(s.hour);
  recipients.value = s.recipients.join('\n');
  remind.checked = s.remindOwners;
  zone.textContent = `In the spreadsheet's time zone, ${state.timeZone}.`;
  setup.textContent =
    state.setUpBy === null
      ? 'Not set up yet'
      : `${state.setUpBy === '' ? 'an unknown account' : state.setUpBy}${state.setUpAt === null ? '' : `, ${when(state.setUpAt, state.timeZone)}`}`;
  lastRun.textContent =
    state.lastRun === null ? 'Not run yet' : `${when(state.lastRun.at, state.timeZone)}: ${state.lastRun.summary}`;
  lastRun.classList.toggle('failed', state.lastRun !== null && !state.lastRun.ok);
  managed.hidden = !state.managedByOther;
  managed.textContent = state.managedByOther
    ? `${state.setUpBy} set up the weekly rhythm and it runs under their account: only they can change it. You can turn it off.`
    : '';
  status.textContent = state.message ?? (s.enabled ? 'The weekly rhythm is on.' : 'The weekly rhythm is off.');
  syncDisabled(state);
}

async function busy<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
  app.setAttribute('aria-busy', 'true');
  save.disabled = true;
  status.textContent = what;
  errorBox.hidden = true;
  try {
    return await work();
  } catch (error) {
    errorBox.textContent = error instanceof Error ? error.message : String(error);
    errorBox.hidden = false;
    status.textContent = '';
    return undefined;
  } finally {
    app.setAttribute('aria-busy', 'false');
    save.disabled = false;
  }
}

enabled.addEventListener('change', () => syncDisabled(current));
byId('close', HTMLButtonElement).addEventListener('click', () => google.script.host.close());
byId('form', HTMLFormElement).addEventListener('submit', (event) => {
  event.preventDefault();
  const input: RhythmInput = {
    enabled: enabled.checked,
    day: day.value,
    hour: hour.value,
    recipients: recipients.value,
    remindOwners: remind.checked,
  };
  void busy('Saving…', () => call('saveWeeklyRhythm', input)).then((state) => {
    if (state !== undefined) show(state);
  });
});

void busy('Loading…', () => call('rhythmDialogState')).then((state) => {
  if (state !== undefined) show(state);
  enabled.focus();
});

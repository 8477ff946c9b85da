/**
 * The add-on's menu in the playground: a click runs the menu item's function in the built
 * bundle, as Sheets would. A dialog that asks something (Generate rollout plan's start date,
 * Start next cycle's confirmation) stops the call before it writes anything (UiState's
 * interactive mode); the page asks the person, then the call is made again with the answers
 * given so far queued, as a person answering in Sheets would have.
 */
import type { PendingDialog, RecordedHtmlSurface, ScriptedAnswer } from './emulator/services/ui.js';
import type { AddonRuntime } from './runtime.js';

export interface MenuOutcome {
  /** Alerts shown, in order (title and text). */
  readonly alerts: readonly { readonly title: string; readonly text: string }[];
  /** A question to put to the person; the call must be made again with its answer. */
  readonly dialog: PendingDialog | null;
  /** A sidebar or dialog the item opened (the page shows it). */
  readonly surfaces: readonly (Omit<RecordedHtmlSurface, 'html'> & { readonly index: number })[];
  /** An error the call threw past the add-on's own handling. */
  readonly error?: string;
}

export function runMenuItem(rt: AddonRuntime, functionName: string, answers: readonly ScriptedAnswer[]): MenuOutcome {
  const ui = rt.emulator.uiState;
  const alertsBefore = ui.alerts.length;
  const surfacesBefore = ui.surfaces.length;
  ui.interactive = true;
  ui.pendingDialog = null;
  while (ui._takeAnswer() !== undefined) {
    // Leftover answers of an earlier call must not answer this one's questions.
  }
  ui.answerNext(...answers);
  let error: string | undefined;
  try {
    (rt.call as (name: string) => unknown)(functionName);
  } catch (e) {
    error = (e as { message?: unknown })?.message === undefined ? String(e) : String((e as Error).message);
  } finally {
    ui.interactive = false;
  }
  const dialog = ui.pendingDialog;
  if (dialog !== null) {
    // The add-on reported the interrupted call as a failure: that alert was never seen.
    ui.alerts.splice(alertsBefore);
    return { alerts: [], dialog, surfaces: [] };
  }
  return {
    alerts: ui.alerts.slice(alertsBefore).map((a) => ({ title: a.title ?? '', text: a.prompt })),
    dialog: null,
    surfaces: ui.surfaces.slice(surfacesBefore).map((s, i) => ({
      kind: s.kind,
      title: s.title,
      width: s.width,
      height: s.height,
      index: surfacesBefore + i,
    })),
    ...(error === undefined ? {} : { error }),
  };
}

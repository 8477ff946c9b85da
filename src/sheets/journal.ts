/**
 * §6.3 what an action has changed so far, and how to put each change back. Every write an
 * action makes is recorded here as it happens; when the action fails, the changes are
 * undone newest first, and whatever could not be undone is listed for the user, exactly
 * (tab, cells, columns). "Nothing was changed" is said only when the list is empty.
 */

export interface Change {
  /** What changed, as the user reads it: `Team OKRs!J5 (Current)`, `a hidden sheet "Roll-up (new)"`. */
  what: string;
  /** Puts it back; none when the change is meant to stay (a report already swapped in). */
  undo?: () => void;
}

export class Journal {
  private readonly changes: Change[] = [];

  /** Records a change just made. The entry can be updated as the change moves on (its sheet renamed, …). */
  record(what: string, undo?: () => void): Change {
    const change: Change = undo === undefined ? { what } : { what, undo };
    this.changes.push(change);
    return change;
  }

  /** The change is gone (the action reversed it itself): nothing to undo or report. */
  forget(change: Change): void {
    const at = this.changes.indexOf(change);
    if (at >= 0) this.changes.splice(at, 1);
  }

  get isEmpty(): boolean {
    return this.changes.length === 0;
  }

  /** What stands changed now, oldest first. */
  get made(): readonly string[] {
    return this.changes.map((c) => c.what);
  }

  /**
   * Undoes every change, newest first; a failed undo does not stop the others. The journal is
   * left holding what stays changed.
   */
  rollBack(): RolledBack {
    const left = new Set<Change>();
    const stuck = new Set<Change>();
    for (const change of [...this.changes].reverse()) {
      if (change.undo === undefined) {
        left.add(change);
        continue;
      }
      try {
        change.undo();
      } catch (error) {
        console.error(`Could not undo: ${change.what}`, error instanceof Error ? error.message : error);
        left.add(change);
        stuck.add(change);
      }
    }
    const remaining = this.changes.filter((c) => left.has(c));
    this.changes.length = 0;
    this.changes.push(...remaining);
    return {
      done: remaining.filter((c) => !stuck.has(c)).map((c) => c.what),
      stuck: remaining.filter((c) => stuck.has(c)).map((c) => c.what),
    };
  }
}

export interface RolledBack {
  /** Finished parts meant to stay (a report already swapped in). */
  readonly done: readonly string[];
  /** Changes whose undo failed too. */
  readonly stuck: readonly string[];
}

const bullets = (lines: readonly string[]) => lines.map((line) => `• ${line}`).join('\n');

/**
 * What a failure message says about the workbook after the roll-back: each list is exact, so
 * "Nothing else was changed" is true whenever it is said.
 */
export function changedText({ done, stuck }: RolledBack): string {
  if (done.length + stuck.length === 0) return 'Nothing was changed.';
  const parts: string[] = [];
  if (done.length > 0) parts.push(`Done before it stopped:\n${bullets(done)}`);
  if (stuck.length > 0) parts.push(`Changed, and Sheets failed to undo it too:\n${bullets(stuck)}`);
  parts.push('Nothing else was changed.');
  return parts.join('\n\n');
}

// Undo and redo over snapshots of what is being edited. Bursts of typing in one place make one
// step: a change merges into the previous one when it comes soon after it and has the same
// `shape` (removing a field, adding a table or changing a type never merges with anything).

export interface EditHistoryOptions {
  /** Steps kept to undo; the oldest are dropped. */
  limit?: number;
  /** Changes of the same shape closer together than this make one step. */
  mergeWithinMs?: number;
}

interface Step {
  snapshot: string;
  shape: string;
  at: number;
  /** False for a step that changed the shape: the edits after it are steps of their own. */
  mergeable: boolean;
}

export class EditHistory {
  readonly #limit: number;
  readonly #mergeWithinMs: number;
  #past: Step[] = [];
  #future: Step[] = [];
  #present: Step;

  constructor(initial: string, shape: string, options: EditHistoryOptions = {}) {
    this.#limit = options.limit ?? 200;
    this.#mergeWithinMs = options.mergeWithinMs ?? 1000;
    this.#present = { snapshot: initial, shape, at: Number.NEGATIVE_INFINITY, mergeable: false };
  }

  get present(): string {
    return this.#present.snapshot;
  }
  get canUndo(): boolean {
    return this.#past.length > 0;
  }
  get canRedo(): boolean {
    return this.#future.length > 0;
  }

  /** Records the state after an edit; the same state again (an undo being applied) is no step. */
  commit(snapshot: string, shape: string, at: number): void {
    const present = this.#present;
    if (snapshot === present.snapshot) return;
    const sameShape = shape === present.shape;
    const merge = present.mergeable && sameShape && at - present.at < this.#mergeWithinMs;
    if (!merge) {
      this.#past.push(present);
      if (this.#past.length > this.#limit) this.#past.shift();
    }
    this.#present = { snapshot, shape, at, mergeable: sameShape };
    this.#future = [];
  }

  /** The state to go back to, or null when there is none. */
  undo(): string | null {
    const previous = this.#past.pop();
    if (previous === undefined) return null;
    this.#future.push(this.#present);
    this.#present = { ...previous, at: Number.NEGATIVE_INFINITY };
    return previous.snapshot;
  }

  /** The state undone last, or null. */
  redo(): string | null {
    const next = this.#future.pop();
    if (next === undefined) return null;
    this.#past.push(this.#present);
    this.#present = { ...next, at: Number.NEGATIVE_INFINITY };
    return next.snapshot;
  }

  /** Forgets every step: after loading or discarding, there is nothing to undo. */
  reset(snapshot: string, shape: string): void {
    this.#past = [];
    this.#future = [];
    this.#present = { snapshot, shape, at: Number.NEGATIVE_INFINITY, mergeable: false };
  }
}

export type HistoryCommand = 'undo' | 'redo';

/** Ctrl+Z / ⌘Z undo; Ctrl+Shift+Z, ⌘⇧Z and Ctrl+Y redo. */
export function historyCommand(event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): HistoryCommand | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && event.ctrlKey && !event.shiftKey) return 'redo';
  return null;
}

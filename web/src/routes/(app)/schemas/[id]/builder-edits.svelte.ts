// Nothing the builder edits is lost: every change is an undo step (EditHistory) and, while it is
// unsaved, a draft in the browser (DraftStore) that a reload or a crash puts back.
import { draftToRestore, type DraftStore, type DraftToRestore } from '$lib/draft-store';
import { EditHistory } from '$lib/edit-history';
import { parseSnapshot, shapeOf, type WorkingCopy } from '$lib/working-copy';
import type { SchemaDraft } from './schema-draft.svelte';

/** Drafts are written this long after the last change (and at once when the page goes away). */
const WRITE_AFTER_MS = 300;

export class BuilderEdits {
  canUndo = $state(false);
  canRedo = $state(false);
  /** The draft put back when the page opened, for the notice; null once dismissed or discarded. */
  restored = $state<DraftToRestore | null>(null);
  /** False when the browser would not keep the draft (storage full or switched off). */
  kept = $state(true);
  #history: EditHistory | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly draft: SchemaDraft,
    readonly store: DraftStore,
    readonly now: () => number = Date.now,
  ) {}

  /** After the saved schema is loaded: puts back a draft of it kept in this browser, if any. */
  start(): void {
    const { draft } = this;
    const saved = parseSnapshot(draft.savedSnapshot);
    const restored = draft.canEdit ? draftToRestore(this.store.read(draft.id), { copy: saved, version: draft.version }) : null;
    if (restored) draft.restore(restored.copy, restored.baseVersion);
    else this.store.discard(draft.id);
    this.restored = restored;
    this.#history = new EditHistory(draft.snapshot, shapeOf(draft.definition));
    this.#sync();
  }

  /** Takes in the working copy after a change: an undo step, and the draft to keep. */
  track(snapshot: string): void {
    if (!this.#history) return;
    this.#history.commit(snapshot, shapeOf(this.draft.definition), this.now());
    this.#sync();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), WRITE_AFTER_MS);
  }

  /** Writes the draft now (or removes it when nothing is unsaved). */
  flush(): void {
    clearTimeout(this.#timer);
    const { draft } = this;
    if (!draft.canEdit || !this.#history) return;
    if (!draft.dirty) {
      this.store.discard(draft.id);
      return;
    }
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp written once, not state
    this.kept = this.store.write(draft.id, { copy: parseSnapshot(draft.snapshot), baseVersion: draft.version, savedAt: new Date(this.now()).toISOString() });
  }

  undo(): boolean {
    return this.#apply(this.#history?.undo() ?? null);
  }

  redo(): boolean {
    return this.#apply(this.#history?.redo() ?? null);
  }

  /** Drops the restored draft: back to the saved schema (an undo step, so it can be taken back). */
  discard(): void {
    this.draft.revert();
    this.store.discard(this.draft.id);
    this.restored = null;
  }

  /** After the saved schema was reloaded over the edits: nothing to undo, no draft. */
  reset(): void {
    this.store.discard(this.draft.id);
    this.restored = null;
    this.#history?.reset(this.draft.snapshot, shapeOf(this.draft.definition));
    this.#sync();
  }

  #apply(snapshot: string | null): boolean {
    if (snapshot === null) return false;
    this.draft.apply(parseSnapshot(snapshot) satisfies WorkingCopy);
    this.#sync();
    return true;
  }

  #sync(): void {
    this.canUndo = this.#history?.canUndo ?? false;
    this.canRedo = this.#history?.canRedo ?? false;
  }
}

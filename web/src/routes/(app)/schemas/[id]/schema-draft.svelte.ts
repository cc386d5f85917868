// The schema being edited: the saved copy (name, seed, definition, version) and the working copy.
import { normaliseProblems, type Definition, type Problem } from '$lib/definition';
import { parseSnapshot, snapshotOf, type WorkingCopy } from '$lib/working-copy';

export interface LoadedSchema {
  id: string;
  name: string;
  seed: string | null;
  definition: Definition;
  version: number;
  canEdit: boolean;
}

export class SchemaDraft {
  name = $state('');
  seed = $state('');
  definition = $state<Definition>({ version: 1, tables: [] });
  version = $state(0);
  canEdit = $state(false);
  /** Problems from the last preview or save, with paths like `tables[1].fields[3].options.max`. */
  problems = $state<Problem[]>([]);
  /** Set when a save found that someone else saved first. */
  conflict = $state<{ currentVersion: number | null } | null>(null);
  saving = $state(false);
  #saved = $state('');
  #savedVersion = 0;
  /** The working copy as one text: what undo steps and drafts in the browser keep. */
  readonly snapshot = $derived(snapshotOf({ name: this.name, seed: this.seed, definition: this.definition }));
  readonly dirty = $derived(this.snapshot !== this.#saved);

  constructor(readonly id: string) {}

  load(schema: LoadedSchema): void {
    this.name = schema.name;
    this.seed = schema.seed ?? '';
    this.definition = $state.snapshot(schema.definition) as Definition;
    this.version = schema.version;
    this.canEdit = schema.canEdit;
    this.conflict = null;
    this.problems = [];
    this.#saved = snapshotOf({ name: this.name, seed: this.seed, definition: this.definition });
    this.#savedVersion = schema.version;
  }

  /** Puts `copy` in the working copy (an undo, a redo, a draft restored); the saved copy stays. */
  apply(copy: WorkingCopy): void {
    this.name = copy.name;
    this.seed = copy.seed;
    this.definition = copy.definition;
  }

  /**
   * Puts back edits begun on saved version `baseVersion`: saving them then says when someone
   * else saved since, as any save over a newer version does.
   */
  restore(copy: WorkingCopy, baseVersion: number): void {
    this.apply(copy);
    this.version = Math.min(baseVersion, this.#savedVersion);
  }

  /** Drops the working copy's edits: back to the saved copy. */
  revert(): void {
    this.apply(parseSnapshot(this.#saved));
    this.version = this.#savedVersion;
  }

  /** The saved copy as last loaded or saved. */
  get savedSnapshot(): string {
    return this.#saved;
  }

  /** Marks the current working copy as saved under `version`. */
  saved(version: number): void {
    this.version = version;
    this.#savedVersion = version;
    this.conflict = null;
    this.#saved = this.snapshot;
  }

  setProblems(problems: readonly Problem[]): void {
    this.problems = normaliseProblems(problems);
  }

  /** What updateSchema is sent. */
  patch(): { name: string; seed: string | null; definition: Definition } {
    return {
      name: this.name.trim(),
      seed: this.seed.trim() === '' ? null : this.seed.trim(),
      definition: $state.snapshot(this.definition) as Definition,
    };
  }
}

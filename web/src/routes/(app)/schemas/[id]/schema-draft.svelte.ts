// The schema being edited: the saved copy (name, seed, definition, version) and the working copy.
import { normaliseProblems, type Definition, type Problem } from '$lib/definition';

export interface LoadedSchema {
  id: string;
  name: string;
  seed: string | null;
  definition: Definition;
  version: number;
  canEdit: boolean;
}

function fingerprint(name: string, seed: string, definition: Definition): string {
  return JSON.stringify({ name, seed, definition });
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
  readonly dirty = $derived(fingerprint(this.name, this.seed, this.definition) !== this.#saved);

  constructor(readonly id: string) {}

  load(schema: LoadedSchema): void {
    this.name = schema.name;
    this.seed = schema.seed ?? '';
    this.definition = $state.snapshot(schema.definition) as Definition;
    this.version = schema.version;
    this.canEdit = schema.canEdit;
    this.conflict = null;
    this.problems = [];
    this.#saved = fingerprint(this.name, this.seed, this.definition);
  }

  /** Marks the current working copy as saved under `version`. */
  saved(version: number): void {
    this.version = version;
    this.conflict = null;
    this.#saved = fingerprint(this.name, this.seed, $state.snapshot(this.definition) as Definition);
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

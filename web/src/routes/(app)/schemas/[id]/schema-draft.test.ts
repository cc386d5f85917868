import { describe, expect, it } from 'vitest';
import { starterDefinition } from '$lib/definition';
import { SchemaDraft } from './schema-draft.svelte';

function loaded() {
  const draft = new SchemaDraft('s1');
  draft.load({ id: 's1', name: 'Shop', seed: null, definition: starterDefinition(), version: 3, canEdit: true });
  return draft;
}

describe('SchemaDraft', () => {
  it('is clean after loading and dirty after any edit, however deep', () => {
    const draft = loaded();
    expect(draft.dirty).toBe(false);
    draft.definition.tables[0]!.fields[1]!.nullRate = 0.1;
    expect(draft.dirty).toBe(true);
  });

  it('is clean again once saved, under the new version', () => {
    const draft = loaded();
    draft.name = 'Shop 2';
    draft.conflict = { currentVersion: 4 };
    draft.saved(5);
    expect(draft).toMatchObject({ dirty: false, version: 5, conflict: null });
  });

  it('sends a trimmed name, no empty seed, and a plain copy of the definition', () => {
    const draft = loaded();
    draft.name = '  Shop  ';
    draft.seed = '  ';
    const patch = draft.patch();
    expect(patch.name).toBe('Shop');
    expect(patch.seed).toBeNull();
    expect(structuredClone(patch.definition)).toEqual(starterDefinition());
  });

  it('reads problems from mutations and previews alike', () => {
    const draft = loaded();
    draft.setProblems([{ path: 'definition.tables[0].name', message: 'bad' }]);
    expect(draft.problems).toEqual([{ path: 'tables[0].name', message: 'bad' }]);
  });
});

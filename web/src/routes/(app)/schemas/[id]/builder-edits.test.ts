import { describe, expect, it } from 'vitest';
import { starterDefinition } from '$lib/definition';
import { DraftStore, type KeyValueStorage } from '$lib/draft-store';
import { SchemaDraft } from './schema-draft.svelte';
import { BuilderEdits } from './builder-edits.svelte';

function memory(): KeyValueStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

function open(storage: KeyValueStorage, version = 3) {
  let now = 0;
  const draft = new SchemaDraft('s1');
  draft.load({ id: 's1', name: 'Shop', seed: null, definition: starterDefinition(), version, canEdit: true });
  const edits = new BuilderEdits(draft, new DraftStore(storage), () => (now += 5000));
  edits.start();
  return { draft, edits };
}

describe('BuilderEdits', () => {
  it('undoes a removed field and redoes it', () => {
    const { draft, edits } = open(memory());
    draft.definition.tables[0]!.fields.splice(1, 1);
    edits.track(draft.snapshot);
    expect(edits.canUndo).toBe(true);
    expect(edits.undo()).toBe(true);
    expect(draft.definition.tables[0]!.fields.map((f) => f.name)).toEqual(['id', 'email']);
    expect(draft.dirty).toBe(false);
    expect(edits.redo()).toBe(true);
    expect(draft.definition.tables[0]!.fields.map((f) => f.name)).toEqual(['id']);
  });

  it('keeps unsaved edits in the browser and puts them back when the schema opens again', () => {
    const storage = memory();
    const first = open(storage);
    first.draft.name = 'Shop (edited)';
    first.edits.track(first.draft.snapshot);
    first.edits.flush();
    // a reload: a new page over the same storage
    const second = open(storage);
    expect(second.draft.name).toBe('Shop (edited)');
    expect(second.draft.dirty).toBe(true);
    expect(second.edits.restored).toMatchObject({ baseVersion: 3, savedSince: false });
    // discarding goes back to the saved schema and forgets the draft
    second.edits.discard();
    expect(second.draft).toMatchObject({ name: 'Shop', dirty: false });
    expect(storage.items.size).toBe(0);
  });

  it('restores edits made on an older version at that version, so saving asks before overwriting', () => {
    const storage = memory();
    const first = open(storage, 3);
    first.draft.seed = '42';
    first.edits.track(first.draft.snapshot);
    first.edits.flush();
    const second = open(storage, 5);
    expect(second.edits.restored?.savedSince).toBe(true);
    expect(second.draft.version).toBe(3);
    second.edits.discard();
    expect(second.draft.version).toBe(5);
  });

  it('keeps no draft once saved or when nothing changed', () => {
    const storage = memory();
    const { draft, edits } = open(storage);
    draft.seed = '7';
    edits.track(draft.snapshot);
    edits.flush();
    expect((JSON.parse(storage.items.get('tdg.draft.s1')!) as { copy: { seed: string } }).copy.seed).toBe('7');
    draft.saved(4);
    edits.flush();
    expect(storage.items.size).toBe(0);
  });
});

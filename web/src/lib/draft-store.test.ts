import { describe, expect, it } from 'vitest';
import { starterDefinition } from './definition';
import { DraftStore, draftToRestore, type KeyValueStorage } from './draft-store';
import type { WorkingCopy } from './working-copy';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const saved: WorkingCopy = { name: 'Shop', seed: '', definition: starterDefinition() };
function edited(): WorkingCopy {
  const copy = structuredClone(saved);
  copy.definition.tables[0]!.fields.pop();
  return copy;
}

describe('DraftStore', () => {
  it('keeps one draft per schema and gives it back as written', () => {
    const store = new DraftStore(new MemoryStorage());
    const draft = { copy: edited(), baseVersion: 3, savedAt: '2026-12-03T16:00:00.000Z' };
    expect(store.write('s1', draft)).toBe(true);
    expect(store.read('s1')).toEqual(draft);
    expect(store.read('s2')).toBeNull();
    store.discard('s1');
    expect(store.read('s1')).toBeNull();
  });

  it('drops what does not read as a draft', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage);
    storage.setItem('tdg.draft.s1', '{"copy":{"name":1}}');
    storage.setItem('tdg.draft.s2', 'not json');
    expect(store.read('s1')).toBeNull();
    expect(store.read('s2')).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('says so when the browser refuses, and works with no storage at all', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    expect(new DraftStore(storage).write('s1', { copy: saved, baseVersion: 1, savedAt: '' })).toBe(false);
    const none = new DraftStore(null);
    expect(none.write('s1', { copy: saved, baseVersion: 1, savedAt: '' })).toBe(false);
    expect(none.read('s1')).toBeNull();
  });
});

describe('draftToRestore', () => {
  it('restores a draft that differs from the saved schema', () => {
    const stored = { copy: edited(), baseVersion: 3, savedAt: 'now' };
    expect(draftToRestore(stored, { copy: saved, version: 3 })).toEqual({ ...stored, savedSince: false });
  });
  it('says when the schema was saved since the edits began', () => {
    expect(draftToRestore({ copy: edited(), baseVersion: 3, savedAt: 'now' }, { copy: saved, version: 5 })?.savedSince).toBe(true);
  });
  it('restores nothing when there is no draft or it equals the saved schema', () => {
    expect(draftToRestore(null, { copy: saved, version: 3 })).toBeNull();
    expect(draftToRestore({ copy: structuredClone(saved), baseVersion: 2, savedAt: 'now' }, { copy: saved, version: 3 })).toBeNull();
  });
});

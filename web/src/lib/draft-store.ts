// Unsaved builder edits kept in the browser, one draft per schema, so that a reload, a crash or a
// closed tab loses nothing. Storage is a port: localStorage in the app, a Map in tests.
import { isWorkingCopy, snapshotOf, type WorkingCopy } from './working-copy';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface StoredDraft {
  copy: WorkingCopy;
  /** The saved version the edits started from. */
  baseVersion: number;
  /** When it was last written (ISO 8601). */
  savedAt: string;
}

export interface DraftToRestore extends StoredDraft {
  /** Someone saved the schema since the edits began: saving the draft would overwrite their version. */
  savedSince: boolean;
}

const PREFIX = 'tdg.draft.';

export class DraftStore {
  constructor(readonly storage: KeyValueStorage | null) {}

  read(schemaId: string): StoredDraft | null {
    let text: string | null = null;
    try {
      text = this.storage?.getItem(PREFIX + schemaId) ?? null;
    } catch {
      return null;
    }
    if (text === null) return null;
    try {
      const stored = JSON.parse(text) as Partial<StoredDraft>;
      if (isWorkingCopy(stored.copy) && Number.isInteger(stored.baseVersion) && typeof stored.savedAt === 'string') return stored as StoredDraft;
    } catch {
      // not JSON: dropped below
    }
    this.discard(schemaId);
    return null;
  }

  /** Keeps the draft; false when the browser refuses (storage full or switched off). */
  write(schemaId: string, draft: StoredDraft): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(PREFIX + schemaId, JSON.stringify(draft));
      return true;
    } catch {
      return false;
    }
  }

  discard(schemaId: string): void {
    try {
      this.storage?.removeItem(PREFIX + schemaId);
    } catch {
      // nothing kept, nothing to remove
    }
  }
}

/** The stored draft to put back over the saved schema, or null when there is none or it changes nothing. */
export function draftToRestore(stored: StoredDraft | null, saved: { copy: WorkingCopy; version: number }): DraftToRestore | null {
  if (!stored || snapshotOf(stored.copy) === snapshotOf(saved.copy)) return null;
  return { ...stored, savedSince: saved.version > stored.baseVersion };
}

/** The browser's localStorage, or null where there is none (server rendering, a locked-down browser). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

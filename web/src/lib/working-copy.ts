// The working copy of a schema in the builder — its name, seed and definition — as one JSON text:
// what tells whether it changed, what undo steps hold and what a draft in the browser keeps.
import type { Definition } from './definition';

export interface WorkingCopy {
  name: string;
  seed: string;
  definition: Definition;
}

export function snapshotOf(copy: WorkingCopy): string {
  return JSON.stringify({ name: copy.name, seed: copy.seed, definition: copy.definition });
}

export function parseSnapshot(text: string): WorkingCopy {
  return JSON.parse(text) as WorkingCopy;
}

/**
 * What an edit must keep for it to merge with the previous undo step: the tables, their fields
 * and types. Typing changes none of them; adding, removing or retyping a field changes it.
 */
export function shapeOf(definition: Definition): string {
  return definition.tables.map((table) => table.fields.map((field) => field.type).join(',')).join('|');
}

/** Whether `value` reads as a working copy (a draft from an older build may not). */
export function isWorkingCopy(value: unknown): value is WorkingCopy {
  if (!value || typeof value !== 'object') return false;
  const copy = value as Partial<WorkingCopy>;
  return (
    typeof copy.name === 'string' &&
    typeof copy.seed === 'string' &&
    !!copy.definition &&
    typeof copy.definition === 'object' &&
    Array.isArray(copy.definition.tables) &&
    copy.definition.tables.every((table) => !!table && typeof table === 'object' && Array.isArray(table.fields))
  );
}

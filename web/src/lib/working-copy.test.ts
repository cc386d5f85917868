import { describe, expect, it } from 'vitest';
import { newField, starterDefinition } from './definition';
import { isWorkingCopy, parseSnapshot, shapeOf, snapshotOf } from './working-copy';

describe('working copy', () => {
  it('round-trips through its snapshot', () => {
    const copy = { name: 'Shop', seed: '42', definition: starterDefinition() };
    expect(parseSnapshot(snapshotOf(copy))).toEqual(copy);
    expect(isWorkingCopy(parseSnapshot(snapshotOf(copy)))).toBe(true);
    expect(isWorkingCopy({ name: 'x', seed: '', definition: { tables: [{}] } })).toBe(false);
  });

  it('has the same shape after renames and option edits, another after adding, removing or retyping a field', () => {
    const definition = starterDefinition();
    const before = shapeOf(definition);
    definition.tables[0]!.name = 'people';
    definition.tables[0]!.fields[0]!.name = 'key';
    definition.tables[0]!.fields[0]!.options = { x: 1 };
    expect(shapeOf(definition)).toBe(before);
    definition.tables[0]!.fields.push(newField(definition.tables[0]!));
    const added = shapeOf(definition);
    expect(added).not.toBe(before);
    definition.tables[0]!.fields[2]!.type = 'pick';
    expect(shapeOf(definition)).not.toBe(added);
    definition.tables[0]!.fields.splice(2, 1);
    expect(shapeOf(definition)).toBe(before);
  });
});

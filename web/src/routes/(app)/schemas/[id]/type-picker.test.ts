import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import TypePicker from './type-picker.svelte';
import type { Catalog, FieldType } from './catalog';

const type = (id: string, group: string, description: string, kind = 'text', example: unknown = 'x'): FieldType => ({
  id,
  group,
  description,
  kind,
  example,
  options: { type: 'object', properties: {} },
  exampleOptions: {},
  uniqueSupported: false,
});
const types = [
  type('person.firstName', 'person', 'Given name', 'text', 'Ada'),
  type('internet.email', 'internet', 'Email address', 'text', 'ada@example.com'),
  type('date.past', 'date', 'Date-time within `years` before the reference date', 'timestamp', '2024-01-16T23:23:45.306Z'),
  type('date.future', 'date', 'Date-time within `years` after the reference date', 'timestamp', '2025-04-06T19:52:33.670Z'),
  type('commerce.price', 'commerce', 'Price with `dec` decimals', 'number', 40.2),
  type('ref', 'relation', 'Foreign key: a value of a field of another table', 'uuid'),
  type('pick', 'builtin', 'One of the given values', 'text', 'active'),
];
const catalog: Catalog = new Map(types.map((t) => [t.id!, t]));

const list = () => within(screen.getByRole('listbox', { name: 'Field types' }));
const listed = () => list().queryAllByRole('option');

async function openPicker(onchoose = vi.fn()) {
  render(TypePicker, { value: 'person.firstName', label: 'Type of users.name', catalog, onchoose });
  await fireEvent.click(screen.getByRole('button', { name: 'Type of users.name: person.firstName' }));
  return { onchoose, input: screen.getByRole('combobox', { name: 'Search field types' }) as HTMLInputElement };
}

describe('TypePicker', () => {
  it('browses the whole catalogue by group, with counts and examples', async () => {
    await openPicker();
    const groups = list()
      .getAllByRole('group')
      .map((g) => g.getAttribute('aria-labelledby') && document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent);
    expect(groups.map((text) => text?.replace(/\s+/g, ' ').trim())).toEqual([
      'Person 1',
      'Internet 1',
      'Commerce 1',
      'Date & time 2',
      'Relationships 1',
      'Logic & formulas 1',
    ]);
    expect(listed()).toHaveLength(types.length);
    // browsing starts at the current type
    expect(list().getByRole('option', { selected: true }).textContent).toMatch(/^person\.firstName/);
    expect(list().getByRole('option', { name: /^commerce\.price/ }).textContent).toContain('e.g. 40.2');
    expect((screen.getByRole('combobox', { name: 'Group' }) as HTMLSelectElement).options[0]!.textContent).toBe(`All groups (${types.length})`);
  });

  it('finds dates by "timestamp" and chooses one with the arrows and Enter, focus back on the button', async () => {
    const { onchoose, input } = await openPicker();
    expect(document.activeElement).toBe(input);
    await fireEvent.input(input, { target: { value: 'timestamp' } });
    const found = listed().map((o) => o.id);
    expect(found).toHaveLength(2);
    expect(input.getAttribute('aria-activedescendant')).toBe(found[0]);
    await fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(found[1]);
    expect(list().getByRole('option', { selected: true }).textContent).toMatch(/^date\.future/);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(onchoose).toHaveBeenCalledWith(expect.objectContaining({ id: 'date.future' }));
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Type of users\.name/ }));
  });

  it('finds pick by "enum" and ref by "foreign key"', async () => {
    const { input } = await openPicker();
    await fireEvent.input(input, { target: { value: 'enum' } });
    expect(listed()[0]!.textContent).toMatch(/^pick/);
    await fireEvent.input(input, { target: { value: 'foreign key' } });
    expect(listed()[0]!.textContent).toMatch(/^ref/);
  });

  it('narrows to a group and closes with Escape without choosing', async () => {
    const { onchoose, input } = await openPicker();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Group' }), { target: { value: 'Date & time' } });
    expect(listed()).toHaveLength(2);
    expect(screen.getByText('2 types in Date & time')).toBeTruthy();
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onchoose).not.toHaveBeenCalled();
  });

  it('says when nothing matches', async () => {
    const { input } = await openPicker();
    await fireEvent.input(input, { target: { value: 'zebra crossing' } });
    expect(listed()).toHaveLength(0);
    expect(screen.getByText('No field type matches.')).toBeTruthy();
  });

  it('closes when focus moves out of it, not when it moves inside it', async () => {
    const { input } = await openPicker();
    const group = screen.getByRole('combobox', { name: 'Group' });
    await fireEvent.focusOut(input, { relatedTarget: group });
    expect(screen.queryByRole('dialog')).not.toBeNull();
    const outside = document.body.appendChild(document.createElement('button'));
    await fireEvent.focusOut(input, { relatedTarget: outside });
    expect(screen.queryByRole('dialog')).toBeNull();
    outside.remove();
  });
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import OptionsForm from './options-form.svelte';

// As zod's toJSONSchema prints the `ref` options.
const refSchema = {
  type: 'object',
  properties: {
    table: { type: 'string', minLength: 1, description: 'parent table' },
    field: { type: 'string', minLength: 1 },
    choice: { type: 'string', enum: ['uniform', 'skewed'] },
    skew: { type: 'number', minimum: 1, maximum: 20 },
    childrenPerParent: {
      type: 'object',
      properties: { min: { type: 'integer', minimum: 0 }, max: { type: 'integer', minimum: 0 } },
      required: ['min', 'max'],
    },
  },
  required: ['table', 'field'],
  additionalProperties: false,
};

describe('OptionsForm', () => {
  it('draws one labelled control per option', () => {
    render(OptionsForm, { schema: refSchema, value: { table: 'users' }, onchange: () => {}, idPrefix: 'f' });
    expect((screen.getByLabelText('table *') as HTMLInputElement).value).toBe('users');
    expect(screen.getByLabelText('choice').tagName).toBe('SELECT');
    expect((screen.getByLabelText('skew') as HTMLInputElement).type).toBe('number');
    expect(screen.getByRole('group', { name: /^Children per parent childrenPerParent/ })).toBeTruthy();
    expect((screen.getByLabelText('min *') as HTMLInputElement).type).toBe('number');
  });

  it('reports typed values, drops emptied ones and nests objects', async () => {
    const onchange = vi.fn();
    render(OptionsForm, { schema: refSchema, value: { table: 'users', skew: 3 }, onchange, idPrefix: 'f' });
    await fireEvent.input(screen.getByLabelText('skew'), { target: { value: '' } });
    expect(onchange).toHaveBeenLastCalledWith({ table: 'users' });
    await fireEvent.change(screen.getByLabelText('choice'), { target: { value: 'skewed' } });
    expect(onchange).toHaveBeenLastCalledWith({ table: 'users', skew: 3, choice: 'skewed' });
    await fireEvent.input(screen.getByLabelText('max *'), { target: { value: '4' } });
    expect(onchange).toHaveBeenLastCalledWith({ table: 'users', skew: 3, childrenPerParent: { max: 4 } });
  });

  it('takes JSON for values it cannot draw and says when it does not parse', async () => {
    const onchange = vi.fn();
    const schema = { type: 'object', properties: { values: { type: 'array', items: {} } }, required: ['values'] };
    render(OptionsForm, { schema, value: {}, onchange, idPrefix: 'p' });
    const area = screen.getByLabelText('values *');
    await fireEvent.change(area, { target: { value: '["a", 1' } });
    expect(screen.getByRole('alert').textContent).toMatch(/not valid JSON/);
    expect(onchange).not.toHaveBeenCalled();
    await fireEvent.change(area, { target: { value: '["a", 1]' } });
    expect(onchange).toHaveBeenLastCalledWith({ values: ['a', 1] });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows problems beside the option they name', () => {
    render(OptionsForm, {
      schema: refSchema,
      value: {},
      onchange: () => {},
      idPrefix: 'f',
      problemsFor: (key: string) => (key === 'childrenPerParent.max' ? ['must be ≥ min (got 2 < 5)'] : []),
    });
    const max = screen.getByLabelText('max *');
    expect(max.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('must be ≥ min (got 2 < 5)');
  });

  it('labels options in plain words with their unit and range, the key beside them', () => {
    const schema = {
      type: 'object',
      properties: { years: { type: 'number', exclusiveMinimum: 0, maximum: 1000 }, dec: { type: 'integer', minimum: 0, maximum: 10 } },
    };
    render(OptionsForm, { schema, value: { years: 2 }, onchange: () => {}, idPrefix: 'd', typeId: 'date.past' });
    const years = screen.getByLabelText('Within the last');
    expect(years).toBe(screen.getByLabelText('years'));
    expect(
      years
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent),
    ).toEqual(['years', '(more than 0, at most 1000)']);
    expect(screen.getByLabelText('Decimal places')).toBe(screen.getByLabelText('dec'));
    expect(screen.getByText('(0 to 10)')).toBeTruthy();
  });

  it('keeps a number as it was typed: two decimals stay "40.20"', async () => {
    const onchange = vi.fn();
    const schema = { type: 'object', properties: { min: { type: 'number' } } };
    const { rerender } = render(OptionsForm, { schema, value: {}, onchange, idPrefix: 'p', typeId: 'commerce.price' });
    const min = screen.getByLabelText('Smallest value') as HTMLInputElement;
    await fireEvent.input(min, { target: { value: '40.20' } });
    expect(onchange).toHaveBeenLastCalledWith({ min: 40.2 });
    await rerender({ schema, value: { min: 40.2 }, onchange, idPrefix: 'p', typeId: 'commerce.price' });
    expect(min.value).toBe('40.20');
    // changed elsewhere (an undo): the new value shows
    await rerender({ schema, value: { min: 12 }, onchange, idPrefix: 'p', typeId: 'commerce.price' });
    expect(min.value).toBe('12');
  });
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { Definition } from '$lib/definition';
import AssistantPanel from './assistant-panel.svelte';

const definition: Definition = { version: 1, tables: [{ name: 'orders', fields: [{ name: 'product_name', type: 'lorem.words' }] }] };
const proposed: Definition = {
  version: 1,
  tables: [{ name: 'orders', fields: [{ name: 'product_name', type: 'pick', options: { values: ['Beans', 'Milk'] }, description: 'What was bought' }] }],
};
const change = { id: 'c1', task: 'COLUMNS', status: 'PROPOSED', explanation: 'Real products.', baseVersion: 3, definition: proposed };

/** A client whose queries, subscription and mutations answer as given (the parts of urql the panel uses). */
function renderPanel(options: { enabled: boolean; canEdit?: boolean; events?: object[]; mutationData?: Record<string, unknown> }) {
  const query = vi.fn((_document: unknown, variables: Record<string, unknown>) => ({
    toPromise: async () => ({
      data: 'schemaId' in variables ? { assistConversations: [] } : { assistStatus: { enabled: options.enabled, model: 'stand-in' } },
    }),
  }));
  const unsubscribe = vi.fn();
  const subscription = vi.fn((_document: unknown, _variables: Record<string, unknown>) => ({
    subscribe: (sink: (result: object) => void) => {
      queueMicrotask(() => {
        for (const assist of options.events ?? []) sink({ data: { assist } });
      });
      return { unsubscribe };
    },
  }));
  const mutation = vi.fn((_document: unknown, _variables: Record<string, unknown>) => ({ toPromise: async () => ({ data: options.mutationData ?? {} }) }));
  const onapplied = vi.fn();
  render(AssistantPanel, {
    props: { schemaId: 's1', version: 3, definition, canEdit: options.canEdit ?? true, dirty: false, onapplied },
    context: new Map([['$$_urql', { query, subscription, mutation }]]),
  });
  return { query, subscription, mutation, onapplied };
}

describe('AssistantPanel', () => {
  it('is not there when the assistant is off', async () => {
    const { query } = renderPanel({ enabled: false });
    await vi.waitFor(() => expect(query).toHaveBeenCalledOnce());
    expect(screen.queryByRole('heading', { name: 'Schema assistant' })).toBeNull();
  });

  it('streams the answer, shows the change as a diff, and applies it at the current version on Accept', async () => {
    const events = [
      { conversationId: 'k1', text: '' },
      { conversationId: 'k1', text: 'Real ' },
      { conversationId: 'k1', text: 'products.' },
      { conversationId: 'k1', change },
    ];
    const applied = { __typename: 'AssistChangePayload', change: { id: 'c1', status: 'APPLIED' }, schema: { id: 's1', version: 4 } };
    const { subscription, mutation, onapplied } = renderPanel({ enabled: true, events, mutationData: { applyAssistChange: applied } });
    await screen.findByRole('heading', { name: 'Schema assistant' });
    await fireEvent.change(screen.getByLabelText('What to do'), { target: { value: 'COLUMNS' } });
    await fireEvent.input(screen.getByLabelText('Ask the assistant'), { target: { value: 'pools please' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    expect(subscription.mock.calls[0]?.[1]).toEqual({ schemaId: 's1', message: 'pools please', task: 'COLUMNS', conversationId: null });

    const diff = await screen.findByRole('list', { name: 'Proposed change to the definition' });
    expect(screen.getByText('Real products.')).toBeTruthy();
    expect(diff.textContent).toContain('orders.product_name');
    expect(diff.textContent).toContain('type lorem.words → pick (2 values)');
    expect(diff.textContent).toContain('description — → "What was bought"');

    await fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    await vi.waitFor(() => expect(onapplied).toHaveBeenCalledOnce());
    expect(mutation.mock.calls[0]?.[1]).toEqual({ changeId: 'c1', expectedVersion: 3 });
    expect(screen.getByRole('status').textContent).toContain('version 4');
  });

  it('shows a failed answer as an alert with the problems', async () => {
    const error = {
      code: 'INVALID_OUTPUT',
      message: "the assistant's answer was refused twice",
      retryAfterSeconds: null,
      problems: [{ path: 'columns[0].values', message: 'not a text field' }],
    };
    renderPanel({ enabled: true, events: [{ conversationId: 'k1', error }] });
    await fireEvent.input(await screen.findByLabelText('Ask the assistant'), { target: { value: 'pools' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Ask' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('refused twice');
    expect(alert.textContent).toContain('columns[0].values');
    expect(screen.queryByRole('button', { name: 'Accept' })).toBeNull();
  });

  it('lets a viewer read but not ask', async () => {
    renderPanel({ enabled: true, canEdit: false });
    await screen.findByRole('heading', { name: 'Schema assistant' });
    expect(screen.queryByLabelText('Ask the assistant')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ask' })).toBeNull();
  });
});

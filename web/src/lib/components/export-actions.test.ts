import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ExportStatus } from '$lib/gql/graphql';
import ExportActions from './export-actions.svelte';

type Item = { id: string; status: ExportStatus; canManage: boolean; downloadUrl?: string | null };

/** Renders with a client whose mutations answer `data` (the only part of urql the component uses). */
function renderActions(props: { item: Item; name?: string; announce?: boolean }, data: Record<string, unknown> = {}) {
  const mutation = vi.fn((_document: unknown, _variables: { id: string }) => ({ toPromise: async () => ({ data }) }));
  const oncancel = vi.fn();
  const onretry = vi.fn();
  render(ExportActions, { props: { ...props, oncancel, onretry }, context: new Map([['$$_urql', { mutation }]]) });
  return { mutation, oncancel, onretry };
}

const item = (status: ExportStatus, canManage = true): Item => ({
  id: 'e1',
  status,
  canManage,
  downloadUrl: status === 'SUCCEEDED' ? 'http://x/downloads/t' : null,
});

describe('ExportActions', () => {
  it('shows the status, and for a running export of the viewer a Cancel named after the export', () => {
    renderActions({ item: item('RUNNING'), name: 'shop' });
    expect(screen.getByText('running').className).toContain('badge running');
    expect(screen.getByRole('button', { name: 'Cancel export of shop' }).textContent).toBe('Cancel');
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Download' })).toBeNull();
  });

  it('names its buttons plainly on a page about one export, where the status is a live region', () => {
    renderActions({ item: item('FAILED'), announce: true });
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(screen.getByText('failed').getAttribute('aria-live')).toBe('polite');
  });

  it('offers the download of a succeeded export to a reader, and nothing else', () => {
    renderActions({ item: item('SUCCEEDED', false), name: 'shop' });
    expect(screen.getByRole('link', { name: 'Download' }).getAttribute('href')).toBe('http://x/downloads/t');
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('succeeded').getAttribute('aria-live')).toBeNull();
  });

  it('cancels this export and hands the page the cancelled export', async () => {
    const cancelled = { id: 'e1', status: 'CANCELLED' };
    const { mutation, oncancel } = renderActions({ item: item('PENDING'), name: 'shop' }, { cancelExport: { __typename: 'ExportPayload', export: cancelled } });
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel export of shop' }));
    await vi.waitFor(() => expect(oncancel).toHaveBeenCalledOnce());
    expect(mutation.mock.calls[0]?.[1]).toEqual({ id: 'e1' });
    expect(oncancel).toHaveBeenCalledWith({ ok: true, payload: { __typename: 'ExportPayload', export: cancelled } });
  });

  it("hands the page the API's refusal of a retry as an error with its message", async () => {
    const refusal = { __typename: 'LimitError', message: 'Too many exports running.' };
    const { onretry } = renderActions({ item: item('CANCELLED') }, { retryExport: refusal });
    await fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await vi.waitFor(() => expect(onretry).toHaveBeenCalledOnce());
    expect(onretry).toHaveBeenCalledWith({ ok: false, message: 'Too many exports running.', error: refusal });
  });
});

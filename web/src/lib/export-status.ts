import type { ExportStatus } from '$lib/gql/graphql';

export const ACTIVE: readonly ExportStatus[] = ['PENDING', 'RUNNING'];
export const isActive = (status: ExportStatus) => ACTIVE.includes(status);
export const canRetry = (status: ExportStatus) => status === 'FAILED' || status === 'CANCELLED' || status === 'SUCCEEDED';
export const statusLabel = (status: ExportStatus) => status.toLowerCase();

/**
 * What the viewer may do with an export (docs/access.md): whoever sees it may download its file;
 * only the person who started it (`canManage`) cancels, retries or deletes it and reads its log.
 */
export function exportActions(item: { status: ExportStatus; canManage: boolean; downloadUrl?: string | null }) {
  return {
    cancel: item.canManage && isActive(item.status),
    retry: item.canManage && !isActive(item.status) && canRetry(item.status),
    download: item.status === 'SUCCEEDED' && !!item.downloadUrl,
    eventLog: item.canManage,
  };
}

/** A failed export's stored error as one line: its message, else the whole value as JSON. */
export function failureText(error: unknown): string {
  if (typeof error === 'object' && error !== null && Object.hasOwn(error, 'message')) return String((error as { message: unknown }).message);
  return JSON.stringify(error);
}

const when = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** An export as the list names it: "Shop · CSV · 3 Dec 2026, 17:40 UTC" (schema, format, date). */
export function exportTitle(item: { schema?: { name: string } | null; format: string; createdAt: string }): string {
  return `${item.schema?.name ?? 'Unsaved definition'} · ${item.format} · ${when.format(new Date(item.createdAt))} UTC`;
}

import type { ExportStatus } from '$lib/gql/graphql';

export const ACTIVE: readonly ExportStatus[] = ['PENDING', 'RUNNING'];
export const isActive = (status: ExportStatus) => ACTIVE.includes(status);
export const canRetry = (status: ExportStatus) => status === 'FAILED' || status === 'CANCELLED' || status === 'SUCCEEDED';
export const statusLabel = (status: ExportStatus) => status.toLowerCase();

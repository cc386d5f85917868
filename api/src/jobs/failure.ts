// What a user reads in error_details when an export fails.

const CODE_BY_NAME: Record<string, string> = {
  StorageError: 'STORAGE_FAILED',
  ExportWriteError: 'STORAGE_FAILED',
  FormatError: 'BAD_FORMAT_OPTIONS',
  JobPayloadError: 'BAD_PAYLOAD',
  ChunkFileError: 'CHUNK_CORRUPT',
};

/** The failure's message and a code: by error name, else the error's own upper-case code. */
export function describeFailure(error: unknown): { message: string; code: string } {
  const e = error as { name?: string; code?: unknown; message?: string };
  const cause = (error as { cause?: { name?: string; code?: unknown } }).cause;
  let code = CODE_BY_NAME[e?.name ?? ''] ?? (typeof e?.code === 'string' && /^[A-Z_]+$/.test(e.code) ? e.code : undefined);
  if (e?.name === 'ExportWriteError' && cause?.name === 'StorageError' && typeof cause.code === 'string') code = cause.code;
  if (!code && /definition|Validation/i.test(`${e?.name}`)) code = 'BAD_DEFINITION';
  return { message: String(e?.message ?? error).slice(0, 2000), code: code ?? 'EXPORT_FAILED' };
}

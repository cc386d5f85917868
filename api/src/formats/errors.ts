// Expected failures of an export, as data: FormatError for bad input (format name, options, values),
// ExportWriteError for the output side (unwritable path, full disk, aborted run).

export class FormatError extends Error {
  override name = 'FormatError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

export type ExportWriteErrorCode = 'WRITE_FAILED' | 'ABORTED';

export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
  constructor(
    /** The target the export was writing to (file, directory, zip or `<stream>`). */
    readonly path: string,
    readonly code: ExportWriteErrorCode,
    cause: unknown,
  ) {
    super(`${path}: ${code === 'ABORTED' ? 'export aborted' : `cannot write (${describeCause(cause)})`}`, { cause });
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    const first = cause.message.split('\n')[0];
    return code && !first.includes(code) ? `${code}: ${first}` : first;
  }
  return String(cause);
}

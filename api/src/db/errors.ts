/** A database that cannot be reached or opened (bad DATABASE_URL, unwritable data directory). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** The SQLSTATE of a Postgres error from either adapter (e.g. '42501' insufficient privilege), else undefined. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Well-known SQLSTATEs the API maps to typed errors. */
export const SqlState = {
  insufficientPrivilege: '42501',
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  notNullViolation: '23502',
  noDataFound: 'P0002',
  invalidTextRepresentation: '22P02',
} as const;

// Reading an /auth/v1 request defensively: a capped body, the client's address, and the fields
// (email, new password, user metadata) checked as GoTrue checks them.
import { checkNewPassword } from './password-policy.js';
import { MAX_USER_METADATA_BYTES } from './settings.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An answer in GoTrue's error shape: `{ code, error_code, msg }` plus any extra fields. */
export class AuthApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function tooLarge(maxBytes: number) {
  return new AuthApiError(413, 'request_entity_too_large', `Request body too large (max ${maxBytes} bytes)`);
}

/** The JSON object in the body; 413 past `maxBytes` without reading further, 400 when not JSON. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  // the unread rest is left to the HTTP server, which discards it or closes the connection
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      // a chunked body announces no length: stop reading once it is too long
      if (size > maxBytes) {
        reader.releaseLock();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AuthApiError(400, 'bad_json', 'Could not parse request body as JSON');
}

/**
 * The client's address: the socket's peer, or with `trustedProxies` proxies in front, the address
 * the outermost of them saw (X-Forwarded-For entries further left are the client's own claims).
 */
export function clientAddress(request: Request, socketAddress: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const hops = (request.headers.get('x-forwarded-for') ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length) return hops[Math.max(0, hops.length - trustedProxies)];
  }
  return socketAddress ?? 'unknown';
}

export function emailOf(input: Record<string, unknown>): string {
  // GoTrue stores emails lower-cased
  return typeof input.email === 'string' ? input.email.trim().toLowerCase() : '';
}

export function requireEmail(email: string) {
  if (!EMAIL.test(email) || email.length > 255) {
    throw new AuthApiError(400, 'validation_failed', 'Unable to validate email address: invalid format');
  }
}

/** The new password of a sign-up or PUT /user, held to the password policy. */
export function newPassword(value: unknown, minLength: number, email: string): string {
  const password = typeof value === 'string' ? value : '';
  const problem = checkNewPassword(password, minLength, [email, ...email.split(/[@.+_-]/)]);
  if (problem?.kind === 'too_long') throw new AuthApiError(400, 'validation_failed', problem.message);
  if (problem) throw new AuthApiError(422, 'weak_password', problem.message, { weak_password: { reasons: problem.reasons } });
  return password;
}

/** `data` of a sign-up or PUT /user: an object of at most 16 KB as JSON. */
export function userMetadata(value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new AuthApiError(400, 'validation_failed', 'data: user metadata must be a JSON object');
  }
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (size > MAX_USER_METADATA_BYTES) {
    throw new AuthApiError(400, 'validation_failed', `data: user metadata must be at most ${MAX_USER_METADATA_BYTES} bytes of JSON (got ${size})`);
  }
  return value as Record<string, unknown>;
}

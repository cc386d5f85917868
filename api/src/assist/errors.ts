// Expected failures of the assistant: each has a code the panel and GraphQL show as they are.

export type AssistErrorCode =
  | 'off' // no provider configured for this user
  | 'provider' // the provider answered with an error status
  | 'auth' // the provider refused the key
  | 'rate_limited' // 429 after the retries, or a Retry-After past the bound
  | 'timeout'
  | 'malformed' // the stream or the answer is not the protocol's shape or not JSON
  | 'too_long' // the answer hit the token limit
  | 'invalid_output' // valid JSON that the definition's validation refused, twice
  | 'limit' // this user's tokens for today are spent
  | 'bad_input'; // the question cannot be asked of this schema (no valid definition to work on)

export class AssistError extends Error {
  override name = 'AssistError';
  constructor(
    readonly code: AssistErrorCode,
    message: string,
    readonly details: { retryAfterSeconds?: number; status?: number; problems?: { path: string; message: string }[] } = {},
  ) {
    super(message);
  }
}

/** Text from a provider, safe to show and log: the key cut out, bounded in length. */
export function redacted(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  // a provider echoing a prefix of the key ("sk-abc...xyz") still shows no long key-like run
  out = out.replace(/\b(sk|key|sk-ant)[-_][A-Za-z0-9_-]{6,}/g, '[redacted]');
  return out.length > 500 ? `${out.slice(0, 500)}…` : out;
}

// The assistant's settings from the environment (README, "Schema assistant"). Unset provider: the
// assistant is off unless a user stored a key of their own (and TDG_ASSIST_SECRET can decrypt it).
import type { ProviderSettings, TransportSettings } from './port.js';
import { isProtocol, PROTOCOLS } from './providers.js';

export interface AssistSettings {
  /** The server-wide provider, or undefined (then only users' own keys turn it on). */
  provider?: ProviderSettings;
  /** Encrypts users' own keys (AES-256-GCM, key derived from it); unset: users cannot store keys. */
  secret?: string;
  transport: TransportSettings;
  /** Output tokens one answer may use. */
  maxTokens: number;
  /** Characters one request may send (prompt, schema and history); a bigger schema is refused before any call. */
  maxInputChars: number;
  /** Input and output tokens one user may use per UTC day; 0 = no limit. */
  dailyTokens: number;
  /** Prices in USD per million input / output tokens (0: cost is not counted). */
  price: { input: number; output: number };
  /** USD one user may spend per UTC day, and one answer may cost at most (its max tokens); 0 = no limit. */
  dailyCost: number;
}

/** What `usage` costs at `price` (USD). */
export function costOf(usage: { inputTokens: number; outputTokens: number }, price: AssistSettings['price']): number {
  return (usage.inputTokens * price.input + usage.outputTokens * price.output) / 1_000_000;
}

export interface SettingReaders {
  text(name: string): string | undefined;
  url(name: string): string | undefined;
  integer(name: string, fallback: number, min: number): number;
  decimal(name: string, fallback: number): number;
  fail(message: string): never;
}

export function loadAssistSettings(read: SettingReaders): AssistSettings {
  const protocol = read.text('TDG_ASSIST_PROVIDER')?.toLowerCase();
  let provider: ProviderSettings | undefined;
  if (protocol !== undefined) {
    if (!isProtocol(protocol)) read.fail(`TDG_ASSIST_PROVIDER: must be one of ${Object.keys(PROTOCOLS).join(', ')} (got "${protocol}")`);
    const model = read.text('TDG_ASSIST_MODEL') ?? read.fail('TDG_ASSIST_MODEL: must be set when TDG_ASSIST_PROVIDER is');
    const apiKey = read.text('TDG_ASSIST_API_KEY');
    if (!apiKey && !PROTOCOLS[protocol].keyOptional) read.fail(`TDG_ASSIST_API_KEY: must be set for TDG_ASSIST_PROVIDER=${protocol}`);
    provider = { protocol, model, apiKey, baseUrl: read.url('TDG_ASSIST_BASE_URL') ?? PROTOCOLS[protocol].defaultBaseUrl };
  }
  return {
    provider,
    secret: read.text('TDG_ASSIST_SECRET'),
    transport: {
      timeoutMs: read.integer('TDG_ASSIST_TIMEOUT_MS', 120_000, 100),
      maxRetries: read.integer('TDG_ASSIST_MAX_RETRIES', 2, 0),
      maxRetryWaitMs: read.integer('TDG_ASSIST_MAX_RETRY_WAIT_MS', 30_000, 0),
    },
    maxTokens: read.integer('TDG_ASSIST_MAX_TOKENS', 8_000, 256),
    maxInputChars: read.integer('TDG_ASSIST_MAX_INPUT_CHARS', 400_000, 1_000),
    dailyTokens: read.integer('TDG_ASSIST_DAILY_TOKENS', 500_000, 0),
    price: { input: read.decimal('TDG_ASSIST_PRICE_INPUT', 0), output: read.decimal('TDG_ASSIST_PRICE_OUTPUT', 0) },
    dailyCost: read.decimal('TDG_ASSIST_DAILY_COST', 0),
  };
}

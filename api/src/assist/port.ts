// The assistant's provider port: one chat turn in, streamed text and one structured answer out.
// Adapters speak a wire protocol over fetch (openai.ts, anthropic.ts); nothing here knows a vendor.

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** One completion: the answer must be a JSON value of `schema` (structured output or a forced tool). */
export interface CompletionRequest {
  system: string;
  messages: ChatMessage[];
  /** Name of the answer's JSON Schema (the tool's or the response format's name). */
  schemaName: string;
  schema: Record<string, unknown>;
  maxTokens: number;
  signal?: AbortSignal;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

/** What a completion yields: raw text as it arrives, then once `done` with the whole answer. */
export type CompletionEvent = { type: 'text'; text: string } | { type: 'done'; text: string; usage: Usage };

export interface AssistProvider {
  readonly protocol: ProtocolName;
  readonly model: string;
  complete(request: CompletionRequest): AsyncIterable<CompletionEvent>;
}

export type ProtocolName = 'openai' | 'anthropic';

/** Where and how to reach a model; `apiKey` is never logged nor sent to a browser. */
export interface ProviderSettings {
  protocol: ProtocolName;
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** Timeouts and retries of every request to a provider. */
export interface TransportSettings {
  /** Abort a request that has not finished after this many ms. */
  timeoutMs: number;
  /** Retries of a 429 (or 503) answer. */
  maxRetries: number;
  /** The longest Retry-After honoured; a longer one is a rate_limited error at once. */
  maxRetryWaitMs: number;
}

// The OpenAI-compatible chat-completions protocol (OpenAI, Groq, OpenRouter, Ollama, vLLM, LM Studio):
// POST {base}/chat/completions with stream: true; the answer is constrained by response_format
// json_schema, so the streamed content is the answer's JSON text.
import { AssistError } from './errors.js';
import { eventJson, streamEvents } from './http.js';
import type { AssistProvider, CompletionEvent, CompletionRequest, ProviderSettings, TransportSettings } from './port.js';

export function openaiProvider(settings: ProviderSettings, transport: TransportSettings): AssistProvider {
  return {
    protocol: 'openai',
    model: settings.model,
    async *complete(request: CompletionRequest): AsyncGenerator<CompletionEvent> {
      const events = streamEvents(
        {
          url: `${settings.baseUrl}/chat/completions`,
          headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
          secrets: [settings.apiKey],
          signal: request.signal,
          body: {
            model: settings.model,
            stream: true,
            stream_options: { include_usage: true },
            max_tokens: request.maxTokens,
            messages: [{ role: 'system', content: request.system }, ...request.messages],
            response_format: { type: 'json_schema', json_schema: { name: request.schemaName, schema: request.schema, strict: false } },
          },
        },
        transport,
      );
      let text = '';
      const usage = { inputTokens: 0, outputTokens: 0 };
      let finish: string | null = null;
      for await (const event of events) {
        if (event.data === '[DONE]') break;
        const chunk = eventJson(event, 'chat-completions');
        if (chunk.error) throw new AssistError('provider', `the provider failed mid-answer: ${String(chunk.error.message ?? 'unknown error').slice(0, 300)}`);
        if (chunk.usage) {
          usage.inputTokens = Number(chunk.usage.prompt_tokens ?? 0);
          usage.outputTokens = Number(chunk.usage.completion_tokens ?? 0);
        }
        const choice = chunk.choices?.[0];
        if (!choice) continue;
        const delta = choice.delta?.content;
        if (typeof delta === 'string' && delta) {
          text += delta;
          yield { type: 'text', text: delta };
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
      if (finish === 'length') throw new AssistError('too_long', `the answer passed the limit of ${request.maxTokens} tokens`);
      if (finish === null) throw new AssistError('malformed', 'chat-completions: the stream ended before the answer did');
      yield { type: 'done', text, usage };
    },
  };
}

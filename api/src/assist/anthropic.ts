// The Anthropic messages protocol: POST {base}/messages with stream: true; the answer is the input
// of a tool the model must call (tool_choice), streamed as input_json_delta events.
import { AssistError } from './errors.js';
import { eventJson, streamEvents } from './http.js';
import type { AssistProvider, CompletionEvent, CompletionRequest, ProviderSettings, TransportSettings } from './port.js';

const API_VERSION = '2023-06-01';

export function anthropicProvider(settings: ProviderSettings, transport: TransportSettings): AssistProvider {
  return {
    protocol: 'anthropic',
    model: settings.model,
    async *complete(request: CompletionRequest): AsyncGenerator<CompletionEvent> {
      const { $schema: _ignored, ...inputSchema } = request.schema;
      const events = streamEvents(
        {
          url: `${settings.baseUrl}/messages`,
          headers: { 'anthropic-version': API_VERSION, ...(settings.apiKey ? { 'x-api-key': settings.apiKey } : {}) },
          secrets: [settings.apiKey],
          signal: request.signal,
          body: {
            model: settings.model,
            stream: true,
            max_tokens: request.maxTokens,
            system: request.system,
            messages: request.messages,
            tools: [{ name: request.schemaName, description: 'Propose the change, as the schema says.', input_schema: inputSchema }],
            tool_choice: { type: 'tool', name: request.schemaName },
          },
        },
        transport,
      );
      let text = '';
      const usage = { inputTokens: 0, outputTokens: 0 };
      let stop: string | null = null;
      for await (const event of events) {
        const data = eventJson(event, 'messages');
        switch (data.type) {
          case 'message_start':
            usage.inputTokens = Number(data.message?.usage?.input_tokens ?? 0);
            usage.outputTokens = Number(data.message?.usage?.output_tokens ?? 0);
            break;
          case 'content_block_delta': {
            // the tool's input is the answer; any prose before the call is not part of it
            const delta = data.delta?.type === 'input_json_delta' ? data.delta.partial_json : undefined;
            if (typeof delta === 'string' && delta) {
              text += delta;
              yield { type: 'text', text: delta };
            }
            break;
          }
          case 'message_delta':
            if (data.usage?.output_tokens != null) usage.outputTokens = Number(data.usage.output_tokens);
            if (data.delta?.stop_reason) stop = data.delta.stop_reason;
            break;
          case 'error':
            throw new AssistError(
              data.error?.type === 'overloaded_error' ? 'rate_limited' : 'provider',
              `the provider failed mid-answer: ${String(data.error?.message ?? 'unknown error').slice(0, 300)}`,
            );
        }
      }
      if (stop === 'max_tokens') throw new AssistError('too_long', `the answer passed the limit of ${request.maxTokens} tokens`);
      if (stop === null) throw new AssistError('malformed', 'messages: the stream ended before the answer did');
      yield { type: 'done', text, usage };
    },
  };
}

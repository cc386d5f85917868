// The wire protocols the assistant speaks, looked up by TDG_ASSIST_PROVIDER.
import { anthropicProvider } from './anthropic.js';
import { openaiProvider } from './openai.js';
import type { AssistProvider, ProtocolName, ProviderSettings, TransportSettings } from './port.js';

interface Protocol {
  defaultBaseUrl: string;
  /** Whether a request without a key makes sense (local servers: Ollama, vLLM, LM Studio). */
  keyOptional: boolean;
  create(settings: ProviderSettings, transport: TransportSettings): AssistProvider;
}

export const PROTOCOLS: Record<ProtocolName, Protocol> = {
  openai: { defaultBaseUrl: 'https://api.openai.com/v1', keyOptional: true, create: openaiProvider },
  anthropic: { defaultBaseUrl: 'https://api.anthropic.com/v1', keyOptional: false, create: anthropicProvider },
};

export const isProtocol = (name: string): name is ProtocolName => Object.hasOwn(PROTOCOLS, name);

export function createProvider(settings: ProviderSettings, transport: TransportSettings): AssistProvider {
  return PROTOCOLS[settings.protocol].create(settings, transport);
}

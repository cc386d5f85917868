// Opt-in: one real question to the provider the environment configures (TDG_ASSIST_PROVIDER,
// TDG_ASSIST_MODEL, TDG_ASSIST_API_KEY, TDG_ASSIST_BASE_URL). Skipped unless TDG_ASSIST_API_KEY is set.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createProvider } from './providers.js';
import { assistTurn, type Proposal } from './run.js';
import { TASKS } from './tasks.js';

describe.skipIf(!process.env.TDG_ASSIST_API_KEY)('a live provider', () => {
  it('describes a small domain as a definition the engine accepts', async () => {
    const settings = loadConfig(process.env).assist;
    if (!settings.provider) throw new Error('TDG_ASSIST_API_KEY is set but TDG_ASSIST_PROVIDER/TDG_ASSIST_MODEL are not');
    const provider = createProvider(settings.provider, settings.transport);
    let text = '';
    let proposal: Proposal | undefined;
    const turn = assistTurn({
      provider,
      task: TASKS.describe,
      current: null,
      history: [],
      message: 'A small library: members borrow books; each loan has a due date after the day it was made.',
      maxTokens: settings.maxTokens,
      maxInputChars: settings.maxInputChars,
    });
    for await (const event of turn) {
      if (event.type === 'text') text += event.text;
      if (event.type === 'proposal') proposal = event.proposal;
    }
    expect(proposal).toBeDefined();
    expect(text).toBe(proposal!.explanation);
    expect(proposal!.definition.tables.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});

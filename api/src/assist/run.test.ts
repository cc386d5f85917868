// One turn against the stand-in provider: what is sent, what is streamed, and the one retry.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseDefinition } from '../engine/index.js';
import { AssistError } from './errors.js';
import { createProvider } from './providers.js';
import { assistTurn, type TurnEvent } from './run.js';
import { TASKS } from './tasks.js';
import { chatCompletionsStream, startStandIn, type StandIn } from './testing/stand-in.js';

const current = parseDefinition({ version: 1, tables: [{ name: 'tickets', rows: 5, fields: [{ name: 'subject', type: 'lorem.sentence' }] }] });
const good = {
  explanation: 'Support tickets with real subjects.',
  columns: [{ table: 'tickets', field: 'subject', description: 'What the ticket is about', values: ['Cannot log in', 'Refund request'] }],
};
const bad = { explanation: 'Oops.', columns: [{ table: 'tickets', field: 'nope', description: 'x' }] };

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => {
  standIn.requests.length = 0;
});

async function turn(history: { role: 'user' | 'assistant'; content: string }[] = [], maxInputChars = 100_000) {
  const provider = createProvider({ protocol: 'openai', baseUrl: standIn.url, model: 'm' }, { timeoutMs: 2_000, maxRetries: 0, maxRetryWaitMs: 0 });
  const events: TurnEvent[] = [];
  for await (const event of assistTurn({ provider, task: TASKS.columns, current, history, message: 'subjects please', maxTokens: 1000, maxInputChars }))
    events.push(event);
  return events;
}

describe('assistTurn', () => {
  it('streams the explanation in pieces and ends with the proposal; history starts with the user', async () => {
    standIn.reply({ events: chatCompletionsStream(JSON.stringify(good), { size: 5 }) });
    const events = await turn([
      { role: 'assistant', content: 'an answer whose question fell out of the window' },
      { role: 'user', content: 'earlier question' },
      { role: 'assistant', content: 'earlier answer' },
    ]);
    const texts = events.flatMap((event) => (event.type === 'text' ? [event.text] : []));
    expect(texts.length).toBeGreaterThan(3);
    expect(texts.join('')).toBe(good.explanation);
    const last = events.at(-1)!;
    expect(last.type === 'proposal' && last.proposal.definition.tables[0].fields[0].type).toBe('pick');
    expect(last.type === 'proposal' && last.promptId).toMatch(/^columns@\d+\+definition@\d+$/);
    expect(standIn.requests[0].body.messages.slice(1).map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('asks once more with the problems, then gives up with them', async () => {
    standIn.reply({ events: chatCompletionsStream(JSON.stringify(bad)) }, { events: chatCompletionsStream(JSON.stringify(bad)) });
    const error = await turn().then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(AssistError);
    expect((error as AssistError).code).toBe('invalid_output');
    expect((error as AssistError).details.problems).toEqual([{ path: 'columns[0]', message: 'no field tickets.nope in the schema' }]);
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.requests[1].body.messages.at(-1).content).toContain('- columns[0]: no field tickets.nope in the schema');
  });

  it('refuses a question too big to send without calling the provider', async () => {
    await expect(turn([], 1_000)).rejects.toMatchObject({ code: 'too_long' });
    expect(standIn.requests).toHaveLength(0);
  });
});

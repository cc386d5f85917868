// The schema assistant through GraphQL, against the real server on PGlite (or PostgreSQL with
// TDG_TEST_DATABASE_URL) and a stand-in provider speaking each wire protocol: streamed answers end
// in a proposed change that only applyAssistChange applies; viewers read but cannot apply; an
// invalid answer is retried once; no key reaches a response or a log.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStandIn, STREAMS, type StandIn } from '../../src/assist/testing/stand-in.js';
import { startHarness, type Harness, type TestUser } from './harness.js';

const SERVER_KEY = 'sk-server-key-9f8e7d6c5b4a3210';
const OWN_KEY = 'sk-ant-own-key-0a1b2c3d4e5f6789';

const DEFINITION = {
  version: 1,
  tables: [
    {
      name: 'customers',
      rows: 10,
      primaryKey: ['id'],
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'email', type: 'internet.email' },
        { name: 'created_at', type: 'date.past' },
      ],
    },
    {
      name: 'orders',
      rows: 20,
      fields: [
        { name: 'id', type: 'string.uuid' },
        { name: 'customer_id', type: 'ref', options: { table: 'customers', field: 'id' } },
        { name: 'product_name', type: 'lorem.words' },
        { name: 'created_at', type: 'date.past' },
      ],
    },
  ],
};

const POOL = ['Espresso beans 1 kg', 'Oat milk 1 l', 'Ceramic pour-over dripper', 'Paper filters (100)', 'Burr grinder'];
const COLUMNS_ANSWER = {
  explanation: 'Orders now name real coffee products, and every column says what it holds.',
  columns: [
    { table: 'orders', field: 'product_name', description: 'The product bought', values: POOL },
    { table: 'customers', field: 'email', description: "The customer's contact email" },
  ],
};
// values for a column a catalogue type already models: refused by the task's own check
const BAD_COLUMNS_ANSWER = { explanation: 'Emails from a list.', columns: [{ table: 'customers', field: 'email', description: 'x', values: ['a@b.c'] }] };
const RULES_ANSWER = {
  explanation: 'An order is placed after its customer signed up.',
  rules: [
    {
      table: 'orders',
      reason: 'Customers order after they sign up',
      field: { name: 'created_at', type: 'after', options: { from: 'customer_id.created_at', max: 60 } },
    },
  ],
};

const EVENT = `conversationId text retry { path message } error { code message retryAfterSeconds problems { path message } }
  change { id task status explanation baseVersion definition answer }`;
const ASSIST = `subscription($schemaId: ID!, $message: String!, $task: AssistTask, $conversationId: ID) {
  assist(schemaId: $schemaId, message: $message, task: $task, conversationId: $conversationId) { ${EVENT} } }`;
const RESULT = `__typename ... on Error { message } ... on ConflictError { currentVersion } ... on ValidationError { problems { path message } }`;
const APPLY = `mutation($id: ID!, $v: Int!) { applyAssistChange(changeId: $id, expectedVersion: $v) {
  ${RESULT} ... on AssistChangePayload { change { id status } schema { version definition } } } }`;
const REJECT = `mutation($id: ID!) { rejectAssistChange(changeId: $id) { ${RESULT} ... on AssistChangePayload { change { id status } } } }`;
const CONVERSATIONS = `query($id: ID!) { assistConversations(schemaId: $id) {
  id title messages { role content task promptVersion inputTokens outputTokens } changes { id status task } } }`;

// every byte the process writes while these tests run (yoga's logger, console), to look for keys in
const written: string[] = [];
const seen: string[] = []; // every response body
function captureOutput() {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      written.push(String(chunk));
      return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      written.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      original(...args);
    });
  }
}

async function gql(h: Harness, user: TestUser | undefined, query: string, variables?: Record<string, unknown>) {
  const result = await h.gql(user, query, variables);
  seen.push(JSON.stringify(result));
  return result;
}

/** The events of a subscription over SSE, until it completes. */
async function follow(h: Harness, user: TestUser, variables: Record<string, unknown>) {
  const response = await h.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ query: ASSIST, variables }),
  });
  const text = await response.text();
  seen.push(text);
  const payloads = text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line.length > 6)
    .map((line) => JSON.parse(line.slice(6)));
  const errors = payloads.flatMap((payload) => payload.errors ?? []);
  const events = payloads.filter((payload) => payload.data?.assist).map((payload) => payload.data.assist);
  return { events, errors, last: events.at(-1), text: events.map((event) => event.text ?? '').join('') };
}

async function createSchema(h: Harness, user: TestUser) {
  const created = await gql(
    h,
    user,
    `mutation($d: JSON!) { createSchema(name: "Coffee shop", definition: $d) { ... on SchemaPayload { schema { id version } } } }`,
    {
      d: DEFINITION,
    },
  );
  return created.data.createSchema.schema as { id: string; version: number };
}

async function schemaNow(h: Harness, user: TestUser, id: string) {
  return (await gql(h, user, `query($id: ID!) { schema(id: $id) { version definition } }`, { id })).data.schema as { version: number; definition: any };
}

let standIn: StandIn;
beforeAll(async () => {
  captureOutput();
  standIn = await startStandIn();
});
afterAll(async () => {
  await standIn?.close();
  vi.restoreAllMocks();
});
beforeEach(() => {
  standIn.requests.length = 0;
});

describe('the schema assistant on a server-wide provider (chat-completions)', () => {
  let h: Harness;
  let owner: TestUser, editor: TestUser, viewer: TestUser, stranger: TestUser;
  let schema: { id: string; version: number };

  beforeAll(async () => {
    h = await startHarness({
      TDG_ASSIST_PROVIDER: 'openai',
      TDG_ASSIST_BASE_URL: standIn.url,
      TDG_ASSIST_MODEL: 'stand-in-model',
      TDG_ASSIST_API_KEY: SERVER_KEY,
      TDG_ASSIST_TIMEOUT_MS: '2000',
      TDG_ASSIST_SECRET: 'a server secret for stored keys',
    });
    [owner, editor, viewer, stranger] = await Promise.all(['owner', 'editor', 'viewer', 'stranger'].map((name) => h.signUp(name)));
    schema = await createSchema(h, owner);
    for (const [user, role] of [
      [editor, 'EDITOR'],
      [viewer, 'VIEWER'],
    ] as const) {
      await gql(h, owner, `mutation($id: ID!, $email: String!, $role: MemberRole!) { addMember(schemaId: $id, email: $email, role: $role) { __typename } }`, {
        id: schema.id,
        email: user.email,
        role,
      });
    }
  }, 120_000);
  afterAll(() => h?.close());

  it('says it is on, and through which model, never with the key', async () => {
    const status = await gql(h, viewer, `{ assistStatus { enabled protocol model ownKey canStoreKey } }`);
    expect(status.data.assistStatus).toEqual({ enabled: true, protocol: 'openai', model: 'stand-in-model', ownKey: false, canStoreKey: true });
  });

  it('streams the explanation and ends with a proposed change that is not applied', async () => {
    standIn.reply({ events: STREAMS.openai(JSON.stringify(COLUMNS_ANSWER), { size: 9, usage: [900, 300] }) });
    const run = await follow(h, owner, { schemaId: schema.id, message: 'Describe the columns; real product names please', task: 'COLUMNS' });
    expect(run.errors).toEqual([]);
    expect(run.events.filter((event) => event.text).length).toBeGreaterThan(3); // streamed, not one lump
    expect(run.text).toBe(COLUMNS_ANSWER.explanation);
    expect(run.last.error).toBeNull();
    const change = run.last.change;
    expect(change).toMatchObject({ task: 'COLUMNS', status: 'PROPOSED', explanation: COLUMNS_ANSWER.explanation, baseVersion: schema.version });
    const orders = change.definition.tables.find((t: any) => t.name === 'orders');
    expect(orders.fields.find((f: any) => f.name === 'product_name')).toEqual({
      name: 'product_name',
      type: 'pick',
      options: { values: POOL },
      description: 'The product bought',
    });
    // the prompt asked for JSON of the task's schema, with the versioned prompt and the schema in it
    const [request] = standIn.requests;
    expect(request.body.response_format.json_schema.schema.properties.columns.items.properties.values.maxItems).toBe(50);
    expect(request.body.messages[0].content).toContain('product_name');
    expect(request.body.messages.at(-1)).toEqual({ role: 'user', content: 'Describe the columns; real product names please' });
    // nothing applied yet
    const now = await schemaNow(h, owner, schema.id);
    expect(now.version).toBe(schema.version);
    expect(now.definition.tables).toEqual(DEFINITION.tables);
  });

  it('keeps the conversation for everyone who can read the schema, and nobody else', async () => {
    const forViewer = (await gql(h, viewer, CONVERSATIONS, { id: schema.id })).data.assistConversations;
    expect(forViewer.length).toBeGreaterThanOrEqual(1);
    const messages = forViewer.at(-1).messages;
    expect(messages.map((m: any) => m.role)).toEqual(['user', 'assistant']);
    expect(messages[1]).toMatchObject({ content: COLUMNS_ANSWER.explanation, task: 'COLUMNS', inputTokens: 900, outputTokens: 300 });
    expect(messages[1].promptVersion).toMatch(/^columns@\d+\+definition@\d+$/);
    expect((await gql(h, stranger, CONVERSATIONS, { id: schema.id })).data.assistConversations).toEqual([]);
  });

  it('lets a viewer read but neither ask nor apply; an editor applies, once, at the current version', async () => {
    const [conversation] = (await gql(h, viewer, CONVERSATIONS, { id: schema.id })).data.assistConversations;
    const change = conversation.changes[0];
    expect(change.status).toBe('PROPOSED');

    const asked = await follow(h, viewer, { schemaId: schema.id, message: 'hello', task: 'RULES' });
    expect(asked.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(standIn.requests).toHaveLength(0);
    expect((await gql(h, viewer, APPLY, { id: change.id, v: schema.version })).data.applyAssistChange.__typename).toBe('ForbiddenError');
    expect((await gql(h, viewer, REJECT, { id: change.id })).data.rejectAssistChange.__typename).toBe('ForbiddenError');
    expect((await gql(h, stranger, APPLY, { id: change.id, v: schema.version })).data.applyAssistChange.__typename).toBe('NotFoundError');

    const stale = (await gql(h, editor, APPLY, { id: change.id, v: schema.version + 5 })).data.applyAssistChange;
    expect(stale).toMatchObject({ __typename: 'ConflictError', currentVersion: schema.version });

    const applied = (await gql(h, editor, APPLY, { id: change.id, v: schema.version })).data.applyAssistChange;
    expect(applied.__typename).toBe('AssistChangePayload');
    expect(applied.change.status).toBe('APPLIED');
    expect(applied.schema.version).toBe(schema.version + 1);
    const field = applied.schema.definition.tables[1].fields.find((f: any) => f.name === 'product_name');
    expect(field.options.values).toEqual(POOL);

    const again = (await gql(h, owner, APPLY, { id: change.id, v: applied.schema.version })).data.applyAssistChange;
    expect(again.__typename).toBe('ConflictError');
    schema = { ...schema, version: applied.schema.version };
  });

  it('asks once more with the problems when the answer is invalid, and proposes the fixed one', async () => {
    standIn.reply({ events: STREAMS.openai(JSON.stringify(BAD_COLUMNS_ANSWER)) }, { events: STREAMS.openai(JSON.stringify(COLUMNS_ANSWER)) });
    const run = await follow(h, editor, { schemaId: schema.id, message: 'pools please', task: 'COLUMNS' });
    expect(run.errors).toEqual([]);
    const retry = run.events.find((event) => event.retry);
    expect(retry.retry).toEqual([{ path: 'columns[0].values', message: expect.stringContaining('customers.email') }]);
    expect(run.last.change.status).toBe('PROPOSED');
    expect(standIn.requests).toHaveLength(2);
    const second = standIn.requests[1].body.messages;
    expect(second.at(-2)).toEqual({ role: 'assistant', content: JSON.stringify(BAD_COLUMNS_ANSWER) });
    expect(second.at(-1).content).toContain('columns[0].values');
  });

  it('shows an answer refused twice as an error, and stores no change', async () => {
    const notJson = '{"explanation": "half an answer", "columns": [';
    standIn.reply({ events: STREAMS.openai(notJson) }, { events: STREAMS.openai(JSON.stringify(BAD_COLUMNS_ANSWER)) });
    const before = await h.rowCount('assist_changes');
    const run = await follow(h, editor, { schemaId: schema.id, message: 'pools again', task: 'COLUMNS' });
    expect(run.errors).toEqual([]);
    expect(run.events.filter((event) => event.retry)).toHaveLength(1);
    expect(run.last.change).toBeNull();
    expect(run.last.error).toMatchObject({ code: 'INVALID_OUTPUT', problems: [{ path: 'columns[0].values' }] });
    expect(standIn.requests).toHaveLength(2);
    expect(await h.rowCount('assist_changes')).toBe(before);
  });

  it('proposes rules with their reasons, and a rejected change stays out of the schema', async () => {
    standIn.reply({ events: STREAMS.openai(JSON.stringify(RULES_ANSWER)) });
    const run = await follow(h, owner, { schemaId: schema.id, message: 'make it believable', task: 'RULES' });
    const change = run.last.change;
    expect(change.answer.rules[0].reason).toBe('Customers order after they sign up');
    expect(change.definition.tables[1].fields.find((f: any) => f.name === 'created_at').type).toBe('after');
    const rejected = (await gql(h, editor, REJECT, { id: change.id })).data.rejectAssistChange;
    expect(rejected).toMatchObject({ __typename: 'AssistChangePayload', change: { status: 'REJECTED' } });
    expect((await gql(h, owner, APPLY, { id: change.id, v: schema.version })).data.applyAssistChange.__typename).toBe('ConflictError');
    expect((await schemaNow(h, owner, schema.id)).version).toBe(schema.version);
  });

  it('turns provider failures into typed errors: 429 past the bound, a timeout, a refused key', async () => {
    standIn.reply({ status: 429, headers: { 'retry-after': '3600' }, body: '{}' });
    const limited = await follow(h, owner, { schemaId: schema.id, message: 'rules', task: 'RULES' });
    expect(limited.last.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 3600 });

    standIn.reply({ hang: true });
    const slow = await follow(h, owner, { schemaId: schema.id, message: 'rules', task: 'RULES' });
    expect(slow.last.error.code).toBe('TIMEOUT');

    standIn.reply({ status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${SERVER_KEY}` } }) });
    const refused = await follow(h, owner, { schemaId: schema.id, message: 'rules', task: 'RULES' });
    expect(refused.last.error.code).toBe('AUTH');
    expect(refused.last.error.message).toContain('Incorrect API key provided: [redacted]'); // the echo, with the key cut out
    expect(standIn.requests.at(-1)!.headers.authorization).toBe(`Bearer ${SERVER_KEY}`); // the key went to the provider only
  });

  it("uses a user's own key, stored encrypted, over the Anthropic protocol", async () => {
    const set = await gql(
      h,
      editor,
      `mutation($k: String!, $u: String!) { setAssistKey(protocol: "anthropic", model: "claude-stand-in", apiKey: $k, baseUrl: $u) {
      ... on AssistStatus { enabled protocol model ownKey } } }`,
      { k: OWN_KEY, u: standIn.url },
    );
    expect(set.data.setAssistKey).toEqual({ enabled: true, protocol: 'anthropic', model: 'claude-stand-in', ownKey: true });
    const [stored] = await h.app.db.asService((tx) => tx.query<Record<string, string>>(`select * from assist_secrets`));
    expect(JSON.stringify(stored)).not.toContain(OWN_KEY);

    const describe = {
      explanation: 'A library: books and loans.',
      definition: { version: 1, tables: [{ name: 'books', rows: 5, fields: [{ name: 'title', type: 'book.title' }] }] },
    };
    standIn.reply({ events: STREAMS.anthropic(JSON.stringify(describe)) });
    const run = await follow(h, editor, { schemaId: schema.id, message: 'A small library', task: 'DESCRIBE' });
    expect(run.text).toBe(describe.explanation);
    expect(run.last.change.definition.tables[0].name).toBe('books');
    expect(standIn.requests[0].path).toBe('/v1/messages');
    expect(standIn.requests[0].headers['x-api-key']).toBe(OWN_KEY);

    expect((await gql(h, editor, `mutation { clearAssistKey { protocol ownKey } }`)).data.clearAssistKey).toEqual({ protocol: 'openai', ownKey: false });
  });

  it('refuses a question too big to send before calling the provider', async () => {
    const small = await startHarness({
      TDG_ASSIST_PROVIDER: 'openai',
      TDG_ASSIST_BASE_URL: standIn.url,
      TDG_ASSIST_MODEL: 'm',
      TDG_ASSIST_MAX_INPUT_CHARS: '1000',
    });
    try {
      const user = await small.signUp('wordy');
      const own = await createSchema(small, user);
      const run = await follow(small, user, { schemaId: own.id, message: 'columns', task: 'COLUMNS' });
      expect(run.last.error).toMatchObject({ code: 'TOO_LONG', message: expect.stringContaining('TDG_ASSIST_MAX_INPUT_CHARS') });
      expect(standIn.requests).toHaveLength(0);
    } finally {
      await small.close();
    }
  }, 120_000);

  it('keeps the daily cost limit per user, counting the most the next answer could cost', async () => {
    // $10 per million tokens each way: 1,100 tokens cost $0.011; the next answer could cost 1,000 × $10 / 1M = $0.01
    const priced = await startHarness({
      TDG_ASSIST_PROVIDER: 'openai',
      TDG_ASSIST_BASE_URL: standIn.url,
      TDG_ASSIST_MODEL: 'm',
      TDG_ASSIST_MAX_TOKENS: '1000',
      TDG_ASSIST_PRICE_INPUT: '10',
      TDG_ASSIST_PRICE_OUTPUT: '10',
      TDG_ASSIST_DAILY_COST: '0.03',
    });
    try {
      const user = await priced.signUp('spender');
      const own = await createSchema(priced, user);
      const answer = { events: STREAMS.openai(JSON.stringify(COLUMNS_ANSWER), { usage: [800, 300] }) };
      standIn.reply(answer, answer);
      expect((await follow(priced, user, { schemaId: own.id, message: 'columns', task: 'COLUMNS' })).last.change).not.toBeNull();
      // $0.011 spent + $0.01 possible ≤ $0.03
      expect((await follow(priced, user, { schemaId: own.id, message: 'columns again', task: 'COLUMNS' })).last.change).not.toBeNull();
      // $0.022 spent + $0.01 possible > $0.03
      const third = await follow(priced, user, { schemaId: own.id, message: 'and again', task: 'COLUMNS' });
      expect(third.last.error).toMatchObject({ code: 'LIMIT', message: expect.stringContaining('budget') });
      expect(standIn.requests).toHaveLength(2);
    } finally {
      await priced.close();
    }
  }, 120_000);

  it('keeps the daily token limit per user', async () => {
    const limited = await startHarness({
      TDG_ASSIST_PROVIDER: 'openai',
      TDG_ASSIST_BASE_URL: standIn.url,
      TDG_ASSIST_MODEL: 'm',
      TDG_ASSIST_DAILY_TOKENS: '1000',
    });
    try {
      const user = await limited.signUp('thrifty');
      const own = await createSchema(limited, user);
      standIn.reply({ events: STREAMS.openai(JSON.stringify(COLUMNS_ANSWER), { usage: [800, 300] }) });
      expect((await follow(limited, user, { schemaId: own.id, message: 'columns', task: 'COLUMNS' })).last.change).not.toBeNull();
      const over = await follow(limited, user, { schemaId: own.id, message: 'columns again', task: 'COLUMNS' });
      expect(over.last.error).toMatchObject({ code: 'LIMIT' });
      expect(standIn.requests).toHaveLength(1);
    } finally {
      await limited.close();
    }
  }, 120_000);

  it('never shows a key in a response or a log', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const key of [SERVER_KEY, OWN_KEY]) {
      expect(seen.filter((text) => text.includes(key))).toEqual([]);
      expect(written.filter((text) => text.includes(key))).toEqual([]);
    }
  });
});

describe('without a provider', () => {
  it('is off, says so, and everything else works as before', async () => {
    const h = await startHarness();
    try {
      const user = await h.signUp('plain');
      expect((await gql(h, user, `{ assistStatus { enabled canStoreKey } }`)).data.assistStatus).toEqual({ enabled: false, canStoreKey: false });
      const schema = await createSchema(h, user);
      expect(schema.version).toBe(1);
      const run = await follow(h, user, { schemaId: schema.id, message: 'hello', task: 'DESCRIBE' });
      expect(run.last).toMatchObject({ change: null, error: { code: 'OFF' } });
      expect(standIn.requests).toHaveLength(0);
      expect(await h.rowCount('assist_messages')).toBe(0);
    } finally {
      await h.close();
    }
  }, 120_000);
});

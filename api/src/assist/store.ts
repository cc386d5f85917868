// assist_conversations, assist_messages, assist_changes (read and written as the caller: RLS
// decides) and assist_secrets (service_role only).
import type { Tx } from '../db/port.js';
import type { ChatMessage, ProtocolName, Usage } from './port.js';
import type { TaskName } from './tasks.js';

export type ChangeStatus = 'proposed' | 'applied' | 'rejected';

export interface ConversationRecord {
  id: string;
  schemaId: string;
  userId: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  userId: string;
  role: 'user' | 'assistant';
  content: string;
  task: TaskName;
  promptVersion: string | null;
  inputTokens: number;
  outputTokens: number;
  createdAt: Date;
}

export interface ChangeRecord extends NewChange {
  id: string;
  status: ChangeStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

type Row = Record<string, any>;

const CONVERSATION = `select id::text, schema_id::text, user_id::text, title, created_at, updated_at from assist_conversations`;
const MESSAGE = `select id::text, conversation_id::text, user_id::text, role, content, task, prompt_version, input_tokens, output_tokens, created_at
  from assist_messages`;
const CHANGE = `select id::text, conversation_id::text, schema_id::text, message_id::text, user_id::text, task, explanation, answer,
  definition, base_version, status, decided_by::text, decided_at, created_at from assist_changes`;

const toConversation = (row: Row): ConversationRecord => ({
  id: row.id,
  schemaId: row.schema_id,
  userId: row.user_id,
  title: row.title,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const toMessage = (row: Row): MessageRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  userId: row.user_id,
  role: row.role,
  content: row.content,
  task: row.task,
  promptVersion: row.prompt_version,
  inputTokens: Number(row.input_tokens),
  outputTokens: Number(row.output_tokens),
  createdAt: new Date(row.created_at),
});

const toChange = (row: Row): ChangeRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  schemaId: row.schema_id,
  messageId: row.message_id,
  userId: row.user_id,
  task: row.task,
  explanation: row.explanation,
  answer: row.answer,
  definition: row.definition,
  baseVersion: Number(row.base_version),
  status: row.status,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at ? new Date(row.decided_at) : null,
  createdAt: new Date(row.created_at),
});

export async function startConversation(tx: Tx, userId: string, schemaId: string, title: string): Promise<ConversationRecord> {
  const [row] = await tx.query<Row>(
    `insert into assist_conversations (schema_id, user_id, title) values ($1::uuid, $2::uuid, $3)
     returning id::text, schema_id::text, user_id::text, title, created_at, updated_at`,
    [schemaId, userId, title],
  );
  return toConversation(row);
}

export async function findConversation(tx: Tx, id: string): Promise<ConversationRecord | undefined> {
  const [row] = await tx.query<Row>(`${CONVERSATION} where id = $1::uuid`, [id]);
  return row && toConversation(row);
}

export async function conversationsOfSchema(tx: Tx, schemaId: string): Promise<ConversationRecord[]> {
  const rows = await tx.query<Row>(`${CONVERSATION} where schema_id = $1::uuid order by updated_at desc, id limit 100`, [schemaId]);
  return rows.map(toConversation);
}

export async function touchConversation(tx: Tx, id: string): Promise<void> {
  await tx.query(`update assist_conversations set updated_at = timezone('utc', now()) where id = $1::uuid`, [id]);
}

export async function messagesOf(tx: Tx, conversationIds: readonly string[]): Promise<MessageRecord[]> {
  const rows = await tx.query<Row>(`${MESSAGE} where conversation_id = any($1::uuid[]) order by created_at, id`, [conversationIds]);
  return rows.map(toMessage);
}

/** The last `limit` messages, oldest first, as the provider reads them. */
export async function historyOf(tx: Tx, conversationId: string, limit = 20): Promise<ChatMessage[]> {
  const rows = await tx.query<Row>(
    `select role, content from (select role, content, created_at, id from assist_messages where conversation_id = $1::uuid
     order by created_at desc, id desc limit $2) last order by created_at, id`,
    [conversationId, limit],
  );
  return rows.map((row) => ({ role: row.role, content: row.content }));
}

export interface NewMessage {
  conversationId: string;
  schemaId: string;
  userId: string;
  role: 'user' | 'assistant';
  content: string;
  task: TaskName;
  promptVersion?: string;
  inputTokens?: number;
  outputTokens?: number;
}

export async function addMessage(tx: Tx, message: NewMessage): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into assist_messages (conversation_id, schema_id, user_id, role, content, task, prompt_version, input_tokens, output_tokens)
     values ($1::uuid, $2::uuid, $3::uuid, $4, $5, $6, $7, $8, $9) returning id::text`,
    [
      message.conversationId,
      message.schemaId,
      message.userId,
      message.role,
      message.content.slice(0, 20_000),
      message.task,
      message.promptVersion ?? null,
      message.inputTokens ?? 0,
      message.outputTokens ?? 0,
    ],
  );
  return row.id;
}

export interface NewChange {
  conversationId: string;
  schemaId: string;
  messageId: string;
  userId: string;
  task: TaskName;
  explanation: string;
  answer: unknown;
  definition: unknown;
  baseVersion: number;
}

export async function addChange(tx: Tx, change: NewChange): Promise<ChangeRecord> {
  const [row] = await tx.query<{ id: string }>(
    `insert into assist_changes (conversation_id, schema_id, message_id, user_id, task, explanation, answer, definition, base_version)
     values ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6, $7::jsonb, $8::jsonb, $9) returning id::text`,
    [
      change.conversationId,
      change.schemaId,
      change.messageId,
      change.userId,
      change.task,
      change.explanation,
      JSON.stringify(change.answer),
      JSON.stringify(change.definition),
      change.baseVersion,
    ],
  );
  return (await findChange(tx, row.id))!;
}

export async function findChange(tx: Tx, id: string): Promise<ChangeRecord | undefined> {
  const [row] = await tx.query<Row>(`${CHANGE} where id = $1::uuid`, [id]);
  return row && toChange(row);
}

export async function changesOf(tx: Tx, conversationIds: readonly string[]): Promise<ChangeRecord[]> {
  const rows = await tx.query<Row>(`${CHANGE} where conversation_id = any($1::uuid[]) order by created_at, id`, [conversationIds]);
  return rows.map(toChange);
}

/** Marks a proposed change applied or rejected; undefined when it was not proposed (any more). */
export async function decideChange(tx: Tx, id: string, userId: string, status: Exclude<ChangeStatus, 'proposed'>): Promise<ChangeRecord | undefined> {
  const rows = await tx.query(
    `update assist_changes set status = $3, decided_by = $2::uuid, decided_at = timezone('utc', now())
     where id = $1::uuid and status = 'proposed' returning id`,
    [id, userId, status],
  );
  return rows.length > 0 ? findChange(tx, id) : undefined;
}

/** Input and output tokens the caller used since the start of the UTC day. */
export async function usageToday(tx: Tx): Promise<Usage> {
  const [row] = await tx.query<{ input_tokens: number | string; output_tokens: number | string }>(`select * from public.assist_usage_today()`);
  return { inputTokens: Number(row.input_tokens), outputTokens: Number(row.output_tokens) };
}

// assist_secrets: service_role only ------------------------------------------------------------------

export interface StoredSecret {
  protocol: ProtocolName;
  baseUrl: string | null;
  model: string;
  ciphertext: string;
}

export async function readSecret(service: Tx, userId: string): Promise<StoredSecret | undefined> {
  const [row] = await service.query<Row>(`select provider, base_url, model, api_key_ciphertext from assist_secrets where user_id = $1::uuid`, [userId]);
  return row && { protocol: row.provider, baseUrl: row.base_url, model: row.model, ciphertext: row.api_key_ciphertext };
}

export async function writeSecret(service: Tx, userId: string, secret: StoredSecret): Promise<void> {
  await service.query(
    `insert into assist_secrets (user_id, provider, base_url, model, api_key_ciphertext) values ($1::uuid, $2, $3, $4, $5)
     on conflict (user_id) do update set provider = excluded.provider, base_url = excluded.base_url, model = excluded.model,
       api_key_ciphertext = excluded.api_key_ciphertext, updated_at = timezone('utc', now())`,
    [userId, secret.protocol, secret.baseUrl, secret.model, secret.ciphertext],
  );
}

export async function deleteSecret(service: Tx, userId: string): Promise<void> {
  await service.query(`delete from assist_secrets where user_id = $1::uuid`, [userId]);
}

// The schema assistant: its conversations per schema (RLS: owner and editors write, viewers read),
// and the `assist` subscription that streams an answer and ends with a proposed change.
import { createGraphQLError } from 'graphql-yoga';
import type { AssistError } from '../../assist/errors.js';
import { askAssistant, type AssistEvent } from '../../assist/turn.js';
import {
  changesOf,
  conversationsOfSchema,
  findConversation,
  messagesOf,
  type ChangeRecord,
  type ConversationRecord,
  type MessageRecord,
} from '../../assist/store.js';
import { builder } from '../builder.js';
import { requireSchemaRole } from '../access.js';
import { asCaller, requireClaims } from '../context.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { ProblemRef } from './errors.js';
import { isUuid } from './schema.js';

const MAX_MESSAGE_CHARS = 8_000;

export const AssistTaskEnum = builder.enumType('AssistTask', {
  values: {
    DESCRIBE: { value: 'describe', description: 'A whole definition from a description of the data' },
    COLUMNS: { value: 'columns', description: 'Descriptions of every column, and value pools (≤ 50 examples) for text columns no catalogue type fits' },
    RULES: { value: 'rules', description: "Realism rules with the engine's primitives (profiles, inequalities, scoped refs), a reason each" },
  } as const,
});

const AssistChangeStatusEnum = builder.enumType('AssistChangeStatus', {
  values: { PROPOSED: { value: 'proposed' }, APPLIED: { value: 'applied' }, REJECTED: { value: 'rejected' } } as const,
});

export const AssistChangeRef = builder.objectRef<ChangeRecord>('AssistChange').implement({
  description: 'A change the assistant proposed; nothing is applied until a user accepts it (applyAssistChange).',
  fields: (t) => ({
    id: t.exposeID('id'),
    conversationId: t.exposeID('conversationId'),
    schemaId: t.exposeID('schemaId'),
    task: t.field({ type: AssistTaskEnum, resolve: (change) => change.task }),
    explanation: t.exposeString('explanation'),
    answer: t.field({
      type: 'JSON',
      description: 'The answer as validated: column descriptions and pools, rules with their reasons.',
      resolve: (c) => c.answer,
    }),
    definition: t.field({ type: 'JSON', description: 'The whole definition the change makes of the schema at baseVersion.', resolve: (c) => c.definition }),
    baseVersion: t.exposeInt('baseVersion'),
    status: t.field({ type: AssistChangeStatusEnum, resolve: (change) => change.status }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AssistMessageRef = builder.objectRef<MessageRecord>('AssistMessage').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    role: t.exposeString('role', { description: 'user or assistant' }),
    content: t.exposeString('content'),
    task: t.field({ type: AssistTaskEnum, resolve: (message) => message.task }),
    promptVersion: t.exposeString('promptVersion', { nullable: true, description: 'The prompt files that asked, e.g. rules@1+definition@1.' }),
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AssistConversationRef = builder.objectRef<ConversationRecord>('AssistConversation').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    schemaId: t.exposeID('schemaId'),
    title: t.exposeString('title'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    messages: t.loadableGroup({
      type: AssistMessageRef,
      load: (ids: string[], ctx) => asCaller(ctx, (tx) => messagesOf(tx, ids)),
      group: (message) => message.conversationId,
      resolve: (conversation) => conversation.id,
    }),
    changes: t.loadableGroup({
      type: AssistChangeRef,
      load: (ids: string[], ctx) => asCaller(ctx, (tx) => changesOf(tx, ids)),
      group: (change) => change.conversationId,
      resolve: (conversation) => conversation.id,
    }),
  }),
});

const AssistErrorCodeEnum = builder.enumType('AssistErrorCode', {
  values: ['OFF', 'PROVIDER', 'AUTH', 'RATE_LIMITED', 'TIMEOUT', 'MALFORMED', 'TOO_LONG', 'INVALID_OUTPUT', 'LIMIT', 'BAD_INPUT'] as const,
});

// a plain object: graphql-js takes an Error a resolver returns for a failure of that field
type AssistProblem = Pick<AssistError, 'code' | 'message' | 'details'>;
const problemOf = (error: AssistError): AssistProblem => ({ code: error.code, message: error.message, details: error.details });

const AssistProblemRef = builder.objectRef<AssistProblem>('AssistProblem').implement({
  description: 'Why an answer failed (the provider, a timeout, an answer refused twice, a limit).',
  fields: (t) => ({
    code: t.field({ type: AssistErrorCodeEnum, resolve: (problem) => problem.code.toUpperCase() as 'OFF' }),
    message: t.exposeString('message'),
    retryAfterSeconds: t.int({ nullable: true, resolve: (problem) => problem.details.retryAfterSeconds ?? null }),
    problems: t.field({ type: [ProblemRef], description: 'Where the refused answer was wrong.', resolve: (problem) => problem.details.problems ?? [] }),
  }),
});

const AssistEventRef = builder.objectRef<AssistEvent>('AssistEvent').implement({
  description: 'Text as it is written, then one last event with the proposed change or the error.',
  fields: (t) => ({
    conversationId: t.exposeID('conversationId', { nullable: true }),
    text: t.exposeString('text', { nullable: true, description: 'More of the explanation.' }),
    retry: t.field({ type: [ProblemRef], nullable: true, description: 'The answer was refused; asked once more with these.', resolve: (e) => e.retry ?? null }),
    change: t.field({ type: AssistChangeRef, nullable: true, resolve: (event) => event.change ?? null }),
    error: t.field({ type: AssistProblemRef, nullable: true, resolve: (event) => (event.error ? problemOf(event.error) : null) }),
  }),
});

builder.queryField('assistConversations', (t) =>
  t.field({
    type: [AssistConversationRef],
    description: "The assistant's conversations about a schema you can read, newest first (up to 100).",
    args: { schemaId: t.arg.id({ required: true }) },
    resolve: (_root, { schemaId }, ctx) => (isUuid(schemaId) ? asCaller(ctx, (tx) => conversationsOfSchema(tx, schemaId)) : []),
  }),
);

const refused = (error: NotFoundError | ForbiddenError | ValidationError) =>
  createGraphQLError(error.message, {
    extensions: {
      code: error instanceof NotFoundError ? 'NOT_FOUND' : error instanceof ValidationError ? 'BAD_USER_INPUT' : 'FORBIDDEN',
      ...(error instanceof ValidationError ? { problems: error.problems } : {}),
    },
  });

builder.subscriptionField('assist', (t) =>
  t.field({
    type: AssistEventRef,
    description: 'Ask the assistant about a schema you may edit: streams the explanation, ends with the proposed change (or the error). Nothing is applied.',
    args: {
      schemaId: t.arg.id({ required: true }),
      message: t.arg.string({ required: true }),
      task: t.arg({ type: AssistTaskEnum, defaultValue: 'describe' }),
      conversationId: t.arg.id({ description: 'Continue this conversation of the schema; a new one when absent.' }),
    },
    subscribe: async (_root, args, ctx) => {
      const claims = requireClaims(ctx);
      const schemaId = String(args.schemaId);
      const conversationId = args.conversationId == null ? undefined : String(args.conversationId);
      // checked before the first event, so a refusal is an error result, not a broken stream
      const schema = await asCaller(ctx, async (tx) => {
        const message = args.message.trim();
        if (!message) throw ValidationError.at('message', 'must not be empty');
        if (message.length > MAX_MESSAGE_CHARS) throw ValidationError.at('message', `must be at most ${MAX_MESSAGE_CHARS} characters (got ${message.length})`);
        if (!isUuid(schemaId)) throw new NotFoundError('schema', schemaId);
        const found = await requireSchemaRole(tx, claims.sub, schemaId, 'EDITOR', 'ask the assistant about');
        if (conversationId !== undefined) {
          const conversation = isUuid(conversationId) ? await findConversation(tx, conversationId) : undefined;
          if (conversation?.schemaId !== schemaId) throw new NotFoundError('conversation', conversationId);
        }
        return found;
      }).catch((error: unknown) => {
        throw error instanceof NotFoundError || error instanceof ForbiddenError || error instanceof ValidationError ? refused(error) : error;
      });
      return askAssistant(
        { db: ctx.db, settings: ctx.assist, claims },
        { schema, message: args.message.trim(), task: args.task ?? 'describe', conversationId },
      );
    },
    resolve: (event) => event,
  }),
);

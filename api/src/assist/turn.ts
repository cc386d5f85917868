// One question to the assistant, from the caller's words to a stored proposed change: picks the
// provider (the user's own key, else the server's), keeps the daily token limit, stores the
// conversation under RLS, and streams what happens as events. Nothing is applied here.
import type { Claims, Database } from '../db/port.js';
import { parseDefinition, type Definition } from '../engine/index.js';
import { AssistError } from './errors.js';
import { decryptKey } from './keys.js';
import type { ProviderSettings, Usage } from './port.js';
import { createProvider, PROTOCOLS } from './providers.js';
import { assistTurn } from './run.js';
import { costOf, type AssistSettings } from './settings.js';
import {
  addChange,
  addMessage,
  findConversation,
  historyOf,
  readSecret,
  startConversation,
  usageToday,
  touchConversation,
  type ChangeRecord,
} from './store.js';
import { TASKS, type AnswerProblem, type TaskName } from './tasks.js';

export interface AssistEvent {
  conversationId: string | null;
  /** More of the explanation, as the model writes it. */
  text?: string;
  /** The answer was refused; the assistant is asked once more with these problems. */
  retry?: AnswerProblem[];
  /** The last event of a turn that succeeded. */
  change?: ChangeRecord;
  /** The last event of a turn that failed. */
  error?: AssistError;
}

export interface AssistQuestion {
  schema: { id: string; version: number; definition: unknown };
  message: string;
  task: TaskName;
  /** Continue this conversation (checked by the caller to belong to the schema); else a new one. */
  conversationId?: string;
}

export interface AssistDeps {
  db: Database;
  settings: AssistSettings;
  claims: Claims;
}

/** The provider this user's questions go to, and whose key it is; undefined: the assistant is off. */
export async function providerSettingsFor(
  db: Database,
  settings: AssistSettings,
  userId: string,
): Promise<{ provider: ProviderSettings; ownKey: boolean } | undefined> {
  if (settings.secret) {
    const stored = await db.asService((tx) => readSecret(tx, userId));
    if (stored) {
      const apiKey = decryptKey(settings.secret, userId, stored.ciphertext);
      return {
        ownKey: true,
        provider: { protocol: stored.protocol, model: stored.model, apiKey, baseUrl: stored.baseUrl ?? PROTOCOLS[stored.protocol].defaultBaseUrl },
      };
    }
  }
  return settings.provider ? { ownKey: false, provider: settings.provider } : undefined;
}

/** The user's tokens and cost today against the daily limits; an answer that could pass the cost limit is not asked for. */
function checkDailyLimits(settings: AssistSettings, used: Usage): void {
  const tokens = used.inputTokens + used.outputTokens;
  if (settings.dailyTokens > 0 && tokens >= settings.dailyTokens) {
    throw new AssistError('limit', `you used ${tokens} of your ${settings.dailyTokens} assistant tokens today (UTC); more tomorrow`);
  }
  const spent = costOf(used, settings.price);
  const worstAnswer = costOf({ inputTokens: 0, outputTokens: settings.maxTokens }, settings.price);
  if (settings.dailyCost > 0 && spent + worstAnswer > settings.dailyCost) {
    throw new AssistError('limit', `you spent $${spent.toFixed(4)} of your $${settings.dailyCost} assistant budget today (UTC); more tomorrow`);
  }
}

function definitionOf(json: unknown): Definition | null {
  try {
    return parseDefinition(json);
  } catch {
    return null;
  }
}

export async function* askAssistant(deps: AssistDeps, question: AssistQuestion): AsyncGenerator<AssistEvent> {
  const { db, settings, claims } = deps;
  const task = TASKS[question.task];
  const current = definitionOf(question.schema.definition);
  // set once the question is stored: a failure after that is stored with it
  let conversationId: string | null = null;
  const spent: Usage = { inputTokens: 0, outputTokens: 0 };
  const abort = new AbortController();
  try {
    const chosen = await providerSettingsFor(db, settings, claims.sub);
    if (!chosen) throw new AssistError('off', 'the assistant is off: no provider is configured (TDG_ASSIST_PROVIDER) and you stored no key');
    if (!current && task.name !== 'describe') throw new AssistError('bad_input', "the schema's definition is not valid yet: describe the data first");
    const started = await db.asUser(claims, async (tx) => {
      checkDailyLimits(settings, await usageToday(tx));
      const conversation = question.conversationId
        ? await findConversation(tx, question.conversationId)
        : await startConversation(tx, claims.sub, question.schema.id, question.message.replace(/\s+/g, ' ').trim().slice(0, 80));
      const history = await historyOf(tx, conversation!.id);
      await addMessage(tx, {
        conversationId: conversation!.id,
        schemaId: question.schema.id,
        userId: claims.sub,
        role: 'user',
        content: question.message,
        task: task.name,
      });
      return { conversationId: conversation!.id, history };
    });
    conversationId = started.conversationId;
    yield { conversationId, text: '' };
    const provider = createProvider(chosen.provider, settings.transport);
    for await (const event of assistTurn({
      provider,
      task,
      current,
      history: started.history,
      message: question.message,
      maxTokens: settings.maxTokens,
      maxInputChars: settings.maxInputChars,
      signal: abort.signal,
    })) {
      if (event.type === 'text') yield { conversationId, text: event.text };
      else if (event.type === 'retry') yield { conversationId, retry: event.problems };
      else if (event.type === 'usage') {
        spent.inputTokens += event.usage.inputTokens;
        spent.outputTokens += event.usage.outputTokens;
      } else {
        const { proposal, promptId } = event;
        const change = await db.asUser(claims, async (tx) => {
          const messageId = await addMessage(tx, {
            conversationId: conversationId!,
            schemaId: question.schema.id,
            userId: claims.sub,
            role: 'assistant',
            content: proposal.explanation,
            task: task.name,
            promptVersion: promptId,
            ...spent,
          });
          await touchConversation(tx, conversationId!);
          return addChange(tx, {
            conversationId: conversationId!,
            schemaId: question.schema.id,
            messageId,
            userId: claims.sub,
            task: task.name,
            explanation: proposal.explanation,
            answer: proposal.answer,
            definition: proposal.definition,
            baseVersion: question.schema.version,
          });
        });
        yield { conversationId, change };
      }
    }
  } catch (error) {
    if (!(error instanceof AssistError)) throw error;
    if (conversationId) await recordFailure(deps, question, conversationId, error, spent);
    yield { conversationId: conversationId ?? question.conversationId ?? null, error };
  } finally {
    abort.abort();
  }
}

/** A failed answer still counts its tokens, and the history shows what went wrong. */
async function recordFailure(deps: AssistDeps, question: AssistQuestion, conversationId: string, error: AssistError, spent: Usage): Promise<void> {
  await deps.db.asUser(deps.claims, (tx) =>
    addMessage(tx, {
      conversationId,
      schemaId: question.schema.id,
      userId: deps.claims.sub,
      role: 'assistant',
      content: `(failed: ${error.code}) ${error.message}`,
      task: question.task,
      ...spent,
    }),
  );
}

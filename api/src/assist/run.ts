// One turn of the assistant: ask the provider, stream the explanation as it is written, check the
// answer as a saved schema is checked, and ask once more with the problems when it fails.
import type { Definition } from '../engine/index.js';
import { checkAnswer } from './answer.js';
import { AssistError } from './errors.js';
import { explanationSoFar } from './explanation.js';
import type { AssistProvider, ChatMessage, Usage } from './port.js';
import { systemPrompt } from './prompts.js';
import { answerJsonSchema, type AnswerProblem, type Task } from './tasks.js';

export interface AssistTurn {
  provider: AssistProvider;
  task: Task<unknown>;
  current: Definition | null;
  /** Earlier messages of the conversation, oldest first. */
  history: ChatMessage[];
  message: string;
  maxTokens: number;
  /** Characters the first request may send; more is a too_long error before any call. */
  maxInputChars: number;
  signal?: AbortSignal;
}

export interface Proposal {
  explanation: string;
  answer: unknown;
  definition: Definition;
}

export type TurnEvent =
  | { type: 'text'; text: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'retry'; problems: AnswerProblem[] }
  | { type: 'proposal'; proposal: Proposal; promptId: string };

/** Answers refused this many times end the turn with an invalid_output error. */
const ATTEMPTS = 2;
/** An answer longer than this is cut off as too_long, whatever the provider's token count says. */
export const MAX_ANSWER_CHARS = 1_000_000;

export async function* assistTurn(turn: AssistTurn): AsyncGenerator<TurnEvent> {
  const system = systemPrompt(turn.task.name, turn.task.show(turn.current));
  const schema = answerJsonSchema(turn.task);
  // a conversation sent to a provider starts with the user (the last 20 messages may not)
  const firstUser = turn.history.findIndex((message) => message.role === 'user');
  const history = firstUser < 0 ? [] : turn.history.slice(firstUser);
  let messages: ChatMessage[] = [...history, { role: 'user', content: turn.message }];
  const size = system.text.length + messages.reduce((sum, message) => sum + message.content.length, 0);
  if (size > turn.maxInputChars) {
    throw new AssistError(
      'too_long',
      `the question with its schema and history is ${size} characters; the limit is ${turn.maxInputChars} (TDG_ASSIST_MAX_INPUT_CHARS)`,
    );
  }
  for (let attempt = 1; ; attempt++) {
    let text = '';
    let shown = '';
    for await (const event of turn.provider.complete({
      system: system.text,
      messages,
      schemaName: `tdg_${turn.task.name}`,
      schema,
      maxTokens: turn.maxTokens,
      signal: turn.signal,
    })) {
      if (event.type === 'done') {
        text = event.text;
        yield { type: 'usage', usage: event.usage };
        continue;
      }
      text += event.text;
      if (text.length > MAX_ANSWER_CHARS) throw new AssistError('too_long', `the answer passed ${MAX_ANSWER_CHARS} characters`);
      const now = explanationSoFar(text);
      if (now.length > shown.length) {
        yield { type: 'text', text: now.slice(shown.length) };
        shown = now;
      }
    }
    const checked = checkAnswer(turn.task, turn.current, text);
    if (checked.ok) {
      const explanation = (checked.answer as { explanation: string }).explanation;
      yield { type: 'proposal', proposal: { explanation, answer: checked.answer, definition: checked.definition }, promptId: system.id };
      return;
    }
    if (attempt >= ATTEMPTS) {
      throw new AssistError('invalid_output', `the assistant's answer was refused twice: ${summary(checked.problems)}`, {
        problems: checked.problems.slice(0, 20),
      });
    }
    yield { type: 'retry', problems: checked.problems };
    messages = [
      ...messages,
      { role: 'assistant', content: text },
      {
        role: 'user',
        content: `That answer was refused:\n${checked.problems
          .slice(0, 20)
          .map((p) => `- ${p.path || '(answer)'}: ${p.message}`)
          .join('\n')}\nAnswer again, whole, with these fixed.`,
      },
    ];
  }
}

function summary(problems: AnswerProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  return shown.join('; ') + (problems.length > 3 ? ` (and ${problems.length - 3} more)` : '');
}

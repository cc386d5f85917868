// What the assistant does, one descriptor per task: the answer's zod schema (its JSON Schema is what
// the provider must produce), the prompt, and how an answer turns into a whole proposed definition.
// The definition then goes through the engine's own validation (answer.ts), as a saved schema does.
import { z } from 'zod';
import { catalog, type Definition } from '../engine/index.js';
import { definitionSchema } from '../engine/definition.js';
import { profilesSchema } from '../engine/profiles.js';

export type TaskName = 'describe' | 'columns' | 'rules';

const tableSchema = definitionSchema.shape.tables.element;
const fieldSchema = tableSchema.shape.fields.element;
const name = tableSchema.shape.name;
// first, so it can be shown while the rest of the answer streams (explanation.ts)
const explanation = z.string().min(1).max(4000).describe('for the user: what this change does, in plain words');

/** A problem of an answer, by its path in the answer (columns[2].values). */
export interface AnswerProblem {
  path: string;
  message: string;
}

export interface Task<A> {
  name: TaskName;
  answer: z.ZodType<A>;
  /** The proposed definition (not yet validated by the engine) or problems naming places in the answer. */
  apply(current: Definition | null, answer: A): { definition: unknown } | { problems: AnswerProblem[] };
  /** The current schema as the prompt shows it. */
  show(current: Definition | null): string;
}

const describeAnswer = z.strictObject({ explanation, definition: definitionSchema });

const columnsAnswer = z.strictObject({
  explanation,
  columns: z
    .array(
      z.strictObject({
        table: name,
        field: name,
        description: z.string().min(1).max(2000),
        values: z.array(z.string().min(1).max(200)).min(1).max(50).optional().describe('up to 50 realistic example values: a value pool'),
      }),
    )
    .max(2000),
});

const rulesAnswer = z.strictObject({
  explanation,
  rules: z
    .array(
      z
        .strictObject({
          table: name,
          reason: z
            .string()
            .min(1)
            .max(300)
            .regex(/^[^\n]*$/, 'must be one line'),
          field: fieldSchema.optional().describe('the whole field: replaces the field of that name, or adds it'),
          profiles: profilesSchema.optional().describe("the table's row variants"),
        })
        .refine((rule) => (rule.field === undefined) !== (rule.profiles === undefined), { message: 'give either field or profiles' }),
    )
    .max(20),
});

const kindOf = new Map(catalog.map((type) => [type.id, type.kind]));
const GENERIC_TEXT = /^(lorem\.|string\.(alpha|alphanumeric|sample)|word\.|pick$|regex$|constant$)/;

function copy(definition: Definition): Definition {
  return structuredClone(definition);
}

function needsSchema(current: Definition | null): current is null {
  return current === null;
}

const noSchema = { problems: [{ path: '', message: 'the schema has no definition yet: describe the data first' }] };

export const TASKS: { [K in TaskName]: Task<any> } = {
  describe: {
    name: 'describe',
    answer: describeAnswer,
    // the schema's reference date stays (relative dates count back from it) unless the answer sets one
    apply: (current, answer: z.infer<typeof describeAnswer>) => ({
      definition:
        current?.referenceDate && !answer.definition.referenceDate ? { ...answer.definition, referenceDate: current.referenceDate } : answer.definition,
    }),
    show: (current) => (current ? JSON.stringify(current) : '(empty)'),
  },
  columns: {
    name: 'columns',
    answer: columnsAnswer,
    apply(current, answer: z.infer<typeof columnsAnswer>) {
      if (needsSchema(current)) return noSchema;
      const definition = copy(current);
      const problems: AnswerProblem[] = [];
      answer.columns.forEach((column, i) => {
        const table = definition.tables.find((t) => t.name === column.table);
        const field = table?.fields.find((f) => f.name === column.field);
        if (!table || !field) {
          problems.push({ path: `columns[${i}]`, message: `no field ${column.table}.${column.field} in the schema` });
          return;
        }
        field.description = column.description;
        if (!column.values) return;
        if (kindOf.get(field.type) !== 'text' || !GENERIC_TEXT.test(field.type)) {
          problems.push({
            path: `columns[${i}].values`,
            message: `${column.table}.${column.field} (${field.type}) is not a text field with a generic generator`,
          });
          return;
        }
        field.type = 'pick';
        field.options = { values: [...new Set(column.values)] };
      });
      return problems.length > 0 ? { problems } : { definition };
    },
    show(current) {
      if (!current) return '(empty)';
      const marked = copy(current);
      for (const table of marked.tables)
        for (const field of table.fields) if (kindOf.get(field.type) === 'text' && GENERIC_TEXT.test(field.type)) field.description ??= 'candidate';
      return JSON.stringify(marked);
    },
  },
  rules: {
    name: 'rules',
    answer: rulesAnswer,
    apply(current, answer: z.infer<typeof rulesAnswer>) {
      if (needsSchema(current)) return noSchema;
      const definition = copy(current);
      const problems: AnswerProblem[] = [];
      answer.rules.forEach((rule, i) => {
        const table = definition.tables.find((t) => t.name === rule.table);
        if (!table) {
          problems.push({ path: `rules[${i}].table`, message: `no table ${rule.table} in the schema` });
          return;
        }
        if (rule.profiles) table.profiles = rule.profiles;
        if (rule.field) {
          const at = table.fields.findIndex((f) => f.name === rule.field!.name);
          if (at < 0) table.fields.push(rule.field);
          else table.fields[at] = rule.field;
        }
      });
      return problems.length > 0 ? { problems } : { definition };
    },
    show: (current) => (current ? JSON.stringify(current) : '(empty)'),
  },
};

export const isTaskName = (value: string): value is TaskName => Object.hasOwn(TASKS, value);

/** The JSON Schema the provider's answer must follow, derived from the task's zod schema. */
export function answerJsonSchema(task: Task<unknown>): Record<string, unknown> {
  return z.toJSONSchema(task.answer, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

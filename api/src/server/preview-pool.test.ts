import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { parseDefinition } from '../engine/definition.js';
import { DefinitionError } from '../engine/errors.js';
import { MAX_VALUE_CHARS, previewCost } from '../engine/output-bounds.js';
import { createPreviewPool, PreviewLimitError } from './preview-pool.js';

const { limits } = loadConfig({});

// the largest values the option schemas allow, per type
const edges = [
  { type: 'lorem.paragraphs', options: { min: 1000, max: 1000 } },
  { type: 'lorem.sentences', options: { min: 1000, max: 1000 } },
  { type: 'word.words', options: { min: 1000, max: 1000 } },
  { type: 'string.sample', options: { length: 10_000 } },
  { type: 'string.fromCharacters', options: { characters: '"\\\u0001é😀', length: 10_000 } },
  { type: 'regex', options: { pattern: '[a-z"\\\\]{10000}' } },
  { type: 'array', options: { of: { type: 'lorem.sentence' }, min: 2000, max: 2000 } },
  { type: 'array', options: { of: { type: 'array', options: { of: { type: 'sequence' }, min: 100, max: 100 } }, min: 300, max: 300 } },
  { type: 'json', options: { fields: Array.from({ length: 40 }, (_, i) => ({ name: `k${i}`, type: 'string.alpha', options: { length: 5000 } })) } },
  { type: 'helpers.fake', options: { pattern: '{{lorem.paragraphs}} {{string.alpha(9000)}}' } },
  { type: 'person.fullName' },
  { type: 'sequence' },
];

describe('preview threads', () => {
  // the defaults: a preview as large as the cost check lets through fits a thread's heap several times over
  it('budget the preview text well inside the heap of a thread', () => {
    const utf16Bytes = 2 * limits.maxPreviewChars;
    // rows as values, their structured clone to the API thread, and the engine itself (about 40 MB)
    expect(3 * utf16Bytes + 64 * 2 ** 20).toBeLessThan(limits.previewMemoryMb * 2 ** 20);
    expect(MAX_VALUE_CHARS).toBeLessThan(limits.maxPreviewChars);
  });

  const pool = createPreviewPool({ threads: 1, memoryMb: limits.previewMemoryMb, timeoutMs: 120_000 });
  afterAll(() => pool.close());

  // property: no definition validation accepts, previewed with as many rows as the cost check
  // lets through, makes a thread pass its memory limit; its text stays within the computed cost
  it('never runs out of memory on a definition the checks accept, at the edges of the bounds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...edges), { minLength: 1, maxLength: 30 }), fc.constantFrom('en', 'ru', 'ja'), async (fields, locale) => {
        const definition = { version: 1, locale, tables: [{ name: 't', rows: 1000, fields: fields.map((f, i) => ({ name: `f${i}`, ...f })) }] };
        let parsed;
        try {
          parsed = parseDefinition(definition);
        } catch (error) {
          if (error instanceof DefinitionError) return;
          throw error;
        }
        // the most rows the cost check accepts (at least one, which it may refuse: then nothing runs)
        let rows = limits.maxPreviewRows;
        while (rows > 1 && previewCost(parsed, rows).chars > limits.maxPreviewChars) rows--;
        const cost = previewCost(parsed, rows).chars;
        if (cost > limits.maxPreviewChars) return;
        const reply = await pool.run({ definition: parsed, seed: 1, rows });
        expect('tables' in reply).toBe(true);
        expect(JSON.stringify('tables' in reply ? reply.tables : null).length).toBeLessThanOrEqual(cost);
      }),
      { seed: 20251201, numRuns: 20 },
    );
  }, 600_000);

  it('refuses tasks beyond its queue as busy, stops a task at its time limit, and runs those queued behind it', async () => {
    const slowPool = createPreviewPool({ threads: 1, memoryMb: 128, timeoutMs: 1500, maxQueue: 1 });
    try {
      const slow = {
        version: 1,
        tables: [
          { name: 'p', rows: 1_000_000_000, fields: [{ name: 'id', type: 'sequence' }] },
          { name: 'c', fields: [{ name: 'p_id', type: 'ref', options: { table: 'p', field: 'id', childrenPerParent: { min: 0, max: 1 } } }] },
        ],
      };
      const quick = { version: 1, tables: [{ name: 'q', fields: [{ name: 'id', type: 'sequence' }] }] };
      const outcomes = await Promise.allSettled([
        slowPool.run({ definition: slow, rows: 1 }),
        ...[1, 2, 3, 4, 5].map(() => slowPool.run({ definition: quick, rows: 2 })),
      ]);
      const reasons = outcomes.map((o) =>
        o.status === 'rejected' ? (o.reason instanceof PreviewLimitError ? o.reason.reason : String(o.reason)) : 'tables' in o.value ? 'ok' : 'other',
      );
      expect(reasons[0]).toBe('time');
      expect(reasons.slice(1)).toContain('busy');
      expect(reasons.slice(1)).toContain('ok');
      expect(reasons.slice(1).every((r) => r === 'busy' || r === 'ok')).toBe(true);
    } finally {
      await slowPool.close();
    }
  }, 120_000);

  it("refuses a flooding user's excess only: another user's previews run, soon, beside the flood", async () => {
    const fairPool = createPreviewPool({ threads: 1, memoryMb: 128, timeoutMs: 30_000, maxQueuePerUser: 8 });
    try {
      const quick = { version: 1, tables: [{ name: 'q', fields: [{ name: 'id', type: 'sequence' }] }] };
      const finished: string[] = [];
      const outcome = (user: string) =>
        fairPool.run({ definition: quick, rows: 2 }, user).then(
          (reply) => (finished.push(user), 'tables' in reply ? 'ok' : 'other'),
          (error) => (error instanceof PreviewLimitError ? error.reason : String(error)),
        );
      const flood = Array.from({ length: 40 }, () => outcome('flood'));
      const others = [outcome('other'), outcome('other'), outcome('other')];
      const floodReasons = await Promise.all(flood);
      expect(await Promise.all(others)).toEqual(['ok', 'ok', 'ok']);
      expect(floodReasons.filter((r) => r === 'busy').length).toBeGreaterThanOrEqual(40 - 8 - 2);
      expect(floodReasons.every((r) => r === 'busy' || r === 'ok')).toBe(true);
      // the other user's previews took turns with the flood's instead of waiting behind all of it
      expect(finished.lastIndexOf('other')).toBeLessThan(finished.lastIndexOf('flood'));
    } finally {
      await fairPool.close();
    }
  }, 120_000);

  it("runs the tasks handed to a thread behind one that hits its time limit: another user's preview never fails with it", async () => {
    const sharedPool = createPreviewPool({ threads: 1, memoryMb: 128, timeoutMs: 1500 });
    try {
      const slow = {
        version: 1,
        tables: [
          { name: 'p', rows: 1_000_000_000, fields: [{ name: 'id', type: 'sequence' }] },
          { name: 'c', fields: [{ name: 'p_id', type: 'ref', options: { table: 'p', field: 'id', childrenPerParent: { min: 0, max: 1 } } }] },
        ],
      };
      const quick = { version: 1, tables: [{ name: 'q', fields: [{ name: 'id', type: 'sequence' }] }] };
      const outcome = (definition: unknown, user: string) =>
        sharedPool.run({ definition, rows: 2 }, user).then(
          (reply) => ('tables' in reply ? 'ok' : 'other'),
          (error) => (error instanceof PreviewLimitError ? error.reason : String(error)),
        );
      expect(await outcome(quick, 'a')).toBe('ok'); // the thread is up
      // one user's slow preview and three others' quick ones, handed to the one thread together:
      // the slow one's thread is ended, the three it had not started run on the next thread
      const outcomes = await Promise.all([outcome(slow, 'slow'), outcome(quick, 'b'), outcome(quick, 'c'), outcome(quick, 'd')]);
      expect(outcomes).toEqual(['time', 'ok', 'ok', 'ok']);
    } finally {
      await sharedPool.close();
    }
  }, 120_000);
});

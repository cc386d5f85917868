import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { parseDefinition } from './definition.js';
import { generateRows, previewRows } from './generate.js';

// stream fields (one PRNG run per block), row fields, nulls from their own stream, same-row deps
const definition = parseDefinition({
  version: 1,
  seed: 'upto',
  tables: [
    {
      name: 't',
      rows: 5000,
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'name', type: 'person.firstName', nullRate: 0.3 },
        { name: 'text', type: 'lorem.sentence' },
        { name: 'tags', type: 'array', options: { of: { type: 'word.noun' }, max: 4 } },
        { name: 'label', type: 'template', options: { template: '{{name}}/{{id}}' } },
      ],
    },
  ],
});

describe('rows short of a block', () => {
  it('are the same whether a block is filled whole or only up to the rows asked for (previews make only what they show)', () => {
    const plan = compile(definition);
    const whole = [...generateRows(plan, 't', 0, 2048, 2048)][0];
    for (const [start, end] of [[0, 1], [0, 10], [5, 700], [1000, 1030], [1030, 2048]]) {
      const part = [...generateRows(plan, 't', start, end, 10_000)].flat();
      expect(part).toEqual(whole.slice(start, end));
    }
    expect(previewRows(definition, undefined, 10)[0].rows).toEqual(whole.slice(0, 10));
  });
});

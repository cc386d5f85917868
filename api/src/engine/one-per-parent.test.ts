import { describe, expect, it } from 'vitest';
import { compile, type Definition, DefinitionError } from './index.js';
import { rowsEveryChunking, sameInTwoProcesses } from './testing/chunked-rows.js';

// a default card per account (accounts without cards have none); one primary email per person
const wallet: Definition = {
  version: 1,
  seed: 'wallet',
  tables: [
    { name: 'accounts', rows: 40_000, fields: [{ name: 'id', type: 'string.uuid' }] },
    {
      name: 'cards',
      fields: [
        { name: 'id', type: 'sequence' },
        { name: 'account_id', type: 'ref', options: { table: 'accounts', field: 'id', childrenPerParent: { min: 0, max: 5 } } },
        { name: 'is_default', type: 'datatype.boolean', exactlyOne: { per: 'account_id' } },
        { name: 'brand', type: 'pick', options: { values: ['visa', 'mastercard', 'amex'], weights: [5, 4, 1] } },
      ],
    },
    { name: 'people', rows: 2000, fields: [{ name: 'id', type: 'sequence' }] },
    {
      name: 'emails',
      fields: [
        { name: 'person_id', type: 'ref', options: { table: 'people', field: 'id', childrenPerParent: { min: 1, max: 3 } } },
        { name: 'is_primary', type: 'datatype.boolean', exactlyOne: { per: 'person_id', value: false } },
      ],
    },
  ],
};

describe('exactly one per parent', () => {
  const plan = compile(wallet);
  const cards = rowsEveryChunking(plan, 'cards');

  it('marks exactly one card of every account with cards as default, at a random position', () => {
    expect(cards.length).toBeGreaterThan(90_000);
    const defaults = new Map<unknown, number>();
    const seen = new Set<unknown>();
    const position = new Array(5).fill(0);
    let previous: unknown;
    let rank = 0;
    for (const [, account, isDefault] of cards) {
      rank = account === previous ? rank + 1 : 0;
      previous = account;
      seen.add(account);
      if (isDefault === true) {
        defaults.set(account, (defaults.get(account) ?? 0) + 1);
        position[rank]++;
      } else if (isDefault !== false) throw new Error(`not a boolean: ${String(isDefault)}`);
    }
    expect([...seen].filter((a) => defaults.get(a) !== 1)).toEqual([]);
    // not always the first card
    expect(position[1]).toBeGreaterThan(defaults.size * 0.1);
  });

  it('holds for a false-once flag too', () => {
    const emails = rowsEveryChunking(plan, 'emails');
    const falses = new Map<unknown, number>();
    for (const [p, flag] of emails) if (flag === false) falses.set(p, (falses.get(p) ?? 0) + 1);
    expect(falses.size).toBe(2000);
    expect([...falses.values()].every((n) => n === 1)).toBe(true);
  });

  it('gives the same rows in two worker processes', async () => {
    const { expected, got } = await sameInTwoProcesses(wallet, 'cards', cards);
    expect(got).toEqual(expected);
  }, 240_000);
});

describe('exactlyOne validation', () => {
  const def = (field: Record<string, unknown>, per: Record<string, unknown> = { childrenPerParent: { min: 1, max: 3 } }): Definition => ({
    version: 1,
    tables: [
      { name: 'workspaces', rows: 10, fields: [{ name: 'id', type: 'sequence' }] },
      {
        name: 'members',
        fields: [{ name: 'workspace_id', type: 'ref', options: { table: 'workspaces', field: 'id', ...per } }, { name: 'role', ...field } as never],
      },
    ],
  });
  const issues = (d: Definition) => {
    try {
      compile(d);
      return [];
    } catch (e) {
      if (e instanceof DefinitionError) return e.issues;
      throw e;
    }
  };
  const pick = { type: 'pick', options: { values: ['owner', 'admin'], weights: [1, 1] } };

  it('needs a laid-out parent, a value among the pick values, another value to give, no nulls', () => {
    expect(issues(def({ ...pick, exactlyOne: { per: 'workspace_id', value: 'owner' } }))).toEqual([]);
    expect(issues(def({ ...pick, exactlyOne: { per: 'workspace_id', value: 'owner' } }, {}))).toEqual([
      { path: 'tables[1].fields[1].exactlyOne.per', message: expect.stringMatching(/must be the ref with childrenPerParent/) },
    ]);
    expect(issues(def({ ...pick, exactlyOne: { per: 'workspace_id', value: 'boss' } }))).toEqual([
      { path: 'tables[1].fields[1].exactlyOne.value', message: expect.stringMatching(/"boss" is not one of the pick's values/) },
    ]);
    expect(
      issues(def({ type: 'pick', options: { values: ['owner', 'admin'], weights: [1, 0] }, exactlyOne: { per: 'workspace_id', value: 'owner' } }))[0],
    ).toMatchObject({
      path: 'tables[1].fields[1].exactlyOne.value',
      message: expect.stringMatching(/no other value/),
    });
    expect(issues(def({ ...pick, nullRate: 0.1, exactlyOne: { per: 'workspace_id', value: 'owner' } }))[0]).toMatchObject({
      path: 'tables[1].fields[1].nullRate',
    });
    expect(issues(def({ type: 'person.firstName', exactlyOne: { per: 'workspace_id' } }))[0]).toMatchObject({ path: 'tables[1].fields[1].exactlyOne' });
  });
});

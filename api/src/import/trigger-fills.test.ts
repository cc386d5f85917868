// What a trigger function inserts, read from its PL/pgSQL body with the Postgres parser.
import { describe, expect, it } from 'vitest';
import { insertsOf } from './trigger-fills.js';

describe('insertsOf', () => {
  it('reads INSERT ... VALUES: new.<column>, json keys of new, other expressions', () => {
    const body = `
declare
  note text := 'a; b';
begin
  INSERT INTO public.profiles (id, full_name, handle, kind)
  VALUES (NEW.id, coalesce(new.raw_user_meta_data ->> 'full_name', ''), new.raw_user_meta_data->'handle', 'member; free');
  return new;
end;`;
    expect(insertsOf(body)).toEqual([
      {
        schema: 'public',
        table: 'profiles',
        columns: [
          { column: 'id', from: { kind: 'column', column: 'id' } },
          { column: 'full_name', from: { kind: 'jsonKey', column: 'raw_user_meta_data', key: 'full_name', text: expect.stringContaining('full_name') } },
          { column: 'handle', from: { kind: 'jsonKey', column: 'raw_user_meta_data', key: 'handle', text: expect.any(String) } },
          { column: 'kind', from: { kind: 'expression', text: "'member; free'" } },
        ],
      },
    ]);
  });

  it('reads INSERT ... SELECT and several statements, unqualified tables in public', () => {
    const body = `begin
  insert into wallets (owner_id, balance) select new.id, 0;
  insert into audit.events (user_id, action) values (new.id::uuid, 'signup');
  return new; end`;
    expect(insertsOf(body).map((i) => [i.schema, i.table, i.columns.map((c) => `${c.column}:${c.from.kind}`)])).toEqual([
      ['public', 'wallets', ['owner_id:column', 'balance:expression']],
      ['audit', 'events', ['user_id:column', 'action:expression']],
    ]);
  });

  it('skips inserts that do not use the new row, or that the SQL parser cannot read', () => {
    expect(insertsOf("begin insert into log (msg) values ('x'); insert into t (a) values (v_a) returning id into v_id; return new; end")).toEqual([]);
    expect(insertsOf('begin insert into t (a, b) values (new.a); return new; end')).toEqual([]);
  });
});

// tdg generate of a Supabase schema: auth.users rows users can sign in with, as after tdg seed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importSql } from '../../import/index.js';
import { run } from './generate.js';

const DDL = `
create schema auth;
create table auth.users (id uuid primary key, email varchar(255), encrypted_password varchar(255), email_confirmed_at timestamptz, created_at timestamptz);
create table public.profiles (id uuid primary key references auth.users(id), username text unique);
`;

let dir: string;
let definitionPath: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tdg-generate-auth-'));
  definitionPath = join(dir, 'definition.json');
  await writeFile(definitionPath, JSON.stringify(importSql(DDL, { rows: 40, referenceDate: '2025-06-01T00:00:00.000Z' }).definition));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function generated(args: string[]): Promise<{ users: Record<string, string>[]; said: string }> {
  const out = join(dir, `out-${args.join('-')}.json`);
  const said: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => (said.push(String(text)), true));
  try {
    expect(await run([definitionPath, '--table', 'auth_users', '--format', 'json', '--out', out, ...args])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return { users: JSON.parse(await readFile(out, 'utf8')), said: said.join('') };
}

describe('tdg generate with Supabase auth.users', () => {
  it('writes the bcrypt hash of a printed password, derived from the seed, and lowercase unique emails', async () => {
    const { users, said } = await generated(['--seed', 's1']);
    const password = /users can sign in with password (\S+)/.exec(said)?.[1];
    expect(password).toBeDefined();
    expect(users).toHaveLength(40);
    for (const user of users) {
      expect(bcrypt.compareSync(password!, user.encrypted_password!)).toBe(true);
      expect(user.email).toBe(user.email!.toLowerCase());
      expect(user.email).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
    }
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
    // the same seed, the same password; another seed, another
    expect((await generated(['--seed', 's1'])).said).toContain(`password ${password}`);
    expect((await generated(['--seed', 's2'])).said).not.toContain(`password ${password}`);
  });

  it('uses --auth-password when given, and refuses one GoTrue would not accept', async () => {
    const { users, said } = await generated(['--seed', 's1', '--auth-password', 'correct horse']);
    expect(said).toContain('password correct horse');
    expect(bcrypt.compareSync('correct horse', users[0]!.encrypted_password!)).toBe(true);
    await expect(run([definitionPath, '--out', join(dir, 'x.json'), '--auth-password', 'short'])).rejects.toThrow(/--auth-password: must be 6 to 72 bytes/);
  });
});

// Seeded Supabase users who can sign in: one password for all of them, hashed once with bcrypt as
// GoTrue stores it ($2a$, cost 10) and written as the constant of auth.users.encrypted_password.
// The password is the one given, or derived from the seed (same seed, same password and hash).
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { Definition } from '../engine/index.js';
import { relationOf } from './relation.js';
import type { Relation } from './target.js';

/** GoTrue's bcrypt cost (golang.org/x/crypto/bcrypt DefaultCost). */
const COST = 10;
const PASSWORD_FIELD = 'encrypted_password';
// no 0/O, 1/l/I: the password is read off a terminal
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const BCRYPT_BASE64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface SignIn {
  relation: Relation;
  /** The definition table of auth.users. */
  table: string;
  password: string;
  /** bcrypt of the password, as written in every row. */
  hash: string;
}

/** The definition with auth.users' password hash in place, and the password; undefined when it has no auth.users. */
export function withSignInPassword(definition: Definition, seed: string, given?: string): { definition: Definition; signIn: SignIn } | undefined {
  const table = definition.tables.find((t) => {
    const r = relationOf(t);
    return r.schema === 'auth' && r.name === 'users' && t.fields.some((f) => f.name === PASSWORD_FIELD);
  });
  if (!table) return undefined;
  const password = given ?? derivedPassword(seed);
  const hash = bcrypt.hashSync(password, saltOf(`${seed}\0${password}`));
  const tables = definition.tables.map((t) =>
    t !== table ? t : { ...t, fields: t.fields.map((f) => (f.name === PASSWORD_FIELD ? { ...f, type: 'constant', options: { value: hash } } : f)) },
  );
  return { definition: { ...definition, tables }, signIn: { relation: relationOf(table), table: table.name, password, hash } };
}

/** 14 characters from the seed: about 80 bits, easy to read and type. */
export function derivedPassword(seed: string): string {
  const bytes = createHash('sha256').update(`tdg auth.users password\0${seed}`).digest();
  let out = '';
  for (let i = 0; i < 14; i++) out += ALPHABET[bytes[i]! % ALPHABET.length];
  return out;
}

/** A bcrypt salt ($2a$10$ + 22 characters) from a hash of the text, so the same seed writes the same hash. */
function saltOf(text: string): string {
  const bytes = createHash('sha256').update(`tdg auth.users salt\0${text}`).digest();
  let salt = '';
  for (let i = 0; i < 21; i++) salt += BCRYPT_BASE64[bytes[i]! % 64];
  // the 22nd character carries 2 bits of the 16 salt bytes: its low 4 bits are zero
  salt += BCRYPT_BASE64[(bytes[21]! % 4) * 16];
  return `$2a$${COST}$${salt}`;
}

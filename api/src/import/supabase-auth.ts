// Supabase's auth.users as GoTrue (supabase/auth) creates it, and what each column must hold for a
// seeded user to sign in with email + password: GoTrue finds the user by email and aud, compares
// the password with the bcrypt hash in encrypted_password, wants email_confirmed_at set, and scans
// its token columns into Go strings (NULL there fails every sign-in with "Database error").
import type { FieldDefinition, TableDefinition } from './definition.js';
import type { ColumnModel } from './model.js';
import { parseDdl } from './parse-ddl.js';

/** GoTrue's auth.users (columns, types, defaults and constraints of its migrations). */
export const GOTRUE_USERS_DDL = `
create table auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
create unique index users_email_partial_key on auth.users (email) where (is_sso_user = false);
`;

/** The columns of GoTrue's auth.users, for a schema that references it without creating it. */
export function gotrueUserColumns(): ColumnModel[] {
  return parseDdl(GOTRUE_USERS_DDL).tables[0]!.columns.map((c) => ({ ...c, place: { line: 0, column: 0 } }));
}

/** The field of auth.users that holds the sign-in password's hash; tdg seed writes it. */
export const PASSWORD_FIELD = 'encrypted_password';
/** Written by the importer; tdg seed replaces it with the bcrypt hash of the password it prints. */
export const PASSWORD_PLACEHOLDER = 'bcrypt hash of the seed password (written by tdg seed)';
/** GoTrue's single-tenant instance. */
export const GOTRUE_INSTANCE = '00000000-0000-0000-0000-000000000000';

type Spec = { field: Omit<FieldDefinition, 'name'>; reason: string } | 'null';

const constant = (value: unknown, reason: string): Spec => ({ field: { type: 'constant', options: { value } }, reason });
const EMPTY_TOKEN = constant('', "Supabase auth: '' (GoTrue reads its tokens as strings; NULL breaks sign-in)");
const NEVER = 'null';

/** What each auth.users column holds for a confirmed email user; 'null' columns are left out (NULL / their default). */
const SPECS: Record<string, Spec> = {
  instance_id: constant(GOTRUE_INSTANCE, "Supabase auth: GoTrue's instance"),
  aud: constant('authenticated', 'Supabase auth: audience of signed-in users'),
  role: constant('authenticated', 'Supabase auth: role of signed-in users'),
  email: {
    field: { type: 'email', options: {}, unique: true },
    reason: 'Supabase auth: a unique lowercase email from a person name (GoTrue stores and looks up emails lowercased), the sign-in login',
  },
  encrypted_password: {
    field: { type: 'constant', options: { value: PASSWORD_PLACEHOLDER }, description: 'tdg seed writes the bcrypt hash ($2a$) of the password it prints' },
    reason: 'Supabase auth: bcrypt of the sign-in password, set by tdg seed (--auth-password or derived from the seed)',
  },
  created_at: { field: { type: 'date.past', options: { years: 2 } }, reason: 'Supabase auth: when the user signed up' },
  // GoTrue touches updated_at at every sign-in
  updated_at: {
    field: { type: 'after', options: { from: ['email_confirmed_at', 'last_sign_in_at'], unit: 'days', max: 30, atMost: 'now' } },
    reason: 'Supabase auth: after the confirmation and the last sign-in',
  },
  email_confirmed_at: {
    field: { type: 'after', options: { from: 'created_at', unit: 'minutes', max: 120, atMost: 'now' } },
    reason: 'Supabase auth: confirmed soon after sign-up (unconfirmed users cannot sign in)',
  },
  last_sign_in_at: {
    field: { type: 'after', options: { from: 'email_confirmed_at', unit: 'days', max: 60, atMost: 'now' }, nullRate: 0.2 },
    reason: 'Supabase auth: after the confirmation, or never',
  },
  raw_app_meta_data: constant({ provider: 'email', providers: ['email'] }, 'Supabase auth: signed up with email'),
  raw_user_meta_data: constant({}, 'Supabase auth: no sign-up metadata (GoTrue needs an object, not NULL)'),
  confirmation_token: EMPTY_TOKEN,
  recovery_token: EMPTY_TOKEN,
  email_change_token_new: EMPTY_TOKEN,
  email_change: EMPTY_TOKEN,
  phone_change: EMPTY_TOKEN,
  phone_change_token: EMPTY_TOKEN,
  email_change_token_current: EMPTY_TOKEN,
  reauthentication_token: EMPTY_TOKEN,
  email_change_confirm_status: constant(0, 'Supabase auth: no email change pending'),
  is_sso_user: constant(false, 'Supabase auth: an email user, not SSO'),
  is_anonymous: constant(false, 'Supabase auth: not anonymous'),
  is_super_admin: NEVER,
  invited_at: NEVER,
  confirmation_sent_at: NEVER,
  recovery_sent_at: NEVER,
  email_change_sent_at: NEVER,
  phone: NEVER,
  phone_confirmed_at: NEVER,
  phone_change_sent_at: NEVER,
  banned_until: NEVER,
  reauthentication_sent_at: NEVER,
  deleted_at: NEVER,
};

export const isAuthUsers = (schema: string, table: string) => schema === 'auth' && table === 'users';

/**
 * The field for a column of auth.users: a definition and why, 'null' when the column is left out,
 * undefined when the column is not one of GoTrue's (chosen like any other column).
 */
export function authUserField(column: string): Spec | undefined {
  return Object.hasOwn(SPECS, column) ? SPECS[column] : undefined;
}

/** Generators of raw_user_meta_data keys a trigger reads (`new.raw_user_meta_data->>'full_name'`). */
export const META_KEYS: [RegExp, Omit<FieldDefinition, 'name'>][] = [
  [/^(full_?name|name|display_?name)$/, { type: 'person.fullName' }],
  [/^(first_?name|given_?name)$/, { type: 'person.firstName' }],
  [/^(last_?name|family_?name|surname)$/, { type: 'person.lastName' }],
  [/^(user_?name|handle|preferred_?username|nickname)$/, { type: 'internet.username' }],
  [/^(avatar(_?url)?|picture|image(_?url)?|photo(_?url)?)$/, { type: 'image.avatar' }],
  [/^(phone|phone_?number)$/, { type: 'phone.number' }],
  [/^(website|url|homepage)$/, { type: 'internet.url' }],
  [/^(bio|about)$/, { type: 'person.bio' }],
];

/** GoTrue's auth.identities: an email user has one, provider 'email', provider_id its user id. */
export const GOTRUE_IDENTITIES_DDL = `
create table auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  constraint identities_provider_id_provider_unique unique (provider_id, provider)
);
`;

/**
 * The email identity GoTrue makes for each user at sign-up, as a definition table drawing from
 * the users table `users` (its id, email and dates). The seeder leaves it out when the database
 * has no auth.identities.
 */
export function identitiesTable(users: { name: string; rows: number }, description: string): { table: TableDefinition; reasons: Record<string, string> } {
  const fields: FieldDefinition[] = [
    { name: 'provider_id', type: 'expression', options: { expr: 'concat(user_id)', kind: 'text' } },
    { name: 'user_id', type: 'ref', options: { table: users.name, field: 'id' }, unique: true },
    {
      name: 'identity_data',
      type: 'expression',
      options: { expr: `concat('{"sub": "', user_id, '", "email": "', user_id.email, '", "email_verified": true, "phone_verified": false}')`, kind: 'text' },
    },
    { name: 'provider', type: 'constant', options: { value: 'email' } },
    { name: 'last_sign_in_at', type: 'lookup', options: { path: 'user_id.updated_at' } },
    { name: 'created_at', type: 'lookup', options: { path: 'user_id.created_at' } },
    { name: 'updated_at', type: 'lookup', options: { path: 'user_id.updated_at' } },
    { name: 'id', type: 'string.uuid', unique: true },
  ];
  const reasons = {
    provider_id: 'Supabase auth: the user id (email identities)',
    user_id: 'Supabase auth: one email identity per user',
    identity_data: 'Supabase auth: sub and email of the user, verified',
    provider: 'Supabase auth: signed up with email',
    last_sign_in_at: "Supabase auth: the user's updated_at",
    created_at: "Supabase auth: the user's created_at",
    updated_at: "Supabase auth: the user's updated_at",
    id: 'type uuid',
  };
  return { table: { name: 'auth_identities', rows: users.rows, primaryKey: ['id'], fields, description }, reasons };
}

// A DEFAULT reading a setting the application sets per session — Sourcegraph's
// `tenant_id integer DEFAULT current_setting('app.current_tenant')::integer` — holds one value for
// every row a session writes. Seeding is one session: such a column is that one value, the one
// tdg seed sets the setting to for its transaction (rows a trigger makes take it from the DEFAULT).
import type { DefaultValue } from './model.js';

/** The value a session setting gets in a seed, by the kind of the columns reading it. */
export const SESSION_VALUES = { integer: 1, uuid: '00000000-0000-4000-8000-000000000001', text: 'tdg' } as const;

/** `current_setting('app.current_tenant')` (not the `, true` form, which is NULL when unset): the setting's name. */
export function sessionSettingOf(text: string): string | undefined {
  const m = /current_setting\('([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_.]*)'(?:::text)?\s*(,)?/.exec(text);
  return m && !m[2] ? m[1] : undefined;
}

/** The seed's value of a column whose DEFAULT reads a session setting, or undefined. */
export function sessionDefault(d: DefaultValue | undefined, kind: 'integer' | 'uuid' | 'text'): { setting: string; value: string | number } | undefined {
  const setting = d?.kind === 'expression' ? sessionSettingOf(d.text) : undefined;
  return setting ? { setting, value: SESSION_VALUES[kind] } : undefined;
}

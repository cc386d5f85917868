// Rows of an analytics / webhook product and a clinic's staff: a delivery's outcome agrees with its
// HTTP status, an event is received seconds after it happened (and what it triggers comes after
// that), a practitioner is hired after the clinic opened, an appointment is booked before it starts.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';

const REF = '2025-06-01T00:00:00.000Z';
const SQL = `
create table clinics (id serial primary key, opened_on date not null, created_at timestamptz not null);
create table practitioners (id serial primary key, clinic_id int not null references clinics(id), hired_on date not null, created_at timestamptz not null);
create table appointments (id serial primary key, practitioner_id int not null references practitioners(id), created_at timestamptz not null,
  scheduled_start timestamptz not null, checked_in_at timestamptz);
create table events (id bigserial primary key, name text not null, occurred_at timestamp not null, received_at timestamp not null, check (received_at >= occurred_at));
create table deliveries (id bigserial primary key, event_id bigint not null references events(id), sent_at timestamp not null,
  status_code smallint, succeeded boolean not null, error text, check (not succeeded or status_code between 200 and 299));
`;

function rowsOf(definition: ReturnType<typeof importSql>['definition'], table: string): Record<string, unknown>[] {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'outcomes' });
  const shape = plan.tables.find((t) => t.name === table)!;
  return [...generateRows(plan, table, 0, shape.rows)].flat().map((row) => Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
}
const ms = (v: unknown) => (v as Date).getTime();

describe('outcomes, arrivals and joins', () => {
  const { definition } = importSql(SQL, { rows: 400, referenceDate: REF });

  it('gives a succeeded delivery a 2xx and no error, a failed one a 4xx/5xx or none, with its error', () => {
    const rows = rowsOf(definition, 'deliveries');
    expect(new Set(rows.map((r) => r.succeeded))).toEqual(new Set([true, false]));
    for (const r of rows) {
      const ok = r.status_code !== null && (r.status_code as number) >= 200 && (r.status_code as number) <= 299;
      expect(ok, JSON.stringify(r)).toBe(r.succeeded);
      if (r.succeeded) expect(r.error).toBeNull();
    }
  });

  it('receives an event within two minutes of it happening, and delivers it after that', () => {
    const events = new Map(rowsOf(definition, 'events').map((e) => [e.id, e]));
    for (const e of events.values()) expect(ms(e.received_at) - ms(e.occurred_at)).toBeLessThanOrEqual(120_000);
    for (const d of rowsOf(definition, 'deliveries')) expect(ms(d.sent_at)).toBeGreaterThanOrEqual(ms(events.get(d.event_id)!.received_at));
  });

  it('hires a practitioner after the clinic opened, never after the reference date', () => {
    const clinics = new Map(rowsOf(definition, 'clinics').map((c) => [c.id, c]));
    for (const p of rowsOf(definition, 'practitioners')) {
      expect(ms(p.hired_on)).toBeGreaterThanOrEqual(ms(clinics.get(p.clinic_id)!.opened_on));
      expect(ms(p.hired_on)).toBeLessThanOrEqual(Date.parse(REF));
    }
  });

  it('books an appointment before it starts, and checks the patient in minutes after the start', () => {
    for (const a of rowsOf(definition, 'appointments')) {
      expect(ms(a.scheduled_start)).toBeGreaterThanOrEqual(ms(a.created_at));
      if (a.checked_in_at) expect(ms(a.checked_in_at) - ms(a.scheduled_start)).toBeLessThanOrEqual(20 * 60_000);
    }
  });
});

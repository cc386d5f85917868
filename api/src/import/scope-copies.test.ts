// Two FK paths to one ancestor where scoping cannot keep them in agreement: the direct ref copies
// the link of the other's parent (an invoice's patient is its appointment's). And a nullable moment
// a CHECK orders after another is not the row's first.
import { describe, expect, it } from 'vitest';
import { compile, generateRows } from '../engine/index.js';
import { importSql } from './index.js';

const REF = { referenceDate: '2025-06-01T00:00:00.000Z' };

function rowsOf(definition: ReturnType<typeof importSql>['definition'], table: string): Record<string, unknown>[] {
  const plan = compile(definition as Parameters<typeof compile>[0], { seed: 'copies' });
  const shape = plan.tables.find((t) => t.name === table)!;
  const out: Record<string, unknown>[] = [];
  for (const batch of generateRows(plan, table, 0, shape.rows))
    for (const row of batch) out.push(Object.fromEntries(shape.columns.map((c, i) => [c.name, row[i]])));
  return out;
}

const CLINIC = `
create table clinics (id bigint generated always as identity primary key, name text not null, created_at timestamptz not null);
create table patients (id uuid primary key, clinic_id bigint not null references clinics(id), created_at timestamptz not null);
create table practitioners (id bigint generated always as identity primary key, clinic_id bigint not null references clinics(id), created_at timestamptz not null);
create table appointments (
  id bigint generated always as identity primary key, clinic_id bigint not null references clinics(id),
  patient_id uuid not null references patients(id), practitioner_id bigint not null references practitioners(id),
  created_at timestamptz not null);
create table prescriptions (
  id bigint generated always as identity primary key, appointment_id bigint not null references appointments(id),
  patient_id uuid not null references patients(id), practitioner_id bigint not null references practitioners(id),
  prescribed_at timestamptz not null);
create table invoices (
  id bigint generated always as identity primary key, appointment_id bigint not null unique references appointments(id),
  patient_id uuid not null references patients(id), created_at timestamptz not null);
create table members (
  clinic_id bigint not null references clinics(id), email text not null, invited_at timestamptz not null, joined_at timestamptz,
  primary key (clinic_id, email), check (joined_at is null or joined_at >= invited_at));
`;

describe('direct refs that copy the other path', () => {
  const { definition } = importSql(CLINIC, { rows: 300, ...REF });
  const appointments = new Map(rowsOf(definition, 'appointments').map((a) => [a.id, a]));

  it('copies a unique ref’s link: one invoice per appointment, for its patient', () => {
    const invoices = rowsOf(definition, 'invoices');
    expect(new Set(invoices.map((i) => i.appointment_id)).size).toBe(invoices.length);
    expect(invoices.filter((i) => appointments.get(i.appointment_id)!.patient_id !== i.patient_id)).toEqual([]);
  });

  it('copies both links of a ref that reaches two ancestors the row names: the appointment’s patient and practitioner', () => {
    const prescriptions = rowsOf(definition, 'prescriptions');
    expect(prescriptions.length).toBeGreaterThan(0);
    for (const p of prescriptions) {
      const a = appointments.get(p.appointment_id)!;
      expect([p.patient_id, p.practitioner_id]).toEqual([a.patient_id, a.practitioner_id]);
    }
  });

  it('keeps the appointment’s own patient and practitioner in its clinic (scoped, not laid out twice)', () => {
    const clinicOf = (table: string) => new Map(rowsOf(definition, table).map((r) => [r.id, r.clinic_id]));
    const [patients, practitioners] = [clinicOf('patients'), clinicOf('practitioners')];
    for (const a of appointments.values()) {
      expect(patients.get(a.patient_id)).toBe(a.clinic_id);
      expect(practitioners.get(a.practitioner_id)).toBe(a.clinic_id);
    }
  });

  it('dates a membership from its invitation, not from the nullable join a CHECK puts after it', () => {
    const members = rowsOf(definition, 'members');
    expect(members.some((m) => m.joined_at !== null)).toBe(true);
    for (const m of members) if (m.joined_at !== null) expect((m.joined_at as Date).getTime()).toBeGreaterThanOrEqual((m.invited_at as Date).getTime());
  });
});

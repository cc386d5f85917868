import { describe, expect, it } from 'vitest';
import { JobPayloadError, prepareExport } from './plan.js';

const definition = { version: 1, tables: [{ name: 'people', rows: 7, fields: [{ name: 'id', type: 'sequence' }] }] };
const fallback = { seed: 'row-seed', format: 'csv' };

describe('the job payload a worker runs', () => {
  it('runs a payload as startExport writes it, and one stored before seed, format and the total were written', () => {
    const current = prepareExport(JSON.stringify({ definition, format: 'json', seed: 's', rowCount: 3, rowsTotal: 3, fileName: 'my export' }), fallback);
    expect([current.format, current.rowsTotal, current.fileName]).toEqual(['json', 3, 'my_export.json']);
    const old = prepareExport({ definition, rowCount: null }, fallback);
    expect([old.format, old.rowsTotal]).toEqual(['csv', 7]);
  });

  it('gives the tables tableRows names their own rows, and rowCount to the others; children per parent still follow their parents', () => {
    const tables = {
      version: 1,
      tables: [
        { name: 'people', rows: 7, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'pets', rows: 7, fields: [{ name: 'id', type: 'sequence' }] },
        { name: 'toys', fields: [{ name: 'pet', type: 'ref', options: { table: 'pets', field: 'id', childrenPerParent: { min: 2, max: 2 } } }] },
      ],
    };
    const rowsOf = (payload: Record<string, unknown>) => prepareExport({ definition: tables, ...payload }, fallback).tables.map((t) => [t.name, t.rows]);
    expect(rowsOf({ rowCount: 5, tableRows: { people: 3 } })).toEqual([
      ['people', 3],
      ['pets', 5],
      ['toys', 10],
    ]);
    expect(rowsOf({ rowCount: 5 })).toEqual([
      ['people', 5],
      ['pets', 5],
      ['toys', 10],
    ]);
  });

  it('refuses a payload that is not one, naming the place', () => {
    const refused = (raw: unknown) => {
      try {
        prepareExport(raw, fallback);
      } catch (error) {
        expect(error).toBeInstanceOf(JobPayloadError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused('{not json')).toBe('job_payload: not JSON');
    expect(refused(null)).toBe('job_payload: missing');
    expect(refused({ format: 'csv' })).toBe('job_payload.definition: missing');
    expect(refused({ definition, rowCount: 'many' })).toMatch(/^job_payload\.rowCount: /);
    expect(refused({ definition, rowsTotal: -1 })).toMatch(/^job_payload\.rowsTotal: /);
  });
});

import { describe, expect, it } from 'vitest';
import { estimateSize, formatBytes, type SampleTable } from './export-size';

const users: SampleTable = {
  table: 'users',
  columns: ['id', 'name'],
  rows: [
    [1, 'Ada'],
    [2, 'Grace, Hopper'],
  ],
};
const rows = (n: number) => new Map([['users', n]]);

describe('the estimated size of an export', () => {
  it('CSV: the header once, then the sample rows’ average (quoted where the delimiter appears) times the rows', () => {
    // "id,name\n" = 8; "1,Ada\n" = 6; '2,"Grace, Hopper"\n' = 18 → 12 a row
    expect(estimateSize('CSV', [users], rows(1000))).toEqual({ bytes: 8 + 12 * 1000, zipped: false });
    // with ; as the delimiter nothing needs quotes: "2;Grace, Hopper\n" = 16 → 11 a row
    expect(estimateSize('CSV', [users], rows(1000), ';').bytes).toBe(8 + 11 * 1000);
  });

  it('grows in proportion to the rows, per format, and counts UTF-8 bytes', () => {
    for (const format of ['CSV', 'JSON', 'NDJSON', 'SQL', 'XLSX'] as const) {
      const small = estimateSize(format, [users], rows(1000)).bytes;
      const large = estimateSize(format, [users], rows(1_000_000)).bytes;
      expect(large / small, format).toBeGreaterThan(900);
      expect(large / small, format).toBeLessThan(1001);
    }
    const accented: SampleTable = { table: 't', columns: ['n'], rows: [['é']] };
    expect(estimateSize('NDJSON', [accented], new Map([['t', 10]])).bytes).toBe(10 * (bytesOfJson('{"n":"é"}') + 1));
  });

  it('says when the file is a zip: XLSX, and one CSV or NDJSON file per table', () => {
    const orders: SampleTable = { table: 'orders', columns: ['id'], rows: [[1]] };
    expect(estimateSize('CSV', [users, orders], rows(10)).zipped).toBe(true);
    expect(estimateSize('NDJSON', [users], rows(10)).zipped).toBe(false);
    expect(estimateSize('JSON', [users, orders], rows(10)).zipped).toBe(false);
    expect(estimateSize('XLSX', [users], rows(10)).zipped).toBe(true);
    // a table with no sample rows and no rows adds nothing but its head
    expect(estimateSize('NDJSON', [orders], new Map()).bytes).toBe(0);
  });

  it('reads sizes in words', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12_345_678)).toBe('12 MB');
    expect(formatBytes(2_500_000_000)).toBe('2.5 GB');
  });
});

function bytesOfJson(text: string): number {
  return new TextEncoder().encode(text).length;
}

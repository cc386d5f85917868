// The realism suite at 1,000 rows per table: every schema seeds as imported, its rules hold and no
// column is filled with Latin. What does not hold yet is listed in known-gaps.json; the test fails
// both on a new failure and on a listed gap that now holds (so the list only ever shrinks).
import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import { describe, realismSchemas, runSchema } from './suite.js';

interface Gaps {
  [schema: string]: { unseeded?: string; rules?: string[]; latin?: string[] };
}

const gaps = JSON.parse(readFileSync(new URL('./known-gaps.json', import.meta.url), 'utf8')) as Gaps;
const serverUrl = process.env.TDG_TEST_DATABASE_URL || undefined;

group(`realism suite on ${serverUrl ? 'PostgreSQL' : 'PGlite'} at 1,000 rows per table`, () => {
  for (const schema of realismSchemas()) {
    it(schema.name, { timeout: 240_000 }, async () => {
      const result = await runSchema(schema, { ...(serverUrl ? { serverUrl } : {}), rows: 1000 });
      const known = gaps[schema.name] ?? {};
      const report = describe([result]);
      if (known.unseeded) {
        expect(result.seeded, `${schema.name} now seeds: remove "unseeded" from known-gaps.json\n${report}`).toBe(false);
        return;
      }
      expect(result.seeded, report).toBe(true);
      const broken = result.rules.filter((r) => r.violations !== 0).map((r) => r.name);
      expect(
        broken.filter((r) => !known.rules?.includes(r)),
        `new broken rules\n${report}`,
      ).toEqual([]);
      expect(
        (known.rules ?? []).filter((r) => !broken.includes(r)),
        `rules that now hold: remove them from known-gaps.json\n${report}`,
      ).toEqual([]);
      const latin = result.latin.map((l) => `${l.table}.${l.column}`);
      expect(
        latin.filter((l) => !known.latin?.includes(l)),
        `new Latin columns\n${report}`,
      ).toEqual([]);
      expect(
        (known.latin ?? []).filter((l) => !latin.includes(l)),
        `columns no longer Latin: remove them from known-gaps.json\n${report}`,
      ).toEqual([]);
    });
  }
});

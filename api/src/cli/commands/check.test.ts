import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { serverAvailable, withServerDatabase } from '../../../test/import/harness.js';
import { SHOP_TABLES, shopDefinition } from '../../report/testing/shop.js';
import { seedDatabase } from '../../seed/load.js';
import { postgresTarget } from '../../seed/postgres-target.js';
import { CliError } from '../errors.js';
import { run } from './check.js';

async function check(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  try {
    return { code: await run(args), out };
  } finally {
    spy.mockRestore();
  }
}

describe('tdg check', () => {
  it('asks for a database and a definition', async () => {
    await expect(run(['postgres://nowhere'])).rejects.toThrow(CliError);
    await expect(run(['postgres://nowhere', join(tmpdir(), 'no-such-definition.json')])).rejects.toThrow(/cannot read/);
  });

  it('passes a seeded database, then names the broken rules and their rows (PostgreSQL server)', async (ctx) => {
    if (!(await serverAvailable())) ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), 'tdg-check-'));
    const definition = shopDefinition(200);
    const seedable = { ...definition, tables: definition.tables.map(({ checks: _checks, ...t }) => t) };
    const file = join(dir, 'shop.json');
    writeFileSync(file, JSON.stringify(seedable));
    await withServerDatabase(async (sql, url) => {
      await sql.unsafe(SHOP_TABLES);
      await seedDatabase(seedable, postgresTarget(sql), { constraints: 'during' });
      const clean = await check([url, file]);
      expect(clean.code).toBe(0);
      expect(clean.out).toMatch(/^\d+ rules, 0 violations$/m);
      expect(clean.out).toMatch(/^orders\.paid_at > orders\.placed_at: \d+ rows ok$/m);

      await sql.unsafe(`update orders set paid_at = placed_at - interval '1 hour' where id in (2, 11, 12)`);
      const reportPath = join(dir, 'check.json');
      const broken = await check([url, file, '--report', reportPath]);
      expect(broken.code).toBe(1);
      expect(broken.out).toMatch(/^orders\.paid_at > orders\.placed_at: 3 of \d+ rows violate \(id=2; id=11; id=12\)$/m);
      expect(broken.out).toMatch(/^\d+ rules, 3 violations \(in 1 rule\)$/m);
      const written = JSON.parse(readFileSync(reportPath, 'utf8')) as { rules: { name: string; violations: number }[] };
      expect(written.rules.find((r) => r.name === 'orders.paid_at > orders.placed_at')!.violations).toBe(3);
    });
  }, 300_000);
});

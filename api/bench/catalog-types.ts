// Values/s of every catalogue type the engine can generate on its own (a one-field table with the
// type's example options), and, for the slowest, the same faker method called in a plain
// `faker.seed(42)` loop in the same process: the slow generators of real schemas, side by side.
import { faker } from '@faker-js/faker';
import { catalog, fakerTypeById } from '../src/engine/catalog.js';
import { compile, DEFAULT_REFERENCE_DATE, generateRows, type Plan } from '../src/engine/index.js';

const ROUNDS = 3;

/**
 * CPU seconds of this process since `started` (all its threads, garbage collection included):
 * on a machine shared with other work, wall-clock time measures the neighbours as much as us.
 */
function cpuSeconds(started: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(started);
  return Math.max(used.user + used.system, 1) / 1e6;
}

export interface TypeRate {
  id: string;
  /** Engine values per CPU second (generateRows of the one-field table). */
  rate: number;
  /** The plain faker method's values per CPU second (faker types only). */
  plain?: number;
}

/** Every type's rate (a warm-up pass over all types first, so each is measured warm), slowest first. */
export function catalogTypeRates(rows: number): TypeRate[] {
  const plans: [string, Plan][] = [];
  for (const entry of catalog) {
    try {
      plans.push([
        entry.id,
        compile({ version: 1, locale: 'en', seed: 42, tables: [{ name: 't', rows, fields: [{ name: 'v', type: entry.id, options: entry.exampleOptions }] }] }),
      ]);
    } catch {
      // built-ins that read other fields or tables (ref, lookup, after...) have no one-field table
    }
  }
  let sink = 0;
  for (const [, plan] of plans) for (const batch of generateRows(plan, 't', 0, 2048)) sink += batch.length;
  // rounds over all types, each type's best round kept: a burst of load from other processes on
  // a shared machine slows one round of a type, not all of them
  const part = Math.ceil(rows / ROUNDS);
  const rates: TypeRate[] = plans.map(([id]) => ({ id, rate: 0 }));
  for (let round = 0; round < ROUNDS; round++)
    plans.forEach(([, plan], p) => {
      const started = process.cpuUsage();
      for (const batch of generateRows(plan, 't', round * part, Math.min(rows, (round + 1) * part))) sink += batch.length;
      const rate = (Math.min(rows, (round + 1) * part) - round * part) / cpuSeconds(started);
      rates[p]!.rate = Math.max(rates[p]!.rate, rate);
    });
  if (sink < 0) console.log(sink);
  return rates.sort((a, b) => a.rate - b.rate);
}

/** The plain faker loop's values/s for one faker type with its example options (undefined for built-ins). */
export function plainFakerRate(id: string, rows: number): number | undefined {
  const type = fakerTypeById.get(id);
  if (!type) return undefined;
  const options = catalog.find((entry) => entry.id === id)?.exampleOptions ?? {};
  const args = type.args ? type.args(options) : Object.keys(options).length > 0 ? [options] : [];
  const [moduleName, methodName] = id.split('.') as [string, string];
  const module = (faker as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[moduleName]!;
  faker.seed(42);
  faker.setDefaultRefDate(new Date(DEFAULT_REFERENCE_DATE));
  let sink = 0;
  for (let i = 0; i < 2048; i++) if (module[methodName]!(...args) !== undefined) sink++;
  let rate = 0;
  const part = Math.ceil(rows / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const started = process.cpuUsage();
    for (let i = 0; i < part; i++) if (module[methodName]!(...args) !== undefined) sink++;
    rate = Math.max(rate, part / cpuSeconds(started));
  }
  if (sink < 0) console.log(sink);
  return rate;
}

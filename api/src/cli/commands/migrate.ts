import { parseArgs } from 'node:util';
import { migrate } from '../../db/migrate.js';
import { connectAdmin, databaseConfigFromEnv, describeTarget } from '../../db/open.js';
import { CliError } from '../errors.js';

export const summary = 'apply supabase/migrations to DATABASE_URL or the embedded PGlite (.data/, TDG_DATA_DIR)';

export async function run(args: string[]): Promise<number> {
  let values: { 'database-url'?: string; 'data-dir'?: string; migrations?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        'database-url': { type: 'string' },
        'data-dir': { type: 'string' },
        migrations: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(
      `usage: tdg migrate [--database-url URL] [--data-dir DIR] [--migrations DIR]\n\n${summary}.\n` +
        `Applies the local Supabase shim first when the database has no auth schema.\n`,
    );
    return 0;
  }
  const env = databaseConfigFromEnv();
  // an explicit --data-dir means PGlite even when DATABASE_URL is set in the environment
  const config = {
    databaseUrl: values['database-url'] ?? (values['data-dir'] ? undefined : env.databaseUrl),
    dataDir: values['data-dir'] ?? env.dataDir,
  };
  const admin = await connectAdmin(config);
  try {
    const result = await migrate(admin, {
      migrationsDir: values.migrations,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const target = describeTarget(config);
    process.stdout.write(
      result.applied.length
        ? `${target}: applied ${result.applied.length} migration(s), now at ${result.current}\n`
        : `${target}: up to date at ${result.current ?? '(no migrations)'}\n`,
    );
    return 0;
  } finally {
    await admin.close();
  }
}

import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../server/app.js';
import { CliError } from '../errors.js';

export const summary = 'start the GraphQL API (and the local auth) on PORT (default 4000)';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { port: { type: 'string', short: 'p' } }, strict: true });
  const env = values.port === undefined ? process.env : { ...process.env, PORT: values.port };
  const config = loadConfig(env);
  const app = await buildApp(config);
  const url = await app.start().catch((error: Error) => {
    throw new CliError(`cannot listen on port ${config.port}: ${error.message}`);
  });
  // the preview threads load the engine now, not while the first user's preview waits
  app.previews.warm();
  process.stdout.write(`tdg api: ${url}/graphql${app.auth.local ? ` (local auth at ${url}/auth/v1)` : ''}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.stop();
  return 0;
}

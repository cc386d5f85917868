// Each command lives in ./commands/<name>.ts and exports `run(args): Promise<number>`.
// Commands are imported lazily so `tdg migrate` does not load the web server or the engine.

import { CliError } from './errors.js';

type Command = { run(args: string[]): Promise<number>; summary: string };

const commands: Record<string, () => Promise<Command>> = {
  migrate: () => import('./commands/migrate.js'),
  generate: () => import('./commands/generate.js'),
  serve: () => import('./commands/serve.js'),
  worker: () => import('./commands/worker.js'),
  'import-sql': () => import('./commands/import-sql.js'),
  introspect: () => import('./commands/introspect.js'),
  seed: () => import('./commands/seed.js'),
  check: () => import('./commands/check.js'),
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    const lines = await Promise.all(Object.entries(commands).map(async ([command, load]) => `  ${command.padEnd(11)} ${(await load()).summary}`));
    process.stdout.write(`usage: tdg <command> [options]   (tdg <command> --help for its options)\n\n${lines.join('\n')}\n`);
    return name ? 0 : 1;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`tdg: unknown command "${name}" (known: ${Object.keys(commands).join(', ')})\n`);
    return 2;
  }
  try {
    const command = await load();
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliError || (error instanceof Error && error.name.endsWith('Error') && !process.env.TDG_DEBUG)) {
      process.stderr.write(`tdg ${name}: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}

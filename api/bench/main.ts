// `pnpm bench [--quick] [part...]`: runs every api/bench/<part>.ts that exports `bench` (engine,
// formats, jobs, seed, ...), in name order, or only the parts named.
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Part = { bench?: (opts: { quick: boolean }) => Promise<void> };

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((a) => !a.startsWith('--'));

const files = (await readdir(here)).filter((f) => f.endsWith('.ts') && f !== 'main.ts' && !f.endsWith('.d.ts')).sort();
for (const file of files) {
  const name = file.replace(/\.ts$/, '');
  if (only.length > 0 && !only.includes(name)) continue;
  const part = (await import(pathToFileURL(`${here}/${file}`).href)) as Part;
  if (typeof part.bench !== 'function') continue; // shared helpers such as ten-fields.ts
  const started = performance.now();
  console.log(`== ${name}${quick ? ' (quick)' : ''}`);
  await part.bench({ quick });
  console.log(`== ${name} done in ${((performance.now() - started) / 1000).toFixed(1)}s\n`);
}

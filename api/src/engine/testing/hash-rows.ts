// Child process for the cross-process determinism test: prints sha256 of rows [start, end).
import { createHash } from 'node:crypto';
import { compile, generateRows } from '../index.js';

const [definition, table, start, end] = process.argv.slice(2);
const plan = compile(JSON.parse(definition));
const hash = createHash('sha256');
for (const batch of generateRows(plan, table, Number(start), Number(end), 333)) for (const row of batch) hash.update(`${JSON.stringify(row)}\n`);
process.stdout.write(hash.digest('hex'));

// Child process of sameInTwoProcesses: for each [table, start, end] prints the sha256 of those rows,
// one JSON line per row (the same text hashRows hashes), separated by spaces.
import { createHash } from 'node:crypto';
import { compile, generateRows } from '../index.js';

const [definition, ranges] = process.argv.slice(2);
const plan = compile(JSON.parse(definition));
const hashes = (JSON.parse(ranges) as [string, number, number][]).map(([table, start, end]) => {
  const hash = createHash('sha256');
  for (const batch of generateRows(plan, table, start, end, 997)) for (const row of batch) hash.update(`${JSON.stringify(row)}\n`);
  return hash.digest('hex');
});
process.stdout.write(hashes.join(' '));

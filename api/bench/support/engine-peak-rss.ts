// Child process of the engine bench: generates N rows of the 10-field table, discards them, and
// prints its peak RSS. Run as: node --import tsx bench/support/engine-peak-rss.ts <rows>
import { compile, generateRows } from '../../src/engine/index.js';
import { tenFieldDefinition } from '../ten-fields.js';

const rows = Number(process.argv[2]);
const started = performance.now();
const plan = compile(tenFieldDefinition(rows));
let seen = 0;
for (const batch of generateRows(plan, 'people', 0, rows)) seen += batch.length;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ rows: seen, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);

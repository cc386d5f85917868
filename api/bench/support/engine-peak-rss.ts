// Child process of the engine bench: generates N rows of the 10-field table (or of the three
// related tables), discards them, and prints its peak RSS.
// Run as: node --import tsx bench/support/engine-peak-rss.ts <rows> [ten|relational]
import { compile, generateRows } from '../../src/engine/index.js';
import { relationalDefinition } from '../relational.js';
import { tenFieldDefinition } from '../ten-fields.js';

const rows = Number(process.argv[2]);
const started = performance.now();
const plan = compile(process.argv[3] === 'relational' ? relationalDefinition(rows) : tenFieldDefinition(rows));
let seen = 0;
for (const table of plan.tables) for (const batch of generateRows(plan, table.name, 0, table.rows)) seen += batch.length;
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ rows: seen, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);

import { faker } from '@faker-js/faker';
import { compile, generateRows } from './src/engine/index.js';
import { plainFakerRow, tenFieldDefinition } from './bench/ten-fields.js';
const N = 200_000;
const which = process.argv[2];
for (let rep = 0; rep < 3; rep++) {
let t = performance.now(); let n = 0;
if (which !== 'e') { faker.seed(42); faker.setDefaultRefDate(new Date('2025-01-01T00:00:00Z'));
 for (let i = 0; i < N; i++) n += plainFakerRow(faker).length;
 console.log('plain', Math.round(N / (performance.now() - t) * 1000)); }
t = performance.now(); 
if (which !== 'p') { const plan = compile(tenFieldDefinition(N));
for (const b of generateRows(plan, 'people', 0, N)) n += b.length;
 console.log('engine', Math.round(N / (performance.now() - t) * 1000)); }
}

// Golden determinism: the SHA-256 of every format's bytes for fixed definitions and seeds, committed
// in golden/hashes.json. The same seed must give the same bytes on any machine and any day; a change
// here (a faker upgrade, an engine change of values) is a deliberate, versioned change of output —
// bump the engine version (generator_schemas.engine) and regenerate with TDG_GOLDEN_UPDATE=1.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBytes } from '../jobs/testing/export-bytes.js';
import { EXPORT_FORMATS } from './index.js';

const here = (name: string) => new URL(`./golden/${name}`, import.meta.url);
const DEFINITIONS = ['people', 'helpdesk'];
const SEEDS = ['golden-1', 'golden-2'];
const hashesFile = here('hashes.json');

describe('golden output', () => {
  it('every format gives the committed bytes for each definition and seed', { timeout: 120_000 }, async () => {
    const got: Record<string, string> = {};
    for (const name of DEFINITIONS) {
      const definition = JSON.parse(readFileSync(here(`${name}.definition.json`), 'utf8'));
      for (const seed of SEEDS)
        for (const format of EXPORT_FORMATS)
          got[`${name}/${seed}/${format}`] = createHash('sha256')
            .update(await exportBytes({ definition, format, seed }))
            .digest('hex');
    }
    if (process.env.TDG_GOLDEN_UPDATE === '1') writeFileSync(hashesFile, `${JSON.stringify(got, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(hashesFile, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...expected, ...got }).filter((k) => expected[k] !== got[k]);
    expect(changed, 'output changed: if deliberate, bump the engine version and regenerate with TDG_GOLDEN_UPDATE=1').toEqual([]);
    // the seed matters: no two seeds (or formats) hash alike
    expect(new Set(Object.values(got)).size).toBe(Object.keys(got).length);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from './open.js';

describe('openStorage', () => {
  it('keeps the files of an in-memory database in a temporary directory, not in a "memory:" folder of the working directory', async () => {
    const storage = await openStorage({ dataDir: 'memory://', publicUrl: '' });
    await storage.put(
      'owner/a.csv',
      (async function* () {
        yield Buffer.from('a,b\n');
      })(),
    );
    expect(await storage.exists('owner/a.csv')).toBe(true);
    expect(existsSync(join(process.cwd(), 'memory:'))).toBe(false);
  });
});

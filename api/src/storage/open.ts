// Picks the storage adapter from the configuration: Supabase Storage when SUPABASE_URL and the
// service role key are set, otherwise files under the data directory (an in-memory database keeps
// its files in a fresh temporary directory, never in a "memory:" folder of the working directory).
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { MEMORY } from '../db/pglite.js';
import { createLocalStorage } from './local.js';
import type { ExportStorage } from './port.js';
import { createSupabaseStorage } from './supabase.js';

export async function openStorage(config: Pick<Config, 'dataDir' | 'supabaseUrl' | 'supabaseServiceRoleKey' | 'publicUrl'>): Promise<ExportStorage> {
  if (config.supabaseUrl && config.supabaseServiceRoleKey) {
    return createSupabaseStorage({ url: config.supabaseUrl, serviceRoleKey: config.supabaseServiceRoleKey });
  }
  const dataDir = config.dataDir === MEMORY ? await mkdtemp(join(tmpdir(), 'tdg-memory-')) : config.dataDir;
  return createLocalStorage({ dataDir, publicUrl: config.publicUrl });
}

// Picks the storage adapter from the configuration: Supabase Storage when SUPABASE_URL and the
// service role key are set, otherwise files under the data directory.
import type { Config } from '../config.js';
import { createLocalStorage } from './local.js';
import type { ExportStorage } from './port.js';
import { createSupabaseStorage } from './supabase.js';

export async function openStorage(config: Pick<Config, 'dataDir' | 'supabaseUrl' | 'supabaseServiceRoleKey' | 'publicUrl'>): Promise<ExportStorage> {
  if (config.supabaseUrl && config.supabaseServiceRoleKey) {
    return createSupabaseStorage({ url: config.supabaseUrl, serviceRoleKey: config.supabaseServiceRoleKey });
  }
  return createLocalStorage({ dataDir: config.dataDir, publicUrl: config.publicUrl });
}

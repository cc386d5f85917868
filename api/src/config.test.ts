import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, dataDir: '.data', corsOrigins: ['http://localhost:5173'], development: true });
    expect(config.supabaseUrl).toBeUndefined();
    expect(config.limits).toEqual({
      maxExportRows: 10_000_000,
      maxRunningExports: 3,
      maxPreviewRows: 100,
      maxPreviewChars: 8_000_000,
      maxPreviewLayoutRows: 5_000_000,
      previewThreads: 1,
      previewMemoryMb: 192,
      previewTimeoutMs: 10_000,
      exportRetentionDays: 7,
      maxQueryDepth: 10,
      maxQueryCost: 5000,
      maxAliases: 15,
      maxBodyBytes: 1_048_576,
    });
  });

  it('reads how often in-process workers report progress, within 250 ms to 5 s', () => {
    expect(loadConfig({}).progressMs).toBe(1_000);
    expect(loadConfig({ TDG_PROGRESS_MS: '250' }).progressMs).toBe(250);
    expect(loadConfig({ TDG_PROGRESS_MS: '60000' }).progressMs).toBe(5_000);
    expect(() => loadConfig({ TDG_PROGRESS_MS: '10' })).toThrow(/TDG_PROGRESS_MS: must be an integer ≥ 250/);
  });

  it('reads variables, with _ separators in numbers and a trailing slash dropped from URLs', () => {
    const config = loadConfig({
      PORT: '8080',
      TDG_MAX_EXPORT_ROWS: '1_000_000',
      SUPABASE_URL: 'https://ref.supabase.co/',
      TDG_CORS_ORIGINS: 'http://a.test, http://b.test',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({ port: 8080, supabaseUrl: 'https://ref.supabase.co', corsOrigins: ['http://a.test', 'http://b.test'], development: false });
    expect(config.limits.maxExportRows).toBe(1_000_000);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ TDG_MAX_PREVIEW_ROWS: 'lots' })).toThrow(new ConfigError('TDG_MAX_PREVIEW_ROWS: must be an integer ≥ 1 (got "lots")'));
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/^PORT: must be an integer ≥ 0/);
    expect(() => loadConfig({ TDG_MAX_RUNNING_EXPORTS: '0' })).toThrow(/TDG_MAX_RUNNING_EXPORTS/);
    expect(() => loadConfig({ SUPABASE_URL: 'not a url' })).toThrow(/^SUPABASE_URL: not a URL/);
  });
});

// Configuration comes only from environment variables; docs/configuration.md lists them.
// Parsing is strict: a bad value stops the server with a message naming the variable.
import { loadAssistSettings, type AssistSettings } from './assist/settings.js';
import { loadAuthSettings, type AuthSettings } from './auth/settings.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Server configuration (see docs/configuration.md). */
export interface Config {
  /** HTTP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  /** Where PGlite, the local auth key pair and export files live. */
  dataDir: string;
  /** The embedded PGlite in a worker thread of its own (default true; TDG_PGLITE_THREAD=0: in the API's thread). */
  pgliteThread: boolean;
  /** Supabase project URL; when absent the server runs its own Auth stand-in under /auth/v1. */
  supabaseUrl?: string;
  supabaseAnonKey?: string;
  supabaseServiceRoleKey?: string;
  /** Legacy HS256 JWT secret; when set, tokens are verified with it instead of the JWKS. */
  supabaseJwtSecret?: string;
  /** Public URL of this server (issuer of local tokens). */
  publicUrl?: string;
  /** Origins allowed by CORS. */
  corsOrigins: string[];
  development: boolean;
  /** Export workers `tdg serve` runs in its own process (default 1 on the embedded PGlite, 0 with DATABASE_URL). */
  inProcessWorkers: number;
  /** How often the in-process export workers write a progress event, in ms (250–5,000; default 1,000). */
  progressMs: number;
  limits: Limits;
  /** Rate limits, body caps and session checks of authentication (see auth/settings.ts). */
  auth: AuthSettings;
  /** The schema assistant's provider, limits and key secret (see assist/settings.ts). */
  assist: AssistSettings;
}

export interface Limits {
  maxExportRows: number;
  maxRunningExports: number;
  maxPreviewRows: number;
  /** Upper bound of the JSON text all previews of one request may produce (rows × fields' bounds). */
  maxPreviewChars: number;
  /** Parent rows a preview's children-per-parent layouts may walk. */
  maxPreviewLayoutRows: number;
  /** Preview threads, and each one's heap (MB) and time (ms) per task. */
  previewThreads: number;
  previewMemoryMb: number;
  previewTimeoutMs: number;
  exportRetentionDays: number;
  maxQueryDepth: number;
  maxQueryCost: number;
  maxAliases: number;
  maxBodyBytes: number;
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < min) {
    throw new ConfigError(`${name}: must be an integer ≥ ${min} (got "${raw}")`);
  }
  return value;
}

function decimal(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name}: must be a number ≥ 0 (got "${raw}")`);
  return value;
}

function url(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`${name}: not a URL (got "${raw}")`);
  }
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}: expected 1 or 0 (got "${env[name]}")`);
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

export function loadConfig(env: Env = process.env): Config {
  return {
    port: integer(env, 'PORT', 4000),
    host: text(env, 'HOST') ?? '0.0.0.0',
    databaseUrl: text(env, 'DATABASE_URL'),
    dataDir: text(env, 'TDG_DATA_DIR') ?? '.data',
    pgliteThread: flag(env, 'TDG_PGLITE_THREAD', true),
    supabaseUrl: url(env, 'SUPABASE_URL'),
    supabaseAnonKey: text(env, 'SUPABASE_ANON_KEY'),
    supabaseServiceRoleKey: text(env, 'SUPABASE_SERVICE_ROLE_KEY'),
    supabaseJwtSecret: text(env, 'SUPABASE_JWT_SECRET'),
    publicUrl: url(env, 'TDG_PUBLIC_URL'),
    corsOrigins: (text(env, 'TDG_CORS_ORIGINS') ?? 'http://localhost:5173')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    development: (env.NODE_ENV ?? 'development') !== 'production',
    inProcessWorkers: integer(env, 'TDG_IN_PROCESS_WORKERS', text(env, 'DATABASE_URL') ? 0 : 1, 0),
    progressMs: Math.min(5_000, integer(env, 'TDG_PROGRESS_MS', 1_000, 250)),
    limits: {
      maxExportRows: integer(env, 'TDG_MAX_EXPORT_ROWS', 10_000_000, 1),
      maxRunningExports: integer(env, 'TDG_MAX_RUNNING_EXPORTS', 3, 1),
      maxPreviewRows: integer(env, 'TDG_MAX_PREVIEW_ROWS', 100, 1),
      maxPreviewChars: integer(env, 'TDG_PREVIEW_MAX_CHARS', 8_000_000, 1000),
      maxPreviewLayoutRows: integer(env, 'TDG_PREVIEW_MAX_LAYOUT_ROWS', 5_000_000, 1),
      previewThreads: integer(env, 'TDG_PREVIEW_THREADS', 1, 1),
      previewMemoryMb: integer(env, 'TDG_PREVIEW_MEMORY_MB', 192, 16),
      previewTimeoutMs: integer(env, 'TDG_PREVIEW_TIMEOUT_MS', 10_000, 100),
      exportRetentionDays: integer(env, 'TDG_EXPORT_RETENTION_DAYS', 7, 1),
      maxQueryDepth: integer(env, 'TDG_MAX_QUERY_DEPTH', 10, 1),
      maxQueryCost: integer(env, 'TDG_MAX_QUERY_COST', 5000, 1),
      maxAliases: integer(env, 'TDG_MAX_ALIASES', 15, 1),
      maxBodyBytes: integer(env, 'TDG_MAX_BODY_BYTES', 1_048_576, 1024),
    },
    auth: loadAuthSettings((name, fallback, min) => integer(env, name, fallback, min)),
    assist: loadAssistSettings({
      text: (name) => text(env, name),
      url: (name) => url(env, name),
      integer: (name, fallback, min) => integer(env, name, fallback, min),
      decimal: (name, fallback) => decimal(env, name, fallback),
      fail: (message) => {
        throw new ConfigError(message);
      },
    }),
  };
}

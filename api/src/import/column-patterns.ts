// What a column means, from its name (and table, type, length, siblings): a table of patterns
// kept as data. The first pattern that applies wins; each names the generator and why.
// Every pattern carries example columns and a property of its values (column-patterns.test.ts).
import type { Generator } from './generators.js';
import type { DefaultValue } from './model.js';
import { COUNTRIES } from '../engine/locale-records.js';
import { proseFitting } from './prose.js';
import type { Category } from './type-category.js';

/** Initials of a table for its references: journal_entries → JE, payments → PAY, t → REF. */
export function referencePrefix(table: string): string {
  const words = table.replace(/^.*\./, '').split(/[_\s]+/).filter((w) => /^[a-z]/i.test(w));
  if (words.length >= 2) return words.slice(0, 4).map((w) => w[0]!.toUpperCase()).join('');
  const word = (words[0] ?? '').replace(/[^a-z]/gi, '').toUpperCase();
  return word.length >= 2 ? word.slice(0, 3) : 'REF';
}

export interface PatternContext {
  /** Table name, lower case. */
  table: string;
  /** Column name, lower snake case (`commitSha` → `commit_sha`). */
  name: string;
  category: Category;
  /** Longest text the column accepts (varchar(n), CHECK on length), undefined when unbounded. */
  maxLength?: number;
  minLength: number;
  /** Numbers: what the type and CHECKs accept, and the decimals the type keeps. */
  lo: number;
  hi: number;
  digits: number;
  /** Unique columns get the engine's row suffix: maxLength already leaves room for it. */
  unique: boolean;
  /** The other columns of the table, lower snake case. */
  siblings: string[];
  /** The other plain-text columns the engine generates, as named in the table (for derived values). */
  textColumns?: string[];
  default?: DefaultValue;
  /** COMMENT ON COLUMN: tried when the name alone matches no pattern (`ref` 'SHA-1 of the commit'). */
  comment?: string;
}

export type Expect = RegExp | ((value: unknown) => boolean);

export interface ColumnPattern {
  id: string;
  /** Tested on the lower snake case column name. */
  name: RegExp;
  types: readonly Category[];
  /** Only in tables whose name matches. */
  table?: RegExp;
  /** Only when another column of the table matches. */
  sibling?: RegExp;
  /** The longest text the generator yields: skipped for a narrower column. */
  length?: number;
  generate: Generator | ((c: PatternContext) => Generator | undefined);
  /** What a unique column gets when `generate` cannot be unique (an English type the engine suffixes). */
  uniqueAlternative?: Generator;
  reason: string;
  /** Columns that must choose this pattern: `[table.]column TYPE ...` as in CREATE TABLE. */
  examples: string[];
  /** What every generated value satisfies. */
  expect: Expect;
}

// ---- generator helpers -------------------------------------------------------------------

const T = ['text'] as const;
const NUM = ['int', 'decimal', 'float'] as const;
const INT = ['int'] as const;
const DEC = ['decimal', 'float'] as const;
const WHEN = ['date', 'timestamp'] as const;
const JSONB = ['json'] as const;

const f = (type: string, options?: Record<string, unknown>): Generator => (options ? { type, options } : { type });
const fake = (pattern: string): Generator => f('helpers.fake', { pattern });
const re = (pattern: string): Generator => f('regex', { pattern });
const pick = (values: (string | number)[], weights?: number[]): Generator => f('pick', weights ? { values, weights } : { values });
const one = (values: string[]) => `{{helpers.arrayElement(${JSON.stringify(values)})}}`;
const hex = (length: number): Generator => f('string.hexadecimal', { length, casing: 'lower', prefix: '' });
const alnum = (length: number, casing: 'upper' | 'lower' | 'mixed' = 'mixed'): Generator => f('string.alphanumeric', { length, casing });

/** A number in [min, max] clamped into what the column accepts; decimals as the type keeps them. */
const range =
  (min: number, max: number, digits?: number) =>
  (c: PatternContext): Generator => {
    let lo = Math.max(c.lo, min);
    let hi = Math.min(c.hi, max);
    if (lo > hi) [lo, hi] = c.lo > max ? [c.lo, Math.min(c.hi, c.lo + (max - min))] : [Math.max(c.lo, c.hi - (max - min)), c.hi];
    if (c.category === 'int') return f('number.int', { min: Math.ceil(lo), max: Math.floor(hi) });
    const d = Math.min(c.digits, digits ?? c.digits);
    return f('number.float', { min: roundTo(lo, d, Math.ceil), max: roundTo(hi, d, Math.floor), fractionDigits: d });
  };
const roundTo = (v: number, d: number, fn: (x: number) => number) => fn(v * 10 ** d + (fn === Math.ceil ? -1e-9 : 1e-9)) / 10 ** d;

/** Weighted numbers the column accepts (none: the pattern does not apply). */
const numPick =
  (values: number[], weights?: number[]) =>
  (c: PatternContext): Generator | undefined => {
    const keep = values.map((v, i) => [v, weights?.[i] ?? 1] as const).filter(([v]) => v >= c.lo && v <= c.hi);
    return keep.length ? pick(keep.map(([v]) => v), keep.map(([, w]) => w)) : undefined;
  };

/** Letters and digits of the declared length (64 when unbounded). */
const token = (prefix = '', fallback = 32) => (c: PatternContext): Generator => {
  const room = c.maxLength ?? prefix.length + fallback;
  const length = Math.max(8, Math.min(room - prefix.length, fallback));
  return prefix ? re(`${prefix}[A-Za-z0-9]{${length}}`) : alnum(length);
};

/** Hex digest: the length the name says, else the declared length (32/40/64/128), else 64. */
const digest = (bits?: number) => (c: PatternContext): Generator => {
  const want = bits ?? ([32, 40, 64, 128].includes(c.maxLength ?? 0) ? c.maxLength! : 64);
  return hex(Math.min(want, c.maxLength ?? want));
};

/** Prose of a preferred size that fits the column. */
const prose = (size: Parameters<typeof proseFitting>[0]) => (c: PatternContext) => proseFitting(size, c.maxLength);

/** A JSON object of named fields. */
const obj = (fields: [string, Generator][]): Generator => f('json', { fields: fields.map(([name, g]) => ({ name, ...g })) });

/** One part of the row's address record (engine `record`): country, currency, city... agree. */
const RECORD_COUNTRIES = Object.keys(COUNTRIES);
const part = (name: string): Generator => f('record', { part: name, countries: RECORD_COUNTRIES });
const CURRENCY_OF = new Map(Object.entries(COUNTRIES).map(([code, c]) => [code, c.currency]));

// ---- vocabularies ------------------------------------------------------------------------

const HTTP_STATUS = [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503];
const HTTP_STATUS_WEIGHTS = [600, 80, 40, 10, 20, 30, 40, 30, 20, 60, 10, 20, 10, 15, 5, 10];
const NPM = ['react', 'lodash', 'express', 'axios', 'typescript', 'vite', 'zod', 'dayjs', 'chalk', 'commander', 'eslint', 'prettier', 'vitest', '@types/node', '@babel/core', 'next', 'vue', 'svelte', 'webpack', 'jest'];
const PYPI = ['requests', 'numpy', 'pandas', 'django', 'flask', 'fastapi', 'pydantic', 'sqlalchemy', 'pytest', 'boto3', 'scipy', 'matplotlib', 'celery', 'httpx', 'black', 'click', 'jinja2', 'pyyaml', 'uvicorn', 'redis'];
const MAVEN = ['org.springframework:spring-core', 'com.google.guava:guava', 'org.apache.commons:commons-lang3', 'com.fasterxml.jackson.core:jackson-databind', 'junit:junit', 'org.slf4j:slf4j-api', 'org.projectlombok:lombok', 'io.netty:netty-all', 'org.hibernate:hibernate-core', 'org.postgresql:postgresql'];
const CARGO = ['serde', 'tokio', 'rand', 'clap', 'anyhow', 'thiserror', 'reqwest', 'regex', 'chrono', 'log', 'serde_json', 'hyper', 'axum', 'tracing', 'itertools'];
const GEMS = ['rails', 'rake', 'rspec', 'puma', 'devise', 'sidekiq', 'nokogiri', 'pg', 'redis', 'rubocop', 'pry', 'faraday', 'bundler', 'sinatra', 'capybara'];
const GO = ['github.com/gin-gonic/gin', 'github.com/spf13/cobra', 'github.com/stretchr/testify', 'golang.org/x/sync', 'github.com/google/uuid', 'go.uber.org/zap', 'github.com/jackc/pgx/v5', 'github.com/gorilla/mux'];
const NUGET = ['Newtonsoft.Json', 'Serilog', 'AutoMapper', 'Dapper', 'xunit', 'Moq', 'Polly', 'MediatR'];
const COMPOSER = ['laravel/framework', 'symfony/console', 'guzzlehttp/guzzle', 'monolog/monolog', 'phpunit/phpunit', 'doctrine/orm'];
const NOUNS = ['user', 'order', 'invoice', 'payment', 'subscription', 'project', 'comment', 'session', 'file', 'team', 'report', 'account'];
const PAST = ['created', 'updated', 'deleted', 'completed', 'failed', 'sent', 'paid', 'archived', 'invited', 'uploaded', 'viewed', 'exported'];
const VERBS = ['create', 'update', 'delete', 'archive', 'invite', 'approve', 'export', 'publish', 'assign', 'view', 'download', 'restore'];
const ERROR_TYPES = ['TypeError', 'ValueError', 'KeyError', 'RuntimeError', 'TimeoutError', 'ConnectionError', 'NullPointerException', 'IllegalArgumentException', 'IllegalStateException', 'IOException', 'SQLException', 'PermissionError', 'FileNotFoundError', 'ZeroDivisionError', 'IndexError', 'RangeError', 'SyntaxError', 'AssertionError', 'ActiveRecord::RecordNotFound', 'UnauthorizedError'];
const ERROR_MESSAGES = [
  'Connection timed out after 30000ms', "Cannot read properties of undefined (reading 'id')", 'duplicate key value violates unique constraint', 'Request failed with status code 502',
  'Rate limit exceeded, retry in 60 seconds', 'Invalid API key provided', 'Card was declined', 'File not found: /tmp/upload.csv', 'Permission denied', 'Out of memory',
  'Unexpected token < in JSON at position 0', 'Deadlock detected', 'SSL certificate has expired', 'Invalid email address', 'Insufficient funds', 'Upstream service unavailable',
];
const ERROR_CODES = ['timeout', 'rate_limited', 'card_declined', 'invalid_request', 'not_found', 'unauthorized', 'forbidden', 'conflict', 'internal_error', 'service_unavailable'];
const MIME = ['application/json', 'application/pdf', 'image/png', 'image/jpeg', 'text/plain', 'text/csv', 'text/html', 'image/webp', 'application/zip', 'video/mp4', 'audio/mpeg', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
const MIME_WEIGHTS = [20, 15, 15, 15, 8, 6, 5, 4, 4, 3, 2, 3];
const ENV_KEYS = ['DATABASE_URL', 'REDIS_URL', 'API_KEY', 'NODE_ENV', 'LOG_LEVEL', 'PORT', 'SENTRY_DSN', 'AWS_REGION', 'S3_BUCKET', 'JWT_SECRET', 'SMTP_HOST', 'SMTP_PORT', 'STRIPE_SECRET_KEY', 'FEATURE_FLAGS', 'CORS_ORIGIN', 'MAX_CONNECTIONS', 'CACHE_TTL', 'APP_URL', 'TZ', 'WORKER_CONCURRENCY'];
const ENV_VALUES = ['production', 'staging', 'info', 'debug', '8080', '5432', 'us-east-1', 'true', 'false', '3600', '25', 'https://app.example.com', 'postgres://app@db:5432/app', 'redis://cache:6379/0', 'UTC'];
const CONFIG_KEYS = ['notifications.email.enabled', 'notifications.push.enabled', 'billing.currency', 'billing.invoice_prefix', 'security.mfa_required', 'security.session_timeout', 'ui.theme', 'ui.density', 'locale.default', 'integrations.slack.enabled', 'export.format', 'retention.days'];
const FLAGS = ['new_checkout', 'dark_mode', 'beta_dashboard', 'ai_assistant', 'bulk_export', 'sso_login', 'usage_billing', 'inline_comments', 'realtime_sync', 'new_onboarding'];
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1', 'sa-east-1'];
const REGION_WEIGHTS = [30, 10, 15, 15, 10, 8, 8, 4];
const CRON = ['0 * * * *', '*/5 * * * *', '*/15 * * * *', '0 0 * * *', '0 9 * * 1-5', '30 2 * * 0', '0 0 1 * *', '0 */6 * * *', '15 3 * * *', '0 12 * * 1'];
const IMAGES = ['nginx', 'postgres', 'redis', 'node', 'python', 'ghcr.io/acme/api', 'ghcr.io/acme/worker', 'registry.gitlab.com/acme/web', 'grafana/grafana', 'rabbitmq'];
const IMAGE_TAGS = ['latest', '1.27', '16-alpine', '20-slim', '3.12', '7.2', 'v2.4.1', 'sha-3f9c2e1', 'stable'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Customer Support', 'Operations', 'Legal', 'Product', 'Design', 'Data', 'Security'];
const LOCALES = ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'it-IT', 'ja-JP', 'pt-BR', 'nl-NL', 'sv-SE'];
const LOCALE_WEIGHTS = [40, 10, 8, 8, 8, 4, 6, 6, 5, 5];
const LANGS = ['en', 'fr', 'de', 'es', 'it', 'ja', 'pt', 'nl', 'sv', 'zh'];
const LANG_NAMES = ['English', 'French', 'German', 'Spanish', 'Italian', 'Japanese', 'Portuguese', 'Dutch', 'Swedish', 'Chinese'];
const PROGRAMMING = ['TypeScript', 'JavaScript', 'Python', 'Go', 'Rust', 'Java', 'Ruby', 'C#', 'Kotlin', 'PHP', 'Swift', 'C++'];
const LICENSES = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-only', 'MPL-2.0', 'ISC', 'LGPL-2.1-only', 'Unlicense'];
const TAGS = ['featured', 'new', 'sale', 'popular', 'beta', 'urgent', 'internal', 'customer', 'bug', 'feature', 'design', 'backend', 'frontend', 'marketing', 'onboarding', 'billing'];
const CATEGORIES = ['Electronics', 'Books', 'Clothing', 'Home & Garden', 'Sports', 'Toys', 'Beauty', 'Groceries', 'Office', 'Health', 'Automotive', 'Music'];
const SCOPES = ['read:users', 'write:users', 'read:orders', 'write:orders', 'read:reports', 'admin:org', 'read:billing', 'write:projects'];
const UTM_SOURCE = ['google', 'newsletter', 'twitter', 'facebook', 'linkedin', 'producthunt', 'bing', 'partner'];
const UTM_MEDIUM = ['cpc', 'email', 'social', 'organic', 'referral', 'display', 'affiliate'];
const UTM_CAMPAIGN = ['spring_sale', 'launch_2024', 'black_friday', 'webinar_q3', 'retargeting', 'brand_search', 'welcome_series', 'holiday_promo'];
const PROMO_WORDS = ['SUMMER', 'WELCOME', 'SAVE', 'SPRING', 'BLACKFRIDAY', 'FREESHIP', 'VIP', 'HOLIDAY', 'WINTER', 'FRIENDS'];
const API_RESOURCES = ['users', 'orders', 'projects', 'invoices', 'teams', 'events', 'products', 'payments', 'reports', 'webhooks'];
const HOST_ROLES = ['web', 'api', 'db', 'worker', 'cache', 'queue', 'search'];
const QUEUES = ['default', 'mailers', 'critical', 'low_priority', 'webhooks', 'exports', 'billing'];
const JOB_CLASSES = ['SendWelcomeEmailJob', 'SyncStripeCustomersJob', 'GenerateInvoicePdfJob', 'ProcessWebhookJob', 'ExportReportJob', 'ReindexSearchJob', 'CleanupExpiredSessionsJob', 'ResizeImageJob'];
const COMMANDS = ['npm run build', 'pnpm test', 'make deploy', 'docker compose up -d', './gradlew build', 'cargo test', 'pytest -q', 'bundle exec rake db:migrate'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet', 'Opera'];
const BROWSER_WEIGHTS = [60, 20, 7, 8, 3, 2];
const PLATFORMS = ['ios', 'android', 'web', 'macos', 'windows', 'linux'];
const DEVICE_MODELS = ['iPhone 15', 'iPhone 14 Pro', 'Pixel 8', 'Galaxy S23', 'iPad Air', 'MacBook Pro', 'ThinkPad X1', 'Galaxy Tab S9', 'OnePlus 12'];
const INSTANCE_TYPES = ['t3.micro', 't3.small', 't3.medium', 'm5.large', 'm6i.xlarge', 'c5.xlarge', 'r6g.large', 'g5.xlarge'];
const GENDERS = ['female', 'male', 'non_binary', 'prefer_not_to_say'];
const MARITAL = ['single', 'married', 'divorced', 'widowed', 'partnered'];
const EMPLOYMENT = ['full_time', 'part_time', 'contractor', 'intern', 'temporary'];
const SENIORITY = ['junior', 'mid', 'senior', 'staff', 'principal', 'lead'];
const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'discover', 'jcb'];
const ICONS = ['home', 'settings', 'user', 'bell', 'calendar', 'chart-bar', 'folder', 'inbox', 'star', 'tag', 'search', 'lock'];
const UNITS = ['kg', 'g', 'lb', 'm', 'cm', 'l', 'ml', 'pcs', 'box', 'h'];
const PAYMENT_METHODS = ['card', 'bank_transfer', 'paypal', 'apple_pay', 'google_pay', 'sepa_debit', 'cash'];
const PROVIDERS = ['aws', 'gcp', 'azure', 'cloudflare', 'digitalocean', 'hetzner'];
const OAUTH_PROVIDERS = ['google', 'github', 'apple', 'microsoft', 'facebook', 'gitlab'];
const ENVIRONMENTS = ['production', 'staging', 'development', 'preview', 'test'];
const ENVIRONMENT_WEIGHTS = [40, 25, 20, 10, 5];
const HASH_ALGOS = ['sha256', 'sha1', 'md5', 'sha512', 'bcrypt', 'argon2id'];
const ENCODINGS = ['utf-8', 'utf-16', 'iso-8859-1', 'ascii', 'windows-1252'];
const DNS_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'];
const BILLING_INTERVALS = ['month', 'year', 'week'];
const SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const SHIRT_WEIGHTS = [5, 20, 30, 25, 15, 5];
const BLOOD = ['O+', 'A+', 'B+', 'AB+', 'O-', 'A-', 'B-', 'AB-'];
const BLOOD_WEIGHTS = [38, 34, 9, 3, 7, 6, 2, 1];
const CHANNELS = ['email', 'sms', 'push', 'in_app', 'slack', 'webhook'];
const SOURCES = ['web', 'ios', 'android', 'api', 'import', 'email', 'partner'];
const REASONS = ['customer_request', 'duplicate', 'fraudulent', 'not_as_described', 'damaged', 'late_delivery', 'other'];
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIMES = ['08:00:00', '08:30:00', '09:00:00', '09:30:00', '10:00:00', '12:00:00', '13:00:00', '14:30:00', '17:00:00', '18:00:00', '20:00:00', '22:00:00'];

// ---- properties of values, for the tests -------------------------------------------------

const semver = /^\d+\.\d+\.\d+$/;
const isInt = (lo: number, hi: number) => (v: unknown) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const isNum = (lo: number, hi: number) => (v: unknown) => typeof v === 'number' && v >= lo && v <= hi;
const inList = (list: readonly (string | number)[]) => (v: unknown) => list.includes(v as string);
const isObj = (...keys: string[]) => (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && keys.every((k) => k in (v as object));
const isArrayOf = (list: readonly string[]) => (v: unknown) => Array.isArray(v) && v.every((x) => list.includes(x));
const url = (host: RegExp) => (v: unknown) => {
  try {
    const u = new URL(String(v));
    return /^https?:$/.test(u.protocol) && host.test(u.hostname);
  } catch {
    return false;
  }
};
const anyHost = /^[a-z0-9.-]+\.[a-z]{2,}$/;
const english = /^[\p{L}0-9 ,.'’!?;:&()\-\n/+*%#@"]+$/u;
const isPast = (years: number) => (v: unknown) => {
  const t = v instanceof Date ? v.getTime() : Date.parse(String(v));
  const ref = Date.parse('2025-01-01T00:00:00Z');
  return t <= ref + 86_400_000 && t >= ref - years * 366 * 86_400_000;
};
const isFuture = (v: unknown) => (v instanceof Date ? v.getTime() : Date.parse(String(v))) >= Date.parse('2024-12-31T00:00:00Z');
const age = (lo: number, hi: number) => (v: unknown) => {
  const t = v instanceof Date ? v.getTime() : Date.parse(String(v));
  const years = (Date.parse('2025-01-01T00:00:00Z') - t) / (365.25 * 86_400_000);
  return years >= lo - 1 && years <= hi + 1;
};

// ---- the table ---------------------------------------------------------------------------

export const COLUMN_PATTERNS: ColumnPattern[] = [
  // identifiers and codes
  { id: 'uuid-text', name: /(^|_)(uuid|guid)$/, types: T, length: 36, generate: f('string.uuid'), reason: 'named uuid/guid: a UUID as text', examples: ['external_uuid text', 'guid varchar(36)'], expect: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/ },
  { id: 'ulid', name: /(^|_)ulid$/, types: T, length: 26, generate: f('string.ulid'), reason: 'named ulid: a sortable ULID', examples: ['ulid char(26)'], expect: /^[0-9A-HJKMNP-TV-Z]{26}$/ },
  { id: 'nanoid', name: /(^|_)(nanoid|nano_id|public_id|short_id)$/, types: T, length: 21, generate: f('string.nanoid', { length: 21 }), reason: 'a short public id (nanoid)', examples: ['public_id varchar(32)', 'nanoid text'], expect: /^[A-Za-z0-9_-]{21}$/ },
  { id: 'sku', name: /(^|_)sku$|^stock_keeping_unit$/, types: T, length: 9, generate: re('[A-Z]{3}-[0-9]{5}'), reason: 'stock keeping unit: letters-digits code', examples: ['products.sku varchar(20)', 'variant_sku text'], expect: /^[A-Z]{3}-\d{5}$/ },
  { id: 'order-number', name: /^order_?(no|num|number|ref|reference|code)$/, types: T, length: 12, generate: re('ORD-[0-9]{8}'), reason: 'order number: ORD- and digits', examples: ['order_number varchar(20)', 'orderNo text'], expect: /^ORD-\d{8}$/ },
  { id: 'invoice-number', name: /^invoice_?(no|num|number|ref|reference|code)$/, types: T, length: 15, generate: re('INV-202[0-5]-[0-9]{6}'), reason: 'invoice number: INV-year-sequence', examples: ['invoice_number varchar(32)', 'invoice_no text'], expect: /^INV-202[0-5]-\d{6}$/ },
  { id: 'receipt-number', name: /^receipt_?(no|num|number)$/, types: T, length: 13, generate: re('RCPT-[0-9]{8}'), reason: 'receipt number', examples: ['receipt_number text'], expect: /^RCPT-\d{8}$/ },
  { id: 'ticket-number', name: /^(ticket|case|issue)_?(no|num|number|key)$/, types: T, length: 10, generate: re('[A-Z]{3}-[0-9]{1,5}'), reason: 'ticket key like OPS-1234', examples: ['ticket_number varchar(16)', 'issue_key text'], expect: /^[A-Z]{3}-\d{1,5}$/ },
  { id: 'tracking-number', name: /tracking_?(no|num|number|code|id)$/, types: T, length: 18, generate: re('1Z[0-9A-Z]{16}'), reason: 'parcel tracking number (UPS style)', examples: ['tracking_number varchar(40)'], expect: /^1Z[0-9A-Z]{16}$/ },
  { id: 'booking-reference', name: /^(confirmation_?code|booking_?(ref|reference|code)|pnr|record_?locator|reservation_?code)$/, types: T, length: 6, generate: f('airline.recordLocator'), reason: 'booking reference: six letters', examples: ['confirmation_code char(6)', 'booking_reference text'], expect: /^[A-Z0-9]{6}$/ },
  { id: 'promo-code', name: /^(promo|coupon|discount|voucher|gift_?card)_?code$|^(coupon|voucher)$/, types: T, length: 13, generate: fake(`${one(PROMO_WORDS)}${one(['10', '15', '20', '25', '30', '50'])}`), reason: 'promo code: a word and a percentage', examples: ['promo_code varchar(32)', 'coupon text'], expect: /^[A-Z]+\d{2}$/ },
  { id: 'referral-code', name: /^(referral|invite|invitation|affiliate)_?code$/, types: T, length: 8, generate: re('[A-Z0-9]{8}'), reason: 'referral code: 8 letters and digits', examples: ['referral_code varchar(12)'], expect: /^[A-Z0-9]{8}$/ },
  { id: 'otp', name: /^(otp|otp_?code|verification_?code|pin|pin_?code|mfa_?code|two_?factor_?code)$/, types: T, length: 6, generate: (c) => f('string.numeric', { length: Math.min(6, c.maxLength ?? 6), allowLeadingZeros: true }), reason: 'one-time code: digits', examples: ['otp_code char(6)', 'verification_code text'], expect: /^\d{4,6}$/ },
  { id: 'secret-key', name: /^(api_?)?secret(_?key)?$|^stripe_?secret_?key$/, types: T, generate: token('sk_live_', 24), reason: 'secret key with a provider prefix (sk_live_)', examples: ['api_secret text', 'secret_key varchar(64)'], expect: /^sk_live_[A-Za-z0-9]{8,}$/ },
  { id: 'publishable-key', name: /^publishable_?key$/, types: T, generate: token('pk_live_', 24), reason: 'publishable key (pk_live_)', examples: ['publishable_key text'], expect: /^pk_live_[A-Za-z0-9]{8,}$/ },
  { id: 'api-key', name: /(^|_)api_?key$|^(access|client)_?key$/, types: T, generate: token('tdg_', 32), reason: 'API key: prefix and 32 characters', examples: ['api_key text', 'access_key varchar(40)'], expect: /^tdg_[A-Za-z0-9]{8,}$/ },
  { id: 'aws-access-key', name: /aws_?access_?key(_id)?$/, types: T, length: 20, generate: re('AKIA[A-Z0-9]{16}'), reason: 'AWS access key id', examples: ['aws_access_key_id varchar(20)'], expect: /^AKIA[A-Z0-9]{16}$/ },
  { id: 'client-id', name: /^(oauth_?)?client_?id$/, types: T, generate: token('', 24), reason: 'OAuth client id of the declared length', examples: ['client_id text'], expect: /^[A-Za-z0-9]{8,}$/ },
  { id: 'client-secret', name: /client_?secret$/, types: T, generate: token('', 40), reason: 'OAuth client secret', examples: ['client_secret text'], expect: /^[A-Za-z0-9]{8,}$/ },
  { id: 'jwt', name: /(^|_)(jwt|id_?token)$/, types: T, length: 300, generate: f('internet.jwt'), reason: 'a JSON Web Token', examples: ['id_token text'], expect: /^[\w-]+\.[\w-]+\.[\w-]+$/ },
  { id: 'token', name: /(^|_)(token|access_?token|refresh_?token|session_?token|auth_?token|reset_?token|confirmation_?token|invite_?token|csrf_?token|nonce|session_?key)$/, types: T, generate: token('', 64), reason: 'a random token of the declared length', examples: ['refresh_token text', 'reset_token varchar(32)', 'nonce char(16)'], expect: /^[A-Za-z0-9]{8,64}$/ },
  { id: 'password-hash', name: /(password|passwd|pass|pwd)_?(hash|digest)$|^(encrypted|hashed)_?password$/, types: T, length: 60, generate: fake('$2b$10${{string.alphanumeric(53)}}'), reason: 'a bcrypt password hash', examples: ['password_hash text', 'encrypted_password varchar(255)'], expect: /^\$2b\$10\$[A-Za-z0-9]{53}$/ },
  { id: 'password', name: /^(password|passwd|pwd)$/, types: T, length: 15, generate: f('internet.password'), reason: 'a password', examples: ['password varchar(64)'], expect: /^\S{15}$/ },
  { id: 'salt', name: /(^|_)salt$/, types: T, generate: digest(32), reason: 'a salt: hex', examples: ['salt text'], expect: /^[0-9a-f]{32}$/ },
  { id: 'md5', name: /(^|_)md5(_|$)/, types: T, generate: digest(32), reason: 'MD5 digest: 32 hex digits', examples: ['md5 char(32)', 'file_md5 text'], expect: /^[0-9a-f]{32}$/ },
  { id: 'sha1', name: /(^|_)sha_?1(_|$)/, types: T, generate: digest(40), reason: 'SHA-1 digest: 40 hex digits', examples: ['sha1 char(40)'], expect: /^[0-9a-f]{40}$/ },
  { id: 'sha512', name: /(^|_)sha_?512(_|$)/, types: T, generate: digest(128), reason: 'SHA-512 digest: 128 hex digits', examples: ['sha512 text'], expect: /^[0-9a-f]{128}$/ },
  { id: 'short-sha', name: /^(short_?sha|abbrev_?sha|short_?commit)$/, types: T, generate: hex(7), reason: 'abbreviated commit SHA', examples: ['short_sha varchar(12)'], expect: /^[0-9a-f]{7}$/ },
  { id: 'commit-sha', name: /^(commit_?(sha|hash|id)?|(head|base|merge|parent|git|revision|source)_?(sha|commit)|sha|revision)$/, types: T, generate: (c) => (c.maxLength !== undefined && c.maxLength < 40 ? hex(Math.min(c.maxLength, 12)) : f('git.commitSha')), reason: 'a git commit SHA', examples: ['commit_sha char(40)', 'head_sha text', 'ci_runs.sha varchar(40)'], expect: /^[0-9a-f]{7,40}$/ },
  { id: 'sha256', name: /(^|_)sha_?256(_|$)|(^|_)(checksum|digest|content_hash|file_hash|integrity)$/, types: T, generate: digest(), reason: 'a SHA-256 digest (or the declared hex length)', examples: ['sha256 char(64)', 'checksum text', 'content_hash varchar(64)'], expect: /^[0-9a-f]{32,128}$/ },
  { id: 'hash', name: /(^|_)(hash|fingerprint|etag)$/, types: T, generate: digest(), reason: 'a hex digest of the declared length (64 when unbounded)', examples: ['hash char(40)', 'fingerprint text', 'etag varchar(32)'], expect: /^[0-9a-f]{32,128}$/ },
  { id: 'signature', name: /(^|_)(signature|hmac|mac_?signature)$/, types: T, generate: digest(64), reason: 'an HMAC-SHA256 signature in hex', examples: ['signature text'], expect: /^[0-9a-f]{64}$/ },
  { id: 'trace-id', name: /(^|_)trace_?id$/, types: T, generate: hex(32), length: 32, reason: 'distributed trace id: 32 hex digits', examples: ['trace_id char(32)'], expect: /^[0-9a-f]{32}$/ },
  { id: 'span-id', name: /(^|_)span_?id$/, types: T, generate: hex(16), length: 16, reason: 'span id: 16 hex digits', examples: ['parent_span_id text'], expect: /^[0-9a-f]{16}$/ },
  { id: 'request-id', name: /^(request|correlation|x_request)_?id$/, types: T, length: 20, generate: re('req_[A-Za-z0-9]{16}'), reason: 'request id with req_ prefix', examples: ['request_id text'], expect: /^req_[A-Za-z0-9]{16}$/ },
  { id: 'idempotency-key', name: /idempotency_?key$/, types: T, length: 36, generate: f('string.uuid'), reason: 'idempotency key: a UUID', examples: ['idempotency_key text'], expect: /^[0-9a-f-]{36}$/ },
  { id: 'mongo-id', name: /^(mongo|object)_?id$|^_id$/, types: T, length: 24, generate: f('database.mongodbObjectId'), reason: 'MongoDB ObjectId', examples: ['mongo_id char(24)'], expect: /^[0-9a-f]{24}$/ },
  { id: 'stripe-customer', name: /stripe_?customer(_?id)?$/, types: T, length: 18, generate: re('cus_[A-Za-z0-9]{14}'), reason: 'Stripe customer id (cus_)', examples: ['stripe_customer_id text', 'stripeCustomerId varchar(64)'], expect: /^cus_[A-Za-z0-9]{14}$/ },
  { id: 'stripe-subscription', name: /stripe_?subscription(_?id)?$/, types: T, length: 18, generate: re('sub_[A-Za-z0-9]{14}'), reason: 'Stripe subscription id (sub_)', examples: ['stripe_subscription_id text'], expect: /^sub_[A-Za-z0-9]{14}$/ },
  { id: 'stripe-payment-intent', name: /(stripe_?)?payment_?intent(_?id)?$/, types: T, length: 27, generate: re('pi_[A-Za-z0-9]{24}'), reason: 'Stripe PaymentIntent id (pi_)', examples: ['stripe_payment_intent_id text', 'payment_intent_id text'], expect: /^pi_[A-Za-z0-9]{24}$/ },
  { id: 'stripe-charge', name: /stripe_?charge(_?id)?$/, types: T, length: 27, generate: re('ch_[A-Za-z0-9]{24}'), reason: 'Stripe charge id (ch_)', examples: ['stripe_charge_id text'], expect: /^ch_[A-Za-z0-9]{24}$/ },
  { id: 'stripe-price', name: /stripe_?price(_?id)?$/, types: T, length: 30, generate: re('price_[A-Za-z0-9]{24}'), reason: 'Stripe price id (price_)', examples: ['stripe_price_id text'], expect: /^price_[A-Za-z0-9]{24}$/ },
  { id: 'stripe-product', name: /stripe_?product(_?id)?$/, types: T, length: 19, generate: re('prod_[A-Za-z0-9]{14}'), reason: 'Stripe product id (prod_)', examples: ['stripe_product_id text'], expect: /^prod_[A-Za-z0-9]{14}$/ },
  { id: 'stripe-invoice', name: /stripe_?invoice(_?id)?$/, types: T, length: 27, generate: re('in_[A-Za-z0-9]{24}'), reason: 'Stripe invoice id (in_)', examples: ['stripe_invoice_id text'], expect: /^in_[A-Za-z0-9]{24}$/ },
  { id: 'stripe-account', name: /stripe_?(connect_?)?account(_?id)?$/, types: T, length: 21, generate: re('acct_[A-Za-z0-9]{16}'), reason: 'Stripe account id (acct_)', examples: ['stripe_account_id text'], expect: /^acct_[A-Za-z0-9]{16}$/ },
  { id: 'stripe-payment-method', name: /(stripe_?)?payment_?method_?id$/, types: T, length: 27, generate: re('pm_[A-Za-z0-9]{24}'), reason: 'Stripe payment method id (pm_)', examples: ['payment_method_id text'], expect: /^pm_[A-Za-z0-9]{24}$/ },
  { id: 'stripe-other', name: /^stripe_[a-z_]*id$/, types: T, length: 27, generate: re('evt_[A-Za-z0-9]{24}'), reason: 'another Stripe object id', examples: ['stripe_event_id text'], expect: /^evt_[A-Za-z0-9]{24}$/ },
  { id: 'paypal-id', name: /paypal_?[a-z_]*id$/, types: T, length: 17, generate: re('[0-9A-Z]{17}'), reason: 'PayPal transaction id', examples: ['paypal_transaction_id text'], expect: /^[0-9A-Z]{17}$/ },
  { id: 'github-id-int', name: /^github_?(user_?)?id$/, types: NUM, generate: range(1, 160_000_000), reason: 'GitHub numeric user id', examples: ['github_id bigint'], expect: isInt(1, 160_000_000) },
  { id: 'github-id-text', name: /^github_?(user_?)?id$/, types: T, length: 9, generate: re('[1-9][0-9]{5,8}'), reason: 'GitHub numeric user id as text', examples: ['github_id text'], expect: /^[1-9]\d{5,8}$/ },
  { id: 'gitlab-id', name: /^gitlab_?(user_?|project_?)?id$/, types: INT, generate: range(1, 20_000_000), reason: 'GitLab numeric id', examples: ['gitlab_project_id int'], expect: isInt(1, 20_000_000) },
  { id: 'google-id', name: /^google_?(user_?)?(id|sub)$/, types: T, length: 21, generate: re('1[0-9]{20}'), reason: 'Google account subject: 21 digits', examples: ['google_id text'], expect: /^1\d{20}$/ },
  { id: 'facebook-id', name: /^(facebook|fb|instagram|meta)_?(user_?)?id$/, types: T, length: 16, generate: re('[1-9][0-9]{15}'), reason: 'Facebook/Instagram user id: 16 digits', examples: ['facebook_id text'], expect: /^\d{16}$/ },
  { id: 'twitter-id', name: /^(twitter|x)_?(user_?)?id$/, types: T, length: 19, generate: re('1[0-9]{18}'), reason: 'Twitter/X snowflake id', examples: ['twitter_id text'], expect: /^1\d{18}$/ },
  { id: 'discord-id', name: /^discord_?(user_?|guild_?|channel_?)?id$/, types: T, length: 18, generate: re('[1-9][0-9]{17}'), reason: 'Discord snowflake id', examples: ['discord_user_id text'], expect: /^\d{18}$/ },
  { id: 'slack-user-id', name: /^slack_?user_?id$/, types: T, length: 11, generate: re('U[A-Z0-9]{10}'), reason: 'Slack user id (U...)', examples: ['slack_user_id text'], expect: /^U[A-Z0-9]{10}$/ },
  { id: 'slack-channel-id', name: /^slack_?channel_?id$/, types: T, length: 11, generate: re('C[A-Z0-9]{10}'), reason: 'Slack channel id (C...)', examples: ['slack_channel_id text'], expect: /^C[A-Z0-9]{10}$/ },
  { id: 'slack-team-id', name: /^slack_?(team|workspace)_?id$/, types: T, length: 11, generate: re('T[A-Z0-9]{10}'), reason: 'Slack team id (T...)', examples: ['slack_team_id text'], expect: /^T[A-Z0-9]{10}$/ },
  { id: 'twilio-sid', name: /^(twilio_?)?(message_?|call_?|account_?)?sid$/, types: T, length: 34, generate: re('SM[0-9a-f]{32}'), reason: 'Twilio SID', examples: ['message_sid char(34)'], expect: /^SM[0-9a-f]{32}$/ },
  { id: 'apple-id', name: /^apple_?(user_?)?id$/, types: T, length: 44, generate: re('00[0-9]{4}[.][0-9a-f]{32}[.][0-9]{4}'), reason: 'Sign in with Apple subject', examples: ['apple_user_id text'], expect: /^00\d{4}\.[0-9a-f]{32}\.\d{4}$/ },
  { id: 'auth-provider-id', name: /^(provider_?(user_?|account_?)?id|oauth_?(user_?)?id|external_?(user_?)?id|sso_?id)$/, types: T, length: 21, generate: re('[1-9][0-9]{20}'), reason: 'a provider account id', examples: ['provider_account_id text', 'external_id text'], expect: /^\d{21}$/ },
  { id: 'barcode', name: /^(barcode|ean|ean_?13|gtin|gtin_?13)$/, types: T, length: 13, generate: re('[0-9]{13}'), reason: 'EAN-13 barcode: 13 digits', examples: ['barcode char(13)', 'gtin text'], expect: /^\d{13}$/ },
  { id: 'upc', name: /^upc(_?a)?$/, types: T, length: 12, generate: f('commerce.upc'), reason: 'UPC-A barcode', examples: ['upc char(12)'], expect: /^\d{12}$/ },
  { id: 'isbn', name: /(^|_)isbn(_?1[03])?$/, types: T, length: 17, generate: f('commerce.isbn', { variant: 13 }), reason: 'ISBN-13', examples: ['isbn varchar(20)'], expect: /^97[89][\d-]{10,14}$/ },
  { id: 'vin', name: /(^|_)vin$/, types: T, length: 17, generate: f('vehicle.vin'), reason: 'vehicle identification number', examples: ['vin char(17)'], expect: /^[A-Z0-9]{17}$/ },
  { id: 'license-plate', name: /(license|licence|number)_?plate|^(plate|registration)(_?number)?$/, types: T, length: 8, generate: f('vehicle.vrm'), reason: 'vehicle registration mark', examples: ['license_plate varchar(10)'], expect: /^[A-Z0-9]{7}$/ },
  { id: 'serial-number', name: /serial(_?(no|num|number))?$/, types: T, length: 10, generate: re('[A-Z]{2}[0-9]{8}'), reason: 'serial number', examples: ['serial_number varchar(20)'], expect: /^[A-Z]{2}\d{8}$/ },
  { id: 'imei', name: /(^|_)imei$/, types: T, length: 18, generate: f('phone.imei'), reason: 'IMEI', examples: ['imei varchar(20)'], expect: /^[\d-]{15,18}$/ },
  { id: 'employee-number', name: /^(employee|staff|badge)_?(no|num|number|code)$/, types: T, length: 8, generate: re('EMP[0-9]{5}'), reason: 'employee number', examples: ['employee_number varchar(10)'], expect: /^EMP\d{5}$/ },
  { id: 'student-number', name: /^(student|matriculation)_?(no|num|number|id_?number)$/, types: T, length: 8, generate: re('S[0-9]{7}'), reason: 'student number', examples: ['student_number text'], expect: /^S\d{7}$/ },
  { id: 'member-number', name: /^(member|membership|loyalty|customer)_?(no|num|number|code)$/, types: T, length: 9, generate: re('M[0-9]{8}'), reason: 'membership number', examples: ['membership_number text', 'customer_number varchar(12)'], expect: /^M\d{8}$/ },
  { id: 'account-number', name: /^(bank_?)?account_?(no|num|number)$/, types: T, length: 10, generate: f('finance.accountNumber', { length: 10 }), reason: 'bank account number', examples: ['account_number varchar(20)'], expect: /^\d{10}$/ },
  { id: 'routing-number', name: /routing_?(no|num|number)$|^aba$/, types: T, length: 9, generate: f('finance.routingNumber'), reason: 'ABA routing number', examples: ['routing_number char(9)'], expect: /^\d{9}$/ },
  { id: 'iban', name: /(^|_)iban$/, types: T, length: 34, generate: f('finance.iban'), reason: 'IBAN', examples: ['iban varchar(34)'], expect: /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/ },
  { id: 'bic', name: /(^|_)(bic|swift|swift_?code|bic_?code)$/, types: T, length: 11, generate: f('finance.bic'), reason: 'BIC / SWIFT code', examples: ['bic varchar(11)'], expect: /^[A-Z0-9]{8}([A-Z0-9]{3})?$/ },
  { id: 'card-last4-text', name: /(^|_)(last_?4|last_?four|card_?last_?4|pan_?last_?4)$/, types: T, length: 4, generate: re('[0-9]{4}'), reason: 'last four digits of a card', examples: ['card_last4 char(4)', 'last_four text'], expect: /^\d{4}$/ },
  { id: 'card-last4-int', name: /(^|_)(last_?4|last_?four)$/, types: INT, generate: range(0, 9999), reason: 'last four digits of a card', examples: ['last4 smallint'], expect: isInt(0, 9999) },
  { id: 'card-number', name: /(credit_?)?card_?(no|num|number)$|^pan$/, types: T, length: 19, generate: f('finance.creditCardNumber', { issuer: 'visa' }), reason: 'a Luhn-valid card number', examples: ['card_number varchar(19)'], expect: /^[\d-]{13,19}$/ },
  { id: 'cvv', name: /^(cvv|cvc|cvv2|card_?cvv)$/, types: T, length: 3, generate: f('finance.creditCardCVV'), reason: 'card CVV', examples: ['cvv char(3)'], expect: /^\d{3}$/ },
  { id: 'card-brand', name: /^(card_?)?(brand|issuer|network|scheme)$/, types: T, table: /card|payment|charge|billing|wallet/, length: 10, generate: pick(CARD_BRANDS, [50, 30, 10, 7, 3]), reason: 'card brand', examples: ['payment_methods.brand text', 'cards.card_brand varchar(20)'], expect: inList(CARD_BRANDS) },
  { id: 'card-exp-month', name: /^(card_?)?exp(iry|iration)?_?month$/, types: INT, generate: range(1, 12), reason: 'card expiry month', examples: ['exp_month smallint'], expect: isInt(1, 12) },
  { id: 'card-exp-year', name: /^(card_?)?exp(iry|iration)?_?year$/, types: INT, generate: range(2025, 2033), reason: 'card expiry year', examples: ['exp_year int'], expect: isInt(2025, 2033) },
  { id: 'crypto-eth', name: /(eth|ethereum|wallet)_?address$/, types: T, length: 42, generate: f('finance.ethereumAddress'), reason: 'Ethereum address', examples: ['wallet_address varchar(42)'], expect: /^0x[0-9a-f]{40}$/ },
  { id: 'crypto-btc', name: /(btc|bitcoin)_?address$/, types: T, length: 62, generate: f('finance.bitcoinAddress'), reason: 'Bitcoin address', examples: ['btc_address text'], expect: /^[13bc][a-zA-HJ-NP-Z0-9]{24,61}$/ },
  { id: 'tax-id', name: /^(tax_?id|tax_?number|vat_?(id|number|no)|tin)$/, types: T, length: 11, generate: re('DE[0-9]{9}'), reason: 'VAT / tax id', examples: ['vat_number varchar(20)'], expect: /^DE\d{9}$/ },
  { id: 'ein', name: /^(ein|employer_?id(entification)?_?number)$/, types: T, length: 10, generate: re('[0-9]{2}-[0-9]{7}'), reason: 'US employer id number', examples: ['ein char(10)'], expect: /^\d{2}-\d{7}$/ },
  { id: 'ssn', name: /^(ssn|social_?security(_?number)?|national_?id(_?number)?)$/, types: T, length: 11, generate: re('[1-8][0-9]{2}-[0-9]{2}-[0-9]{4}'), reason: 'social security number', examples: ['ssn char(11)'], expect: /^\d{3}-\d{2}-\d{4}$/ },
  { id: 'passport', name: /^passport_?(no|num|number)?$/, types: T, length: 9, generate: re('[A-Z][0-9]{8}'), reason: 'passport number', examples: ['passport_number varchar(12)'], expect: /^[A-Z]\d{8}$/ },
  { id: 'reference-code', name: /^(ref|reference|ref_?code|reference_?code|reference_?number|transaction_?ref(erence)?)$/, types: T, length: 12, generate: (c) => re(`${referencePrefix(c.table)}-[0-9]{${Math.max(4, Math.min(8, (c.maxLength ?? 12) - 5))}}`), reason: 'a reference: the table\'s initials and a number (journal_entries → JE-000123)', examples: ['reference varchar(32)', 'transaction_reference text', 'journal_entries.reference varchar(20)'], expect: /^[A-Z]{2,4}-\d{4,8}$/ },
  { id: 'short-code', name: /(^|_)short_?code$|^(short_?url_?)?(alias|hashid)$/, types: T, length: 7, generate: re('[a-zA-Z0-9]{7}'), reason: 'URL shortener code', examples: ['short_code varchar(10)'], expect: /^[a-zA-Z0-9]{7}$/ },
  // web
  { id: 'gitlab-url', name: /gitlab_?(project_?|repo(sitory)?_?)?(url|link)$/, types: T, length: 60, generate: fake('https://gitlab.com/{{internet.domainWord}}/{{internet.domainWord}}'), reason: 'a GitLab project URL', examples: ['gitlab_url text', 'gitlab_project_url varchar(200)'], expect: url(/^gitlab\.com$/) },
  { id: 'clone-url', name: /^(clone|git|ssh_?clone|https_?clone|remote|git_?remote)_?url$/, types: T, length: 72, generate: fake('https://github.com/{{internet.domainWord}}/{{internet.domainWord}}.git'), reason: 'a git clone URL', examples: ['clone_url text', 'git_url varchar(255)'], expect: /^https:\/\/github\.com\/[a-z0-9-]+\/[a-z0-9-]+\.git$/ },
  { id: 'github-url', name: /github_?(profile_?|repo(sitory)?_?)?(url|link)$|^(repo|repository|source|source_?code)_?url$/, types: T, length: 60, generate: fake('https://github.com/{{internet.domainWord}}/{{internet.domainWord}}'), reason: 'a GitHub repository URL', examples: ['github_url text', 'repository_url varchar(255)'], expect: url(/^github\.com$/) },
  { id: 'bitbucket-url', name: /bitbucket_?(url|link)$/, types: T, length: 60, generate: fake('https://bitbucket.org/{{internet.domainWord}}/{{internet.domainWord}}'), reason: 'a Bitbucket repository URL', examples: ['bitbucket_url text'], expect: url(/^bitbucket\.org$/) },
  { id: 'linkedin-url', name: /linked_?in(_?profile)?(_?url|_?link)?$/, types: T, length: 60, generate: fake('https://www.linkedin.com/in/{{internet.domainWord}}-{{string.alphanumeric({"length":6,"casing":"lower"})}}'), reason: 'a LinkedIn profile URL', examples: ['linkedin_url text', 'linkedin varchar(255)'], expect: url(/^www\.linkedin\.com$/) },
  { id: 'twitter-url', name: /^(twitter|x)_?(profile_?)?(url|link)$/, types: T, length: 45, generate: fake('https://twitter.com/{{person.firstName}}{{number.int(9999)}}'), reason: 'a Twitter/X profile URL', examples: ['twitter_url text'], expect: url(/^twitter\.com$/) },
  { id: 'twitter-handle', name: /^(twitter|x|instagram|tiktok|mastodon)(_?(handle|username|user))?$/, types: T, length: 16, generate: fake('@{{person.firstName}}{{number.int(999)}}'), reason: 'a social handle', examples: ['twitter_handle varchar(20)', 'instagram text'], expect: /^@[A-Za-z'-]+\d{1,3}$/ },
  { id: 'github-username', name: /^(github|gitlab)_?(username|handle|login|user)$/, types: T, length: 20, generate: fake('{{internet.domainWord}}'), reason: 'a GitHub login', examples: ['github_username text'], expect: /^[a-z0-9-]+$/ },
  { id: 'facebook-url', name: /^facebook_?(page_?)?(url|link)?$/, types: T, length: 50, generate: fake('https://www.facebook.com/{{internet.domainWord}}'), reason: 'a Facebook page URL', examples: ['facebook_url text'], expect: url(/^www\.facebook\.com$/) },
  { id: 'instagram-url', name: /^instagram_?(url|link)$/, types: T, length: 50, generate: fake('https://www.instagram.com/{{internet.domainWord}}'), reason: 'an Instagram profile URL', examples: ['instagram_url text'], expect: url(/^www\.instagram\.com$/) },
  { id: 'youtube-url', name: /^(youtube|video)_?(url|link)$/, types: T, length: 45, generate: fake('https://www.youtube.com/watch?v={{string.alphanumeric(11)}}'), reason: 'a YouTube video URL', examples: ['youtube_url text', 'video_url text'], expect: url(/^www\.youtube\.com$/) },
  { id: 'slack-webhook', name: /^slack_?(webhook_?)?url$/, types: T, length: 80, generate: re('https://hooks[.]slack[.]com/services/T[A-Z0-9]{8}/B[A-Z0-9]{8}/[A-Za-z0-9]{24}'), reason: 'a Slack incoming webhook URL', examples: ['slack_webhook_url text'], expect: url(/^hooks\.slack\.com$/) },
  { id: 'webhook-url', name: /^(webhook|callback|notify|notification|hook|endpoint)_?(url|uri)$/, types: T, length: 80, generate: fake(`https://{{internet.domainName}}/webhooks/${one(['stripe', 'github', 'events', 'payments', 'orders', 'tdg'])}`), reason: 'a webhook endpoint URL', examples: ['webhook_url text', 'callback_url varchar(255)'], expect: url(anyHost) },
  { id: 'redirect-url', name: /^(redirect|return|success|cancel|post_?logout_?redirect)_?(url|uri)s?$/, types: T, length: 70, generate: fake(`https://{{internet.domainName}}/${one(['auth/callback', 'checkout/success', 'oauth/callback', 'login', 'dashboard'])}`), reason: 'a redirect URL', examples: ['redirect_uri text', 'success_url text'], expect: url(anyHost) },
  { id: 'docker-image', name: /^(docker_?)?(image|image_?name|container_?image|image_?ref|docker_?image)$/, types: T, table: /deploy|container|service|job|pipeline|build|pod|task|workload|app|runner|image/, length: 40, generate: fake(`${one(IMAGES)}:${one(IMAGE_TAGS)}`), reason: 'a container image name:tag', examples: ['deployments.image text', 'containers.image_name text'], expect: /^[a-z0-9./-]+:[\w.-]+$/ },
  { id: 'docker-image-any', name: /^(docker_?image|container_?image|docker_?image_?name|image_?ref)$/, types: T, length: 40, generate: fake(`${one(IMAGES)}:${one(IMAGE_TAGS)}`), reason: 'a container image name:tag', examples: ['docker_image text', 'container_image text'], expect: /^[a-z0-9./-]+:[\w.-]+$/ },
  { id: 'avatar-url', name: /^(avatar|profile_?(pic|picture|image|photo)|headshot)(_?(url|uri|path))?$/, types: T, length: 80, generate: f('image.avatar'), reason: 'an avatar image URL', examples: ['avatar_url text', 'profile_picture varchar(255)'], expect: url(/./) },
  { id: 'logo-url', name: /^(logo|icon|favicon)_?(url|uri)$/, types: T, length: 60, generate: fake(`https://{{internet.domainName}}/${one(['logo.png', 'logo.svg', 'favicon.ico', 'assets/logo.png'])}`), reason: 'a logo URL', examples: ['logo_url text'], expect: url(anyHost) },
  { id: 'image-url', name: /^(image|photo|picture|thumbnail|thumb|cover|banner|hero|background)(_?image)?(_?(url|uri|src))?$|_(image|photo|thumbnail)_?url$/, types: T, length: 50, generate: f('image.url'), reason: 'an image URL', examples: ['image_url text', 'thumbnail varchar(255)', 'cover_image_url text'], expect: url(/./) },
  { id: 'docs-url', name: /^(docs?|documentation|help|support|status_?page|privacy_?policy|terms)_?(url|link)$/, types: T, length: 60, generate: fake(`https://docs.{{internet.domainName}}/${one(['getting-started', 'api', 'guides/setup', 'faq'])}`), reason: 'a documentation URL', examples: ['docs_url text'], expect: url(/^docs\./) },
  { id: 'api-url', name: /^(api|base|server|service|backend)_?(url|uri|endpoint)$/, types: T, length: 60, generate: fake('https://api.{{internet.domainName}}/v{{number.int({"min":1,"max":3})}}'), reason: 'an API base URL', examples: ['api_url text', 'base_url varchar(255)'], expect: url(/^api\./) },
  { id: 'website', name: /^(website|homepage|home_?page|web_?site_?url|website_?url|company_?url|site_?url|web)$/, types: T, length: 50, generate: fake('https://www.{{internet.domainName}}'), reason: 'a website URL', examples: ['website text', 'homepage varchar(255)'], expect: url(/^www\./) },
  { id: 'download-url', name: /^(download|file|asset|attachment|storage|public|signed|presigned|export)_?(url|uri|link)$/, types: T, length: 90, generate: fake(`https://{{internet.domainWord}}-assets.s3.amazonaws.com/${one(['uploads', 'exports', 'documents'])}/{{string.uuid}}.${one(['pdf', 'csv', 'png', 'zip'])}`), reason: 'a stored file URL', examples: ['download_url text', 'file_url text'], expect: url(/s3\.amazonaws\.com$/) },
  { id: 'url', name: /(^|_)(url|uri|link|href|permalink|source_?url|canonical_?url|target_?url)$/, types: T, length: 46, generate: f('internet.url'), reason: 'a web URL', examples: ['url text', 'permalink varchar(255)'], expect: url(/./) },
  { id: 'email-domain', name: /^(email_?)?domain(_?name)?$|^custom_?domain$/, types: T, length: 40, generate: f('internet.domainName'), uniqueAlternative: re('[a-z]{5}[a-z]{0,5}[.](example|acme|contoso)[.](com|io|dev)'), reason: 'a domain name', examples: ['domain text', 'custom_domain varchar(253)'], expect: anyHost },
  { id: 'subdomain', name: /^subdomain$/, types: T, length: 31, generate: f('internet.domainWord'), reason: 'a subdomain label', examples: ['subdomain varchar(63)'], expect: /^[a-z0-9-]+$/ },
  { id: 'hostname', name: /^(host|hostname|host_?name|server|server_?name|node|node_?name|machine)$/, types: T, length: 30, generate: fake(`${one(HOST_ROLES)}-{{number.int({"min":1,"max":24})}}.${one(['prod', 'staging', 'dev'])}.internal`), uniqueAlternative: re('[a-z]{5}[a-z]{0,5}[.](example|acme|contoso)[.](com|io|dev)'), reason: 'a server hostname', examples: ['hostname text', 'servers.host varchar(255)'], expect: /^[a-z]+-\d+\.(prod|staging|dev)\.internal$/ },
  { id: 'ipv6', name: /(^|_)ipv6(_?addr(ess)?)?$/, types: ['text', 'inet'], length: 39, generate: f('internet.ipv6'), reason: 'an IPv6 address', examples: ['ipv6 text', 'ipv6_address inet'], expect: /^[0-9a-f:]+$/ },
  { id: 'ipv4', name: /(^|_)(ip|ipv4|ip_?addr(ess)?|remote_?addr(ess)?|client_?ip|last_?(sign_?in|login)_?ip|source_?ip|current_?sign_?in_?ip)$/, types: ['text', 'inet'], length: 15, generate: f('internet.ipv4'), reason: 'an IPv4 address', examples: ['ip_address text', 'client_ip inet', 'last_sign_in_ip varchar(45)'], expect: /^\d{1,3}(\.\d{1,3}){3}$/ },
  { id: 'cidr', name: /(^|_)(cidr|subnet|network|ip_?range)$/, types: ['text', 'inet'], length: 18, generate: fake('10.{{number.int(255)}}.{{number.int(255)}}.0/24'), reason: 'a CIDR block', examples: ['cidr cidr', 'subnet text'], expect: /^10\.\d+\.\d+\.0\/24$/ },
  { id: 'mac', name: /mac_?addr(ess)?$|^mac$/, types: ['text', 'macaddr'], length: 17, generate: (c) => (c.unique ? re('[0-9a-f]{2}(:[0-9a-f]{2}){5}') : f('internet.mac')), reason: 'a MAC address', examples: ['mac_address text', 'mac macaddr'], expect: /^([0-9a-f]{2}:){5}[0-9a-f]{2}$/ },
  { id: 'port', name: /(^|_)port$/, types: INT, generate: numPick([443, 80, 8080, 3000, 5432, 6379, 8443, 22, 9090, 27017], [30, 15, 12, 10, 8, 6, 6, 5, 4, 4]), reason: 'a network port, weighted towards common ones', examples: ['port int', 'smtp_port integer'], expect: inList([443, 80, 8080, 3000, 5432, 6379, 8443, 22, 9090, 27017]) },
  { id: 'http-method', name: /^(http_?)?(method|verb|request_?method)$/, types: T, length: 7, generate: pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'], [60, 20, 6, 6, 5, 2, 1]), reason: 'an HTTP method, weighted as in real traffic', examples: ['method varchar(10)', 'http_method text'], expect: inList(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD']) },
  { id: 'http-status', name: /^(http_?)?(status_?code|response_?(status|code)|status)$|^http_?status(_?code)?$/, types: INT, generate: numPick(HTTP_STATUS, HTTP_STATUS_WEIGHTS), reason: 'an HTTP status code, weighted (mostly 200)', examples: ['status_code int', 'http_status smallint', 'response_code integer'], expect: inList(HTTP_STATUS) },
  { id: 'http-status-text', name: /^(http_?)?(status_?code|response_?code)$|^http_?status$/, types: T, length: 3, generate: pick(HTTP_STATUS.map(String), HTTP_STATUS_WEIGHTS), reason: 'an HTTP status code, weighted (mostly 200)', examples: ['status_code char(3)'], expect: inList(HTTP_STATUS.map(String)) },
  { id: 'user-agent', name: /user_?agent|^ua$/, types: T, length: 140, generate: f('internet.userAgent'), reason: 'a browser user agent', examples: ['user_agent text'], expect: /^\S+\/[\d.]+/ },
  { id: 'referrer', name: /^(http_?)?refer+er(_?url)?$/, types: T, length: 40, generate: fake(`https://${one(['www.google.com', 'www.bing.com', 'twitter.com', 'news.ycombinator.com', 'www.reddit.com', 'www.linkedin.com'])}/`), reason: 'a referring site', examples: ['referrer text', 'referer varchar(255)'], expect: url(anyHost) },
  { id: 'utm-source', name: /^utm_?source$/, types: T, length: 11, generate: pick(UTM_SOURCE), reason: 'a campaign source', examples: ['utm_source text'], expect: inList(UTM_SOURCE) },
  { id: 'utm-medium', name: /^utm_?medium$/, types: T, length: 9, generate: pick(UTM_MEDIUM), reason: 'a campaign medium', examples: ['utm_medium text'], expect: inList(UTM_MEDIUM) },
  { id: 'utm-campaign', name: /^utm_?campaign$|^campaign(_?name)?$/, types: T, length: 14, generate: pick(UTM_CAMPAIGN), reason: 'a campaign name', examples: ['utm_campaign text'], expect: inList(UTM_CAMPAIGN) },
  { id: 'protocol', name: /^(protocol|scheme|url_?scheme)$/, types: T, length: 5, generate: pick(['https', 'http'], [9, 1]), reason: 'http or https', examples: ['protocol varchar(8)'], expect: inList(['https', 'http']) },
  { id: 'file-path-by-table', name: /^(path|location|key|storage_?location)$/, types: T, table: /(^|_)(artifacts?|files?|uploads?|attachments?|documents?|assets?|media|blobs?|objects?|backups?|downloads?|images?|photos?)$/, length: 60, generate: fake(`${one(['dist', 'build', 'target', 'out', 'coverage', 'reports', 'uploads', 'assets'])}/{{system.commonFileName}}`), reason: 'a relative file path (files table)', examples: ['artifacts.path text', 'attachments.location varchar(255)'], expect: /^[A-Za-z0-9._/-]+$/ },
  { id: 'runner-label', name: /^(runner|runner_?label|runs_?on|agent_?label|runner_?image|os_?image|executor|runner_?os)$/, types: T, length: 16, generate: pick(['ubuntu-latest', 'ubuntu-22.04', 'self-hosted', 'linux-x64', 'macos-14', 'windows-2022', 'gpu-a100'], [40, 15, 15, 10, 8, 8, 4]), reason: 'a CI runner label', examples: ['runner_label text', 'runs_on varchar(64)'], expect: inList(['ubuntu-latest', 'ubuntu-22.04', 'self-hosted', 'linux-x64', 'macos-14', 'windows-2022', 'gpu-a100']) },
  { id: 'location-text', name: /^(location|place|hometown|based_?in|home_?town|current_?location)$/, types: T, length: 80, generate: fake('{{location.city}}, {{location.country}}'), reason: 'a place: city, country', examples: ['profiles.location text'], expect: /^[^,]+, .+$/ },
  { id: 'endpoint', name: /^(endpoint|api_?path|request_?path|path|route|url_?path|pathname)$/, types: T, length: 30, generate: fake(`/api/v1/${one(API_RESOURCES)}/{{number.int({"min":1,"max":99999})}}`), reason: 'an API path', examples: ['path text', 'endpoint varchar(255)', 'request_path text'], expect: /^\/api\/v1\/[a-z]+\/\d+$/ },
  { id: 'dns-type', name: /^(dns_?)?record_?type$/, types: T, length: 5, generate: pick(DNS_TYPES), reason: 'a DNS record type', examples: ['record_type varchar(10)'], expect: inList(DNS_TYPES) },
  { id: 'mime-type', name: /^(mime|mime_?type|content_?type|media_?type|file_?type|mimetype)$/, types: T, length: 70, generate: pick(MIME, MIME_WEIGHTS), reason: 'a MIME type, weighted towards common ones', examples: ['mime_type varchar(100)', 'content_type text'], expect: inList(MIME) },
  { id: 'file-extension', name: /^(file_?)?(ext|extension)$/, types: T, length: 5, generate: f('system.commonFileExt'), reason: 'a file extension', examples: ['extension varchar(10)', 'file_ext text'], expect: /^[a-z0-9]{2,5}$/ },
  { id: 'file-name', name: /^(file_?name|filename|original_?(file_?)?name|attachment_?name|document_?name|file)$/, types: T, length: 46, generate: f('system.commonFileName'), reason: 'a file name with its extension', examples: ['file_name text', 'original_filename varchar(255)'], expect: /^[\w-]+\.[a-z0-9]+$/ },
  { id: 'file-path', name: /^(file_?path|filepath|full_?path|local_?path|source_?path|target_?path|storage_?path|upload_?path)$/, types: T, length: 60, generate: f('system.filePath'), reason: 'a file path', examples: ['file_path text'], expect: /^\/\S+$/ },
  { id: 'object-key', name: /^(s3_?key|object_?key|storage_?key|blob_?key|key_?path|object_?path)$/, types: T, length: 90, generate: fake(`${one(['uploads', 'avatars', 'documents', 'exports'])}/{{string.uuid}}/{{system.commonFileName}}`), reason: 'an object storage key', examples: ['s3_key text', 'object_key text'], expect: /^[a-z]+\/[0-9a-f-]{36}\/[\w-]+\.[a-z0-9]+$/ },
  { id: 'bucket', name: /^(s3_?)?bucket(_?name)?$/, types: T, length: 40, generate: fake(`{{internet.domainWord}}-${one(['assets', 'uploads', 'backups', 'logs'])}`), reason: 'a storage bucket name', examples: ['bucket text'], expect: /^[a-z0-9-]+$/ },
  { id: 'directory', name: /^(dir|directory|folder|folder_?path|working_?dir(ectory)?|cwd)$/, types: T, length: 14, generate: f('system.directoryPath'), reason: 'a directory path', examples: ['directory text', 'working_dir text'], expect: /^\/[\w/.+-]*$/ },
  { id: 'file-size', name: /^(file_?)?size(_?bytes|_?in_?bytes)?$|^(byte_?size|bytes|content_?length|filesize)$/, types: INT, generate: range(1_024, 50_000_000), reason: 'a file size in bytes', examples: ['size_bytes bigint', 'file_size int'], expect: isInt(1024, 50_000_000) },
  // software
  { id: 'version-constraint', name: /^(version_?(constraint|range|spec|requirement)|requirement|constraint|semver_?range)$/, types: T, length: 16, generate: fake(`${one(['^', '~', '>=', '^', ''])}{{system.semver}}`), reason: 'a version constraint like ^1.2.3', examples: ['version_constraint text', 'requirement varchar(50)'], expect: /^(\^|~|>=)?\d+\.\d+\.\d+$/ },
  { id: 'semver', name: /(^|_)(version|semver|app_?version|release|release_?version|sdk_?version|client_?version|os_?version|firmware(_?version)?|schema_?version|api_?version)$/, types: T, length: 11, generate: f('system.semver'), reason: 'a semantic version', examples: ['version text', 'app_version varchar(20)', 'firmware_version text'], expect: semver },
  { id: 'git-tag', name: /^(tag|git_?tag|release_?tag|tag_?name)$/, types: T, table: /release|deploy|build|version|commit|repo/, length: 12, generate: fake('v{{system.semver}}'), reason: 'a release tag v1.2.3', examples: ['releases.tag text', 'deployments.tag_name text'], expect: /^v\d+\.\d+\.\d+$/ },
  { id: 'npm-package', name: /^(npm_?)?(package|package_?name|dependency|dependency_?name|module|module_?name|library)$|^npm_?package(_?name)?$/, types: T, length: 16, generate: pick(NPM), reason: 'an npm package name', examples: ['package_name text', 'npm_package varchar(214)'], expect: inList(NPM) },
  { id: 'pypi-package', name: /^(pypi|pip|python)_?(package|dist|distribution)(_?name)?$/, types: T, length: 12, generate: pick(PYPI), reason: 'a PyPI package name', examples: ['pypi_package text'], expect: inList(PYPI) },
  { id: 'maven-artifact', name: /^(maven|gradle|jvm)_?(artifact|coordinates|package|dependency)(_?name)?$|^(artifact_?id|group_?artifact)$/, types: T, length: 46, generate: pick(MAVEN), reason: 'a Maven group:artifact', examples: ['maven_artifact text', 'artifact_id varchar(255)'], expect: inList(MAVEN) },
  { id: 'cargo-crate', name: /^(cargo_?|rust_?)?crate(_?name)?$/, types: T, length: 10, generate: pick(CARGO), reason: 'a Rust crate name', examples: ['crate_name text'], expect: inList(CARGO) },
  { id: 'ruby-gem', name: /^(ruby_?)?gem(_?name)?$/, types: T, length: 10, generate: pick(GEMS), reason: 'a Ruby gem name', examples: ['gem_name text'], expect: inList(GEMS) },
  { id: 'go-module', name: /^go_?(module|package|import)(_?path)?$/, types: T, length: 30, generate: pick(GO), reason: 'a Go module path', examples: ['go_module text'], expect: inList(GO) },
  { id: 'nuget-package', name: /^nuget_?(package)?(_?name)?$/, types: T, length: 16, generate: pick(NUGET), reason: 'a NuGet package id', examples: ['nuget_package text'], expect: inList(NUGET) },
  { id: 'composer-package', name: /^(composer|php)_?(package)?(_?name)?$/, types: T, length: 20, generate: pick(COMPOSER), reason: 'a Composer vendor/package', examples: ['composer_package text'], expect: inList(COMPOSER) },
  { id: 'ecosystem', name: /^(ecosystem|package_?manager|registry|package_?registry|package_?type)$/, types: T, length: 8, generate: pick(['npm', 'pypi', 'maven', 'cargo', 'rubygems', 'go', 'nuget'], [35, 25, 12, 8, 8, 7, 5]), reason: 'a package ecosystem', examples: ['ecosystem varchar(20)'], expect: inList(['npm', 'pypi', 'maven', 'cargo', 'rubygems', 'go', 'nuget']) },
  { id: 'programming-language', name: /^(programming_?)?language$|^(primary|main|code)_?language$|^lang(uage)?_?name$/, types: T, table: /repo|project|snippet|gist|code|package|library/, length: 10, generate: pick(PROGRAMMING), reason: 'a programming language', examples: ['repositories.language text', 'projects.primary_language text'], expect: inList(PROGRAMMING) },
  { id: 'license', name: /^(license|licence|spdx|license_?id|spdx_?id)$/, types: T, length: 13, generate: pick(LICENSES, [45, 25, 8, 8, 4, 6, 2, 2]), reason: 'an SPDX license id', examples: ['license varchar(50)'], expect: inList(LICENSES) },
  { id: 'default-branch', name: /^default_?branch$/, types: T, length: 7, generate: pick(['main', 'master', 'develop', 'trunk'], [70, 20, 8, 2]), reason: 'a default branch', examples: ['default_branch text'], expect: inList(['main', 'master', 'develop', 'trunk']) },
  { id: 'branch', name: /(^|_)(branch|branch_?name|git_?ref|head_?ref|base_?ref|source_?branch|target_?branch)$/, types: T, length: 32, generate: fake(`${one(['feature', 'feature', 'fix', 'chore', 'release', 'hotfix'])}/{{git.branch}}`), reason: 'a git branch such as feature/x', examples: ['branch text', 'head_ref varchar(255)'], expect: /^(feature|fix|chore|release|hotfix)\/[a-z0-9-]+$/ },
  { id: 'commit-message', name: /^(commit_?message|commit_?title|commit_?msg)$/, types: T, length: 40, generate: f('git.commitMessage'), reason: 'a commit message', examples: ['commit_message text'], expect: english },
  { id: 'repo-name', name: /^(repo|repository|repo_?name|repository_?name|project_?slug)$/, types: T, length: 31, generate: f('internet.domainWord'), reason: 'a repository name', examples: ['repo_name text', 'repository varchar(100)'], expect: /^[a-z0-9-]+$/ },
  { id: 'repo-full-name', name: /^(full_?name|repo_?full_?name|name_?with_?owner|nwo)$/, types: T, table: /repo|project/, length: 63, generate: fake('{{internet.domainWord}}/{{internet.domainWord}}'), reason: 'owner/repository', examples: ['repositories.full_name text'], expect: /^[a-z0-9-]+\/[a-z0-9-]+$/ },
  { id: 'env-key', name: /^(env(ironment)?_?(var(iable)?_?)?(key|name)|var(iable)?_?(key|name)|secret_?name)$|^(key|name)$/, types: T, table: /env|variable|secret|config_?var/, length: 18, generate: pick(ENV_KEYS), reason: 'an environment variable name (UPPER_SNAKE)', examples: ['env_vars.key text', 'environment_variables.name varchar(255)', 'secrets.secret_name text'], expect: /^[A-Z][A-Z0-9_]*$/ },
  { id: 'env-value', name: /^(env_?)?(value|val)$/, types: T, table: /env|variable|secret|config_?var/, length: 30, generate: pick(ENV_VALUES), reason: 'an environment variable value', examples: ['env_vars.value text'], expect: inList(ENV_VALUES) },
  { id: 'config-key', name: /^(config|setting|settings|preference|option)_?(key|name)$/, types: T, length: 30, generate: pick(CONFIG_KEYS), reason: 'a dotted configuration key', examples: ['config_key text', 'setting_key varchar(100)'], expect: /^[a-z_]+(\.[a-z_]+)+$/ },
  { id: 'config-key-by-table', name: /^(key|setting|name)$/, types: T, table: /setting|config|preference|option/, length: 30, generate: pick(CONFIG_KEYS), reason: 'a dotted configuration key (settings table)', examples: ['settings.key text', 'org_settings.name varchar(100)'], expect: /^[a-z_]+(\.[a-z_]+)+$/ },
  { id: 'flag-key-by-table', name: /^(key|name|flag)$/, types: T, table: /flag|feature|toggle|experiment/, length: 16, generate: pick(FLAGS), reason: 'a feature flag key (flags table)', examples: ['feature_flags.key text', 'experiments.name text'], expect: inList(FLAGS) },
  { id: 'feature-flag', name: /^(feature_?flag|flag|flag_?key|flag_?name|feature|feature_?key|feature_?name|toggle)$/, types: T, length: 16, generate: pick(FLAGS), reason: 'a feature flag key', examples: ['flag_key text', 'feature_name text'], expect: inList(FLAGS) },
  { id: 'event-name', name: /^(event|event_?name|event_?type|topic|webhook_?event|routing_?key|message_?type|kind)$/, types: T, table: /event|log|webhook|audit|activit|message|notification|outbox|track|analytic/, length: 20, generate: fake(`${one(NOUNS)}.${one(PAST)}`), reason: 'an event name noun.verb', examples: ['events.event_type text', 'webhook_deliveries.event text', 'events.event_name varchar(64)'], expect: /^[a-z]+\.[a-z]+$/ },
  { id: 'event-name-any', name: /^(event_?name|event_?type|webhook_?event)$/, types: T, length: 20, generate: fake(`${one(NOUNS)}.${one(PAST)}`), reason: 'an event name noun.verb', examples: ['orders.event_type text'], expect: /^[a-z]+\.[a-z]+$/ },
  { id: 'action', name: /^(action|action_?name|action_?type|activity|activity_?type|operation|op|audit_?action|permission_?action)$/, types: T, length: 20, generate: fake(`${one(VERBS)}_${one(NOUNS)}`), reason: 'an action verb_noun', examples: ['audit_logs.action text', 'operation varchar(50)'], expect: /^[a-z]+_[a-z]+$/ },
  { id: 'permission', name: /^(permission|scope|grant|permission_?name|privilege)$/, types: T, length: 14, generate: pick(SCOPES), reason: 'a permission scope', examples: ['permission text', 'scope varchar(50)'], expect: inList(SCOPES) },
  { id: 'log-level-any', name: /^(log_?level|loglevel|log_?severity)$/, types: T, length: 5, generate: pick(['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'], [20, 60, 12, 7, 1]), reason: 'a log level, weighted (mostly INFO)', examples: ['log_level text'], expect: inList(['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']) },
  { id: 'log-level', name: /^(level|severity)$/, types: T, table: /log|event|audit|trace|alert|message|error|incident/, length: 5, generate: pick(['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'], [20, 60, 12, 7, 1]), reason: 'a log level, weighted (mostly INFO)', examples: ['logs.level varchar(10)', 'error_events.severity text'], expect: inList(['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL']) },
  { id: 'error-type', name: /^(error_?(type|class|name|kind)|exception(_?(type|class|name))?)$/, types: T, length: 30, generate: pick(ERROR_TYPES), reason: 'an exception class name', examples: ['error_type text', 'exception_class varchar(255)'], expect: /^[A-Z][A-Za-z]+(::[A-Z][A-Za-z]+)?$/ },
  { id: 'error-code', name: /^(error_?code|failure_?code|decline_?code|reason_?code)$/, types: T, length: 19, generate: pick(ERROR_CODES), reason: 'a machine error code', examples: ['error_code text'], expect: inList(ERROR_CODES) },
  { id: 'error-message', name: /^(error|error_?message|error_?msg|err|failure_?reason|failure_?message|last_?error|error_?detail|exception_?message|fail_?reason)$/, types: T, length: 62, generate: pick(ERROR_MESSAGES), reason: 'an error message', examples: ['error_message text', 'last_error text', 'failure_reason varchar(255)'], expect: inList(ERROR_MESSAGES) },
  { id: 'stack-trace', name: /^(stack_?trace|stacktrace|backtrace|traceback|stack|exception_?trace)$/, types: T, length: 400, generate: fake(`${one(ERROR_TYPES)}: ${one(ERROR_MESSAGES.filter((m) => !/\d/.test(m)))}\n    at {{hacker.verb}}Handler (/app/src/{{hacker.noun}}.ts:{{number.int({"min":10,"max":400})}}:{{number.int({"min":3,"max":60})}})\n    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\n    at async Router.handle (/app/src/router.ts:{{number.int({"min":10,"max":200})}}:{{number.int({"min":3,"max":60})}})`), reason: 'a stack trace', examples: ['stack_trace text'], expect: /^[A-Z][\w:]+: .+\n {4}at /},
  { id: 'cron', name: /^(cron|cron_?expression|cron_?schedule|schedule|schedule_?expression|crontab)$/, types: T, length: 12, generate: pick(CRON), reason: 'a cron expression', examples: ['cron_expression text', 'schedule varchar(100)'], expect: /^[\d*/,-]+( [\d*/,-]+){4}$/ },
  { id: 'image-tag', name: /^(image_?tag|docker_?tag|container_?tag)$/, types: T, length: 12, generate: pick(IMAGE_TAGS), reason: 'a container image tag', examples: ['image_tag text'], expect: inList(IMAGE_TAGS) },
  { id: 'cloud-region', name: /^(region|aws_?region|cloud_?region|data_?region|deploy_?region|gcp_?region|server_?region)$/, types: T, length: 14, generate: (c) => (c.siblings.some((s) => /country|city|address|street|postal|zip/.test(s)) ? undefined : pick(REGIONS, REGION_WEIGHTS)), reason: 'a cloud region like us-east-1', examples: ['region text', 'aws_region varchar(20)'], expect: inList(REGIONS) },
  { id: 'availability-zone', name: /^(availability_?zone|az|zone)$/, types: T, table: /server|instance|node|host|cluster|deploy|machine|vm/, length: 15, generate: fake(`${one(REGIONS)}${one(['a', 'b', 'c'])}`), reason: 'an availability zone', examples: ['instances.availability_zone text'], expect: /^[a-z]+-[a-z]+-\d[abc]$/ },
  { id: 'instance-type', name: /^(instance_?type|machine_?type|instance_?class|vm_?size|node_?type)$/, types: T, length: 10, generate: pick(INSTANCE_TYPES), reason: 'a cloud instance type', examples: ['instance_type text'], expect: inList(INSTANCE_TYPES) },
  { id: 'cloud-provider', name: /^(cloud_?)?provider$|^(hosting|cloud)(_?provider)?$/, types: T, table: /server|instance|cluster|deploy|host|infra|cloud|region|account|integration/, length: 12, generate: pick(PROVIDERS, [40, 20, 20, 10, 5, 5]), reason: 'a cloud provider', examples: ['clusters.provider text'], expect: inList(PROVIDERS) },
  { id: 'oauth-provider', name: /^(auth_?|oauth_?|identity_?|sso_?|login_?)?provider$/, types: T, length: 9, generate: pick(OAUTH_PROVIDERS, [40, 25, 15, 10, 5, 5]), reason: 'a sign-in provider', examples: ['identities.provider text', 'oauth_provider varchar(20)'], expect: inList(OAUTH_PROVIDERS) },
  { id: 'environment', name: /^(env|environment|stage|deploy_?env(ironment)?|target_?env(ironment)?|tier)$/, types: T, length: 11, generate: pick(ENVIRONMENTS, ENVIRONMENT_WEIGHTS), reason: 'a deployment environment', examples: ['environment varchar(20)', 'env text'], expect: inList(ENVIRONMENTS) },
  { id: 'platform', name: /^(platform|os|operating_?system|os_?name|client_?platform|device_?os)$/, types: T, length: 7, generate: pick(PLATFORMS, [30, 30, 25, 6, 6, 3]), reason: 'a client platform', examples: ['platform text', 'os varchar(20)'], expect: inList(PLATFORMS) },
  { id: 'browser', name: /^(browser|browser_?name|client_?browser)$/, types: T, length: 16, generate: pick(BROWSERS, BROWSER_WEIGHTS), reason: 'a browser, weighted by market share', examples: ['browser text'], expect: inList(BROWSERS) },
  { id: 'device-type', name: /^(device|device_?type|device_?category|form_?factor)$/, types: T, length: 7, generate: pick(['desktop', 'mobile', 'tablet'], [50, 42, 8]), reason: 'a device type', examples: ['device_type text'], expect: inList(['desktop', 'mobile', 'tablet']) },
  { id: 'hardware-model', name: /^(model|model_?number|model_?no|hardware_?model|device_?model|sku_?model)$/, types: T, table: /device|sensor|gateway|hardware|meter|camera|printer|router|thermostat|appliance|equipment|machine|asset/, length: 9, generate: re('[A-Z]{2}-[0-9]{3}[A-Z]?'), reason: 'a hardware model number', examples: ['devices.model text', 'sensors.model_number varchar(20)'], expect: /^[A-Z]{2}-\d{3}[A-Z]?$/ },
  { id: 'device-model', name: /^(device_?model|model_?name|device_?name|hardware_?model)$/, types: T, length: 14, generate: pick(DEVICE_MODELS), reason: 'a device model', examples: ['device_model text'], expect: inList(DEVICE_MODELS) },
  { id: 'bundle-id', name: /^(bundle_?id|app_?id|package_?id|application_?id|bundle_?identifier)$/, types: T, length: 40, generate: fake('com.{{internet.domainWord}}.{{helpers.arrayElement(["app","mobile","ios","android"])}}'), reason: 'a mobile app bundle id', examples: ['bundle_id text'], expect: /^com\.[a-z0-9-]+\.[a-z]+$/ },
  { id: 'queue', name: /^(queue|queue_?name|channel_?name|job_?queue)$/, types: T, length: 12, generate: pick(QUEUES, [40, 15, 10, 10, 10, 10, 5]), reason: 'a job queue name', examples: ['queue varchar(64)'], expect: inList(QUEUES) },
  { id: 'job-class', name: /^(job_?class|job_?name|worker|worker_?class|handler|job_?type|task_?name|task_?type)$/, types: T, length: 25, generate: pick(JOB_CLASSES), reason: 'a background job class', examples: ['job_class text', 'handler varchar(255)'], expect: inList(JOB_CLASSES) },
  { id: 'command', name: /^(command|cmd|script|run_?command|build_?command|entrypoint)$/, types: T, length: 26, generate: pick(COMMANDS), reason: 'a shell command', examples: ['command text'], expect: inList(COMMANDS) },
  { id: 'exit-code', name: /^(exit_?code|return_?code|exit_?status)$/, types: INT, generate: numPick([0, 1, 2, 137, 143, 127], [85, 8, 2, 2, 2, 1]), reason: 'a process exit code, mostly 0', examples: ['exit_code int'], expect: inList([0, 1, 2, 137, 143, 127]) },
  { id: 'pid', name: /^(pid|process_?id)$/, types: INT, generate: range(100, 65_535), reason: 'a process id', examples: ['pid int'], expect: isInt(100, 65_535) },
  { id: 'hash-algorithm', name: /^(hash_?)?(algorithm|algo|digest_?algorithm|hash_?type)$/, types: T, length: 8, generate: pick(HASH_ALGOS), reason: 'a hash algorithm', examples: ['algorithm text'], expect: inList(HASH_ALGOS) },
  { id: 'encoding', name: /^(encoding|charset|character_?set|content_?encoding)$/, types: T, length: 12, generate: pick(ENCODINGS, [80, 5, 5, 5, 5]), reason: 'a character encoding', examples: ['charset text'], expect: inList(ENCODINGS) },
  { id: 'ssh-key', name: /^(ssh_?)?(public_?key|pub_?key|ssh_?key|deploy_?key)$/, types: T, length: 140, generate: fake('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{{string.alphanumeric(43)}} {{internet.email}}'), reason: 'an SSH public key', examples: ['public_key text', 'ssh_key text'], expect: /^ssh-ed25519 AAAA[A-Za-z0-9]+ \S+@\S+$/ },
  { id: 'sql-query', name: /^(sql|query_?text|sql_?text|statement|query_?sql)$/, types: T, length: 70, generate: fake(`SELECT * FROM ${one(API_RESOURCES)} WHERE id = {{number.int({"min":1,"max":99999})}}`), reason: 'an SQL statement', examples: ['query_text text'], expect: /^SELECT \* FROM [a-z]+ WHERE id = \d+$/ },
  // people and contact
  { id: 'first-name', name: /^(first_?name|given_?name|fname|forename|first)$/, types: T, length: 11, generate: f('person.firstName'), reason: 'a first name', examples: ['first_name text', 'firstName varchar(50)'], expect: /^[A-Z][A-Za-z' -]+$/ },
  { id: 'last-name', name: /^(last_?name|surname|family_?name|lname|last)$/, types: T, length: 22, generate: f('person.lastName'), reason: 'a last name', examples: ['last_name text', 'surname varchar(100)'], expect: /^[A-Z][A-Za-z' -]+$/ },
  { id: 'middle-name', name: /^(middle_?name|middle_?initial)$/, types: T, length: 12, generate: f('person.middleName'), reason: 'a middle name', examples: ['middle_name text'], expect: /^[A-Z][A-Za-z' -]+$/ },
  { id: 'org-display-name', name: /^(display_?name|legal_?name|trading_?name)$/, types: T, table: /^(org|organi[sz]ation|compan|tenant|business|vendor|supplier|merchant|account|workspace)/, length: 54, generate: f('company.name'), reason: "an organisation's display name", examples: ['organizations.display_name text'], expect: /^[A-Z][\w,'&. -]+$/ },
  { id: 'actor-by', name: /(^|_)(created|updated|deployed|approved|assigned|reviewed|requested|triggered|submitted|modified|owned|changed|deleted|performed|initiated|released|merged|closed)_?by(_?(name|user|login|username))?$/, types: T, length: 31, generate: f('internet.domainWord'), reason: 'who did it: a lower-case login', examples: ['deployed_by text', 'approved_by_name varchar(50)'], expect: /^[a-z0-9][a-z0-9-]*$/ },
  { id: 'full-name', name: /^(full_?name|display_?name|contact_?name|author_?name|customer_?name|owner_?name|user_?full_?name|real_?name|legal_?name|account_?holder(_?name)?|cardholder(_?name)?|recipient_?name|sender_?name|billing_?name|shipping_?name|emergency_?contact(_?name)?|assignee_?name|reporter_?name|manager_?name|speaker_?name|guest_?name|patient_?name|student_?name|employee_?name|instructor_?name|teacher_?name)$/, types: T, length: 38, generate: f('person.fullName'), reason: 'a person name', examples: ['full_name text', 'display_name varchar(100)', 'cardholder_name text'], expect: /^[A-Z][A-Za-z'. -]+$/ },
  { id: 'person-name', name: /^name$/, types: T, table: /user|people|person|member|customer|author|profile|employee|contact|student|patient|staff|owner|guest|attendee|speaker|instructor|teacher|doctor|driver|candidate|applicant|player|artist|agent|lead|passenger|visitor|subscriber|recipient|tenant_user|participant/, length: 38, generate: f('person.fullName'), reason: "a person's name (people table)", examples: ['users.name text', 'employees.name varchar(120)'], expect: /^[A-Z][A-Za-z'. -]+$/ },
  { id: 'ledger-account-name', name: /^(name|account_?name|title)$/, types: T, table: /(^|_)(gl_?)?accounts?$|chart_?of_?accounts|ledger_?accounts?/, sibling: /^(code|account_?code|number|account_?number|type|account_?type|normal_?balance|kind|category)$/, length: 19, generate: (c) => (c.unique ? undefined : pick(['Cash', 'Accounts Receivable', 'Inventory', 'Prepaid Expenses', 'Equipment', 'Accounts Payable', 'Accrued Liabilities', 'Deferred Revenue', 'Retained Earnings', 'Sales Revenue', 'Service Revenue', 'Cost of Goods Sold', 'Salaries Expense', 'Rent Expense', 'Utilities Expense', 'Bank Fees'])), reason: 'a ledger account name (chart of accounts)', examples: ['accounts.name text +code'], expect: /^[A-Z][A-Za-z ]+$/ },
  { id: 'company-name', name: /^(name|company|company_?name|organization|organisation|organization_?name|org_?name|employer|business_?name|legal_?entity|vendor_?name|supplier_?name|merchant_?name|brand|brand_?name|publisher|manufacturer|agency|client_?name|account_?name|tenant_?name|workspace_?name)$/, types: T, table: (/org|compan|tenant|workspace|business|vendor|supplier|merchant|brand|client|employer|agenc|manufacturer|publisher|customer|account|partner|firm|store|shop|school|universit|hotel|restaurant|clinic|hospital|bank|airline|venue|carrier/), length: 54, generate: f('company.name'), reason: 'a company name', examples: ['organizations.name text', 'companies.company_name varchar(100)', 'tenants.name text'], expect: /^[A-Z][\w,'&. -]+$/ },
  { id: 'company-name-any', name: /^(company|company_?name|organization|organisation|organization_?name|org_?name|employer|business_?name|vendor_?name|supplier_?name|merchant_?name)$/, types: T, length: 54, generate: f('company.name'), reason: 'a company name', examples: ['invoices.company_name text', 'employer varchar(100)'], expect: /^[A-Z][\w,'&. -]+$/ },
  { id: 'username', name: /^(user_?name|login|handle|nick_?name|screen_?name|nick|alias|login_?name|user_?handle)$/, types: T, length: 34, generate: f('internet.username'), reason: 'a username', examples: ['username varchar(50)', 'handle text'], expect: /^[A-Za-z0-9._'-]+$/ },
  { id: 'support-email', name: /^(support|billing|info|admin|sales|noreply|no_?reply|reply_?to|from|sender)_?(email|address|mail)$/, types: T, length: 50, generate: fake(`${one(['support', 'billing', 'hello', 'team', 'noreply', 'info'])}@{{internet.domainName}}`), reason: 'a role address of an organisation', examples: ['support_email text', 'reply_to_email varchar(255)'], expect: /^[a-z]+@[a-z0-9.-]+\.[a-z]{2,}$/ },
  { id: 'email-from-names', name: /^(e_?mail|email_?address|primary_?email|work_?email|personal_?email)$/, types: T, length: 60, generate: (c) => emailFromNames(c), reason: "an email address made from the row's name columns", examples: ['users.email text +first_name +last_name', 'people.email_address varchar(255) +full_name'], expect: /^[a-z0-9._]+@example\.(com|net|org)$/ },
  { id: 'email', name: /(^|_)e_?mail(_?address)?$|^email/, types: T, length: 43, generate: f('internet.email'), reason: 'an email address', examples: ['email text', 'work_email varchar(255)', 'contact_email text'], expect: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/ },
  { id: 'phone', name: /(^|_)(phone|phone_?number|mobile|mobile_?number|cell|cell_?phone|telephone|tel|fax|msisdn|sms_?number|whatsapp|contact_?number|phone_?no)$/, types: T, generate: (c) => phone(c.maxLength), reason: 'a phone number that fits the column (E.164 when it fits)', examples: ['phone varchar(20)', 'mobile char(10)', 'fax text'], expect: /^(\+1)?[2-9]\d{2,9}$/ },
  { id: 'phone-int', name: /(^|_)(phone|phone_?number|mobile|msisdn)$/, types: INT, generate: range(2_000_000_000, 9_999_999_999), reason: 'a 10-digit phone number', examples: ['phone bigint'], expect: isInt(2_000_000_000, 9_999_999_999) },
  { id: 'phone-ext', name: /^(phone_?)?(ext|extension)$/, types: INT, generate: range(100, 9999), reason: 'a phone extension', examples: ['phone_extension int'], expect: isInt(100, 9999) },
  { id: 'job-title', name: /^(job_?title|position|position_?title|occupation|designation|role_?title|title)$/, types: T, table: /employee|staff|people|person|user|member|contact|candidate|applicant|profile|job|position|hire|team_member|speaker|author/, length: 43, generate: f('person.jobTitle'), reason: 'a job title', examples: ['employees.job_title text', 'employees.title varchar(100)'], expect: /^[A-Z][A-Za-z ]+$/ },
  { id: 'job-title-any', name: /^(job_?title|occupation|designation)$/, types: T, length: 43, generate: f('person.jobTitle'), reason: 'a job title', examples: ['orders.job_title text'], expect: /^[A-Z][A-Za-z ]+$/ },
  { id: 'department-by-table', name: /^(name|title|department_?name)$/, types: T, table: /^(departments?|divisions?|business_?units?)$/, length: 16, generate: pick(DEPARTMENTS), uniqueAlternative: f('word.noun'), reason: 'a department (departments table)', examples: ['departments.name text'], expect: inList(DEPARTMENTS) },
  { id: 'department', name: /^(department|dept|department_?name|division|business_?unit|team_?name|function)$/, types: T, length: 16, generate: pick(DEPARTMENTS), reason: 'a department', examples: ['department text', 'dept varchar(50)'], expect: inList(DEPARTMENTS) },
  { id: 'gender', name: /^(gender|gender_?identity)$/, types: T, length: 17, generate: pick(GENDERS, [48, 48, 3, 1]), reason: 'a gender', examples: ['gender varchar(20)'], expect: inList(GENDERS) },
  { id: 'sex', name: /^(sex|biological_?sex)$/, types: T, length: 6, generate: f('person.sex'), reason: 'female or male', examples: ['sex varchar(10)'], expect: inList(['female', 'male']) },
  { id: 'gender-char', name: /^(gender|sex)$/, types: T, length: 1, generate: pick(['F', 'M'], [1, 1]), reason: 'F or M in a one-letter column', examples: ['gender char(1)'], expect: inList(['F', 'M']) },
  { id: 'name-prefix', name: /^(salutation|name_?prefix|honorific)$/, types: T, length: 5, generate: f('person.prefix'), reason: 'a name prefix', examples: ['contacts.salutation text', 'name_prefix varchar(10)'], expect: /^[A-Z][a-z]+\.?$/ },
  { id: 'name-suffix', name: /^(name_?suffix|suffix)$/, types: T, table: /user|people|person|member|customer|contact|employee|patient|guest|profile/, length: 4, generate: f('person.suffix'), reason: 'a name suffix', examples: ['contacts.suffix text'], expect: /^[A-Z][A-Za-z.]*$/ },
  { id: 'initials', name: /^initials$/, types: T, length: 2, generate: re('[A-Z]{2}'), reason: 'initials', examples: ['initials varchar(3)'], expect: /^[A-Z]{2}$/ },
  { id: 'marital-status', name: /^marital_?status$/, types: T, length: 9, generate: pick(MARITAL, [35, 45, 10, 3, 7]), reason: 'a marital status', examples: ['marital_status text'], expect: inList(MARITAL) },
  { id: 'employment-type', name: /^(employment_?type|contract_?type|employment_?status|work_?type)$/, types: T, length: 10, generate: pick(EMPLOYMENT, [70, 12, 12, 4, 2]), reason: 'an employment type', examples: ['employment_type text'], expect: inList(EMPLOYMENT) },
  { id: 'seniority', name: /^(seniority|seniority_?level|career_?level|job_?level)$/, types: T, length: 9, generate: pick(SENIORITY, [20, 30, 25, 12, 5, 8]), reason: 'a seniority level', examples: ['seniority varchar(20)'], expect: inList(SENIORITY) },
  { id: 'seniority-by-table', name: /^(grade|level)$/, types: T, table: /employee|staff|position|job|hire|candidate|role|salar|payroll/, length: 9, generate: pick(SENIORITY, [20, 30, 25, 12, 5, 8]), reason: 'a seniority level (staff table)', examples: ['employees.level text'], expect: inList(SENIORITY) },
  { id: 'nationality', name: /^(nationality|citizenship|country_?of_?(birth|residence|origin))$/, types: T, length: 51, generate: f('location.country'), reason: 'a country name', examples: ['nationality text'], expect: /^[A-Z]/ },
  { id: 'blood-type', name: /^blood_?(type|group)$/, types: T, length: 3, generate: pick(BLOOD, BLOOD_WEIGHTS), reason: 'a blood type', examples: ['blood_type varchar(3)'], expect: inList(BLOOD) },
  { id: 'shirt-size', name: /^(shirt|t_?shirt|clothing)?_?size$/, types: T, table: /attendee|employee|member|registration|participant|runner|player|swag|merch/, length: 3, generate: pick(SIZES, SHIRT_WEIGHTS), reason: 'a clothing size', examples: ['attendees.shirt_size text', 'registrations.size varchar(4)'], expect: inList(SIZES) },
  // places
  { id: 'record-country-code', name: /(^|_)country_?(code|iso|iso_?2|alpha_?2)?$|^(iso_?2|iso_?country)$/, types: T, sibling: /(^|_)(currency|currency_?code|city|town)$/, length: 2, generate: (c) => (c.maxLength !== undefined && c.maxLength < 2) || (/(^|_)country$/.test(c.name) && (c.maxLength ?? 99) > 3) ? undefined : part('countryCode'), reason: 'the country code of the row\'s address record (agrees with its currency and city)', examples: ['hotels.country_code char(2) +currency', 'offices.country varchar(2) +city'], expect: (v) => CURRENCY_OF.has(String(v)) },
  { id: 'record-country', name: /(^|_)country(_?name)?$/, types: T, sibling: /(^|_)(currency|currency_?code|city|town)$/, length: 20, generate: part('country'), reason: 'the country of the row\'s address record (agrees with its currency and city)', examples: ['offices.country text +city'], expect: inList(Object.values(COUNTRIES).map((c) => c.name)) },
  { id: 'record-currency', name: /(^|_)(currency|currency_?code)$/, types: T, sibling: /(^|_)country(_?(code|iso|iso_?2|alpha_?2|name))?$/, length: 3, generate: part('currency'), reason: "the currency of the row's country (address record)", examples: ['companies.currency char(3) +country_code'], expect: inList([...new Set(CURRENCY_OF.values())]) },
  { id: 'record-city', name: /(^|_)(city|town)$/, types: T, sibling: /(^|_)country(_?(code|iso|iso_?2|alpha_?2|name))?$/, length: 20, generate: part('city'), reason: "a city of the row's country (address record)", examples: ['hotels.city text +country_code'], expect: /^\p{Lu}/u },
  { id: 'record-region', name: /(^|_)(state|province|region|prefecture)$/, types: T, sibling: /(^|_)country(_?(code|iso|iso_?2|alpha_?2|name))?$/, length: 25, generate: part('region'), reason: "the region of the row's city (address record)", examples: ['addresses.state text +country'], expect: /^\p{Lu}/u },
  { id: 'record-postcode', name: /(^|_)(zip|zip_?code|postal|postal_?code|post_?code|postcode|zipcode)$/, types: T, sibling: /(^|_)country(_?(code|iso|iso_?2|alpha_?2|name))?$/, length: 10, generate: part('postcode'), reason: "a postcode of the row's city (address record)", examples: ['hotels.postal_code varchar(10) +country_code'], expect: /^[A-Z0-9 -]{3,10}$/ },
  { id: 'country-alpha3', name: /(country|nation)_?(code_?)?(iso_?)?(alpha_?)?3$|^iso_?3$|^iso_?alpha_?3$|^country_?iso3$/, types: T, length: 3, generate: f('location.countryCode', { variant: 'alpha-3' }), reason: 'an ISO 3166 alpha-3 country code', examples: ['country_code3 char(3)', 'iso3 char(3)'], expect: /^[A-Z]{3}$/ },
  { id: 'country-code', name: /(^|_)country_?(code|iso|iso_?2|alpha_?2)$|^(iso_?2|iso_?country|iso_?alpha_?2)$/, types: T, length: 2, generate: f('location.countryCode'), reason: 'an ISO 3166 alpha-2 country code', examples: ['country_code char(2)', 'billing_country_code varchar(2)'], expect: /^[A-Z]{2}$/ },
  { id: 'country-short', name: /(^|_)(country|nationality|citizenship|country_?of_?(birth|residence|origin))$/, types: T, generate: (c) => (c.maxLength !== undefined && c.maxLength <= 3 ? f('location.countryCode', c.maxLength === 3 ? { variant: 'alpha-3' } : {}) : undefined), reason: 'a country code in a column too narrow for a name', examples: ['country char(2)', 'country varchar(3)', 'nationality char(2)'], expect: /^[A-Z]{2,3}$/ },
  { id: 'country', name: /(^|_)country(_?name)?$/, types: T, length: 51, generate: f('location.country'), reason: 'a country name', examples: ['country text', 'shipping_country varchar(100)'], expect: /^\p{Lu}/u },
  { id: 'city', name: /(^|_)(city|town|city_?name|locality|municipality)$/, types: T, length: 28, generate: f('location.city'), reason: 'a city', examples: ['city text', 'billing_city varchar(100)'], expect: /^[A-Z][A-Za-z' .-]+$/ },
  { id: 'state-code', name: /(^|_)(state|province|region)_?(code|abbr|abbreviation)$/, types: T, length: 2, generate: f('location.state', { abbreviated: true }), reason: 'a state abbreviation', examples: ['state_code char(2)'], expect: /^[A-Z]{2}$/ },
  { id: 'state', name: /(^|_)(state|province|region|county|state_?province|prefecture)$/, types: T, sibling: /country|city|address|street|zip|postal|lat/, length: 14, generate: f('location.state'), reason: 'a state or province (an address table)', examples: ['addresses.state text +city', 'billing_state varchar(50) +billing_city'], expect: /^[A-Z][A-Za-z ]+$/ },
  { id: 'state-by-table', name: /^(state|province|county)$/, types: T, table: /address|location|place|store|branch|office|shipping|billing|venue|propert|hotel|warehouse|site/, length: 14, generate: f('location.state'), reason: 'a state or province', examples: ['offices.state text'], expect: /^[A-Z][A-Za-z ]+$/ },
  { id: 'postal-code', name: /(^|_)(zip|zip_?code|postal|postal_?code|post_?code|postcode|zipcode)$/, types: T, length: 10, generate: f('location.zipCode'), reason: 'a postal code', examples: ['zip_code varchar(10)', 'postal_code text'], expect: /^\d{5}(-\d{4})?$/ },
  { id: 'address-line2', name: /(^|_)(address_?(line_?)?2|address2|street_?2|apartment|suite|apt)$/, types: T, length: 10, generate: f('location.secondaryAddress'), reason: 'an apartment or suite', examples: ['address_line2 text', 'apt varchar(20)'], expect: /^(Apt\.|Suite) \d+$/ },
  { id: 'street-address', name: /(^|_)(address|address_?(line_?)?1|address1|street|street_?address|street_?line|line_?1|billing_?address|shipping_?address|mailing_?address|home_?address)$/, types: T, length: 37, generate: f('location.streetAddress'), reason: 'a street address', examples: ['address text', 'street varchar(100)', 'address_line1 text'], expect: /^\d+ [A-Z0-9]/ },
  { id: 'building-number', name: /^(building_?number|house_?number|street_?number)$/, types: T, length: 5, generate: f('location.buildingNumber'), reason: 'a building number', examples: ['house_number text'], expect: /^\d{1,5}$/ },
  { id: 'timezone', name: /(^|_)(time_?zone|tz|timezone_?name|iana_?timezone|tz_?name)$/, types: T, length: 30, generate: f('location.timeZone'), reason: 'an IANA time zone', examples: ['timezone text', 'time_zone varchar(64)'], expect: /^[A-Z][A-Za-z_]+(\/[A-Za-z_-]+)+$|^UTC$/ },
  { id: 'locale', name: /(^|_)(locale|locale_?code|ui_?locale|preferred_?locale)$/, types: T, length: 5, generate: pick(LOCALES, LOCALE_WEIGHTS), reason: 'a locale such as en-US', examples: ['locale varchar(10)'], expect: /^[a-z]{2}-[A-Z]{2}$/ },
  { id: 'language-name', name: /^(language_?name|native_?language|spoken_?language)$/, types: T, length: 10, generate: pick(LANG_NAMES), reason: 'a language name', examples: ['language_name text'], expect: inList(LANG_NAMES) },
  { id: 'language', name: /(^|_)(language|lang|language_?code|lang_?code|preferred_?language|iso_?639)$/, types: T, length: 2, generate: pick(LANGS, [45, 10, 10, 10, 5, 5, 5, 4, 3, 3]), reason: 'an ISO 639-1 language code', examples: ['language varchar(8)', 'lang char(2)'], expect: inList(LANGS) },
  { id: 'currency', name: /(^|_)(currency|currency_?code|iso_?currency|currency_?iso)$/, types: T, length: 3, generate: f('finance.currencyCode'), reason: 'an ISO 4217 currency code', examples: ['currency char(3)', 'currency_code varchar(3)'], expect: /^[A-Z]{3}$/ },
  { id: 'currency-symbol', name: /^currency_?symbol$/, types: T, length: 4, generate: f('finance.currencySymbol'), reason: 'a currency symbol', examples: ['currency_symbol text'], expect: /^\S{1,4}$/ },
  { id: 'latitude', name: /(^|_)(lat|latitude)$/, types: [...DEC, 'int'], generate: range(-60, 70, 6), reason: 'a latitude', examples: ['latitude double precision', 'lat numeric(9,6)'], expect: isNum(-60, 70) },
  { id: 'longitude', name: /(^|_)(lng|lon|long|longitude)$/, types: [...DEC, 'int'], generate: range(-180, 180, 6), reason: 'a longitude', examples: ['longitude double precision', 'lng numeric(9,6)'], expect: isNum(-180, 180) },
  { id: 'altitude', name: /(^|_)(altitude|elevation)(_?m)?$/, types: NUM, generate: range(0, 3000, 1), reason: 'an altitude in metres', examples: ['altitude real'], expect: isNum(0, 3000) },
  { id: 'geo-text', name: /^(coordinates|geo|lat_?lng|latlng|location_?point)$/, types: T, length: 24, generate: fake('{{location.latitude}},{{location.longitude}}'), reason: 'latitude,longitude', examples: ['coordinates text'], expect: /^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/ },
  // money
  { id: 'reading-value', name: /^(value|reading|measurement|measured_?value|min_?value|max_?value|avg_?value|mean|average|sample|level|threshold|min|max|avg)$/, types: NUM, table: /reading|sensor|measure|metric|telemetry|sample|sample|observation|datapoint|data_?point|gauge|alert|threshold|series/, generate: range(0, 100, 2), reason: 'a sensor reading', examples: ['readings.value double precision', 'sensors.min_value numeric(10,2)'], expect: isNum(0, 100) },
  { id: 'fx-rate-by-table', name: /^(rate|value|mid|bid|ask|mid_?rate)$/, types: DEC, table: /exchange|fx|currency_?rate|conversion/, generate: range(0.5, 1.6, 6), reason: 'an exchange rate (rates table)', examples: ['exchange_rates.rate numeric(18,8)'], expect: isNum(0.5, 1.6) },
  { id: 'salary-by-table', name: /^(amount|annual_?amount|base|base_?amount|value|annual)$/, types: NUM, table: /salar|compensation|pay_?grade|pay_?band/, generate: range(30_000, 220_000, 0), reason: 'an annual salary (salaries table)', examples: ['salaries.annual_amount numeric(12,2)'], expect: isNum(30_000, 220_000) },
  { id: 'amount-cents', name: /(price|amount|total|subtotal|cost|fee|balance|tax|discount|payment|salary|revenue|refund|tip|charge|paid|due|value|budget|net|gross)(_?in)?_?(cents|minor|minor_?units|pence|cent)$/, types: INT, generate: range(100, 500_000), reason: 'money in cents', examples: ['amount_cents int', 'price_in_cents bigint'], expect: isInt(100, 500_000) },
  { id: 'discount-percent', name: /(discount|rebate|markdown)_?(pct|percent|percentage)$|^(pct|percent)_?(off|discount)$/, types: NUM, generate: range(5, 50, 0), reason: 'a discount in percent (5-50)', examples: ['discount_percent int', 'discount_pct numeric(5,2)'], expect: isNum(5, 50) },
  { id: 'discount-rate', name: /^(discount|discount_?rate|rebate)$/, types: DEC, generate: (c) => (fractional(c) ? range(0.05, 0.5, 2)(c) : range(5, 50, 0)(c)), reason: 'a discount: a fraction when the type holds small numbers, else percent', examples: ['discount_rate numeric(3,2)', 'discount numeric(5,2)'], expect: (v) => isNum(0.05, 0.5)(v) || isNum(5, 50)(v) },
  { id: 'tax-rate', name: /(^|_)(tax|vat|gst|sales_?tax|interest|commission|fee|churn|conversion|growth|margin|take)_?(rate|pct|percent|percentage)$/, types: DEC, generate: (c) => (fractional(c) ? range(0.01, 0.25, 4)(c) : range(1, 25, 2)(c)), reason: 'a rate: a fraction when the type holds small numbers, else percent', examples: ['tax_rate numeric(5,4)', 'vat_percent numeric(5,2)', 'commission_rate real'], expect: (v) => isNum(0.01, 0.25)(v) || isNum(1, 25)(v) },
  { id: 'tax-rate-int', name: /(^|_)(tax|vat|gst|interest|commission)_?(rate|pct|percent|percentage)$/, types: INT, generate: range(1, 25), reason: 'a rate in whole percent', examples: ['vat_rate int'], expect: isInt(1, 25) },
  { id: 'exchange-rate', name: /(^|_)(exchange|fx|conversion)_?rate$/, types: DEC, generate: range(0.5, 1.6, 6), reason: 'a currency exchange rate', examples: ['exchange_rate numeric(12,6)'], expect: isNum(0.5, 1.6) },
  { id: 'unit-price', name: /(^|_)(unit_?price|list_?price|sale_?price|retail_?price|msrp|price|base_?price|price_?per_?unit|unit_?cost|rate_?per_?hour|hourly_?rate|day_?rate|nightly_?rate|rate)$/, types: DEC, generate: (c) => (/hour|day|night|^rate$/.test(c.name) ? range(15, 250, 2)(c) : range(0.99, 499.99, 2)(c)), reason: 'a price', examples: ['price numeric(10,2)', 'unit_price decimal(12,2)', 'hourly_rate numeric(8,2)'], expect: isNum(0.99, 499.99) },
  { id: 'price-int', name: /(^|_)(price|unit_?price|list_?price|cost|fee)$/, types: INT, generate: range(1, 500), reason: 'a price in whole units', examples: ['price int'], expect: isInt(1, 500) },
  { id: 'salary', name: /(^|_)(salary|annual_?salary|base_?salary|base_?pay|compensation|wage|yearly_?salary)$/, types: NUM, generate: range(30_000, 220_000, 0), reason: 'an annual salary', examples: ['salary numeric(10,2)', 'base_salary int'], expect: isNum(30_000, 220_000) },
  { id: 'net-pay', name: /(^|_)(net_?pay|gross_?pay|take_?home|monthly_?salary|paycheck)$/, types: NUM, generate: range(1_500, 12_000, 2), reason: 'a monthly pay', examples: ['net_pay numeric(10,2)'], expect: isNum(1_500, 12_000) },
  { id: 'shipping-cost', name: /(^|_)(shipping|delivery|handling|freight|postage)(_?(cost|fee|price|amount|charge))?$/, types: NUM, generate: range(0, 25, 2), reason: 'a shipping fee', examples: ['shipping_cost numeric(8,2)', 'delivery_fee numeric(6,2)'], expect: isNum(0, 25) },
  { id: 'tip', name: /(^|_)(tip|gratuity)(_?amount)?$/, types: NUM, generate: range(0, 30, 2), reason: 'a tip', examples: ['tip numeric(6,2)'], expect: isNum(0, 30) },
  { id: 'fee', name: /(^|_)(fee|service_?fee|processing_?fee|platform_?fee|transaction_?fee|commission|surcharge)(_?amount)?$/, types: NUM, generate: range(0.3, 50, 2), reason: 'a fee', examples: ['fee numeric(8,2)', 'processing_fee numeric(10,2)'], expect: isNum(0.3, 50) },
  { id: 'tax-amount', name: /(^|_)(tax|vat|gst|sales_?tax|tax_?amount|vat_?amount|tax_?total)$/, types: NUM, generate: range(0, 200, 2), reason: 'a tax amount', examples: ['tax numeric(10,2)', 'vat_amount numeric(10,2)'], expect: isNum(0, 200) },
  { id: 'discount-amount', name: /(^|_)(discount_?amount|discount_?total|amount_?off|savings|discount_?value)$/, types: NUM, generate: range(0, 100, 2), reason: 'a discount amount', examples: ['discount_amount numeric(10,2)'], expect: isNum(0, 100) },
  { id: 'credit-limit', name: /(^|_)(credit_?limit|spending_?limit|limit_?amount|overdraft_?limit)$/, types: NUM, generate: range(500, 25_000, 0), reason: 'a credit limit', examples: ['credit_limit numeric(12,2)'], expect: isNum(500, 25_000) },
  { id: 'balance', name: /(^|_)(balance|account_?balance|current_?balance|available_?balance|opening_?balance|closing_?balance|wallet_?balance)$/, types: NUM, generate: range(0, 25_000, 2), reason: 'an account balance', examples: ['balance numeric(14,2)'], expect: isNum(0, 25_000) },
  { id: 'revenue', name: /(^|_)(revenue|arr|mrr|annual_?revenue|turnover|sales|gmv|income|profit)$/, types: NUM, generate: range(1_000, 5_000_000, 2), reason: 'revenue', examples: ['annual_revenue numeric(14,2)', 'mrr bigint'], expect: isNum(1_000, 5_000_000) },
  { id: 'budget', name: /(^|_)(budget|funding|valuation|target_?amount|goal_?amount|raised)$/, types: NUM, generate: range(1_000, 1_000_000, 0), reason: 'a budget', examples: ['budget numeric(12,2)'], expect: isNum(1_000, 1_000_000) },
  { id: 'amount', name: /(^|_)(amount|total|subtotal|grand_?total|total_?amount|amount_?due|amount_?paid|paid_?amount|refund_?amount|charge_?amount|payment_?amount|order_?total|invoice_?total|cost|total_?cost|debit|credit|deposit|withdrawal|payout|net_?amount|gross_?amount|line_?total|monetary_?value|order_?value)$/, types: NUM, generate: range(1, 2_000, 2), reason: 'an amount of money', examples: ['amount numeric(12,2)', 'total decimal(10,2)', 'amount_paid numeric'], expect: isNum(1, 2_000) },
  // counts and measures
  { id: 'quantity', name: /(^|_)(qty|quantity|units|unit_?count|item_?count|items|seats|licenses|nights|guests|adults|children|passengers|tickets|pieces)$/, types: INT, generate: range(1, 10), reason: 'a small quantity', examples: ['quantity int', 'qty smallint', 'seats integer'], expect: isInt(1, 10) },
  { id: 'stock', name: /(^|_)(stock|inventory|stock_?level|on_?hand|available_?quantity|quantity_?on_?hand|in_?stock|reorder_?level|reorder_?point)$/, types: INT, generate: range(0, 500), reason: 'an inventory level', examples: ['stock int', 'quantity_on_hand integer'], expect: isInt(0, 500) },
  { id: 'review-stars', name: /^(stars|score)$/, types: INT, table: /review|rating|feedback|survey/, generate: range(1, 5), reason: 'a review rating from 1 to 5', examples: ['reviews.stars int', 'feedback.score smallint'], expect: isInt(1, 5) },
  { id: 'popularity-count', name: /(^|_)(views|view_?count|likes|like_?count|followers|follower_?count|following_?count|favorites|stars|stargazers|star_?count|forks|fork_?count|watchers|downloads|download_?count|shares|share_?count|clicks|click_?count|impressions|visits|plays|play_?count|upvotes|downvotes|votes|vote_?count|subscribers|subscriber_?count)$/, types: INT, generate: range(0, 5_000), reason: 'a popularity count', examples: ['view_count int', 'stars integer', 'followers int'], expect: isInt(0, 5_000) },
  { id: 'max-retries', name: /^(max_?retries|max_?attempts|retry_?limit)$/, types: INT, generate: numPick([3, 5, 10], [50, 35, 15]), reason: 'a retry limit', examples: ['max_retries int'], expect: inList([3, 5, 10]) },
  { id: 'retries', name: /(^|_)(retries|retry_?count|attempts?|attempt_?count|tries|failed_?attempts|failed_?login_?attempts|login_?attempts|delivery_?attempts|run_?attempt)$/, types: INT, generate: range(0, 5), reason: 'a retry count', examples: ['attempts int', 'retry_count smallint'], expect: isInt(0, 5) },
  { id: 'count', name: /(^|_)(count|total_?count)$|_count$|^num_|^number_?of_|^n_/, types: INT, generate: range(0, 100), reason: 'a count', examples: ['comment_count int', 'num_comments integer', 'number_of_rooms smallint'], expect: isInt(0, 100) },
  { id: 'rating', name: /(^|_)(rating|stars|star_?rating|review_?score|grade_?points|nps_?rating|satisfaction)$/, types: NUM, generate: (c) => (c.category === 'int' ? range(1, 5)(c) : range(1, 5, 1)(c)), reason: 'a rating from 1 to 5', examples: ['rating smallint', 'star_rating int', 'rating numeric(2,1)'], expect: isNum(1, 5) },
  { id: 'nps', name: /(^|_)(nps|nps_?score|likelihood_?to_?recommend)$/, types: INT, generate: range(0, 10), reason: 'a net promoter score answer 0-10', examples: ['nps_score int'], expect: isInt(0, 10) },
  { id: 'percent', name: /(^|_)(percent|percentage|pct|progress|completion|completion_?rate|utilization|usage_?percent|battery(_?level)?|humidity|success_?rate|accuracy|confidence|probability|score)$/, types: NUM, generate: (c) => (fractional(c) ? range(0, 1, Math.min(c.digits, 3))(c) : range(0, 100, 1)(c)), reason: 'a percentage 0-100 (a fraction 0-1 when the type holds small numbers)', examples: ['progress int', 'percentage numeric(5,2)', 'score real', 'confidence numeric(3,2)'], expect: isNum(0, 100) },
  { id: 'age', name: /^(age|age_?years|age_?in_?years)$/, types: INT, generate: range(18, 80), reason: 'an adult age', examples: ['age smallint'], expect: isInt(18, 80) },
  { id: 'birth-year', name: /^(birth_?year|year_?of_?birth|yob|born)$/, types: INT, generate: range(1945, 2007), reason: 'a birth year (18-80 years ago)', examples: ['birth_year int'], expect: isInt(1945, 2007) },
  { id: 'year', name: /(^|_)(year|fiscal_?year|model_?year|academic_?year|tax_?year|season|vintage|year_?founded|founded_?year|founded|established|release_?year|publication_?year|graduation_?year)$/, types: INT, generate: (c) => (/found|establish/.test(c.name) ? range(1950, 2023)(c) : range(2015, 2026)(c)), reason: 'a year', examples: ['year int', 'fiscal_year smallint', 'founded_year int'], expect: isInt(1950, 2026) },
  { id: 'month', name: /(^|_)(month|month_?of_?year|billing_?month)$/, types: INT, generate: range(1, 12), reason: 'a month 1-12', examples: ['month smallint'], expect: isInt(1, 12) },
  { id: 'day-of-week', name: /(^|_)(day_?of_?week|dow|weekday|isodow)$/, types: INT, generate: (c) => range(c.lo >= 1 ? 1 : 0, c.lo >= 1 ? 7 : 6)(c), reason: 'a day of the week', examples: ['day_of_week smallint'], expect: isInt(0, 7) },
  { id: 'weekday-name', name: /(^|_)(day_?of_?week|weekday|day_?name)$/, types: T, length: 9, generate: pick(WEEKDAY_NAMES), reason: 'a weekday name', examples: ['weekday text'], expect: inList(WEEKDAY_NAMES) },
  { id: 'day-of-month', name: /(^|_)(day_?of_?month|billing_?day|payday|due_?day|day)$/, types: INT, generate: range(1, 28), reason: 'a day of the month', examples: ['billing_day smallint'], expect: isInt(1, 28) },
  { id: 'hour', name: /(^|_)(hour|hour_?of_?day|start_?hour|end_?hour)$/, types: INT, generate: range(0, 23), reason: 'an hour of the day', examples: ['hour smallint'], expect: isInt(0, 23) },
  { id: 'minute', name: /(^|_)(minute|minute_?of_?hour)$/, types: INT, generate: range(0, 59), reason: 'a minute', examples: ['minute smallint'], expect: isInt(0, 59) },
  { id: 'timeout-ms', name: /^(timeout|delay|interval|backoff|ttl)_?ms$/, types: INT, generate: numPick([500, 1000, 2000, 5000, 10000, 30000, 60000], [5, 15, 10, 25, 15, 20, 10]), reason: 'a timeout in milliseconds', examples: ['timeout_ms int'], expect: inList([500, 1000, 2000, 5000, 10000, 30000, 60000]) },
  { id: 'duration-ms', name: /(^|_)(duration|elapsed|latency|response_?time|took|runtime|execution_?time|processing_?time|render_?time|load_?time|wait_?time|ttfb|time)_?ms$|_(ms|millis|milliseconds)$/, types: NUM, generate: range(5, 30_000, 0), reason: 'a duration in milliseconds', examples: ['duration_ms int', 'latency_ms integer', 'response_time_ms bigint'], expect: isNum(5, 30_000) },
  { id: 'ttl-seconds', name: /^(ttl|ttl_?seconds|ttl_?secs|timeout|timeout_?seconds|timeout_?secs|max_?age|cache_?ttl|expires_?in|expiry_?seconds|lifetime|session_?timeout|retry_?after|poll_?interval|interval_?seconds|heartbeat_?interval)$/, types: INT, generate: numPick([30, 60, 300, 600, 900, 1800, 3600, 86400], [5, 15, 15, 10, 10, 10, 25, 10]), reason: 'a time-to-live / timeout in seconds', examples: ['ttl int', 'timeout_seconds integer', 'expires_in int'], expect: inList([30, 60, 300, 600, 900, 1800, 3600, 86400]) },
  { id: 'duration-minutes', name: /(^|_)(duration|length|runtime|reading_?time|estimated_?time|prep_?time|cook_?time|travel_?time|break|slot)_?(mins?|minutes)$/, types: NUM, generate: range(5, 240, 0), reason: 'a duration in minutes', examples: ['duration_minutes int', 'reading_time_min smallint'], expect: isNum(5, 240) },
  { id: 'duration-hours', name: /^(hours|hours_?worked|billable_?hours|estimated_?hours|overtime_?hours|overtime)$|_(hours|hrs)$/, types: NUM, generate: range(0.5, 12, 1), reason: 'a duration in hours', examples: ['hours_worked numeric(5,2)', 'billable_hours real'], expect: isNum(0.5, 12) },
  { id: 'duration-seconds', name: /(^|_)(duration|elapsed|runtime|length|watch_?time|play_?time|call_?duration|time_?spent|uptime|downtime)(_?(s|sec|secs|seconds))?$|_(secs|seconds)$/, types: NUM, generate: range(1, 3_600, 0), reason: 'a duration in seconds', examples: ['duration int', 'elapsed_seconds integer', 'watch_time bigint'], expect: isNum(1, 3_600) },
  { id: 'sort-order', name: /(^|_)(position|sort_?order|sort_?index|display_?order|order_?index|ordinal|rank|priority_?order|seq|sequence|weight|sort|idx|order)$/, types: INT, generate: range(0, 100), reason: 'an ordering position', examples: ['position int', 'sort_order smallint'], expect: isInt(0, 100) },
  { id: 'priority-int', name: /^(priority|severity|urgency|importance)$/, types: INT, generate: range(1, 5), reason: 'a priority 1-5', examples: ['priority smallint'], expect: isInt(1, 5) },
  { id: 'version-int', name: /(^|_)(version|revision|rev|lock_?version|schema_?version|api_?version|build_?number|build_?no|run_?number)$/, types: INT, generate: range(1, 20), reason: 'a version counter', examples: ['version int', 'lock_version integer'], expect: isInt(1, 20) },
  { id: 'weight', name: /(^|_)(weight|weight_?kg|mass|net_?weight|gross_?weight|package_?weight)$/, types: NUM, generate: range(0.1, 50, 2), reason: 'a weight in kilograms', examples: ['weight numeric(8,2)', 'weight_kg real'], expect: isNum(0.1, 50) },
  { id: 'height-cm', name: /(^|_)(height|height_?cm|body_?height)$/, types: NUM, table: /user|people|person|patient|athlete|player|member|profile|employee|student/, generate: range(150, 200, 1), reason: 'a body height in cm', examples: ['patients.height numeric(5,1)'], expect: isNum(150, 200) },
  { id: 'dimension', name: /(^|_)(width|height|length|depth|size|distance|radius|diameter|area|volume|thickness)(_?(cm|mm|m|km|in|px|sqm|sq_?ft))?$/, types: NUM, generate: range(1, 500, 2), reason: 'a dimension', examples: ['width int', 'length_cm numeric(8,2)', 'distance_km real'], expect: isNum(1, 500) },
  { id: 'temperature', name: /(^|_)(temp|temperature)(_?c|_?celsius)?$/, types: NUM, generate: range(-10, 40, 1), reason: 'a temperature in Celsius', examples: ['temperature numeric(5,2)', 'temp_c real'], expect: isNum(-10, 40) },
  { id: 'points', name: /(^|_)(points|credits|karma|reputation|xp|experience|loyalty_?points|reward_?points|balance_?points|coins|tokens_?used|token_?count)$/, types: INT, generate: range(0, 5_000), reason: 'points or credits', examples: ['points int', 'karma integer'], expect: isInt(0, 5_000) },
  { id: 'memory-mb', name: /(^|_)(memory|ram|mem|memory_?mb|ram_?mb|disk|disk_?gb|storage_?gb|cpu_?cores|vcpus|cpus?|cores)$/, types: NUM, generate: (c) => (/cpu|core/.test(c.name) ? numPick([1, 2, 4, 8, 16], [10, 30, 30, 20, 10])(c) : numPick([256, 512, 1024, 2048, 4096, 8192], [10, 20, 25, 20, 15, 10])(c)), reason: 'a machine size', examples: ['memory_mb int', 'cpus smallint'], expect: inList([1, 2, 4, 8, 16, 256, 512, 1024, 2048, 4096, 8192]) },
  { id: 'cpu-percent', name: /(^|_)(cpu|cpu_?usage|cpu_?percent|cpu_?load|memory_?usage|mem_?usage|load)$/, types: DEC, generate: range(0, 100, 1), reason: 'a utilisation in percent', examples: ['cpu_usage real', 'memory_usage numeric(5,2)'], expect: isNum(0, 100) },
  { id: 'bytes-count', name: /(^|_)(bytes_?(sent|received|in|out|read|written)|bandwidth|traffic)$/, types: INT, generate: range(100, 10_000_000), reason: 'bytes transferred', examples: ['bytes_sent bigint'], expect: isInt(100, 10_000_000) },
  // content
  { id: 'book-title', name: /^(title|book_?title|name)$/, types: T, table: /book|novel|publication/, length: 43, generate: f('book.title'), reason: 'a book title', examples: ['books.title text'], expect: english },
  { id: 'song-title', name: /^(title|song_?title|track_?name|name)$/, types: T, table: /song|track|music/, length: 66, generate: f('music.songName'), reason: 'a song title', examples: ['tracks.title text'], expect: english },
  { id: 'album-title', name: /^(title|album_?title|album_?name|name)$/, types: T, table: /album/, length: 40, generate: f('music.album'), reason: 'an album title', examples: ['albums.title text'], expect: english },
  { id: 'artist-name', name: /^(artist|artist_?name|band|performer)$/, types: T, length: 40, generate: f('music.artist'), reason: 'an artist', examples: ['artist text'], expect: english },
  { id: 'genre', name: /^(genre|music_?genre|book_?genre)$/, types: T, length: 20, generate: (c) => f(/book|novel/.test(c.table) ? 'book.genre' : 'music.genre'), reason: 'a genre', examples: ['genre text'], expect: english },
  { id: 'dish', name: /^(dish|dish_?name|meal|recipe_?name)$/, types: T, length: 60, generate: f('food.dish'), reason: 'a dish name', examples: ['dish text'], expect: english },
  { id: 'dish-by-table', name: /^(name|title)$/, types: T, table: /dish|recipe|menu|meal/, length: 60, generate: f('food.dish'), reason: 'a dish name (recipes table)', examples: ['recipes.name text'], expect: english },
  { id: 'ingredient', name: /^(ingredient|ingredient_?name)$/, types: T, length: 30, generate: f('food.ingredient'), reason: 'an ingredient', examples: ['ingredient text'], expect: english },
  { id: 'pet-name', name: /^(pet_?name|name)$/, types: T, table: /^(pets?|animals?|dogs?|cats?|pet_.*|.*_pets?)$/, length: 10, generate: f('animal.petName'), reason: 'a pet name', examples: ['pets.name text'], expect: /^[A-Z][a-z]+$/ },
  { id: 'vehicle', name: /^(vehicle|make_?model|car|car_?model|vehicle_?model|model)$/, types: T, table: /vehicle|car|fleet|rental|garage|driver/, length: 34, generate: f('vehicle.vehicle'), reason: 'a vehicle make and model', examples: ['vehicles.model text', 'rentals.car text'], expect: english },
  { id: 'vehicle-make', name: /^(make|manufacturer|vehicle_?make|car_?make)$/, types: T, table: /vehicle|car|fleet|rental|garage|driver/, length: 20, generate: f('vehicle.manufacturer'), reason: 'a vehicle manufacturer', examples: ['vehicles.make text'], expect: english },
  { id: 'airport', name: /^(airport|airport_?code|origin|destination|iata|iata_?code|from_?airport|to_?airport|departure_?airport|arrival_?airport)$/, types: T, table: /flight|airport|trip|booking|itinerar|leg|route/, length: 3, generate: re('[A-Z]{3}'), reason: 'an IATA airport code', examples: ['flights.origin char(3)', 'flights.departure_airport text'], expect: /^[A-Z]{3}$/ },
  { id: 'flight-number', name: /^(flight|flight_?number|flight_?no)$/, types: T, length: 7, generate: fake('{{airline.flightNumber({"addLeadingZeros":false})}}'), reason: 'a flight number', examples: ['flight_number text'], expect: /^\d{1,4}$/ },
  { id: 'seat', name: /^(seat|seat_?number|seat_?no)$/, types: T, length: 3, generate: f('airline.seat'), reason: 'a seat such as 24C', examples: ['seat varchar(4)'], expect: /^\d{1,2}[A-K]$/ },
  { id: 'room-number', name: /^(room|room_?number|room_?no|unit_?number)$/, types: T, length: 4, generate: re('[1-9]0[1-9]'), reason: 'a room number', examples: ['room_number varchar(10)'], expect: /^[1-9]0[1-9]$/ },
  { id: 'room-type-name', name: /^(name|title|room_?type|type_?name)$/, types: T, table: /room_?type|room_?categor|accommodation_?type/, length: 16, generate: pick(['Standard Double', 'Deluxe King', 'Twin Room', 'Junior Suite', 'Family Room', 'Executive Suite', 'Single Room', 'Superior Queen'], [20, 15, 15, 10, 10, 5, 15, 10]), reason: 'a hotel room type', examples: ['room_types.name text'], expect: /^[A-Z][a-z]+ [A-Z][a-z]+$/ },
  { id: 'tag-name-by-table', name: /^(name|label|title|tag|slug)$/, types: T, table: /^(tags?|labels?|[a-z_]+_tags|[a-z_]+_labels|topics?|keywords?|hashtags?)$/, length: 20, generate: (c) => (c.unique ? f('word.noun') : pick(TAGS)), reason: 'a tag word (tags table; unique ones get the engine suffix)', examples: ['tags.name text', 'labels.label varchar(32)', 'ticket_tags.tag text'], expect: /^[a-z]+(-[a-z0-9]+)?$/ },
  { id: 'product-name', name: /^(name|title|product|product_?name|item|item_?name|product_?title|item_?title|variant_?name|sku_?name|listing_?title|service_?name|plan_?name|offering)$/, types: T, table: /product|item|sku|variant|catalog|listing|inventory|merch|goods|order_line|line_item|cart|wishlist|offer|sale|stock|service|plan|package|subscription|addon|add_on|price/, length: 29, generate: f('commerce.productName'), reason: 'a product name', examples: ['products.name text', 'order_items.item_name varchar(100)', 'line_items.title text'], expect: english },
  { id: 'product-material', name: /^(material|fabric)$/, types: T, length: 10, generate: f('commerce.productMaterial'), reason: 'a material', examples: ['material text'], expect: english },
  { id: 'category', name: /^(category|category_?name|product_?category|section|aisle|collection|collection_?name|department_?name)$/, types: T, length: 13, generate: pick(CATEGORIES), reason: 'a product category', examples: ['category text', 'collection_name varchar(50)'], expect: inList(CATEGORIES) },
  { id: 'unit', name: /^(unit|uom|unit_?of_?measure|measurement_?unit|units_?label)$/, types: T, length: 3, generate: pick(UNITS), reason: 'a unit of measure', examples: ['uom varchar(5)', 'unit text'], expect: inList(UNITS) },
  { id: 'payment-method', name: /^(payment_?method|payment_?type|method_?of_?payment|pay_?method|tender_?type|payment_?channel)$/, types: T, length: 13, generate: pick(PAYMENT_METHODS, [55, 12, 10, 8, 6, 5, 4]), reason: 'a payment method', examples: ['payment_method text'], expect: inList(PAYMENT_METHODS) },
  { id: 'transaction-type', name: /^(transaction_?type|txn_?type|entry_?type|direction|side)$/, types: T, length: 8, generate: pick(['debit', 'credit'], [55, 45]), reason: 'debit or credit', examples: ['transaction_type text', 'entry_type varchar(10)'], expect: inList(['debit', 'credit']) },
  { id: 'billing-interval', name: /^(billing_?(interval|period|cycle)|interval|recurring_?interval|renewal_?period)$/, types: T, length: 5, generate: pick(BILLING_INTERVALS, [70, 25, 5]), reason: 'a billing interval', examples: ['billing_interval text', 'prices.interval varchar(10)'], expect: inList(BILLING_INTERVALS) },
  { id: 'frequency', name: /^(frequency|recurrence|cadence|repeat|schedule_?frequency|digest_?frequency)$/, types: T, length: 9, generate: pick(FREQUENCIES, [25, 35, 30, 5, 5]), reason: 'a frequency', examples: ['frequency text'], expect: inList(FREQUENCIES) },
  { id: 'channel', name: /^(channel|notification_?channel|delivery_?channel|medium|contact_?method|preferred_?channel)$/, types: T, length: 7, generate: pick(CHANNELS, [40, 15, 20, 15, 5, 5]), reason: 'a notification channel', examples: ['channel text'], expect: inList(CHANNELS) },
  { id: 'source', name: /^(source|signup_?source|lead_?source|origin|acquisition_?channel|created_?via|client)$/, types: T, length: 7, generate: pick(SOURCES, [40, 15, 15, 12, 8, 5, 5]), reason: 'where a record came from', examples: ['signup_source text', 'source varchar(20)'], expect: inList(SOURCES) },
  { id: 'reason', name: /^(reason|cancel(l)?ation_?reason|refund_?reason|dispute_?reason|return_?reason|churn_?reason|void_?reason)$/, types: T, length: 17, generate: pick(REASONS, [35, 10, 5, 15, 10, 15, 10]), reason: 'a reason code', examples: ['refund_reason text', 'reason varchar(50)'], expect: inList(REASONS) },
  { id: 'icon', name: /^(icon|icon_?name|emoji_?name)$/, types: T, length: 9, generate: pick(ICONS), reason: 'an icon name', examples: ['icon varchar(32)'], expect: inList(ICONS) },
  { id: 'emoji', name: /^(emoji|reaction|emoticon)$/, types: T, length: 8, generate: f('internet.emoji'), reason: 'an emoji', examples: ['emoji text'], expect: /^\S+$/u },
  { id: 'color-hex', name: /(^|_)(colou?r|colou?r_?hex|hex_?colou?r|brand_?colou?r|primary_?colou?r|secondary_?colou?r|accent_?colou?r|background_?colou?r|bg_?colou?r|text_?colou?r|theme_?colou?r|label_?colou?r|fill)$/, types: T, length: 7, generate: f('color.rgb', { casing: 'lower' }), reason: 'a hex colour', examples: ['color char(7)', 'brand_colour varchar(7)'], expect: /^#[0-9a-f]{6}$/ },
  { id: 'color-name', name: /^(colou?r_?name|shade|finish)$/, types: T, length: 10, generate: f('color.human'), reason: 'a colour name', examples: ['color_name text'], expect: /^[a-z ]+$/ },
  { id: 'theme', name: /^(theme|ui_?theme|color_?scheme|appearance|mode)$/, types: T, length: 6, generate: pick(['light', 'dark', 'system'], [40, 35, 25]), reason: 'a UI theme', examples: ['theme text'], expect: inList(['light', 'dark', 'system']) },
  { id: 'tags-text', name: /^(tag|tags|label|labels|keyword|keywords|topic|topics|hashtag|hashtags)$/, types: T, length: 10, generate: pick(TAGS), reason: 'a tag word', examples: ['tag varchar(32)', 'labels text'], expect: inList(TAGS) },
  { id: 'slug-from-title', name: /(^|_)(slug|permalink_?slug|url_?slug|handle_?slug|path_?slug)$/, types: T, generate: (c) => slugFrom(c), reason: "a slug of the row's title or name", examples: ['posts.slug text +title', 'projects.slug varchar(100) unique +name'], expect: /^[a-z0-9]+(-[a-z0-9]+)*$/ },
  { id: 'slug', name: /(^|_)(slug|permalink_?slug|url_?slug|handle_?slug|path_?slug)$/, types: T, length: 36, generate: (c) => (c.unique ? f('word.noun') : fake('{{word.adjective}}-{{word.noun}}')), reason: 'a slug of English words (unique: the engine adds -<row>)', examples: ['slug text', 'posts.slug varchar(255) unique'], expect: /^[a-z]+(-[a-z0-9]+)*$/ },
  { id: 'subject', name: /^(subject|subject_?line|email_?subject|topic_?title)$/, types: T, length: 60, generate: f('company.catchPhrase'), uniqueAlternative: f('commerce.productName'), reason: 'a subject line (English phrase)', examples: ['subject text'], expect: english },
  { id: 'headline', name: /^(headline|tagline|slogan|motto|catch_?phrase|strapline|subtitle|sub_?title|teaser|kicker|lede|lead_?in)$/, types: T, generate: prose('phrase'), uniqueAlternative: f('commerce.productName'), reason: 'a short English phrase', examples: ['headline text', 'tagline varchar(100)'], expect: english },
  { id: 'title', name: /(^|_)(title|heading|caption_?title|display_?title|page_?title|seo_?title|meta_?title|name_?title)$/, types: T, generate: prose('phrase'), uniqueAlternative: f('commerce.productName'), reason: 'a title: a short English phrase', examples: ['title text', 'posts.title varchar(200)', 'page_title text'], expect: english },
  { id: 'project-name', name: /^(name|project_?name|workspace_?name|board_?name|space_?name|channel|repo_?display_?name|team|team_?name|group_?name|list_?name|folder_?name|label_?name|event_?title)$/, types: T, table: /project|workspace|board|space|team|group|channel|folder|list|label|pipeline|milestone|sprint|campaign|event|course|class|program|lesson|module|playlist|collection|album|portfolio|room|server|cluster|environment|app|application|repo|queue|segment|survey|form|report|dashboard|template|workflow|job|task|ticket|issue|goal|objective/, length: 36, generate: fake('{{word.adjective}} {{word.noun}}'), uniqueAlternative: f('commerce.productName'), reason: 'a name of two English words', examples: ['projects.name text', 'teams.name varchar(80)', 'courses.name text'], expect: english },
  { id: 'description', name: /(^|_)(description|desc|summary|excerpt|abstract|overview|synopsis|blurb|about|intro|introduction|preview|snippet|meta_?description|seo_?description|short_?description|details|purpose|objective|goal|instructions|requirements)$/, types: T, generate: prose('summary'), reason: 'a description: English prose', examples: ['description text', 'summary varchar(500)', 'excerpt text'], expect: english },
  { id: 'bio', name: /(^|_)(bio|biography|about_?me|profile_?text|headline_?bio|self_?intro)$/, types: T, generate: prose('summary'), reason: 'a short bio: English prose', examples: ['bio text'], expect: english },
  { id: 'chat-body', name: /^(body|content|text|message|body_?text|content_?text)$/, types: T, table: /(^|_)(messages?|chats?|chat_?messages?|dms?|direct_?messages?|sms|texts?)$/, generate: prose('sentence'), reason: 'a chat message: one English sentence', examples: ['messages.body text', 'chat_messages.content text', 'direct_messages.text text'], expect: english },
  { id: 'reply-body', name: /^(body|content|text|body_?text|content_?text|body_?md|markdown)$/, types: T, table: /(^|_)(comments?|replies|reply|answers?|reviews?|responses?|feedbacks?|notes?|annotations?|remarks?)$/, generate: prose('paragraph'), reason: 'a comment or reply: a short English paragraph', examples: ['comments.body text', 'replies.content text', 'ticket_comments.body text'], expect: english },
  { id: 'body', name: /(^|_)(body|content|text|html|markdown|body_?html|body_?text|body_?md|content_?html|content_?md|article|post_?body|page_?content|rich_?text|raw_?text|full_?text|transcript|document|essay|answer|response_?body|reply)$/, types: T, generate: prose('body'), reason: 'a body: English prose', examples: ['body text', 'content text', 'markdown text'], expect: english },
  { id: 'comment', name: /(^|_)(comment|comments|note|notes|message|remark|remarks|feedback|review|review_?text|memo|annotation|internal_?notes|admin_?notes|question|caption|alt_?text|alt|hint|help_?text|explanation|justification|resolution|response)$/, types: T, generate: prose('sentence'), reason: 'a note or message: English prose', examples: ['notes text', 'message varchar(500)', 'comment text'], expect: english },
  { id: 'word-name', name: /(^|_)name$/, types: T, length: 36, generate: fake('{{word.adjective}} {{word.noun}}'), uniqueAlternative: f('commerce.productName'), reason: 'a name of two English words', examples: ['widgets.name text', 'display_label_name text'], expect: english },
  // status-like vocabularies (used only when no CHECK list or enum says otherwise)
  { id: 'status', name: /(^|_)status$|^state$/, types: T, length: 8, generate: (c) => vocabulary(c, ['active', 'inactive', 'pending', 'archived'], [70, 10, 15, 5]), reason: 'a status word', examples: ['status text', 'account_status varchar(16)'], expect: inList(['active', 'inactive', 'pending', 'archived']) },
  { id: 'role', name: /(^|_)role$|^role_?name$/, types: T, length: 6, generate: (c) => vocabulary(c, ['member', 'admin', 'owner', 'viewer'], [70, 10, 5, 15]), reason: 'a role word', examples: ['role text', 'member_role varchar(10)'], expect: inList(['member', 'admin', 'owner', 'viewer']) },
  { id: 'plan', name: /^(plan|tier|subscription|plan_?tier|pricing_?tier|subscription_?tier|plan_?type|plan_?code)$/, types: T, length: 10, generate: (c) => vocabulary(c, ['free', 'pro', 'enterprise'], [60, 30, 10]), reason: 'a plan tier', examples: ['plan text'], expect: inList(['free', 'pro', 'enterprise']) },
  { id: 'priority', name: /priority|severity|urgency/, types: T, length: 6, generate: (c) => vocabulary(c, ['low', 'medium', 'high', 'urgent'], [30, 45, 20, 5]), reason: 'a priority word', examples: ['priority text', 'severity varchar(10)'], expect: inList(['low', 'medium', 'high', 'urgent']) },
  { id: 'visibility', name: /visibility|privacy|access_?level|sharing/, types: T, length: 8, generate: (c) => vocabulary(c, ['public', 'private', 'unlisted'], [50, 40, 10]), reason: 'a visibility word', examples: ['visibility text'], expect: inList(['public', 'private', 'unlisted']) },
  { id: 'type-word', name: /^(type|kind|category_?type|item_?type|record_?type|entity_?type|object_?type|resource_?type|subject_?type|target_?type|owner_?type|parent_?type|commentable_?type|taggable_?type|notifiable_?type|trackable_?type)$/, types: T, length: 12, generate: (c) => (/able_?type|^(entity|object|resource|subject|target|owner|parent)_?type$/.test(c.name) ? pick(['Project', 'Task', 'Comment', 'User', 'Document'], [30, 30, 15, 15, 10]) : pick(['standard', 'premium', 'internal', 'external', 'other'], [50, 15, 15, 15, 5])), reason: 'a type word (polymorphic types as class names)', examples: ['type text', 'commentable_type varchar(50)'], expect: inList(['Project', 'Task', 'Comment', 'User', 'Document', 'standard', 'premium', 'internal', 'external', 'other']) },
  // time
  { id: 'birth-date', name: /(^|_)(birth_?date|date_?of_?birth|dob|birthday|born|born_?on|born_?at|birth_?day)$/, types: WHEN, generate: f('date.birthdate', { mode: 'age', min: 18, max: 80 }), reason: 'a birth date 18-80 years ago', examples: ['birth_date date', 'dob date', 'date_of_birth timestamp'], expect: age(18, 80) },
  { id: 'hire-date', name: /(^|_)(hire|hired|start|joined|join|employment_?start|enrolled|enrollment|member_?since|customer_?since|registered|signup|signed_?up)_?(date|on|at)?$/, types: WHEN, generate: f('date.past', { years: 8 }), reason: 'a past date within 8 years', examples: ['hire_date date', 'joined_at timestamptz', 'member_since date'], expect: isPast(8) },
  { id: 'future-date', name: /expire|expiry|expiration|(^|_)due|deadline|scheduled|valid_?(until|to|thru)|^next_|renew|trial_?end|due_?(date|at|on)|^run_?at|^publish_?at|^send_?at|remind|follow_?up|reminder/, types: WHEN, generate: f('date.future', { years: 1 }), reason: 'a date in the coming year', examples: ['expires_at timestamptz', 'due_date date', 'next_run_at timestamp'], expect: isFuture },
  { id: 'recent', name: /^(last_?(seen|active|activity|login|sign_?in|used|accessed|heartbeat|ping|sync|synced|polled|checked|read)(_?at|_?on|_?date)?|seen_?at|accessed_?at|heartbeat_?at|pinged_?at|synced_?at|read_?at|opened_?at|clicked_?at|delivered_?at|viewed_?at|current_?sign_?in_?at|last_?sign_?in_?at)$/, types: WHEN, generate: f('date.recent', { days: 30 }), reason: 'a recent moment (last 30 days)', examples: ['last_seen_at timestamptz', 'last_login date'], expect: isPast(0.1) },
  { id: 'record-timestamp', name: /^(created|inserted|updated|modified|deleted|archived|published|posted|occurred|logged|recorded|submitted|sent|received|completed|closed|resolved|paid|shipped|cancel(l)?ed|approved|verified|confirmed|processed|started|finished|ended|failed)_?(at|on|date|time|timestamp)?$|^(timestamp|ts|event_?time|occurred|date|datetime|time)$/, types: WHEN, generate: (c) => (c.category === 'date' && !/created|inserted|updated|modified/.test(c.name) ? f('date.past', { years: 3 }) : f('date.past', { years: 2 })), reason: 'a past moment (within 2-3 years)', examples: ['created_at timestamptz', 'published_on date', 'ts timestamp'], expect: isPast(3) },
  { id: 'time-of-day', name: /(^|_)(opens?|closes?|start|end|begin|from|to|open|close|opening|closing|time|alarm|reminder|delivery|pickup|check_?in|check_?out|departure|arrival)(_?(at|time|hour))?$/, types: ['time'], generate: pick(TIMES), reason: 'a time of day in business hours', examples: ['opens_at time', 'start_time time'], expect: inList(TIMES) },
  // JSON by column name
  { id: 'json-metadata', name: /(^|_)(metadata|meta|extra|extras|custom_?fields|custom_?data|context|annotations|labels_?json|raw_?metadata|user_?metadata|app_?metadata|traits)$/, types: JSONB, generate: obj([['source', pick(SOURCES)], ['version', f('number.int', { min: 1, max: 5 })], ['campaign', pick(UTM_CAMPAIGN)], ['imported', f('datatype.boolean', { probability: 0.1 })]]), reason: 'metadata: source, version, campaign', examples: ['metadata jsonb', 'user_metadata jsonb'], expect: isObj('source', 'version') },
  { id: 'json-settings', name: /(^|_)(settings|preferences|prefs|config|configuration|options|user_?settings|notification_?settings|notification_?preferences|feature_?flags|flags|toggles)$/, types: JSONB, generate: obj([['theme', pick(['light', 'dark', 'system'])], ['language', pick(LANGS.slice(0, 5))], ['notifications', obj([['email', f('datatype.boolean', { probability: 0.8 })], ['push', f('datatype.boolean', { probability: 0.4 })]])], ['timezone', f('location.timeZone')]]), reason: 'settings: theme, language, notifications', examples: ['settings jsonb', 'preferences json'], expect: isObj('theme', 'notifications') },
  { id: 'json-address', name: /(^|_)(address|billing_?address|shipping_?address|location|mailing_?address|postal_?address|home_?address)$/, types: JSONB, generate: obj([['street', f('location.streetAddress')], ['city', f('location.city')], ['postal_code', f('location.zipCode')], ['state', f('location.state')], ['country', f('location.countryCode')]]), reason: 'an address object', examples: ['shipping_address jsonb', 'address json'], expect: isObj('street', 'city', 'postal_code', 'country') },
  { id: 'json-geo', name: /(^|_)(coordinates|coords|geo|geolocation|position|lat_?lng|point|gps)$/, types: JSONB, generate: obj([['lat', f('location.latitude')], ['lng', f('location.longitude')]]), reason: 'coordinates { lat, lng }', examples: ['coordinates jsonb'], expect: isObj('lat', 'lng') },
  { id: 'json-headers', name: /(^|_)(headers|request_?headers|response_?headers|http_?headers)$/, types: JSONB, generate: obj([['content-type', pick(['application/json', 'text/html; charset=utf-8'])], ['user-agent', f('internet.userAgent')], ['x-request-id', f('string.uuid')]]), reason: 'HTTP headers', examples: ['headers jsonb'], expect: isObj('content-type', 'user-agent') },
  { id: 'json-payload', name: /(^|_)(payload|data|event_?data|body|request_?body|response_?body|params|parameters|properties|props|args|arguments|input|output|result|details|changes|diff|snapshot|state|attributes|attrs)$/, types: JSONB, generate: obj([['id', f('string.uuid')], ['type', fake(`${one(NOUNS)}.${one(PAST)}`)], ['attempt', f('number.int', { min: 1, max: 3 })], ['actor', f('internet.email')]]), reason: 'an event payload { id, type, attempt, actor }', examples: ['payload jsonb', 'event_data json', 'properties jsonb'], expect: isObj('id', 'type') },
  { id: 'json-tags', name: /(^|_)(tags|labels|keywords|topics|categories|skills|interests|hashtags)$/, types: JSONB, generate: f('array', { of: pick(TAGS), min: 1, max: 4 }), reason: 'a list of tag words', examples: ['tags jsonb'], expect: isArrayOf(TAGS) },
  { id: 'json-scopes', name: /(^|_)(scopes|permissions|roles|grants|abilities|capabilities)$/, types: JSONB, generate: f('array', { of: pick(SCOPES), min: 1, max: 4 }), reason: 'a list of permission scopes', examples: ['scopes jsonb'], expect: isArrayOf(SCOPES) },
  // generic codes: after every specific *_code above
  { id: 'code', name: /(^|_)(code|short_?code|identifier|external_?ref|reference_?code)$/, types: T, generate: (c) => f('string.alphanumeric', { length: Math.max(c.minLength, Math.min(c.maxLength ?? 8, 8)), casing: 'upper' }), reason: 'a code: upper-case letters and digits of the declared length', examples: ['code varchar(3)', 'product_code text', 'discount_codes.code varchar(12)'], expect: /^[A-Z0-9]{1,8}$/ },
  { id: 'code-int', name: /(^|_)code$/, types: INT, generate: range(1000, 9999), reason: 'a four-digit numeric code', examples: ['code int'], expect: isInt(1000, 9999) },
  { id: 'json-items', name: /(^|_)(items|line_?items|products|cart|entries)$/, types: JSONB, generate: f('array', { of: obj([['sku', re('[A-Z]{3}-[0-9]{5}')], ['quantity', f('number.int', { min: 1, max: 5 })], ['price', f('number.float', { min: 1, max: 200, fractionDigits: 2 })]]), min: 1, max: 4 }), reason: 'line items', examples: ['line_items jsonb'], expect: (v) => Array.isArray(v) && v.every(isObj('sku', 'quantity', 'price')) },
];

// ---- helpers used by generators above -----------------------------------------------------

/** Whether a decimal column is meant as a fraction (0.15) rather than a percentage (15). */
function fractional(c: PatternContext): boolean {
  if (c.category === 'int') return false;
  return c.hi <= 10 || (c.category === 'float' && /rate|ratio|fraction|probability|confidence/.test(c.name));
}

/** A phone number in the widest form the column holds: +1 and ten digits, ten digits, or fewer. */
function phone(max: number | undefined): Generator {
  if (max === undefined || max >= 12) return re('[+]1[2-9][0-9]{9}');
  if (max >= 10) return re('[2-9][0-9]{9}');
  return re(`[2-9][0-9]{${Math.max(0, max - 1)}}`);
}

/** A vocabulary with the column's DEFAULT first (when it is a word), trimmed to what fits. */
function vocabulary(c: PatternContext, values: string[], weights: number[]): Generator | undefined {
  const d = c.default?.kind === 'literal' ? String(c.default.value) : undefined;
  let all = values.map((v, i) => [v, weights[i]!] as const);
  if (d !== undefined && !values.includes(d)) all = [[d, 60], ...all];
  const fits = all.filter(([v]) => v.length >= c.minLength && (c.maxLength === undefined || v.length <= c.maxLength));
  return fits.length ? pick(fits.map(([v]) => v), fits.map(([, w]) => w)) : undefined;
}

/** The table's text column whose normalized name matches, as named in the table. */
function textColumn(c: PatternContext, test: RegExp): string | undefined {
  return c.textColumns?.find((s) => test.test(normalizeName(s)));
}

/** The derived email type reading the row's first/last or full name columns, when the table has them. */
function emailFromNames(c: PatternContext): Generator | undefined {
  const first = textColumn(c, /^(first_?name|given_?name|fname|forename)$/);
  const last = textColumn(c, /^(last_?name|surname|family_?name|lname)$/);
  if (first && last) return f('email', { firstName: first, lastName: last });
  const full = textColumn(c, /^(full_?name|display_?name|real_?name|legal_?name|contact_?name|customer_?name)$/) ?? (PEOPLE.test(c.table) ? textColumn(c, /^name$/) : undefined);
  return full ? f('email', { name: full }) : undefined;
}

/** The derived slug type reading the row's title or name, when the table has one. */
function slugFrom(c: PatternContext): Generator | undefined {
  const source = textColumn(c, /^(title|name|headline|subject|display_?name|label|heading|post_?title|page_?title|product_?name|project_?name)$/);
  if (!source) return undefined;
  // the engine's slug keeps room for its own unique suffix inside maxLength
  const max = c.maxLength === undefined ? 80 : Math.min(80, c.maxLength + (c.unique ? 8 : 0));
  return max >= 8 ? f('slug', { field: source, maxLength: max }) : undefined;
}

const PEOPLE = /user|people|person|member|customer|author|profile|employee|contact|student|patient|staff|guest|attendee|speaker|instructor|candidate|applicant/;

/** `commitSha` → `commit_sha`, `First Name` → `first_name`. */
export function normalizeName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface PatternMatch {
  pattern: ColumnPattern;
  generator: Generator;
  /** The column's comment, when its words chose the pattern. */
  fromComment?: string;
}

/** Names this short say little (ref, c1, val): their comment is read before them. */
const TERSE_NAME = 3;

/**
 * The first pattern that applies to the column, and its generator. When the name matches none
 * (or is terse: ref, c1), the comment's phrases are tried as names, longest first: 'customer
 * phone number' tries customer_phone_number, customer_phone, phone_number... and matches as phone.
 */
export function matchColumn(c: PatternContext, patterns: readonly ColumnPattern[] = COLUMN_PATTERNS): PatternMatch | undefined {
  const terse = c.name.replace(/_/g, '').length <= TERSE_NAME;
  const byName = terse && c.comment ? undefined : matchName(c, patterns);
  if (byName || !c.comment) return byName;
  for (const name of commentNames(c.comment)) {
    if (name === c.name) continue;
    const m = matchName({ ...c, name }, patterns);
    if (m) return { ...m, fromComment: c.comment.length > 80 ? `${c.comment.slice(0, 77)}...` : c.comment };
  }
  return terse ? matchName(c, patterns) : undefined;
}

const STOP_WORDS = new Set(['the', 'a', 'an', 'of', 'for', 'in', 'on', 'to', 'at', 'by', 'is', 'are', 'was', 'this', 'that', 'which', 'its', 'it', 'as', 'or', 'and', 'with', 'from', 'be', 'when', 'if', 'e', 'g', 'eg', 'ie', 'i', 'etc', 'each', 'per', 'our', 'their', 'his', 'her', 's']);
/** Longest phrase of a comment tried as a column name. */
const MAX_PHRASE = 4;

/** Phrases of a comment as snake-case names, longest first (with and without stop words), left to right. */
export function commentNames(comment: string): string[] {
  // the first sentence says what the column is; the rest tends to say how it is used
  const first = comment.split(/(?<=[a-z0-9)])[.;:]\s|\n/i)[0]!.slice(0, 200);
  const all = normalizeName(first.replace(/['’]s\b/g, '')).split('_').filter(Boolean);
  const content = all.filter((w) => !STOP_WORDS.has(w));
  const out: string[] = [];
  const seen = new Set<string>();
  for (let n = Math.min(MAX_PHRASE, Math.max(all.length, content.length)); n >= 1; n--) {
    for (const words of [content, all]) {
      for (let i = 0; i + n <= words.length; i++) {
        const phrase = words.slice(i, i + n);
        const name = phrase.join('_');
        // 'of the commit' says no more than 'commit'
        if (!seen.has(name) && !STOP_WORDS.has(phrase[0]!) && !STOP_WORDS.has(phrase[n - 1]!)) {
          seen.add(name);
          out.push(name);
        }
      }
    }
  }
  return out;
}

function matchName(c: PatternContext, patterns: readonly ColumnPattern[]): PatternMatch | undefined {
  for (const pattern of patterns) {
    if (!pattern.types.includes(c.category)) continue;
    if (!pattern.name.test(c.name)) continue;
    if (pattern.table && !pattern.table.test(c.table)) continue;
    if (pattern.sibling && !c.siblings.some((s) => s !== c.name && pattern.sibling!.test(s))) continue;
    if (pattern.length !== undefined && c.maxLength !== undefined && pattern.length > c.maxLength) continue;
    const generator = typeof pattern.generate === 'function' ? pattern.generate(c) : pattern.generate;
    if (generator) return { pattern, generator };
  }
  return undefined;
}

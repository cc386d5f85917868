// Rules a developer reads in a schema without being told, written with the engine's realism
// primitives: children dated after their parents and a row's timestamps in lifecycle order; two
// foreign-key paths to one ancestor kept in agreement (scoped refs); columns copied from the parent
// they must equal (an invoice's currency); join tables as many-to-many; one default/primary/owner
// per parent; status columns as row profiles. Runs on the definition the mapper built, in place.
import type { ImportNote } from './errors.js';
import type { Definition, FieldDefinition, TableDefinition } from './definition.js';
import { lifecycleWeights, planLifecycle, type Effect } from './lifecycle.js';
import { flaggedOnce, flaggedParentColumn, oneFlaggedPerParent } from './to-definition.js';
import type { ColumnModel, ConstraintModel, PgNode, SchemaModel, TableModel } from './model.js';
import { PAIR_EXCLUSIVE_OPTIONS } from '../engine/ordered-pairs.js';
import { analyzeCheck, columnOf, flagPredicate, type CheckAnalysis } from './checks.js';
import { checkFixes, intervalDays, translateCheck, translateValue } from './check-expression.js';
import { exprText } from './parse-ddl.js';
import { ruleName as snake, segmentName } from './column-patterns.js';
import { compileExpression, parsedExpression } from '../engine/expression.js';
import { fieldDependencies } from '../engine/definition.js';
import { nullsOnlyRedraw, redrawGuardedColumns } from '../engine/row-checks.js';
import type { Value } from '../engine/shape.js';
import { sameKindAvoidance } from './same-kind-refs.js';
import { PRERELEASE_FLAG, prereleaseExpression, SEMVER_WITH_PRERELEASES } from './prerelease.js';
import { CLAIMED_AMOUNT, isClaim, PART_QUANTITY, statesWith, stepOfChild, WHOLE_QUANTITY } from './parent-states.js';
import { childCountsOf, childSumOf, type ChildCount, type SumTable } from './child-sums.js';
import { type ConditionParent, statusCondition } from './status-conditions.js';

type Options = Record<string, unknown>;

/** Why the importer chose a column's generator (printed as column → generator → reason). */
export interface RuleReason {
  table: string;
  column: string;
  reason: string;
}

interface Table {
  def: TableDefinition;
  model?: TableModel;
  /** The table's CHECKs, each analysed once. */
  checks: { constraint: ConstraintModel; analysis: CheckAnalysis }[];
  fields: Map<string, FieldDefinition>;
  /** Ref fields to other tables: field name → parent table name. */
  refs: Map<string, string>;
  /** The timestamp a row is born with (created_at, queued_at, ...), when it has one. */
  birth?: string;
  /** Refs of an ordered pair (CHECK tag1 < tag2): the pair decides their rows, nothing else. */
  paired?: Set<string>;
}

const TIME_TYPES = new Set(['timestamp', 'timestamptz', 'date']);
const ACTOR = /(^|_)(author|user|owner|creator|sender|recipient|assignee|manager|reviewer|approver|editor|by)(_id)?$/;
/**
 * Links to what a row has rather than what it lives in: a customer's address and its store's
 * address are different places (pagila), two films in one language are not one tenant.
 */
const ATTRIBUTE = /(^|_)(address|city|country|region|language|currency|timezone|image|photo|picture|avatar|logo|file|attachment|media)(_id)?$/;
const BRANCH = /cancel|void|reject|fail|refund|no_show|declin|revok|abort|expire/;
/** Parts of an amount that are a share of it: the share as an expression of the base, and how it reads. */
const SHARES: [RegExp, (base: string) => string, string][] = [
  [/(^|_)(tax|taxes|vat|gst|sales_tax)(_|$)/, (b) => `${b} * (0.05 + 0.05 * floor(${b} * 7 % 4))`, '5, 10, 15 or 20 %'],
  [/(^|_)discount(_|$)/, (b) => `${b} * 0.05 * floor(${b} * 13 % 3)`, 'none, 5 or 10 %'],
  [/(^|_)(fee|fees|commission|processing_fee|platform_fee)(_|$)/, (b) => `${b} * 0.03`, '3 %'],
];
const PLAIN_NUMBERS = ['number.int', 'number.float', 'finance.amount', 'commerce.price'];
/** File names as people give them, by MIME type (each at most FILE_NAME_MAX characters). */
const FILE_NAMES: Record<string, string> = {
  'application/pdf': '(invoice|contract|report|statement|proposal|receipt|resume|brochure)_(2023|2024|2025)_(0[1-9]|1[0-2])\\.pdf',
  'image/png': '(screenshot|diagram|logo|mockup|chart|wireframe)_[0-9]{4}\\.png',
  'image/jpeg': '(IMG|DSC|PXL|photo)_[0-9]{4}\\.jpg',
  'image/jpg': '(IMG|DSC|PXL|photo)_[0-9]{4}\\.jpg',
  'image/gif': '(animation|loading|banner|demo)_[0-9]{2}\\.gif',
  'image/webp': '(hero|thumbnail|banner|cover)_[0-9]{3}\\.webp',
  'image/svg+xml': '(logo|icon|illustration|badge)_(dark|light|mono|color)\\.svg',
  'text/plain': '(notes|readme|todo|output|changelog)_[0-9]{2}\\.txt',
  'text/csv': '(export|users|orders|transactions|contacts)_(2024|2025)(0[1-9]|1[0-2])[0-2][0-9]\\.csv',
  'text/html': '(index|landing|template|newsletter)_[0-9]{2}\\.html',
  'text/markdown': '(README|CHANGELOG|CONTRIBUTING|notes|design)_[0-9]{2}\\.md',
  'application/json': '(config|data|export|payload|settings|manifest)_[0-9]{2}\\.json',
  'application/xml': '(feed|sitemap|config|export)_[0-9]{2}\\.xml',
  'application/zip': '(archive|backup|assets|export)_(2024|2025)(0[1-9]|1[0-2])[0-2][0-9]\\.zip',
  'application/gzip': '(backup|logs|dump)_(2024|2025)(0[1-9]|1[0-2])[0-2][0-9]\\.tar\\.gz',
  'application/octet-stream': '(data|blob|payload|firmware)_[0-9a-f]{8}\\.bin',
  'video/mp4': '(demo|recording|screencast|walkthrough)_[0-9]{3}\\.mp4',
  'video/quicktime': '(IMG|clip|recording)_[0-9]{4}\\.mov',
  'video/webm': '(recording|screencast|clip)_[0-9]{3}\\.webm',
  'audio/mpeg': '(podcast|voice_note|recording|track)_[0-9]{3}\\.mp3',
  'audio/wav': '(recording|sample|voice_memo)_[0-9]{3}\\.wav',
  'application/msword': '(proposal|contract|letter|minutes|draft)_v[1-9]\\.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '(proposal|contract|letter|minutes|draft)_v[1-9]\\.docx',
  'application/vnd.ms-excel': '(budget|forecast|inventory|timesheet)_(2024|2025)_Q[1-4]\\.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '(budget|forecast|inventory|timesheet|report)_(2024|2025)_Q[1-4]\\.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '(pitch|roadmap|review|kickoff)_(2024|2025)_Q[1-4]\\.pptx',
};
const FILE_NAME_MAX = 40;
/** Moments a row's use is recorded at, which its expiry ends. */
const USED_BEFORE_EXPIRY = /^(accepted|used|first_used|redeemed|claimed|consumed|confirmed|activated|verified|opened|clicked)_?(at|on|date|time)?$/;
/** Moments a row plans rather than records (a due date, an expiry, a trial's end): they may lie ahead, and what happens is not after them. */
const DEADLINE =
  /^(due|due_by|deadline|expires|expiry|expiration|valid_until|valid_to|good_until|trial_ends?|trial_end|renews|renewal|next_billing|next_run|next_retry|pay_by|respond_by|sla_due|sla_deadline|(current_)?period_ends?)(_at|_on|_date|_time)?$/;
const INT_TYPES = new Set(['int2', 'int4', 'int8']);
const POSITION =
  /^(position|pos|sort_order|sort_index|ordinal|order_index|seq|sequence|seq_no|line_number|line_no|line|revision|revision_number|revision_no|version|version_number|step|step_number|number|no|num|index|idx|rank|attempt|attempt_number)$/;
const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'money']);
/** Column names of the moment a row comes to be, best first. */
const BIRTH =
  /^(created|create|inserted|opened|queued|requested|booked|signed_up|joined|registered|installed|enrolled|issued|submitted|sent|uploaded|recorded|placed|ordered|order|started)_?(at|on|date|time)?$|^created$|^creation_(date|time)$|^date_created$/;
/** Column names of the moment an event happened (before the row recording it was created). */
const OCCURRED = /^(occurred|happened|event|observed)_?(at|on|time|timestamp)$|^event_?(date|ts)$/;
/** Lifecycle rank of a timestamp by name: later steps come after earlier ones in a row. */
const RANKS: [RegExp, number][] = [
  [BIRTH, 0],
  [
    /^(started|start|began|first_response|acknowledged|checked_in|check_in|arrival|confirmed|reviewed|assigned|accepted|authorized|activated|verified)_?(at|on|date|time)?$|^starts_(on|at)$|^(current_)?period_start(s|ed)?(_at|_on|_date)?$|^scheduled_(start|at|for|time|date|on)$/,
    1,
  ],
  // a sale closes an auction before its planned end (sold_at between starts_at and ends_at)
  [/^(sold|won|awarded)_?(at|on|date|time)?$/, 1.2],
  [/^(check_out|checked_out|departure)_?(at|on|date|time)?$|^ends_(on|at)$/, 1.5],
  [
    /^(approved|decided|resolved|published|completed|finished|ended|end|paid|posted|delivered|shipped|read|edited|fulfilled|cancell?ed|canceled|voided|rejected|failed|processed|answered|captured|settled|returned|return|refunded|responded|replied)_?(at|on|date|time)?$/,
    2,
  ],
  // signs of life come before the end (no token used after it was revoked, no heartbeat after decommissioning)
  [/^(last_seen|last_heartbeat|last_activity|last_active|last_login|last_sign_in|last_used|synced|last_synced)_?(at|on|date|time)?$/, 2.5],
  [
    /^(closed|archived|decommissioned|discontinued|terminated|deleted|removed|revoked|deactivated|churned|retired|yanked|deprecated|unpublished|withdrawn|retracted|unlisted|suspended|banned)_?(at|on|date|time)?$/,
    3,
  ],
  [/^(updated|modified|last_modified|last_update|last_updated|changed|touched)_?(at|on|date|time)?$/, 4],
];
/** Columns that must equal the same-named column of the parent row (an invoice's currency is its customer's). */
const COPIED =
  /^(currency|currency_code|country|country_code|locale|language|language_code|timezone|time_zone|region|tenant_id|workspace_id|organization_id|org_id|account_id|company_id)$/;
/** Flags of a row not (yet) in its settled state: the one row a parent marks (its latest, its default) is none of these. */
const UNSETTLED =
  /^(is_)?(draft|prerelease|pre_release|preview|beta|unstable|archived|deleted|disabled|deprecated|yanked|inactive|suspended|expired|revoked|blocked|banned|cancell?ed)$/;
/** Someone a row names by a role they play in it (not its maker). */
const PARTICIPANT = /(^|_)(reviewer|approver|assignee|moderator|verifier|inspector|auditor|checker)(_id)?$/;
/** A flag that lets others than the owner act on a row (a collaborative playlist). */
const COLLABORATIVE = /^(is_)?(collaborative|collab)$|^allows?_(collaborators|collaboration)$/;
/** The owner of a row. */
const OWNER = /^(owner|owner_id|owned_by|owner_user_id|owner_account_id)$/;
/** Who made a row (added it, created it). */
const MAKER = /^(added_by|added_by_id|added_by_user_id|created_by|created_by_id|creator_id|uploaded_by|inserted_by|author_id|submitted_by)$/;
/** A tier that costs nothing. */
const FREE_TIER = /^free(_tier|_plan)?$/i;
/** What a row costs (price_cents, monthly_price, amount, fee): not a discount, tax or refund beside it. */
const FEE = /^(?!.*(discount|tax|refund|credit|paid|balance|total))(.*_)?(price|cost|fee|amount|charge)(_(cents|minor|amount|usd|eur|monthly|yearly))?$/;
const PRICE = /^(list_price|price|base_price|unit_price|msrp|retail_price|base_rate|rate)$/;
/** Most partners a row of a join table gets. */
const MN_MAX = 3;
const PARTY =
  /^(adults|num_adults|adult_count|number_of_adults|guests|num_guests|guest_count|number_of_guests|party_size|pax|occupants|persons|people|headcount|covers)$/;
const CHILDREN = /^(children|kids|num_children|child_count|number_of_children|infants)$/;
const CAPACITY = /^(max_occupancy|occupancy|capacity|max_capacity|max_guests|max_persons|max_people|max_party_size|sleeps|seats|max_seats)$/;
/** Tables of written content whose slug is their title. */
const CONTENT_TABLE = /(^|_)(articles?|posts?|pages?|entries|entry|stories|story|guides?|tutorials?|blog_posts?|news|docs?|lessons?|chapters?)$/;
// Headlines: verb, adjective, noun, tail; every word one slug token or a fixed phrase, so distinct
// headlines have distinct slugs (40 × 40 × 50 × 40 = 3.2 million)
const HEADLINE_VERBS =
  'Building Scaling Testing Designing Shipping Debugging Migrating Automating Securing Monitoring Deploying Refactoring Measuring Optimizing Documenting Planning Launching Rethinking Simplifying Modernizing Versioning Caching Indexing Profiling Benchmarking Hardening Observing Modeling Sharding Streaming Validating Packaging Releasing Reviewing Onboarding Localizing Archiving Backfilling Rebuilding Untangling'.split(
    ' ',
  );
const HEADLINE_ADJECTIVES =
  'resilient scalable reliable secure modern distributed serverless accessible fast lean remote asynchronous typed observable maintainable realtime offline-first data-driven event-driven cloud-native open-source cost-effective mobile global legacy internal public multi-tenant stateless stateful incremental declarative reactive portable lightweight robust composable deterministic auditable searchable'.split(
    ' ',
  );
const HEADLINE_NOUNS =
  'APIs pipelines dashboards databases services apps websites workflows platforms products systems backends frontends payments checkouts analytics caches queues microservices monoliths schemas migrations integrations notifications permissions reports forms logs alerts budgets clusters containers functions webhooks widgets editors invoices catalogs carts searches feeds timelines uploads exports imports sessions tokens releases dependencies experiments'.split(
    ' ',
  );
const HEADLINE_TAILS = [
  'for startups',
  'at scale',
  'on a budget',
  'with Postgres',
  'with TypeScript',
  'in production',
  'for small teams',
  'without downtime',
  'from scratch',
  'the hard way',
  'in practice',
  'step by step',
  'for beginners',
  'that last',
  'with less code',
  'across regions',
  'for enterprises',
  'in one week',
  'with confidence',
  'on Kubernetes',
  'with Rust',
  'for mobile',
  'under load',
  'by example',
  'in Go',
  'with Python',
  'for nonprofits',
  'on the edge',
  'at work',
  'for agencies',
  'in the browser',
  'with SQLite',
  'for marketplaces',
  'in a weekend',
  'without a framework',
  'with GraphQL',
  'for fintech',
  'in healthcare',
  'for education',
  'with open data',
];
/** The headline word lists (verb, adjective, noun, tail), for the slug-injectivity test. */
export const HEADLINE_PARTS = [HEADLINE_VERBS, HEADLINE_ADJECTIVES, HEADLINE_NOUNS, HEADLINE_TAILS] as const;
const HEADLINE_PATTERN = [HEADLINE_VERBS, HEADLINE_ADJECTIVES, HEADLINE_NOUNS, HEADLINE_TAILS].map((words) => `(${words.join('|')})`).join(' ');
const HEADLINE_MAX = [HEADLINE_VERBS, HEADLINE_ADJECTIVES, HEADLINE_NOUNS, HEADLINE_TAILS].reduce(
  (sum, words) => sum + Math.max(...words.map((w) => w.length)),
  3,
);
/** A ref naming who acts on a row another ref of it names (approver of the employee's request). */
const COUNTERPART =
  /^(approver|approved_by|reviewer|reviewed_by|decided_by|decider|verifier|verified_by|auditor|recipient|receiver|to_user|to_account|to_account_id|payee|referee|referred|mentor|coach|supervisor|interviewer|inspector)(_id)?$/;
/** A ref naming who buys, bids, books or reviews: never the one who owns what is bought. */
const CUSTOMER = /^(bidder|buyer|purchaser|customer|guest|renter|borrower|booker|reviewer|rater|applicant)(_user)?(_id)?$/;
/** A ref naming who owns or sells (a store's owner, a listing's seller, a property's host). */
const PROPRIETOR = /^(owner|seller|host|landlord|merchant|vendor_user|organi[sz]er|lister|author)(_user)?(_id)?$/;
const DECIDER = /^(approver|approved_by|reviewer|reviewed_by|decided_by|decider|verifier|verified_by)(_id)?$/;
const BIRTH_DATE = /^(birth_?date|date_of_birth|dob|birthday|born_on|birth_day)$/;
/** Events only an adult takes part in, by column name. */
const ADULT_EVENT =
  /^(hire|hired|hiring|employment_start|employed|start|started|joined|join|contract_start|enrolled|enrollment|enrolment|licensed|license_issued)_?(date|on|at)?$/;
/** The start and end of a period (a pay period, a term, a billing cycle). */
const PERIOD_START = /^(starts?|start_date|period_start|begins?|from|valid_from|effective_from)(_on|_at|_date)?$/;
const PERIOD_END = /^(ends?|end_date|period_end|until|to|valid_to|effective_to)(_on|_at|_date)?$/;
/** A parent's end, after which no child comes (terminated, closed, decommissioned). */
const ENDED = /^(terminat(ed|ion)|closed|ended|deleted|archived|left|departed|decommissioned|retired|deactivated|churned)_?(at|on|date)?$|^ends_(at|on)$/;
/** A parent's step after which its children come (a build's jobs run once it started). */
const STARTED =
  /^(started|began|published|opened|activated|launched|went_live|go_live|live|received|ingested|released|release)_?(at|on|date|time)?$|^starts_(at|on)$/;
const FLAG = /^(is_)?(default|primary|main|preferred|current)(_[a-z]+)?$/;
/** When a row stops being valid (a token's expiry). */
/** A step named by what happened (picked_at, shipped_on, returned_at): in the past, as ranked steps are. */
const PAST_STEP = /^(?!.*(expire|schedul|plann|due|renew|until|next|estimat|expect|intend|project|forecast|remind|notif))[a-z_]*[a-z]ed_?(at|on|date|time)$/;
const EXPIRY = /^(expires|expired|expiry|expiration|valid_until|valid_to|good_until)(_at|_on|_date|_time)?$/;
/** What a row owes in all (an order's grand total, an invoice's amount due). */
const TOTAL = /^(total|grand_total|total_amount|amount_total|total_due|amount_due)$/;
/** An amount paid so far (of a total owed). */
const PAID_AMOUNT = /^(amount_paid|paid_amount|amount_received|paid_total|total_paid)$/;
/** Columns a kind of row is known to have (payment_methods.type 'card': brand, last4, exp_month, exp_year). */
const KIND_ATTRIBUTES: Record<string, RegExp> = {
  card: /^(brand|last4|last_4|last_four|exp_month|exp_year|expiry|expiry_month|expiry_year|expires_on|funding|network|fingerprint|cardholder_name|card_brand|card_last4)$/,
  bank: /^(bank_name|routing_number|account_number|account_last4|iban|bic|swift|swift_code|sort_code|account_holder_name|mandate_id)$/,
  paypal: /^(paypal_email|payer_email|payer_id)$/,
};
/** Join tables that make their right side members of their left (who may act in it). */
const MEMBERSHIP =
  /(^|_)(members?|memberships?|maintainers?|collaborators?|participants?|owners?|admins?|staff|seats|roles|access|users|employees|agents|editors)$/;
const ROLE = /^(role|member_role|membership_role|access_level|permission|position)$/;
/** Units of the quantities a kind column names, most used first. */
const UNITS_OF: Record<string, string[]> = {
  temperature: ['°C', '°F', 'K'],
  temp: ['°C', '°F'],
  humidity: ['%RH', '%'],
  relative_humidity: ['%RH'],
  pressure: ['hPa', 'kPa', 'Pa', 'bar', 'psi'],
  co2: ['ppm'],
  co: ['ppm'],
  voc: ['ppb', 'ppm'],
  tvoc: ['ppb'],
  pm25: ['µg/m³'],
  pm2_5: ['µg/m³'],
  pm10: ['µg/m³'],
  voltage: ['V', 'mV'],
  current: ['A', 'mA'],
  power: ['W', 'kW'],
  energy: ['kWh', 'Wh', 'J'],
  frequency: ['Hz', 'kHz'],
  resistance: ['Ω', 'kΩ'],
  light: ['lx'],
  illuminance: ['lx'],
  lux: ['lx'],
  noise: ['dB'],
  sound: ['dB'],
  sound_level: ['dB'],
  speed: ['m/s', 'km/h', 'mph'],
  wind_speed: ['m/s', 'km/h'],
  velocity: ['m/s'],
  acceleration: ['m/s²', 'g'],
  vibration: ['mm/s', 'g'],
  distance: ['m', 'km', 'mi'],
  length: ['m', 'cm', 'mm'],
  level: ['%', 'm', 'cm'],
  water_level: ['cm', 'm'],
  depth: ['m', 'cm'],
  altitude: ['m', 'ft'],
  weight: ['kg', 'g', 'lb'],
  mass: ['kg', 'g'],
  volume: ['l', 'ml', 'm³'],
  flow: ['l/min', 'm³/h'],
  flow_rate: ['l/min', 'm³/h'],
  rainfall: ['mm'],
  precipitation: ['mm'],
  ph: ['pH'],
  battery: ['%', 'V'],
  battery_level: ['%'],
  soil_moisture: ['%'],
  moisture: ['%'],
  heart_rate: ['bpm'],
  duration: ['s', 'ms', 'min'],
  time: ['s', 'ms'],
  rotation: ['rpm'],
  rpm: ['rpm'],
  angle: ['°'],
  radiation: ['µSv/h'],
  uv: ['UVI'],
  uv_index: ['UVI'],
  gas: ['ppm'],
  signal: ['dBm'],
  rssi: ['dBm'],
};

/** A column name as words: lower case, and words run together read apart (modifieddate → modified_date). */
function wordsOf(column: string): string {
  const c = snake(column);
  return c.includes('_') ? c : segmentName(c);
}

function rankOf(column: string): number | undefined {
  const c = wordsOf(column);
  for (const [test, rank] of RANKS) if (test.test(c)) return rank;
  return undefined;
}

function isTime(column: ColumnModel | undefined): boolean {
  return !!column && column.type.arrayDims === 0 && TIME_TYPES.has(column.type.name);
}

/** `definitionName(schema, table)` names a model table in the definition (the mapper's own naming). */
export function inferRules(
  model: SchemaModel,
  definition: Definition,
  notes: ImportNote[],
  definitionName: (schema: string, name: string) => string,
): RuleReason[] {
  return new RuleInference(model, definition, notes, definitionName).run();
}

class RuleInference {
  private readonly tables = new Map<string, Table>();
  private readonly reasons: RuleReason[] = [];
  /** Tables of periods made a date series reaching a few days ahead: their ends and payments may too. */
  private readonly periodsAhead = new Set<string>();
  /** Table → the ref field that lays its rows out parent by parent (childrenPerParent), and why. */
  // cap: the most children a parent may have whatever else asks (a key of the parent and a column of k values)
  private readonly layouts = new Map<string, { field: string; why: string; min: number; max: number; cap?: number }>();

  constructor(
    private readonly model: SchemaModel,
    private readonly definition: Definition,
    private readonly notes: ImportNote[],
    definitionName: (schema: string, name: string) => string,
  ) {
    for (const def of definition.tables) {
      const source = model.tables.find((t) => definitionName(t.schema, t.name) === def.name);
      const fields = new Map(def.fields.map((f) => [f.name, f]));
      const refs = new Map<string, string>();
      for (const f of def.fields) if (f.type === 'ref') refs.set(f.name, String((f.options as Options).table));
      const checks = (source?.constraints ?? [])
        .filter((c) => c.kind === 'check')
        .map((constraint) => ({ constraint, analysis: analyzeCheck(constraint.expr!) }));
      this.tables.set(def.name, { def, ...(source ? { model: source } : {}), fields, refs, checks });
    }
    for (const t of this.tables.values()) t.birth = this.birthOf(t);
  }

  run(): RuleReason[] {
    for (const t of this.tables.values()) this.orderedPairs(t);
    for (const t of this.tables.values()) this.joinFollowers(t);
    for (const t of this.tables.values()) this.manyToMany(t);
    for (const t of this.tables.values()) this.partialUniques(t);
    for (const t of this.tables.values()) this.members(t);
    for (const t of this.tables.values()) this.joinScopes(t);
    for (const t of this.tables.values()) this.periodsSince(t);
    for (const t of this.tables.values()) this.positions(t);
    for (const t of this.tables.values()) this.scopes(t);
    for (const t of this.tables.values()) this.selfScopes(t);
    for (const t of this.tables.values()) this.copies(t);
    for (const t of this.tables.values()) this.keysThroughCopies(t);
    for (const t of this.tables.values()) this.siblingParties(t);
    for (const t of this.tables.values()) this.prices(t);
    for (const t of this.tables.values()) this.parentRanges(t);
    for (const t of this.tables.values()) this.occupancy(t);
    for (const t of this.tables.values()) this.flags(t);
    for (const t of this.tables.values()) this.counterparts(t);
    for (const t of this.tables.values()) this.sameKind(t);
    for (const t of this.tables.values()) this.selfDealing(t);
    for (const t of this.tables.values()) this.prereleases(t);
    for (const t of this.tables.values()) this.ownersAct(t);
    for (const t of this.tables.values()) this.childSums(t);
    for (const t of this.tables.values()) this.paymentShares(t);
    for (const t of this.tables.values()) this.exclusions(t);
    this.applyLayouts();
    for (const t of this.tables.values()) this.times(t);
    for (const t of this.tables.values()) this.expiries(t);
    for (const t of this.tables.values()) this.periodEnds(t);
    for (const t of this.tables.values()) this.joinedAfterParents(t);
    for (const t of this.tables.values()) this.adulthood(t);
    for (const t of this.tables.values()) this.netAmounts(t);
    for (const t of this.tables.values()) this.amounts(t);
    for (const t of this.tables.values()) this.paymentAmounts(t);
    for (const t of this.tables.values()) this.computedByChecks(t);
    // after amounts: a side a CHECK orders against a total (amount_paid <= total) follows the total
    for (const t of this.tables.values()) this.numbers(t);
    for (const t of this.tables.values()) this.bidsFromOpening(t);
    for (const t of this.tables.values()) this.durations(t);
    for (const t of this.tables.values()) this.billingPeriods(t);
    for (const t of this.tables.values()) this.profiles(t);
    // after profiles: a parent's states are its profile's variants
    for (const t of this.tables.values()) this.parentStates(t);
    for (const t of this.tables.values()) this.httpOutcomes(t);
    for (const t of this.tables.values()) this.statusConditions(t);
    for (const t of this.tables.values()) this.unitsByKind(t);
    for (const t of this.tables.values()) this.fileTypes(t);
    for (const t of this.tables.values()) this.exclusiveSides(t);
    for (const t of this.tables.values()) this.linkedColumns(t);
    for (const t of this.tables.values()) this.flagTimes(t);
    for (const t of this.tables.values()) this.titleSlugs(t);
    for (const t of this.tables.values()) this.keepPairsPlain(t);
    for (const t of this.tables.values()) this.somePresent(t);
    for (const t of this.tables.values()) this.freeTiers(t);
    for (const t of this.tables.values()) this.flagsOfNulls(t);
    for (const t of this.tables.values()) this.markedRowsSettled(t);
    for (const t of this.tables.values()) this.checks(t);
    for (const t of this.tables.values()) this.pathsThroughCopies(t);
    return this.reasons;
  }

  /**
   * A path that starts at a ref which a later rule turned into a copy (a wallet transaction's
   * invoice_id became its credit note's invoice_id) starts at what that copy reads instead
   * (billing_entity_id: invoice_id.billing_entity_id → credit_note_id.invoice_id.billing_entity_id).
   */
  private pathsThroughCopies(t: Table) {
    // each step of the path, in the table it is read in: a copy stands for the path it copies
    const through = (path: string) => {
      const out: string[] = [];
      let table: Table | undefined = t;
      const todo = path.split('.');
      for (let steps = 0; todo.length && steps < 64; steps++) {
        const step = todo.shift()!;
        const f: FieldDefinition | undefined = table?.fields.get(step);
        if (f?.type === 'lookup') {
          todo.unshift(...(f.options as { path: string }).path.split('.'));
          continue;
        }
        out.push(step);
        table = f?.type === 'ref' ? this.tables.get(String((f.options as Options).table)) : undefined;
      }
      return [...out, ...todo].join('.');
    };
    for (const f of t.def.fields) {
      const o = f.options as Options | undefined;
      if (!o) continue;
      if (f.type === 'lookup' && typeof o.path === 'string') o.path = through(o.path);
      if (f.type !== 'ref') continue;
      for (const key of ['include', 'differentFrom'] as const) if (typeof o[key] === 'string') o[key] = through(o[key] as string);
      for (const key of ['scope', 'sameAs'] as const) {
        const holder = o[key] as { equals?: string; path?: string } | undefined;
        if (typeof holder?.equals === 'string') holder.equals = through(holder.equals);
        if (typeof holder?.path === 'string') holder.path = through(holder.path);
      }
    }
  }

  /** Columns of the table's primary key and unique keys. */
  private keyedColumns(t: Table): Set<string> {
    return new Set([...(t.def.primaryKey ?? []), ...(t.def.unique ?? []).flat()]);
  }

  private reason(t: Table, column: string, reason: string) {
    this.reasons.push({ table: t.def.name, column, reason });
  }

  /** The mapper's note that a unique column got uuids, once a rule has given it a real generator. */
  private forgetUuidNote(t: Table, column: string) {
    const said = `column ${t.model?.name ?? t.def.name}.${column} is unique;`;
    for (let k = this.notes.length - 1; k >= 0; k--) if (this.notes[k]!.message.startsWith(said)) this.notes.splice(k, 1);
  }

  private note(t: Table, message: string) {
    const place = t.model?.place ?? { line: 1, column: 1 };
    this.notes.push({ ...place, message });
  }

  private column(t: Table, name: string): ColumnModel | undefined {
    return t.model?.columns.find((c) => c.name === name);
  }

  /** Whether a ref points at a plain sequence (a key value then names its parent row). */
  private sequenceTarget(f: FieldDefinition): boolean {
    const o = f.options as Options;
    const target = this.tables.get(String(o.table))?.fields.get(String(o.field));
    const to = (target?.options ?? {}) as Options;
    return target?.type === 'sequence' && to.per === undefined && to.unit === undefined;
  }

  /** Whether ref.via of a row is never null (the ref and its parent's link both NOT NULL). */
  private pathNotNull(t: Table, step: { ref: string; via: string }): boolean {
    const parent = this.tables.get(t.refs.get(step.ref)!);
    return this.notNull(t, step.ref) && !!parent && this.notNull(parent, step.via);
  }

  private notNull(t: Table, name: string): boolean {
    const c = this.column(t, name);
    return !!c && (c.notNull || (t.def.primaryKey?.includes(name) ?? false));
  }

  private birthOf(t: Table): string | undefined {
    // a nullable moment a CHECK orders after another (joined_at >= invited_at) is not the row's first
    const later = this.checkOrder(t);
    const times = (t.model?.columns ?? []).filter(
      (c) =>
        isTime(c) &&
        t.fields.has(c.name) &&
        !/birth|dob|expire|due|valid|until|deadline|^end_date$|_to$/.test(c.name) &&
        (c.notNull || !later.has(c.name) || later.get(c.name)!.base === c.name),
    );
    // no created_at: the first moment the row is sure to have (paid_at of a payment, hire_date of an employee)
    // a rental's rental_date, an invoice's invoice_date: the moment the table's own noun happened
    const noun = (t.model?.name ?? t.def.name).toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
    const own = times.find((c) => new RegExp(`^${noun}_?(at|on|date|time)$`).test(snake(c.name)));
    // an event's occurred_at is when it happened; its created_at only when it was written down, later
    const happened = times.find((c) => c.notNull && OCCURRED.test(snake(c.name)));
    return (
      own?.name ??
      happened?.name ??
      times.find((c) => BIRTH.test(wordsOf(c.name)) && c.notNull)?.name ??
      times.find((c) => BIRTH.test(wordsOf(c.name)))?.name ??
      times.find((c) => c.notNull && !/(^|_)(end|ends|until|to|last)(_|$)/.test(snake(c.name)))?.name ??
      // all nullable: the row's first step (a job's started_at) still follows its parent when it is set
      times.find((c) => (rankOf(c.name) ?? 9) <= 1)?.name
    );
  }

  /** Ask for `table` to be laid out by `field`; the first demand wins, later ones are noted. */
  private demandLayout(t: Table, field: string, why: string, min = 1, max = 3, cap?: number): boolean {
    const f = t.fields.get(field);
    if (!f || f.type !== 'ref' || t.refs.get(field) === t.def.name || t.paired?.has(field)) return false;
    // a ref that picks inside a scope, follows another or pairs distinct partners cannot also lay rows out
    const o = f.options as Options;
    if (o.scope || o.sameAs || o.distinctWithin) return false;
    const current = this.layouts.get(t.def.name) ?? this.existingLayout(t);
    if (current?.field === field && current.why !== 'given') {
      // one layout serving two demands: enough children for both, within the fewest either allows
      current.cap = Math.min(current.cap ?? Infinity, cap ?? Infinity);
      current.min = Math.min(Math.max(current.min, min), current.cap);
      current.max = Math.min(Math.max(current.max, max, current.min), current.cap);
      if (current.cap === Infinity) delete current.cap;
    }
    if (current?.field === field && current.why === 'given' && cap !== undefined && current.max > cap) return false;
    if (current) return current.field === field;
    this.layouts.set(t.def.name, cap === undefined ? { field, why, min, max } : { field, why, min: Math.min(min, cap), max: Math.min(max, cap), cap });
    return true;
  }

  private existingLayout(t: Table): { field: string; why: string; min: number; max: number; cap?: number } | undefined {
    for (const f of t.def.fields) {
      const cpp = (f.options as Options | undefined)?.childrenPerParent as { min: number; max: number } | undefined;
      if (f.type === 'ref' && cpp) return { field: f.name, why: 'given', min: cpp.min, max: cpp.max };
    }
    return undefined;
  }

  /**
   * A join's partners picked inside a scope (entitlements: the plans of the feature's organization)
   * need a scope that holds every partner one left row takes, however the left table's layout grew
   * after the scope was asked for: the scope's min is raised to it, or, when the scope's layout is
   * not ours to change, the left row's most partners lowered to what the scope holds.
   */
  private fitJoinScopes() {
    for (const t of this.tables.values()) {
      const left = this.layouts.get(t.def.name);
      if (!left) continue;
      for (const f of t.def.fields) {
        const o = f.options as Options | undefined;
        const scope = o?.scope as { target?: string } | undefined;
        if (f.type !== 'ref' || o?.distinctWithin !== left.field || !scope?.target || scope.target.includes('.')) continue;
        const self = o.excludeSelf || o.differentFrom !== undefined ? 1 : 0;
        const partners = this.tables.get(String(o.table));
        const held = partners && (this.layouts.get(partners.def.name) ?? this.existingLayout(partners));
        if (!held || held.field !== scope.target || held.min >= left.max + self) continue;
        if (held.why !== 'given' && (held.cap ?? Infinity) >= left.max + self) {
          held.min = left.max + self;
          held.max = Math.max(held.max, held.min);
        } else {
          left.max = Math.max(1, held.min - self);
          left.min = Math.min(left.min, left.max);
        }
      }
    }
  }

  private applyLayouts() {
    this.fitJoinScopes();
    for (const [name, layout] of this.layouts) {
      const t = this.tables.get(name)!;
      const f = t.fields.get(layout.field)!;
      const options = f.options as Options;
      if (!options.childrenPerParent) options.childrenPerParent = { min: layout.min, max: layout.max };
      // a laid-out ref is no longer nullable: every row belongs to one parent
      delete f.nullRate;
      this.reason(t, layout.field, `rows laid out per ${t.refs.get(layout.field)} (${layout.why})`);
    }
  }

  /**
   * A table with its own key whose two refs are unique together, and the same two tables joined by
   * a join table (reviews(student_id, course_id) beside enrolments(student_id, course_id)): its rows
   * are about the join's pairs, so each takes one join row (at most one per pair) and copies the
   * pair from it. A review is then written by a student of that course, after the enrolment.
   */
  private joinFollowers(t: Table) {
    const own = t.def.primaryKey;
    if (!own || (own.length === 2 && own.every((c) => t.refs.has(c)))) return;
    const pair = t.def.unique?.find((u) => u.length === 2 && u.every((c) => t.refs.has(c) && t.refs.get(c) !== t.def.name));
    if (!pair) return;
    const targets = pair.map((c) => t.refs.get(c)!);
    if (targets[0] === targets[1]) return;
    for (const j of this.tables.values()) {
      const key = j.def.primaryKey;
      if (j === t || key?.length !== 2 || !key.every((c) => j.refs.has(c) && j.fields.get(c)?.type === 'ref')) continue;
      const [left, right] = key as [string, string];
      const sides = [j.refs.get(left)!, j.refs.get(right)!];
      if (!(sides.includes(targets[0]!) && sides.includes(targets[1]!))) continue;
      // the join's left ref is what its rows are laid out by (manyToMany); ours takes a join row through it
      const [ours, copied] = targets[0] === sides[0] ? (pair as [string, string]) : [pair[1]!, pair[0]!];
      const via = t.fields.get(ours)!;
      via.options = { table: j.def.name, field: left };
      delete via.nullRate;
      const lookup = t.fields.get(copied)!;
      Object.assign(lookup, { type: 'lookup', options: { path: `${ours}.${right}` } });
      delete lookup.nullRate;
      delete lookup.unique;
      t.refs.set(ours, j.def.name);
      t.refs.delete(copied);
      this.demandLayout(t, ours, `at most one per ${j.def.name} row`, 0, 1);
      this.reason(t, ours, `the ${targets.join(' and ')} pair of one ${j.def.name} row (at most one ${t.def.name} row per ${j.def.name} row)`);
      this.reason(t, copied, `the ${sides[1]} of the same ${j.def.name} row as ${ours}`);
      return;
    }
  }

  /**
   * A partial unique index marking one row per parent (`unique (customer_id) where is_default`,
   * `unique (workspace_id) where role = 'owner'`): exactly one such row per parent, the others not.
   * The mapper left the column non-unique; when the flag cannot be laid out per parent, each parent
   * gets at most one row, which keeps the index whatever the flag.
   */
  private partialUniques(t: Table) {
    const foreign = new Set([...t.refs.keys()]);
    // the flag a partial index allows once (per table or per parent) never set, which it always allows
    const neverFlagged = (c: (typeof t.model & {})['constraints'][number], why: string) => {
      const flag = flagPredicate(c.where!)!;
      const field = t.fields.get(flag.column);
      // (a flag another index already places once per parent stays as that index wants)
      if (field?.exactlyOne) return false;
      if (field?.type === 'datatype.boolean' && flag.value === undefined) {
        Object.assign(field, { type: 'constant', options: { value: false } });
        delete field.nullRate;
        this.reason(t, flag.column, `false: unique (${c.columns.join(', ')}) where ${c.text} allows one true row ${why}`);
        return true;
      }
      if (field?.type === 'pick') {
        const o = field.options as { values: unknown[]; weights?: number[] };
        const at = o.values.indexOf(flag.value);
        if (at < 0 || o.values.length < 2) return false;
        o.values = o.values.filter((_, k) => k !== at);
        if (o.weights) o.weights = o.weights.filter((_, k) => k !== at);
        this.reason(t, flag.column, `never ${JSON.stringify(flag.value)}: unique (${c.columns.join(', ')}) where ${c.text} allows one such row ${why}`);
        return true;
      }
      return false;
    };
    for (const c of t.model?.constraints ?? []) {
      if (flaggedOnce(c)) {
        // one marked row in the whole table (the admin role): none is marked, which the index allows
        neverFlagged(c, 'in the table');
        continue;
      }
      if (c.kind !== 'unique' || !c.where || !oneFlaggedPerParent(c, foreign)) continue;
      const per = flaggedParentColumn(c, foreign)!;
      const flag = flagPredicate(c.where)!;
      const field = t.fields.get(flag.column);
      const values = field?.type === 'pick' ? (field.options as { values: unknown[] }).values : undefined;
      const marks = field && (field.type === 'datatype.boolean' ? flag.value === undefined : values?.includes(flag.value) === true);
      if (
        marks &&
        this.demandLayout(
          t,
          per,
          `one ${flag.column}${flag.value === undefined ? '' : ` = ${String(flag.value)}`} per ${t.refs.get(per)} (partial unique index)`,
        )
      ) {
        field!.exactlyOne = flag.value === undefined ? { per } : { per, value: flag.value };
        delete field!.nullRate;
        this.reason(
          t,
          flag.column,
          `exactly one${flag.value === undefined ? '' : ` ${String(flag.value)}`} per ${t.refs.get(per)} (unique index ${c.name ?? ''} where ${c.text})`,
        );
      } else if (this.demandLayout(t, per, `at most one per ${t.refs.get(per)} (partial unique index)`, 0, 1)) {
        this.reason(t, per, `at most one row per ${t.refs.get(per)}, which keeps unique (${per}) where ${c.text}`);
      } else if (!neverFlagged(c, `per ${t.refs.get(per)}, and the rows could not be laid out per ${t.refs.get(per)}`)) {
        this.note(t, `table ${t.def.name}: unique (${per}) where ${c.text} could not be laid out per ${t.refs.get(per)}; generated rows may violate it`);
      }
    }
  }

  /**
   * People (or any rows) a join table makes members of a group — workspace_members(workspace_id,
   * user_id), package_maintainers(package_id, user_id) — are who act in that group: a ref of another
   * table to those people, in a row that belongs to one group (a project's lead, a task's assignee,
   * a version's publisher), picks among the group's members (a ref to the join's user_id scoped by
   * the group). The path to the group is the row's own not-null refs (task_id.project_id.workspace_id).
   */
  private members(t: Table) {
    for (const join of this.tables.values()) {
      if (join === t) continue;
      const layout = this.layouts.get(join.def.name);
      const member = join.def.fields.find((f) => f.type === 'ref' && (f.options as Options).distinctWithin === layout?.field);
      if (!layout || layout.why !== 'many-to-many' || !member) continue;
      // a membership (workspace_members, package_maintainers, a join with a role), not any pairing (likes, follows)
      if (!MEMBERSHIP.test(snake(join.def.name)) && !join.def.fields.some((f) => ROLE.test(snake(f.name)))) continue;
      const group = join.refs.get(layout.field)!;
      const people = join.refs.get(member.name)!;
      if (group === t.def.name || people === t.def.name || group === people) continue;
      for (const [ref, target] of [...t.refs]) {
        const f = t.fields.get(ref)!;
        const options = f.options as Options;
        if (target !== people || f.type !== 'ref' || options.scope || options.childrenPerParent || options.distinctWithin || f.unique || f.exactlyOne) continue;
        if (this.layouts.get(t.def.name)?.field === ref) continue; // the ref that lays the table out
        const path = this.pathTo(t, group, ref);
        if (!path) continue;
        f.options = { table: join.def.name, field: member.name, scope: { target: layout.field, equals: path } };
        t.refs.set(ref, join.def.name);
        this.reason(t, ref, `a member of the row's ${group} (${join.def.name} of ${path})`);
      }
    }
  }

  /**
   * A many-to-many join inside one tenant: task_labels(task_id, label_id) where labels belong to a
   * workspace and a task reaches one (task_id.project_id.workspace_id): a task's labels are labels
   * of its workspace (the right ref scoped by the group; the right table laid out per group with
   * at least as many rows as a left row has partners).
   */
  private joinScopes(t: Table) {
    const layout = this.layouts.get(t.def.name);
    const right = t.def.fields.find((f) => f.type === 'ref' && (f.options as Options).distinctWithin === layout?.field);
    if (!layout || layout.why !== 'many-to-many' || !right || (right.options as Options).scope) return;
    const rightTable = this.tables.get(t.refs.get(right.name)!);
    const leftTable = this.tables.get(t.refs.get(layout.field)!);
    if (!rightTable || !leftTable || rightTable === leftTable) return;
    for (const [g, group] of rightTable.refs) {
      if (group === rightTable.def.name || rightTable.fields.get(g)?.type !== 'ref' || !this.notNull(rightTable, g)) continue;
      const path = this.pathTo(leftTable, group, '');
      if (!path) continue;
      if (!this.demandLayout(rightTable, g, `a ${group} holds its own ${rightTable.def.name} (for ${t.def.name})`, layout.max, Math.max(layout.max, 8)))
        continue;
      (right.options as Options).scope = { target: g, equals: `${layout.field}.${path}` };
      this.reason(t, right.name, `a ${rightTable.def.name} row of the same ${group} (${layout.field}.${path})`);
      // pairs inside a group repeat a right row only when the group holds several left rows; a key
      // (project_id, key) would make its plain ref one row per group, so it is laid out by it instead
      if (!path.includes('.') && this.siblingsKeyedBy(leftTable, path, MN_MAX))
        this.demandLayout(leftTable, path, `a ${group} holds several ${leftTable.def.name} (for ${t.def.name})`, 1, MN_MAX);
      return;
    }
  }

  /**
   * Whether `ref` is in a two-column key of `t` whose other column can tell `most` children of one
   * parent apart (a pick of enough values, an integer range): laid out by `ref`, the engine keeps
   * that column distinct among siblings; left alone, the key makes `ref` one row per parent.
   */
  private siblingsKeyedBy(t: Table, ref: string, most: number): boolean {
    const keys = [...(t.def.unique ?? []), ...(t.def.primaryKey ? [t.def.primaryKey] : [])];
    return keys.some((key) => {
      if (key.length !== 2 || !key.includes(ref)) return false;
      const other = t.fields.get(key[0] === ref ? key[1]! : key[0]!);
      const o = (other?.options ?? {}) as Options;
      if (other?.type === 'pick') return new Set((o.values as unknown[]).map((v) => JSON.stringify(v))).size >= most;
      return other?.type === 'number.int' && typeof o.min === 'number' && typeof o.max === 'number' && o.max - o.min + 1 >= most;
    });
  }

  /**
   * A join of rows that start at some moment with periods (payslips of employees and pay periods,
   * enrolments of students in terms): a row is joined only with periods since its start. The
   * periods (a table with a start and an end that belongs to nothing) become a date series, one a
   * day back from a few days ahead, so the periods since a moment are a range of rows, and the
   * join's partners are drawn from that range (engine `since`).
   */
  private periodsSince(t: Table) {
    const layout = this.layouts.get(t.def.name);
    const right = t.def.fields.find((f) => f.type === 'ref' && (f.options as Options).distinctWithin === layout?.field);
    if (!layout || layout.why !== 'many-to-many' || !right) return;
    const o = right.options as Options;
    if (o.scope || o.include || o.differentFrom || o.excludeSelf) return;
    const periods = this.tables.get(t.refs.get(right.name)!);
    const people = this.tables.get(t.refs.get(layout.field)!);
    if (!periods || !people || periods === people || periods.refs.size > 0) return;
    const times = (periods.model?.columns ?? []).filter((c) => isTime(c) && c.notNull && periods.fields.has(c.name));
    const start = times.find((c) => PERIOD_START.test(snake(c.name)));
    if (!start || !times.some((c) => PERIOD_END.test(snake(c.name)))) return;
    const since = (people.model?.columns ?? []).find((c) => isTime(c) && c.notNull && people.fields.has(c.name) && ADULT_EVENT.test(snake(c.name)));
    if (!since) return;
    const field = periods.fields.get(start.name)!;
    if (field.unique || periods.def.primaryKey?.includes(start.name) || (periods.def.unique ?? []).some((u) => u.includes(start.name))) return;
    // newest first, the first few days ahead: every row started by now has as many periods as it has partners
    Object.assign(field, { type: 'sequence', options: { start: layout.max, step: -1, unit: 'days' } });
    delete field.nullRate;
    o.since = { series: start.name, atLeast: `${layout.field}.${since.name}` };
    this.periodsAhead.add(periods.def.name);
    this.reason(periods, start.name, `one a day back from ${layout.max} days ahead (periods in date order, for ${t.def.name})`);
    this.reason(t, right.name, `only ${periods.def.name} starting on or after ${layout.field}.${since.name}`);
  }

  /** A period that starts ahead ends ahead (and is paid after it ends): its moments are not held to "now". */
  private periodEnds(t: Table) {
    if (!this.periodsAhead.has(t.def.name)) return;
    for (const f of t.def.fields) {
      const o = f.options as Options | undefined;
      if (f.type !== 'after' || o?.atMost === undefined) continue;
      const bounds = [o.atMost].flat().filter((b) => b !== 'now');
      if (bounds.length === 0) delete o.atMost;
      else o.atMost = bounds.length === 1 ? bounds[0] : bounds;
    }
  }

  /** The shortest path of not-null refs from a row of `t` to a ref to table `goal` (e.g. project_id.workspace_id), not through `avoid`. */
  private pathTo(t: Table, goal: string, avoid: string): string | undefined {
    let frontier: { table: Table; path: string[] }[] = [{ table: t, path: [] }];
    for (let depth = 0; depth < 4 && frontier.length; depth++) {
      const next: { table: Table; path: string[] }[] = [];
      for (const { table, path } of frontier) {
        for (const [ref, parent] of table.refs) {
          if ((table === t && ref === avoid) || parent === table.def.name || table.fields.get(ref)?.type !== 'ref' || !this.notNull(table, ref)) continue;
          if (parent === goal) return [...path, ref].join('.');
          const p = this.tables.get(parent);
          if (p) next.push({ table: p, path: [...path, ref] });
        }
      }
      frontier = next;
    }
    return undefined;
  }

  /** Composite key of two refs: k distinct partners per left row. */
  private manyToMany(t: Table) {
    const key = t.def.primaryKey?.length === 2 ? t.def.primaryKey : t.def.unique?.find((u) => u.length === 2 && u.every((c) => t.refs.has(c)));
    if (!key || !key.every((c) => t.refs.has(c))) return;
    const [left, right] = key as [string, string];
    if (!this.demandLayout(t, left, 'many-to-many', 1, MN_MAX)) return;
    const f = t.fields.get(right)!;
    const options = f.options as Options;
    options.distinctWithin = left;
    // a partner the column lets be null (a partial key WHERE tax_id IS NOT NULL) is always there
    delete f.nullRate;
    // a self join (follows) never pairs a row with itself
    if (t.refs.get(left) === t.refs.get(right)) options.excludeSelf = true;
    this.reason(t, right, `many-to-many: distinct ${t.refs.get(right)} per ${t.refs.get(left)}`);
  }

  /** (parent ref, position) keys: positions 1..n within each parent (lessons of a course, builds of a pipeline). */
  private positions(t: Table) {
    const keys = [...(t.def.unique ?? []), ...(t.def.primaryKey ? [t.def.primaryKey] : [])].filter((k) => k.length === 2);
    for (const [a, b] of keys as [string, string][]) {
      const [ref, col] = t.refs.has(a) && !t.refs.has(b) ? [a, b] : t.refs.has(b) && !t.refs.has(a) ? [b, a] : [];
      if (!ref || !col) continue;
      const f = t.fields.get(col);
      if (f && isTime(this.column(t, col))) {
        // a time series keyed by (parent, time): each parent's rows a step apart, from the moment the
        // nearest ancestor came to be (a sensor's readings from its device's installation), else
        // ending at the reference instant
        if (!this.demandLayout(t, ref, `${col} distinct within each ${t.refs.get(ref)}`, 1, 8)) continue;
        const date = this.column(t, col)?.type.name === 'date';
        const from = this.ancestorBirth(t, ref);
        const [unit, step] = date ? ['days', 1] : ['minutes', 60];
        Object.assign(f, { type: 'sequence', options: { per: ref, start: from ? step : -8 * step, step, unit, ...(from ? { from } : {}) } });
        delete f.nullRate;
        delete f.unique;
        this.forgetUuidNote(t, col);
        this.reason(
          t,
          col,
          `one ${date ? 'day' : 'hour'} apart within each ${t.refs.get(ref)}, ${from ? `from ${from}` : 'up to the reference date'} (time series key)`,
        );
        continue;
      }
      // (subscription, type) with a type of k values: at most k rows per parent, each of another value
      const values = f?.type === 'pick' ? (f.options as { values?: unknown[] }).values?.length : f?.type === 'boolean' ? 2 : undefined;
      if (values !== undefined && values <= 50 && !f!.unique) {
        if (
          this.demandLayout(
            t,
            ref,
            `${col} distinct within each ${t.refs.get(ref)} (${values} value${values === 1 ? '' : 's'})`,
            1,
            Math.min(3, values),
            values,
          )
        )
          this.reason(t, col, `distinct within each ${t.refs.get(ref)}: at most ${values} row${values === 1 ? '' : 's'} per ${t.refs.get(ref)}`);
        continue;
      }
      this.numberWithin(t, ref, col);
    }
    // (album, disc_number, position): numbered 1..n within the parent, the key holds whatever the third column is
    for (const key of [...(t.def.unique ?? []), ...(t.def.primaryKey ? [t.def.primaryKey] : [])].filter((k) => k.length === 3)) {
      const refs = key.filter((c) => t.refs.has(c));
      const positions = key.filter((c) => !t.refs.has(c) && POSITION.test(c.toLowerCase()));
      if (refs.length === 1 && positions.length === 1) this.numberWithin(t, refs[0]!, positions[0]!);
    }
  }

  private numberWithin(t: Table, ref: string, col: string) {
    const f = t.fields.get(col);
    if (!f || !INT_TYPES.has(this.column(t, col)?.type.name ?? '') || !POSITION.test(col.toLowerCase())) return;
    if (!this.demandLayout(t, ref, `${col} numbered within each ${t.refs.get(ref)}`, 1, 8)) return;
    Object.assign(f, { type: 'sequence', options: { start: 1, per: ref } });
    delete f.nullRate;
    delete f.unique;
    this.reason(t, col, `1..n within each ${t.refs.get(ref)}`);
  }

  /**
   * Two refs of a row to one table where one is the other's counterpart (an approver and the employee
   * asking, a recipient and the sender, a reviewer and the author): never the same row. A decider
   * (approver_id) is assigned to every row, so decided rows always have one.
   */
  private counterparts(t: Table) {
    const byTarget = new Map<string, string[]>();
    for (const [ref, parent] of t.refs)
      if (t.fields.get(ref)?.type === 'ref' && parent !== t.def.name) byTarget.set(parent, [...(byTarget.get(parent) ?? []), ref]);
    for (const refs of byTarget.values()) {
      if (refs.length !== 2) continue;
      const [a, b] = refs as [string, string];
      // CHECK (entity0 <> entity1) says it whatever the names; else the names tell the counterpart
      const [counterpart, subject] = this.declaredDifferent(t, a, b)
        ? [b, a]
        : COUNTERPART.test(b.toLowerCase())
          ? [b, a]
          : COUNTERPART.test(a.toLowerCase())
            ? [a, b]
            : [];
      if (!counterpart || !subject) continue;
      const f = t.fields.get(counterpart)!;
      const o = f.options as Options;
      if (o.childrenPerParent || o.distinctWithin || o.sameAs || o.choice === 'skewed' || f.unique) continue;
      o.differentFrom = subject;
      if (DECIDER.test(counterpart.toLowerCase()) && f.nullRate !== undefined) delete f.nullRate;
      this.reason(t, counterpart, `never the ${subject}'s own ${t.refs.get(subject)} row`);
      this.someoneElseInScope(t, counterpart);
    }
  }

  /**
   * CHECK (tag1 < tag2) on two refs to one column (tag_relation, friendships(user_a < user_b)):
   * an ordered pair — the row takes two distinct parent rows, the smaller value in the lower ref.
   */
  private orderedPairs(t: Table) {
    const orders = (node: PgNode | undefined): [string, string][] => {
      if (node?.BoolExpr?.boolop === 'AND_EXPR') return (node.BoolExpr.args ?? []).flatMap(orders);
      const e = node?.A_Expr;
      const op = String(e?.name?.at(-1)?.String?.sval ?? '');
      const [l, r] = [e && columnOf(e.lexpr), e && columnOf(e.rexpr)];
      if (e?.kind !== 'AEXPR_OP' || !l || !r) return [];
      if (op === '<' || op === '<=') return [[l, r]];
      if (op === '>' || op === '>=') return [[r, l]];
      return [];
    };
    for (const { constraint } of t.checks) {
      for (const [low, high] of orders(constraint.expr)) {
        const [a, b] = [t.fields.get(low), t.fields.get(high)];
        const [oa, ob] = [a?.options as Options | undefined, b?.options as Options | undefined];
        if (a?.type !== 'ref' || b?.type !== 'ref' || oa!.table !== ob!.table || oa!.field !== ob!.field || a.unique || b.unique) continue;
        if (t.paired?.has(low) || t.paired?.has(high)) continue;
        ob!.greaterThan = low;
        (t.paired ??= new Set()).add(low).add(high);
        this.reason(t, high, `above ${low} (CHECK ${low} < ${high}): a pair of distinct ${oa!.table} rows`);
      }
    }
  }

  /** What other rules put on the refs of an ordered pair is dropped: the pair decides their rows. */
  private keepPairsPlain(t: Table) {
    for (const name of t.paired ?? []) {
      const o = t.fields.get(name)!.options as Options;
      // what the engine refuses beside a pair, and how parents are chosen (the pair chooses)
      for (const option of [...PAIR_EXCLUSIVE_OPTIONS, 'choice', 'skew']) delete o[option];
    }
  }

  /** Whether a CHECK of the table says `a <> b` (alone or as a part of an AND). */
  private declaredDifferent(t: Table, a: string, b: string): boolean {
    const says = (node: PgNode | undefined): boolean => {
      if (node?.BoolExpr?.boolop === 'AND_EXPR') return (node.BoolExpr.args ?? []).some(says);
      const e = node?.A_Expr;
      const op = String(e?.name?.at(-1)?.String?.sval ?? '');
      if (e?.kind !== 'AEXPR_OP' || (op !== '<>' && op !== '!=')) return false;
      const pair = [columnOf(e.lexpr), columnOf(e.rexpr)];
      return pair.includes(a) && pair.includes(b);
    };
    return t.checks.some(({ constraint }) => says(constraint.expr));
  }

  /**
   * Someone else of the scope (an approver of the employee's own department) needs a scope of two
   * rows at least: a department of one leaves no one, and the pick would go outside it. The layout
   * the scope reads (employees per department) then gives every parent two children or more.
   */
  private someoneElseInScope(t: Table, ref: string) {
    const scope = (t.fields.get(ref)!.options as Options).scope as { target?: string } | undefined;
    const layout = scope?.target && !scope.target.includes('.') ? this.layouts.get(t.refs.get(ref)!) : undefined;
    if (!layout || layout.field !== scope!.target || layout.why === 'given' || layout.min >= 2) return;
    layout.min = 2;
    layout.max = Math.max(layout.max, 2);
    layout.why += ', two at least: someone else is there';
  }

  /**
   * A row that names a sibling of the same parent (an order's winning bid, among its listing's bids)
   * has the same party as that sibling: the order's one ref to users is the bid's one ref to users
   * (its bidder). Both must have exactly one ref to that table, so two roles are never confused.
   */
  private siblingParties(t: Table) {
    const refsTo = (table: Table, target: string) => [...table.refs].filter(([r, to]) => to === target && table.fields.get(r)?.type === 'ref').map(([r]) => r);
    for (const [sibling, siblingTable] of [...t.refs]) {
      const o = t.fields.get(sibling)?.options as Options | undefined;
      const scope = o?.scope as { target?: string; equals?: string } | undefined;
      const b = this.tables.get(siblingTable);
      if (!b || b === t || !scope?.equals || scope.equals.includes('.') || o?.distinctWithin) continue;
      for (const [r, people] of [...t.refs]) {
        if (r === sibling || people === t.def.name || people === b.def.name || people === siblingTable || people === t.refs.get(scope.equals)) continue;
        const f = t.fields.get(r)!;
        const ro = f.options as Options;
        if (f.type !== 'ref' || f.unique || ro.scope || ro.sameAs || ro.distinctWithin || ro.childrenPerParent || ro.where || ro.differentFrom) continue;
        if (this.layouts.get(t.def.name)?.field === r || refsTo(t, people).length !== 1) continue;
        const theirs = refsTo(b, people);
        if (theirs.length !== 1 || !this.notNull(b, theirs[0]!)) continue;
        ro.sameAs = { path: `${sibling}.${theirs[0]}` };
        this.reason(t, r, `the ${people} of ${sibling} (${sibling}.${theirs[0]}), a ${b.def.name} row of the same ${t.refs.get(scope.equals)}`);
      }
    }
  }

  /**
   * A customer does not deal with themselves: a bidder is never the owner of the store whose listing
   * they bid on, a reviewer never the author of what they review. A customer-named ref avoids the one proprietor-named ref to the same table its row
   * reaches through its other not-null refs (listing_id.vendor_id.owner_id).
   */
  private selfDealing(t: Table) {
    for (const [ref, people] of [...t.refs]) {
      const f = t.fields.get(ref)!;
      const o = f.options as Options;
      if (f.type !== 'ref' || !CUSTOMER.test(ref.toLowerCase()) || people === t.def.name || f.unique) continue;
      // a scoped pick (a reviewer among the members) avoids the row as well, when both pick the same rows
      if (o.sameAs || o.distinctWithin || o.childrenPerParent || o.where || o.differentFrom || o.choice === 'skewed') continue;
      const found: string[] = [];
      let frontier: { table: Table; path: string[] }[] = [{ table: t, path: [] }];
      for (let depth = 0; depth < 3 && frontier.length; depth++) {
        const next: typeof frontier = [];
        for (const { table, path } of frontier)
          for (const [r, target] of table.refs) {
            if ((table === t && r === ref) || target === table.def.name || table.fields.get(r)?.type !== 'ref' || !this.notNull(table, r)) continue;
            if (depth > 0 && target === people && PROPRIETOR.test(r.toLowerCase())) found.push([...path, r].join('.'));
            const parent = this.tables.get(target);
            if (parent && target !== people) next.push({ table: parent, path: [...path, r] });
          }
        frontier = next;
      }
      if (found.length !== 1 || this.refTableAt(t, found[0]!) !== o.table) continue;
      o.differentFrom = found[0];
      this.reason(t, ref, `never ${found[0]} (no one is their own customer)`);
    }
  }

  /** The table the ref at the end of a path of refs (pull_request_id.author_id) picks rows of, as generated. */
  private refTableAt(t: Table, path: string): unknown {
    let table: Table | undefined = t;
    const steps = path.split('.');
    for (const [i, step] of steps.entries()) {
      const field = table?.fields.get(step);
      if (field?.type !== 'ref') return undefined;
      const target = (field.options as Options).table;
      if (i === steps.length - 1) return target;
      table = this.tables.get(String(target));
    }
    return undefined;
  }

  /** A ref to another row of a kind the row reaches already (depends_on_package_id) never takes that row (version_id.package_id). */
  private sameKind(t: Table) {
    const refsOf = (name: string) => {
      const table = this.tables.get(name);
      if (!table) return [];
      return [...table.refs]
        .filter(([ref]) => table.fields.get(ref)?.type === 'ref')
        .map(([ref, target]) => ({ name: ref, target, notNull: this.notNull(table, ref) }));
    };
    for (const { ref, avoid } of sameKindAvoidance(refsOf(t.def.name), refsOf)) {
      const f = t.fields.get(ref)!;
      const o = f.options as Options;
      const left = o.distinctWithin as string | undefined;
      // a join's partners avoid one row per left row; other refs pick freely
      if ((left !== undefined && !avoid.startsWith(`${left}.`)) || o.differentFrom || o.childrenPerParent || o.sameAs || o.choice === 'skewed' || f.unique)
        continue;
      o.differentFrom = avoid;
      this.reason(t, ref, `never the row's own ${t.refs.get(ref)} row (${avoid})`);
    }
  }

  /**
   * A child that exists only past a step of its parent's lifecycle (shipments of orders that
   * shipped, returns of items of delivered orders): its ref picks parents (or the parent's parent,
   * one hop up) whose status has that step's timestamp set, it comes to be after that timestamp,
   * and a returned quantity is at most the quantity bought.
   */
  private parentStates(t: Table) {
    const child = stepOfChild(t.def.name);
    if (!child) return;
    const { step, calledOff, window } = child;
    for (const [ref, parentName] of t.refs) {
      const f = t.fields.get(ref)!;
      const o = f.options as Options;
      if (f.type !== 'ref' || !this.notNull(t, ref) || parentName === t.def.name) continue;
      if (o.scope || o.sameAs || o.distinctWithin || o.differentFrom || o.where) continue;
      const parent = this.tables.get(parentName);
      if (!parent) continue;
      // a ref that lays the table out (or is unique: one child per parent) gives children only to
      // parents in the states, by the parent's selector; a plain ref may also look one parent up
      const laidOut = !!o.childrenPerParent || !!f.unique;
      if (laidOut && (parent.def.profiles?.variants.some((v) => v.when !== undefined) || (f.unique && this.layouts.has(t.def.name)))) continue;
      if (f.unique && t.def.fields.some((x) => x !== f && (x.options as Options | undefined)?.childrenPerParent)) continue;
      // the parent itself, or one not-null ref up (a return's item → the item's order)
      const candidates: { via: string; table: Table }[] = [{ via: '', table: parent }];
      if (!laidOut)
        for (const [up, grand] of parent.refs)
          if (parent.fields.get(up)?.type === 'ref' && this.notNull(parent, up) && grand !== parent.def.name && this.tables.has(grand))
            candidates.push({ via: `${up}.`, table: this.tables.get(grand)! });
      for (const { via, table } of candidates) {
        const profile = table.def.profiles;
        const column = (table.model?.columns ?? []).find((c) => isTime(c) && step.test(snake(c.name)) && table.fields.has(c.name));
        if (!profile?.field || !column) continue;
        const states = statesWith({ field: profile.field, variants: profile.variants }, column.name, column.notNull)?.filter(
          (s) => !calledOff?.test(String(s).toLowerCase()),
        );
        if (!states?.length) continue;
        if (f.unique) {
          // one child per parent in the states: laid out one each, unique by construction
          delete f.unique;
          o.childrenPerParent = { min: 1, max: 1 };
          this.layouts.set(t.def.name, { field: ref, why: `one per ${parentName} row that is ${states.join('/')}`, min: 1, max: 1 });
          this.reason(t, ref, `rows laid out per ${parentName}, one each (unique)`);
        }
        o.where = { path: `${via}${profile.field}`, in: states };
        this.reason(t, ref, `only ${parentName} rows whose ${via}${profile.field} is ${states.join('/')} (${column.name} set)`);
        this.followStep(t, `${ref}.${via}${column.name}`, window ? `${ref}.` : '');
        this.partQuantities(t, ref, parent);
        if (isClaim(t.def.name)) this.claimedBy(t, ref, parent);
        return;
      }
    }
  }

  /**
   * The row comes to be after its parent's step (a return is requested after the delivery), and
   * after the moments it already followed, within the bounds it had (an order after its buyer
   * signed up, before the auction ended). `only` keeps just the moments of paths starting with it:
   * a bid inside its auction's run, even before its bidder's sign-up would allow.
   */
  private followStep(t: Table, step: string, only: string) {
    const birth = t.birth && t.fields.get(t.birth);
    if (!birth || !isTime(this.column(t, birth.name))) return;
    const inVariants = t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields, birth.name));
    if (inVariants) return;
    const o = (birth.options ?? {}) as Options;
    const followed = birth.type === 'after' ? [o.from ?? []].flat().map(String) : [];
    const from = [step, ...followed.filter((p) => p !== step && p.startsWith(only))];
    const atMost = birth.type === 'after' && o.atMost !== undefined ? o.atMost : 'now';
    birth.type = 'after';
    birth.options = { from: from.length === 1 ? step : from, unit: o.unit ?? 'days', max: o.max ?? 30, atMost };
    delete birth.nullRate;
    this.reason(t, birth.name, `after ${from.join(' / ')}`);
    // the parents whose birth the row no longer follows come to it by then instead (a bidder signed up before the bid)
    for (const path of followed) if (path !== step && !path.startsWith(only)) this.existedBy(t, path, birth.name);
  }

  /**
   * A row can only be made by someone who was already there: the ref of a `ref.birth` moment the
   * row's own time cannot follow (it is held inside another parent's window) picks among the parent
   * rows born by the row's moment. The parent's birth becomes a timeline (its rows in the order of
   * their moments, over the span it had, busier towards now), so those rows are a prefix of the table.
   */
  private existedBy(t: Table, path: string, moment: string) {
    const [ref, column, ...rest] = path.split('.');
    const f = t.fields.get(ref!);
    const parent = this.tables.get(t.refs.get(ref!) ?? '');
    if (rest.length || !f || f.type !== 'ref' || !parent || parent === t || column !== parent.birth) return;
    const o = f.options as Options;
    if (o.scope || o.sameAs || o.distinctWithin !== undefined || o.childrenPerParent || o.where || o.until || o.choice === 'skewed' || f.unique) return;
    const born = parent.fields.get(column);
    if (!born || !this.timeline(parent, born)) return;
    o.until = { series: column, atMost: moment };
    this.reason(t, ref!, `a ${parent.def.name} row born by ${moment} (${path} <= ${moment})`);
  }

  /** Makes a root moment of a table (a sign-up drawn within the last years) a timeline; whether it is one. */
  private timeline(t: Table, f: FieldDefinition): boolean {
    if (f.type === 'timeline') return true;
    if ((f.nullRate ?? 0) > 0 || t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields ?? {}, f.name))) return false;
    if (t.model?.partitionWindow?.column === f.name) return false;
    const o = (f.options ?? {}) as Options;
    let span: { span: number; unit: string; end?: string } | undefined;
    if (f.type === 'date.past') span = { span: Math.round(((o.years as number | undefined) ?? 1) * 365), unit: 'days' };
    else if (f.type === 'date.recent') span = { span: (o.days as number | undefined) ?? 1, unit: 'days' };
    else if (f.type === 'date.between' && typeof o.from === 'string' && typeof o.to === 'string' && Date.parse(o.to) > Date.parse(o.from))
      span = { span: (Date.parse(o.to) - Date.parse(o.from)) / 1000, unit: 'seconds', end: new Date(Date.parse(o.to)).toISOString() };
    if (!span || o.refDate !== undefined) return false;
    // sign-ups grow: the last days see three times as many as the first
    Object.assign(f, { type: 'timeline', options: { ...span, growth: 3 } });
    this.reason(t, f.name, `a timeline: rows in the order of their moments over the same span, more of them lately`);
    return true;
  }

  /**
   * A claim on a purchase (a dispute, a refund, a return of an order) is made by the purchaser: the
   * claim's one ref to people is the purchase's one not-null ref to them (an order's buyer; not
   * its vendor, a table of its own), and an amount it claims back is at most the purchase's total.
   */
  private claimedBy(t: Table, ref: string, parent: Table) {
    const plain = (table: Table, name: string) => {
      const o = table.fields.get(name)?.options as Options | undefined;
      return table.fields.get(name)?.type === 'ref' && !o?.scope && !o?.sameAs && !o?.distinctWithin && !o?.childrenPerParent && !o?.where && !o?.differentFrom;
    };
    const people = [...t.refs].filter(([r, target]) => r !== ref && target !== t.def.name && target !== parent.def.name);
    for (const [r, target] of people) {
      if (people.filter(([, other]) => other === target).length !== 1 || !plain(t, r) || t.fields.get(r)!.unique) continue;
      const theirs = [...parent.refs].filter(([p, other]) => other === target && parent.fields.get(p)?.type === 'ref' && this.notNull(parent, p));
      if (theirs.length !== 1) continue;
      const path = `${ref}.${theirs[0]![0]}`;
      (t.fields.get(r)!.options as Options).sameAs = { path };
      delete t.fields.get(r)!.nullRate;
      this.reason(t, r, `the ${parent.def.name}'s own (${path}): a claim is made by the purchaser`);
    }
    const total = parent.def.fields.find((f) => TOTAL.test(snake(f.name)) && this.isNumber(parent, f.name) && this.notNull(parent, f.name));
    if (!total) return;
    for (const f of t.def.fields) {
      if (!CLAIMED_AMOUNT.test(snake(f.name)) || !this.isNumber(t, f.name) || f.unique || f.type === 'after' || f.type === 'before') continue;
      if (t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields, f.name))) continue;
      const nullRate = f.nullRate;
      const digits = (f.options as { fractionDigits?: number } | undefined)?.fractionDigits;
      Object.assign(f, { type: 'before', options: { from: `${ref}.${total.name}`, atLeast: 0, decimals: f.type === 'number.int' ? 0 : (digits ?? 2) } });
      if (nullRate !== undefined) f.nullRate = nullRate;
      this.reason(t, f.name, `0 to ${ref}.${total.name} (a claim gives back at most what was paid)`);
    }
  }

  /** A quantity of the child at most the parent's (a return of some of the items bought). */
  private partQuantities(t: Table, ref: string, parent: Table) {
    const whole = parent.def.fields.find((f) => WHOLE_QUANTITY.test(snake(f.name)) && INT_TYPES.has(this.column(parent, f.name)?.type.name ?? ''));
    if (!whole) return;
    for (const f of t.def.fields) {
      if (!PART_QUANTITY.test(snake(f.name)) || !INT_TYPES.has(this.column(t, f.name)?.type.name ?? '') || f.unique) continue;
      if (t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields, f.name))) continue;
      Object.assign(f, { type: 'before', options: { from: `${ref}.${whole.name}`, atLeast: 1 } });
      delete f.nullRate;
      this.reason(t, f.name, `1 to ${ref}.${whole.name}`);
    }
  }

  /**
   * A parent with an owner and a flag that lets others in (a collaborative playlist): in a row added
   * to it (its added_by, created_by), the actor is the parent's owner unless the parent is
   * collaborative; in collaborative parents anyone may act (sameAs with `when`).
   */
  private ownersAct(t: Table) {
    for (const [via, parentName] of t.refs) {
      const parent = this.tables.get(parentName);
      if (!parent || parent === t || !this.notNull(t, via) || t.fields.get(via)?.type !== 'ref') continue;
      const flag = parent.def.fields.find((f) => f.type === 'datatype.boolean' && COLLABORATIVE.test(snake(f.name)));
      const owner = [...parent.refs].find(([ref, target]) => OWNER.test(ref.toLowerCase()) && target !== parentName && parent.fields.get(ref)?.type === 'ref');
      if (!flag || !owner) continue;
      for (const [actor, target] of t.refs) {
        const f = t.fields.get(actor)!;
        const o = (f.options ?? {}) as Options;
        if (target !== owner[1] || f.type !== 'ref' || !MAKER.test(actor.toLowerCase()) || f.unique || f.exactlyOne) continue;
        if (o.sameAs || o.childrenPerParent || o.distinctWithin || o.until || o.where || o.scope) continue;
        o.sameAs = { path: `${via}.${owner[0]}`, when: `not coalesce(${via}.${flag.name}, false)` };
        f.options = o;
        this.reason(t, actor, `${via}.${owner[0]} unless ${via}.${flag.name}`);
      }
    }
  }

  /** A prerelease flag beside a semver column: versions with a suffix in a share of rows, the flag read from the version. */
  private prereleases(t: Table) {
    const flag = t.def.fields.find((f) => f.type === 'datatype.boolean' && !f.exactlyOne && PRERELEASE_FLAG.test(snake(f.name)));
    const versions = t.def.fields.filter((f) => f.type === 'system.semver' && !f.unique);
    if (!flag || versions.length !== 1) return;
    const version = versions[0]!;
    const type = this.column(t, version.name)?.type;
    const length = type && ['varchar', 'bpchar'].includes(type.name) ? type.mods[0] : undefined;
    Object.assign(version, { type: 'regex', options: { pattern: SEMVER_WITH_PRERELEASES, draw: 'compiled', ...(length ? { maxLength: length } : {}) } });
    Object.assign(flag, { type: 'expression', options: { expr: prereleaseExpression(version.name) } });
    this.reason(t, version.name, `semver, a prerelease (-rc.1) in a share of rows (${flag.name} beside it)`);
    this.reason(t, flag.name, `true exactly when ${version.name} has a prerelease suffix`);
  }

  /** The table a path of refs from `t` leads to (track_id.album_id → albums). */
  private tableAt(t: Table, path: string): Table | undefined {
    let at: Table | undefined = t;
    for (const ref of path.split('.')) at = at && this.tables.get(at.refs.get(ref) ?? '');
    return at;
  }

  /** Path to the birth timestamp of the nearest ancestor through `ref` (sensor_id.device_id.installed_at). */
  private ancestorBirth(t: Table, ref: string, depth = 0): string | undefined {
    const parent = this.tables.get(t.refs.get(ref) ?? '');
    if (!parent || parent === t || depth > 3) return undefined;
    const birth = parent.birth;
    if (birth && this.notNull(parent, birth) && isTime(this.column(parent, birth))) return `${ref}.${birth}`;
    for (const [next] of parent.refs) {
      if (!this.notNull(parent, next)) continue;
      const up = this.ancestorBirth(parent, next, depth + 1);
      if (up) return `${ref}.${up}`;
    }
    return undefined;
  }

  /**
   * A nullable ref to a table whose own refs lead back to this one (batch_specs.batch_change_id ↔
   * batch_changes.batch_spec_id NOT NULL): the cycle is broken there, so no time follows it.
   */
  private closesCycle(t: Table, ref: string, parent: string): boolean {
    if (parent === t.def.name || this.notNull(t, ref)) return false;
    const seen = new Set<string>();
    const stack = [parent];
    while (stack.length) {
      const name = stack.pop()!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const next of this.tables.get(name)?.refs.values() ?? []) {
        if (next === t.def.name) return true;
        if (next !== name) stack.push(next);
      }
    }
    return false;
  }

  /** Ancestors one hop above each parent: ref field of the parent → grandparent table. */
  private parentRefs(parent: string): Map<string, string> {
    return this.tables.get(parent)?.refs ?? new Map();
  }

  /**
   * Two FK paths from one row to the same ancestor must agree: a ticket's customer, team and
   * assignee belong to the ticket's organization. The anchor is a direct ref to the ancestor (or
   * the first path to it); every other path is scoped to it.
   */
  private scopes(t: Table) {
    // paths agree only when they name the same link: ticket.organization_id and customer.organization_id,
    // not article_revisions.editor_id and article.author_id (both users, different roles)
    const groups = new Map<string, { ancestor: string; direct: string[]; indirect: { ref: string; via: string }[] }>();
    const entry = (ancestor: string, link: string) => {
      const key = `${ancestor}|${link}`;
      let e = groups.get(key);
      if (!e) groups.set(key, (e = { ancestor, direct: [], indirect: [] }));
      return e;
    };
    for (const [ref, parent] of t.refs) {
      if (parent === t.def.name) continue;
      entry(parent, ref).direct.push(ref);
      for (const [via, grand] of this.parentRefs(parent)) {
        if (grand === parent || grand === t.def.name) continue;
        const parentTable = this.tables.get(parent)!;
        if (!this.notNull(parentTable, via)) continue;
        entry(grand, via).indirect.push({ ref, via });
      }
    }
    const laidOut = this.layouts.get(t.def.name)?.field ?? this.existingLayout(t)?.field;
    const leads = new Map([...groups].map(([key, g]) => [key, g.indirect.find((x) => x.ref === laidOut) ?? this.copyingLead(t, key, groups, laidOut)]));
    // groups settled by copying go first: the refs they turn into copies leave the other groups
    for (const [key, group] of [...groups].sort(([a], [b]) => Number(!leads.get(a)) - Number(!leads.get(b)))) {
      const { ancestor } = group;
      const direct = group.direct.filter((d) => t.fields.get(d)?.type === 'ref');
      const indirect = group.indirect.filter((x) => t.fields.get(x.ref)?.type === 'ref');
      // people a row names (its author, the post's author) are roles, not a container the row lives in
      const link = key.split('|')[1]!.toLowerCase();
      if (direct.length + indirect.length < 2 || ACTOR.test(link) || ATTRIBUTE.test(link)) continue;
      // a ref that lays this table out cannot be scoped: it is the anchor, and a direct ref copies it
      const lead = leads.get(key);
      if (lead) {
        for (const d of direct) {
          Object.assign(t.fields.get(d)!, { type: 'lookup', options: { path: `${lead.ref}.${lead.via}` } });
          t.refs.delete(d);
          this.reason(t, d, `equals ${lead.ref}.${lead.via}`);
        }
      }
      // the anchor of the scope: a path that is never null, when there is one
      const sureDirect = direct.find((d) => this.notNull(t, d));
      const sureIndirect = indirect.find((x) => this.notNull(t, x.ref) && this.notNull(this.tables.get(t.refs.get(x.ref)!)!, x.via));
      const anchor = lead ? lead : !sureDirect && sureIndirect ? sureIndirect : undefined;
      const anchorPath = anchor ? `${anchor.ref}.${anchor.via}` : (sureDirect ?? direct[0] ?? `${indirect[0]!.ref}.${indirect[0]!.via}`);
      const anchorSure = anchor ? this.pathNotNull(t, anchor) : direct.length ? this.notNull(t, anchorPath) : this.pathNotNull(t, indirect[0]!);
      const scoped = indirect.filter((x) => x !== anchor && anchorPath !== `${x.ref}.${x.via}`);
      for (const { ref, via } of scoped) {
        const parent = this.tables.get(t.refs.get(ref)!)!;
        const f = t.fields.get(ref)!;
        const options = f.options as Options;
        if (options.scope || options.childrenPerParent || this.layouts.get(t.def.name)?.field === ref) continue;
        // a unique ref walks its parents in a permutation of its own, which no scope can narrow (a
        // NOT NULL one leads instead, its siblings copying its parent's link: copyingLead)
        if (f.unique) {
          this.note(t, `table ${t.def.name}: ${ref} should stay within the ${ancestor} of ${anchorPath}, but it is unique; not enforced`);
          continue;
        }
        // an anchor that may be null leaves no scope: a NOT NULL ref cannot follow it
        if (!anchorSure && this.notNull(t, ref)) {
          this.note(t, `table ${t.def.name}: ${ref} should stay within the ${ancestor} of ${anchorPath}, but that may be null; not enforced`);
          continue;
        }
        // a join table's partners come from the scope: it must hold at least as many as one row takes
        // (one more where the row itself is not its own partner: a self join)
        const self = options.excludeSelf || options.differentFrom !== undefined ? 1 : 0;
        const [min, max] = options.distinctWithin ? [MN_MAX + self, MN_MAX * 3 + self] : [1, 3];
        if (!this.demandLayout(parent, via, `scope of ${t.def.name}.${ref}`, min, max)) {
          this.note(
            t,
            `table ${t.def.name}: ${ref} should stay within the ${ancestor} of ${anchorPath}, but ${parent.def.name} is already laid out by another parent; not enforced`,
          );
          continue;
        }
        options.scope = { target: via, equals: anchorPath };
        this.reason(t, ref, `scoped: a ${parent.def.name} row of the same ${ancestor} as ${anchorPath}`);
      }
    }
  }

  /**
   * The indirect ref whose parent's link the direct refs of a group copy, when scoping it cannot work:
   * it is unique (one invoice per appointment: the invoice's patient is the appointment's), it reaches
   * two or more ancestors the row also names directly (a prescription's patient and practitioner are
   * its appointment's; no scope keeps both), or its parent's link is itself scoped or the parent is
   * laid out by another ref. Each direct ref must be free to become a copy (no key, no layout, no
   * other rule reading it).
   */
  private copyingLead(
    t: Table,
    key: string,
    groups: Map<string, { direct: string[]; indirect: { ref: string; via: string }[] }>,
    laidOut: string | undefined,
  ): { ref: string; via: string } | undefined {
    const { direct, indirect } = groups.get(key)!;
    if (!direct.length || ACTOR.test(key.split('|')[1]!.toLowerCase())) return undefined;
    const keyed = this.keyedColumns(t);
    const readers = t.def.fields.flatMap((f) => {
      const o = (f.options ?? {}) as Options;
      const scope = o.scope as { equals?: string } | undefined;
      return [scope?.equals, (o.sameAs as { path?: string } | undefined)?.path, o.include, o.differentFrom].filter((p): p is string => typeof p === 'string');
    });
    const free = (d: string) => {
      const f = t.fields.get(d)!;
      return d !== laidOut && !f.unique && !f.exactlyOne && !keyed.has(d) && !readers.some((p) => p.split('.')[0] === d);
    };
    if (!direct.every(free)) return undefined;
    const directGroups = (ref: string) => [...groups.values()].filter((g) => g.direct.length && g.indirect.some((x) => x.ref === ref)).length;
    return indirect.find(({ ref, via }) => {
      const f = t.fields.get(ref)!;
      const o = f.options as Options;
      if (o.scope || o.childrenPerParent || o.distinctWithin || o.sameAs) return false;
      // a copy of a nullable ref's link would leave a NOT NULL column empty
      if (!this.notNull(t, ref) && direct.some((d) => this.notNull(t, d))) return false;
      const parent = this.tables.get(t.refs.get(ref)!)!;
      const link = parent.fields.get(via)?.options as Options | undefined;
      const layout = this.layouts.get(parent.def.name)?.field ?? this.existingLayout(parent)?.field;
      const unscopable = !!(link?.scope || link?.sameAs || link?.distinctWithin) || (layout !== undefined && layout !== via);
      return f.unique || directGroups(ref) >= 2 || unscopable;
    });
  }

  /** A reply answers an earlier comment of the same post: a self-reference scoped by the row's container. */
  private selfScopes(t: Table) {
    for (const [ref, parent] of t.refs) {
      if (parent !== t.def.name) continue;
      const f = t.fields.get(ref)!;
      const options = f.options as Options;
      if (options.scope || options.childrenPerParent) continue;
      const container = [...t.refs.entries()].find(([r, p]) => p !== t.def.name && this.notNull(t, r) && !ACTOR.test(r.toLowerCase()))?.[0];
      if (!container || !this.demandLayout(t, container, `${ref} within the same ${t.refs.get(container)}`)) continue;
      options.scope = { target: container, equals: container };
      this.reason(t, ref, `an earlier row of the same ${t.refs.get(container)}`);
    }
  }

  /** A column named like a parent's column it must equal (currency, country, tenant) copies it. */
  private copies(t: Table) {
    for (const f of t.def.fields) {
      if (f.type === 'ref' || f.type === 'lookup' || !COPIED.test(snake(f.name))) continue;
      for (const [ref, parent] of t.refs) {
        if (parent === t.def.name || !this.notNull(t, ref)) continue;
        const source = this.tables.get(parent)!;
        const target = source.fields.get(f.name);
        if (!target || this.column(source, f.name)?.type.name !== this.column(t, f.name)?.type.name) continue;
        Object.assign(f, { type: 'lookup', options: { path: `${ref}.${f.name}` } });
        delete f.nullRate;
        delete f.unique;
        this.alwaysSetFor(t, f.name, target);
        this.reason(t, f.name, `equals ${ref}.${f.name}`);
        break;
      }
    }
  }

  /**
   * A key whose other columns are copied from the row one of them references — (tenant_id,
   * question_id) with tenant_id = question_id.tenant_id — is unique exactly when that one is: it
   * becomes a unique ref (each parent row once) instead of a tuple the planner cannot count.
   */
  private keysThroughCopies(t: Table) {
    const keys = [...(t.def.primaryKey && t.def.primaryKey.length > 1 ? [t.def.primaryKey] : []), ...(t.def.unique ?? [])];
    for (const key of keys) {
      const copied = (c: string) => {
        const f = t.fields.get(c);
        const path = f?.type === 'lookup' ? String((f.options as Options).path) : '';
        return key.some((other) => other !== c && path.startsWith(`${other}.`));
      };
      const rest = key.filter((c) => !copied(c));
      if (rest.length !== 1 || rest.length === key.length) continue;
      const f = t.fields.get(rest[0]!)!;
      const o = f.options as Options | undefined;
      if (f.type !== 'ref' || f.unique || o?.childrenPerParent || o?.distinctWithin || this.layouts.get(t.def.name)?.field === f.name) continue;
      // scoped to another ref of the row (a question of the row's conversation): that ref copies the
      // parent's instead, which keeps them agreeing
      const scope = o?.scope as { target?: string; equals?: string } | undefined;
      const other = scope?.equals ? t.fields.get(scope.equals) : undefined;
      if (scope) {
        if (
          !other ||
          other.type !== 'ref' ||
          other.unique ||
          scope.target?.includes('.') ||
          scope.equals!.includes('.') ||
          this.layouts.get(t.def.name)?.field === other.name
        )
          continue;
        if (Object.keys(scope).some((k) => k !== 'target' && k !== 'equals')) continue;
        Object.assign(other, { type: 'lookup', options: { path: `${f.name}.${scope.target}` } });
        delete other.nullRate;
        delete o!.scope;
        this.reason(t, other.name, `equals ${f.name}.${scope.target}`);
      }
      f.unique = true;
      this.reason(t, f.name, `unique: the other columns of key (${key.join(', ')}) are copied from its row`);
    }
  }

  /**
   * A flag a CHECK ties to whether another column is set (`is_draft = (published_at is null)`,
   * found by probing the CHECK, not by its spelling) is computed from that column, so the two never
   * disagree and a rule that wants the flag false draws the column instead.
   */
  private flagsOfNulls(t: Table) {
    const keyed = this.keyedColumns(t);
    for (const { constraint } of t.checks) {
      const probed = this.probeTwoColumnCheck(t, constraint);
      if (!probed) continue;
      for (const [flag, other] of [probed.columns, [...probed.columns].reverse() as [string, string]]) {
        const f = t.fields.get(flag)!;
        const o = t.fields.get(other)!;
        if (f.type !== 'datatype.boolean' || f.exactlyOne || f.unique || keyed.has(flag) || this.notNull(t, other) || o.type === 'constant') continue;
        if (t.def.profiles?.field === flag || t.def.profiles?.variants.some((v) => flag in v.fields)) continue;
        const set = o.type === 'datatype.boolean' ? true : this.isNumber(t, other) ? 5 : 'x';
        const passes = (b: boolean, v: Value) => probed.passes({ [flag]: b, [other]: v });
        // true exactly when the other is null, or exactly when it is set
        const whenNull = passes(true, null) && passes(false, set) && !passes(false, null) && !passes(true, set);
        const whenSet = passes(false, null) && passes(true, set) && !passes(true, null) && !passes(false, set);
        if (!whenNull && !whenSet) continue;
        Object.assign(f, { type: 'expression', options: { expr: whenNull ? `isnull(${other})` : `not isnull(${other})` } });
        delete f.nullRate;
        this.reason(t, flag, `true exactly when ${other} is ${whenNull ? 'null' : 'set'} (CHECK ${constraint.name ?? ''})`);
        break;
      }
    }
  }

  /**
   * The one row a flag marks per parent (the latest release, the default address) is a settled row:
   * the row's flags of an unsettled or exceptional state (draft, prerelease, archived, deleted) are
   * false in it, as a row check redrawing them (a flag computed from a column: that column).
   */
  private markedRowsSettled(t: Table) {
    const keyed = this.keyedColumns(t);
    for (const marked of t.def.fields) {
      if (marked.type !== 'datatype.boolean' || !marked.exactlyOne || marked.exactlyOne.value !== undefined) continue;
      const flags: string[] = [];
      const redraw = new Set<string>();
      const fixes: Record<string, boolean> = {};
      for (const f of t.def.fields) {
        if (f === marked || !UNSETTLED.test(snake(f.name))) continue;
        const source = f.type === 'expression' ? /^(not )?isnull\((\w+)\)$/.exec(String((f.options as Options).expr))?.[2] : undefined;
        const drawn = f.type === 'datatype.boolean' ? f.name : source;
        const d = drawn === undefined ? undefined : t.fields.get(drawn);
        if (!d || d.unique || keyed.has(drawn!) || d.exactlyOne || d.type === 'ref' || ['sequence', 'constant', 'lookup'].includes(d.type)) continue;
        if (t.def.profiles?.field === drawn) continue;
        flags.push(f.name);
        redraw.add(drawn!);
        if (f.type === 'datatype.boolean') fixes[f.name] = false;
      }
      if (!flags.length) continue;
      (t.def.checks ??= []).push({
        name: `${t.def.name}_${marked.name}_settled`,
        expr: `not ${marked.name} or (${flags.map((f) => `not coalesce(${f}, false)`).join(' and ')})`,
        redraw: [...redraw],
        ...(Object.keys(fixes).length ? { fixes: [fixes] } : {}),
      });
      for (const f of flags) this.reason(t, f, `false in the row ${marked.name} marks`);
    }
  }

  /**
   * A tier named free (plan 'free', tier 'free') costs nothing and the others cost something: the
   * row's prices are 0 exactly in free rows, as a row check redrawing the price (its fix sets 0).
   * Rows with no tier or no price pass, as SQL's CHECKs would.
   */
  private freeTiers(t: Table) {
    const keyed = this.keyedColumns(t);
    const tier = t.def.fields.find(
      (f) => f.type === 'pick' && !keyed.has(f.name) && (f.options as { values: unknown[] }).values.some((v) => typeof v === 'string' && FREE_TIER.test(v)),
    );
    if (!tier) return;
    const free = (tier.options as { values: unknown[] }).values.find((v): v is string => typeof v === 'string' && FREE_TIER.test(v))!;
    if ((tier.options as { values: unknown[] }).values.length < 2) return;
    for (const f of t.def.fields) {
      const name = snake(f.name);
      if (!['number.int', 'number.float'].includes(f.type) || !FEE.test(name) || f.unique || keyed.has(f.name) || f.exactlyOne) continue;
      const o = (f.options ?? {}) as { min?: number; max?: number };
      // a price that can be neither 0 nor above it says nothing of tiers
      if ((o.min ?? 0) < 0 || (o.max ?? 1) <= 0) continue;
      (t.def.checks ??= []).push({
        name: `${t.def.name}_${f.name}_free_${tier.name}`,
        expr: `isnull(${tier.name}) or isnull(${f.name}) or ((${tier.name} = '${free}') = (${f.name} = 0))`,
        redraw: [f.name],
        fixes: [{ [f.name]: 0 }],
      });
      this.reason(t, f.name, `0 exactly when ${tier.name} is '${free}'`);
    }
  }

  /** A price a row copies (order line ← product) or pays at most (enrolment ← course's list price). */
  private prices(t: Table) {
    for (const f of t.def.fields) {
      const name = snake(f.name);
      if (!['number.float', 'number.int'].includes(f.type) || !/price|amount_paid|paid|cost/.test(name)) continue;
      for (const [ref, parent] of t.refs) {
        if (parent === t.def.name || !this.notNull(t, ref)) continue;
        const source = this.tables.get(parent)!;
        const same = PRICE.test(name) ? source.fields.get(f.name) : undefined;
        const list = source.def.fields.find((p) => PRICE.test(snake(p.name)) && ['number.float', 'number.int'].includes(p.type));
        // a parent's price that is a number, drawn or one of its price points (a track's 0.99)
        const numeric = (g: FieldDefinition) =>
          ['number.float', 'number.int'].includes(g.type) ||
          (g.type === 'pick' && (g.options as { values: unknown[] }).values.every((v) => typeof v === 'number'));
        if (same && numeric(same)) {
          Object.assign(f, { type: 'lookup', options: { path: `${ref}.${f.name}` } });
          delete f.nullRate;
          this.alwaysSetFor(t, f.name, same);
          this.reason(t, f.name, `equals ${ref}.${f.name}`);
          break;
        }
        if (list && /paid|sale|discount|final|charged/.test(name)) {
          const o = (list.options ?? {}) as { min?: number; max?: number; fractionDigits?: number };
          const options: Options = { from: `${ref}.${list.name}`, max: o.max !== undefined && o.min !== undefined ? (o.max - o.min) / 2 : 100, atLeast: 0 };
          if (o.fractionDigits !== undefined) options.decimals = o.fractionDigits;
          const nullRate = f.nullRate;
          Object.assign(f, { type: 'before', options });
          if (nullRate !== undefined) f.nullRate = nullRate;
          this.alwaysSetFor(t, f.name, list);
          this.reason(t, f.name, `at most ${ref}.${list.name}`);
          break;
        }
      }
    }
  }

  /**
   * A NOT NULL column that follows a parent's nullable one (northwind: order_details.unit_price NOT
   * NULL copies products.unit_price): the parent's is then always set, or the copy would be NULL.
   */
  private alwaysSetFor(t: Table, column: string, source: FieldDefinition) {
    if (this.notNull(t, column)) delete source.nullRate;
  }

  /** A reading within its sensor's range: value BETWEEN parent.min_value AND parent.max_value. */
  private parentRanges(t: Table) {
    for (const f of t.def.fields) {
      if (!['number.float', 'number.int'].includes(f.type) || !/^(value|reading|measurement|measured_value|amount|level|score)$/.test(snake(f.name))) continue;
      for (const [ref, parent] of t.refs) {
        if (parent === t.def.name || !this.notNull(t, ref)) continue;
        const source = this.tables.get(parent)!;
        const names = source.def.fields.map((p) => p.name);
        const low = names.find((n) => /^(min|min_value|minimum|lower_bound|low|range_min|min_threshold)$/.test(n.toLowerCase()));
        const high = names.find((n) => /^(max|max_value|maximum|upper_bound|high|range_max|max_threshold)$/.test(n.toLowerCase()));
        if (!low || !high) continue;
        const nullRate = f.nullRate;
        const decimals = (f.options as { fractionDigits?: number } | undefined)?.fractionDigits ?? (f.type === 'number.int' ? 0 : 2);
        Object.assign(f, { type: 'after', options: { from: `${ref}.${low}`, atMost: `${ref}.${high}`, decimals } });
        if (nullRate !== undefined) f.nullRate = nullRate;
        this.reason(t, f.name, `between ${ref}.${low} and ${ref}.${high}`);
        break;
      }
    }
  }

  /**
   * A party fits what it books: adults (guests, party size) up to the capacity of the room type,
   * table or vehicle its refs reach (room_id.room_type_id.max_occupancy), children mostly none, and
   * adults + children within the capacity as a row check.
   */
  private occupancy(t: Table) {
    const adults = t.def.fields.find((f) => f.type === 'number.int' && PARTY.test(snake(f.name)) && this.notNull(t, f.name));
    if (!adults) return;
    const capacity = this.capacityPath(t, 0);
    if (!capacity) return;
    const low = Math.max(1, Number((adults.options as Options | undefined)?.min ?? 1));
    Object.assign(adults, { type: 'before', options: { from: capacity, min: 0, atLeast: low, decimals: 0 } });
    this.reason(t, adults.name, `${low} up to ${capacity}`);
    const children = t.def.fields.find((f) => f.type === 'number.int' && CHILDREN.test(snake(f.name)));
    if (!children) return;
    // the column's own bounds as the DDL states them (CHECK children BETWEEN 0 AND 6), not the generator's
    const rules = t.checks.map((c) => c.analysis.rules.get(children.name)).filter((r) => r !== undefined);
    const lo = Math.max(0, ...rules.map((r) => (r.min === undefined ? 0 : r.min + (r.minExclusive ? 1 : 0))));
    const hi = Math.min(3, ...rules.map((r) => (r.max === undefined ? 3 : r.max - (r.maxExclusive ? 1 : 0))));
    const values = [0, 1, 2, 3].filter((v) => v >= lo && v <= hi);
    if (!values.includes(0)) return;
    children.options = { values, weights: values.map((v) => [70, 15, 10, 5][v]!) };
    children.type = 'pick';
    const sum = `${adults.name} + ${this.notNull(t, children.name) ? children.name : `coalesce(${children.name}, 0)`}`;
    (t.def.checks ??= []).push({
      name: `${t.def.name}_party_fits_${capacity.split('.').at(-1)}`,
      expr: `${sum} <= ${capacity}`,
      redraw: [children.name, adults.name],
    });
    this.reason(t, children.name, `mostly none; ${adults.name} + ${children.name} within ${capacity}`);
  }

  /** Path to a capacity column through the row's refs (room_id.room_type_id.max_occupancy). */
  private capacityPath(t: Table, depth: number): string | undefined {
    const own = t.def.fields.find((f) => CAPACITY.test(snake(f.name)) && ['number.int', 'pick', 'sequence'].includes(f.type));
    if (depth > 0 && own && t.model?.columns.find((c) => c.name === own.name)?.notNull) return own.name;
    if (depth >= 3) return undefined;
    for (const [ref, parent] of t.refs) {
      if (parent === t.def.name || !this.notNull(t, ref)) continue;
      const up = this.capacityPath(this.tables.get(parent)!, depth + 1);
      if (up) return `${ref}.${up}`;
    }
    return undefined;
  }

  /** One default/primary flag and one owner (a role owner, primary or main) per parent. */
  private flags(t: Table) {
    const per = [...t.refs.keys()].find((r) => t.refs.get(r) !== t.def.name && this.notNull(t, r));
    if (!per) return;
    for (const f of t.def.fields) {
      const name = snake(f.name);
      if (f.exactlyOne) continue; // a partial unique index said it already
      if (f.type === 'datatype.boolean' && FLAG.test(name)) {
        if (!this.demandLayout(t, per, `one ${f.name} per ${t.refs.get(per)}`)) continue;
        f.exactlyOne = { per };
        delete f.nullRate;
        this.reason(t, f.name, `exactly one per ${t.refs.get(per)}`);
      } else if (f.type === 'pick' && ROLE.test(name)) {
        const values = (f.options as { values: unknown[] }).values;
        const owner = values.find((v) => typeof v === 'string' && /^(owner|primary_owner|account_owner|primary|main)$/.test(v));
        if (owner === undefined) continue;
        if (!this.demandLayout(t, per, `one ${owner} per ${t.refs.get(per)}`)) continue;
        f.exactlyOne = { per, value: owner };
        delete f.nullRate;
        this.reason(t, f.name, `exactly one ${String(owner)} per ${t.refs.get(per)}`);
      }
    }
  }

  /** Children after their parents; a row's timestamps in lifecycle order. */
  private times(t: Table) {
    const birth = t.birth;
    const checks = this.checkOrder(t);
    if (birth) {
      // a reply is born after the comment it answers (a self-reference's row comes first)
      const parents = [...t.refs.entries()]
        .filter(([ref, parent]) => t.fields.get(ref)?.type === 'ref' && (parent !== t.def.name || ref !== birth))
        .filter(([ref, parent]) => !this.closesCycle(t, ref, parent))
        .flatMap(([ref, parent]) => {
          // a parent with no moment of its own (a track) comes after its nearest dated ancestor (the album):
          // its rows are after that ancestor's birth too
          const through = this.tables.get(parent)?.birth || parent === t.def.name ? ref : this.ancestorBirth(t, ref)?.split('.').slice(0, -1).join('.');
          const p = through ? this.tableAt(t, through) : undefined;
          if (!through || !p?.birth) return [];
          // work of a run happens once the run has started (a build's jobs), a comment once its post is out:
          // after the latest of the parent's birth and that step, when it has one
          const start =
            parent === t.def.name
              ? undefined
              : (p.model?.columns ?? []).find((c) => c.name !== p.birth && isTime(c) && p.fields.has(c.name) && STARTED.test(snake(c.name)));
          return [...(start ? [`${through}.${start.name}`] : []), `${through}.${p.birth}`];
        });
      // nothing new comes to a parent once it has ended (no report is hired after the manager left)
      const ends = [...t.refs.entries()].flatMap(([ref, parent]) => {
        const p = this.tables.get(parent);
        if (!p || t.fields.get(ref)?.type !== 'ref' || !p.birth || this.closesCycle(t, ref, parent)) return [];
        const end = (p.model?.columns ?? []).find((c) => c.name !== p.birth && isTime(c) && p.fields.has(c.name) && ENDED.test(snake(c.name)));
        return end ? [`${ref}.${end.name}`] : [];
      });
      // a lookup ref (tenant copied from a parent) is reached through the anchor's path already;
      // a row whose only parent is of its own table keeps its own dates (the first rows have none)
      const others = [...t.refs.entries()].some(([ref, parent]) => parent !== t.def.name && parents.some((p) => p.startsWith(`${ref}.`)));
      if (parents.length && others) {
        // a participant named by a role (a reviewer, an approver) was there before, unless that is after
        // a parent ended: nothing comes to a pull request once it closed, whoever joined late. The
        // row's maker (author, creator, user) always existed first.
        const ending = new Set(ends.map((e) => e.split('.')[0]));
        const yields = (p: string) => !ending.has(p.split('.')[0]) && PARTICIPANT.test(p.split('.')[0]!.toLowerCase());
        const soft = ends.length && !parents.every(yields) ? parents.filter(yields) : [];
        const hard = parents.filter((p) => !soft.includes(p));
        if (this.setAfter(t, birth, hard, false, undefined, ends, soft))
          this.reason(
            t,
            birth,
            `after its parent${parents.length > 1 ? 's' : ''} (${hard.join(', ')}${soft.length ? `; ${soft.join(', ')} while before ${ends.join(', ')}` : ''})`,
          );
      }
    }
    // the row's steps: ranked by name (lifecycle) or tied by a CHECK; CHECK edges are hard, ranks break ties
    const times = (t.model?.columns ?? []).filter((c) => isTime(c) && t.fields.has(c.name));
    const rank = new Map<string, number>();
    for (const c of times) {
      const r = c.name === birth ? -1 : rankOf(c.name);
      if (r !== undefined) rank.set(c.name, r);
    }
    const steps = new Set([...rank.keys(), ...checks.keys(), ...[...checks.values()].map((c) => c.base)].filter((n) => times.some((c) => c.name === n)));
    const prio = (name: string, depth = 0): number => rank.get(name) ?? (checks.has(name) && depth < 8 ? prio(checks.get(name)!.base, depth + 1) + 0.5 : 2.5);
    const order: string[] = [];
    const pending = new Set(steps);
    while (pending.size) {
      const ready = [...pending].filter((n) => !checks.has(n) || !pending.has(checks.get(n)!.base) || checks.get(n)!.base === n);
      if (!ready.length) break; // a CHECK cycle: leave the rest as generated
      ready.sort((a, b) => prio(a) - prio(b));
      order.push(ready[0]!);
      pending.delete(ready[0]!);
    }
    for (let p = 0; p < order.length; p++) {
      const name = order[p]!;
      const check = checks.get(name);
      // the birth follows its parents (above); a step with no rank and no CHECK of its own is a free root
      if (name === birth || (!rank.has(name) && !check)) continue;
      // a step follows the row's main line, not a branch it may not have taken (check-out is not after a cancellation)
      const late = (rank.get(name) ?? 0) >= 4;
      // a step the CHECK allows only once its base is set follows the base alone: null with it
      const earlier = check?.required
        ? [check.base]
        : order
            .slice(0, p)
            .reverse()
            .filter((n) => late || n === check?.base || !BRANCH.test(n.toLowerCase()))
            // a payment is not after its due date, nor an acceptance after the expiry (both may lie ahead)
            .filter((n) => n === check?.base || !DEADLINE.test(snake(n)));
      if (!earlier.length) continue;
      // signs of life stop when the row expires (no token used after its expiry)
      // and an invitation is accepted, a code redeemed, a link used, before it expires
      const expiry =
        rankOf(name) === 2.5 || USED_BEFORE_EXPIRY.test(snake(name))
          ? times.filter((c) => c.name !== name && EXPIRY.test(snake(c.name)) && checks.get(c.name)?.base !== name).map((c) => c.name)
          : [];
      if (this.setAfter(t, name, earlier, check?.strict ?? false, check?.minDays, expiry))
        this.reason(
          t,
          name,
          `after ${earlier.join(' / ')}${check ? ' (CHECK)' : ' (lifecycle order)'}${expiry.length ? `, not after ${expiry.join(' / ')}` : ''}`,
        );
    }
  }

  /**
   * A row expires after it came to be (a prescription, a voucher, an invitation): an expiry no
   * CHECK orders lies 1 day to a year past the row's birth (in the past for old rows, as it is).
   */
  private expiries(t: Table) {
    const birth = t.birth;
    const checked = this.checkOrder(t);
    if (!birth) return;
    for (const c of t.model?.columns ?? []) {
      const f = t.fields.get(c.name);
      if (!f || c.name === birth || !isTime(c) || !EXPIRY.test(snake(c.name)) || checked.has(c.name) || f.type === 'after' || f.type === 'before') continue;
      if (t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields, c.name))) continue;
      const nullRate = f.nullRate;
      Object.assign(f, { type: 'after', options: { from: birth, unit: 'days', min: 1, max: 365, strict: true } });
      if (nullRate !== undefined) f.nullRate = nullRate;
      this.reason(t, c.name, `1 day to a year after ${birth} (an expiry)`);
    }
  }

  /**
   * A bid or offer is at least what its listing or auction opens at: the amount is drawn up from the
   * parent's starting price (after the CHECKs between the row's own numbers were read, so a cap such
   * as max_auto_bid >= amount still follows the amount).
   */
  private bidsFromOpening(t: Table) {
    if (!/(^|_)(bids?|offers?|quotes?)$/.test(snake(t.def.name))) return;
    const amount = t.def.fields.find(
      (f) => ['number.float', 'number.int'].includes(f.type) && /^(amount|bid|bid_amount|offer|offer_amount|price|amount_bid)$/.test(snake(f.name)),
    );
    if (!amount) return;
    for (const [ref, parent] of t.refs) {
      const p = this.tables.get(parent);
      if (!p || p === t || t.fields.get(ref)?.type !== 'ref' || !this.notNull(t, ref)) continue;
      const opening = p.def.fields.find(
        (f) =>
          this.isNumber(p, f.name) &&
          this.notNull(p, f.name) &&
          /^(starting_price|start_price|starting_bid|opening_bid|opening_price|min_bid|minimum_bid|min_price|asking_price)$/.test(snake(f.name)),
      );
      if (!opening) continue;
      const o = (amount.options ?? {}) as { min?: number; max?: number; fractionDigits?: number };
      const nullRate = amount.nullRate;
      const options: Options = { from: `${ref}.${opening.name}`, max: o.max !== undefined && o.min !== undefined ? (o.max - o.min) / 4 : 100 };
      options.decimals = amount.type === 'number.int' ? 0 : (o.fractionDigits ?? 2);
      Object.assign(amount, { type: 'after', options });
      if (nullRate !== undefined) amount.nullRate = nullRate;
      this.reason(t, amount.name, `at least ${ref}.${opening.name}`);
      return;
    }
  }

  /**
   * A call's outcome and its HTTP status agree (a webhook delivery, an API request log): a row that
   * succeeded got a 2xx, one that failed a 4xx/5xx (or no response) and its error; as row profiles
   * on the boolean outcome.
   */
  private httpOutcomes(t: Table) {
    if (t.def.profiles) return;
    const outcome = t.def.fields.find((f) => f.type === 'datatype.boolean' && /^(is_)?(succeeded|success|successful|ok|delivered|passed)$/.test(snake(f.name)));
    const code = t.def.fields.find(
      (f) => this.isNumber(t, f.name) && /(^|_)(status_code|http_status|http_status_code|response_status|response_code)$/.test(snake(f.name)),
    );
    if (!outcome || !code || !this.notNull(t, outcome.name)) return;
    const errors = t.def.fields.filter(
      (f) => !this.notNull(t, f.name) && /(^|_)(error|error_message|error_code|failure_reason|last_error|response_error)$/.test(snake(f.name)),
    );
    const failedCodes = {
      type: 'pick',
      options: { values: [400, 401, 403, 404, 408, 410, 429, 500, 502, 503, 504], weights: [10, 8, 6, 12, 6, 3, 8, 15, 12, 15, 5] },
    };
    const okFields: Record<string, unknown> = { [code.name]: { type: 'pick', options: { values: [200, 201, 202, 204], weights: [80, 8, 6, 6] } } };
    const failedFields: Record<string, unknown> = { [code.name]: this.notNull(t, code.name) ? failedCodes : { ...failedCodes, nullRate: 0.2 } };
    for (const e of errors) {
      okFields[e.name] = null;
      failedFields[e.name] = this.effectSpec(t, e.name, 'set');
    }
    t.def.profiles = {
      field: outcome.name,
      variants: [
        { value: true, weight: 4, fields: okFields },
        { value: false, weight: 1, fields: failedFields },
      ],
    };
    this.reason(
      t,
      outcome.name,
      `row profiles: ${code.name} 2xx when ${outcome.name}, 4xx/5xx otherwise${errors.length ? ` (with ${errors.map((e) => e.name).join(', ')})` : ''}`,
    );
  }

  /**
   * The day a row joined its parent (a practitioner hired at a clinic, a member who joined a team, a
   * student enrolled at a school) is not before the parent existed: a NOT NULL start date the
   * lifecycle left free follows the births of the row's parents.
   */
  private joinedAfterParents(t: Table) {
    const JOINED =
      /^(hired|hire|joined|join|started|start|enrolled|enrolment|enrollment|onboarded|employment_start|contract_start|member_since)_?(on|at|date)?$/;
    for (const c of t.model?.columns ?? []) {
      const f = t.fields.get(c.name);
      if (!f || c.name === t.birth || !isTime(c) || !this.notNull(t, c.name) || !JOINED.test(snake(c.name))) continue;
      if (!['date.past', 'date.between', 'date.anytime', 'date.recent'].includes(f.type)) continue;
      const parents = [...t.refs.entries()]
        .filter(([ref, parent]) => parent !== t.def.name && t.fields.get(ref)?.type === 'ref' && this.notNull(t, ref))
        .flatMap(([ref, parent]) => {
          const p = this.tables.get(parent);
          return p?.birth && isTime(this.column(p, p.birth)) ? [`${ref}.${p.birth}`] : [];
        });
      if (!parents.length) continue;
      this.setAfter(t, c.name, parents, false);
      (f.options as Options).atMost = 'now';
      this.reason(t, c.name, `after its parent${parents.length > 1 ? 's' : ''} (${parents.join(', ')})`);
    }
  }

  /**
   * People are adults when they are hired, enrol or sign a contract: the birth date is drawn back from
   * that day (18 to 63 years before it, or the CHECK's gap if larger), so the age fits the event
   * whenever it happened. Where no CHECK ties them, a hire/start/join date of the row is the event.
   */
  private adulthood(t: Table) {
    const birth = t.def.fields.find((f) => BIRTH_DATE.test(snake(f.name)) && isTime(this.column(t, f.name)));
    if (!birth || !['date.birthdate', 'date.past', 'date.between', 'date.anytime'].includes(birth.type)) return;
    const tied = [...this.checkOrder(t)].find(([, rule]) => rule.base === birth.name);
    const event = tied?.[0] ?? t.def.fields.find((f) => f !== birth && ADULT_EVENT.test(snake(f.name)) && isTime(this.column(t, f.name)))?.name;
    if (!event) return;
    const eventField = t.fields.get(event)!;
    // the event must not itself be drawn from the birth date
    if (fieldDependencies(eventField as Parameters<typeof fieldDependencies>[0]).includes(birth.name)) return;
    const minDays = Math.max(18 * 365.25, (tied?.[1].minDays ?? 0) + 1);
    const nullRate = birth.nullRate;
    // a row without the event (no hire date yet) is as old as an adult is now
    const fallback = this.notNull(t, event) ? {} : { fallback: 'now' };
    Object.assign(birth, {
      type: 'before',
      options: { from: event, unit: 'days', min: Math.ceil(minDays), max: Math.ceil(minDays + 45 * 365.25), ...fallback },
    });
    if (nullRate !== undefined) birth.nullRate = nullRate;
    this.reason(t, birth.name, `adult at ${event}: ${Math.round(minDays / 365.25)} to ${Math.round(minDays / 365.25) + 45} years before it`);
  }

  /** net_pay is gross_pay less tax and deductions (payslips, invoices). */
  private netAmounts(t: Table) {
    for (const f of t.def.fields) {
      const m = /^net_(.+)$/.exec(snake(f.name));
      if (!m || !NUMBER_TYPES.has(this.column(t, f.name)?.type.name ?? '')) continue;
      const gross = t.def.fields.find((g) => snake(g.name) === `gross_${m[1]}` || snake(g.name) === 'gross' || snake(g.name) === `total_${m[1]}`);
      const less = t.def.fields.filter((d) => /^(tax|taxes|tax_withheld|withholding|deductions?|fees?|tax_amount|vat_amount)$/.test(snake(d.name)));
      if (!gross || !less.length || less.some((d) => ['after', 'before', 'expression'].includes(d.type))) continue;
      // the deductions are a share of the gross, so the net stays positive
      for (const d of less) {
        const nullRate = d.nullRate;
        Object.assign(d, { type: 'expression', options: { expr: `round(${gross.name} * ${(0.3 / less.length).toFixed(3)}, 2)` } });
        if (nullRate !== undefined) d.nullRate = nullRate;
        this.reason(t, d.name, `a share of ${gross.name}`);
      }
      Object.assign(f, { type: 'expression', options: { expr: `round(${gross.name} - ${less.map((d) => `coalesce(${d.name}, 0)`).join(' - ')}, 2)` } });
      delete f.nullRate;
      this.reason(t, f.name, `${gross.name} less ${less.map((d) => d.name).join(', ')}`);
    }
  }

  /**
   * Money that is arithmetic of the row: a line's total is quantity × unit price (less its
   * discount), an order's total is subtotal − discount + shipping + tax, with tax a share of the
   * subtotal and shipping a small fee. Only over plain generated numbers (not ones a rule derives).
   */
  private amounts(t: Table) {
    const money = (re: RegExp, except?: FieldDefinition) =>
      t.def.fields.find(
        (f) =>
          f !== except &&
          re.test(snake(f.name)) &&
          this.isNumber(t, f.name) &&
          !['expression', 'after', 'before', 'lookup', 'sequence', 'ref'].includes(f.type),
      );
    const set = (f: FieldDefinition, expr: string, why: string) => {
      const nullRate = this.notNull(t, f.name) ? undefined : f.nullRate;
      Object.assign(f, { type: 'expression', options: { expr } });
      delete f.nullRate;
      if (nullRate !== undefined && nullRate < 0.5) f.nullRate = nullRate;
      this.reason(t, f.name, why);
    };
    const quantity = money(/^(quantity|qty|units|seats|count|number_of_units)$/);
    const price = money(/^(unit_price|unit_amount|unit_cost|price_each|price|unit_price_amount)$/);
    const lineTotal = price && money(/^(line_total|total|amount|line_amount|total_price|extended_price|total_amount|subtotal)$/, price);
    if (quantity && price && lineTotal && !this.notNull(t, quantity.name) === !this.notNull(t, price.name)) {
      const discount = money(/^(discount|discount_amount|line_discount|discount_total)$/, lineTotal);
      if (discount)
        set(
          discount,
          `round(${quantity.name} * ${price.name} * 0.1 * floor(${price.name} * 7 % 3) / 2, 2)`,
          `none, 5 % or 10 % of ${quantity.name} × ${price.name}`,
        );
      set(
        lineTotal,
        `round(${quantity.name} * ${price.name}${discount ? ` - coalesce(${discount.name}, 0)` : ''}, 2)`,
        `${quantity.name} × ${price.name}${discount ? ` − ${discount.name}` : ''}`,
      );
      return;
    }
    const subtotal = money(/^(subtotal|sub_total|subtotal_amount|items_total|net_amount)$/);
    const total = subtotal && money(TOTAL, subtotal);
    if (!subtotal || !total) return;
    const parts: string[] = [];
    const discount = money(/^(discount|discount_total|discount_amount|total_discount)$/, total);
    const shipping = money(/^(shipping|shipping_total|shipping_cost|shipping_amount|shipping_fee|delivery_fee)$/, total);
    const tax = money(/^(tax|tax_total|tax_amount|vat|vat_amount|sales_tax)$/, total);
    if (discount) {
      set(discount, `round(${subtotal.name} * 0.05 * floor(${subtotal.name} * 13 % 3), 2)`, `none, 5 % or 10 % of ${subtotal.name}`);
      parts.push(`- coalesce(${discount.name}, 0)`);
    }
    if (shipping) {
      set(shipping, `round(4.99 + floor(${subtotal.name} * 17 % 4) * 5, 2)`, 'a shipping fee of 4.99 to 19.99');
      parts.push(`+ coalesce(${shipping.name}, 0)`);
    }
    if (tax) {
      set(
        tax,
        `round((${subtotal.name}${discount ? ` - coalesce(${discount.name}, 0)` : ''}) * 0.08, 2)`,
        `8 % of ${subtotal.name}${discount ? ` after ${discount.name}` : ''}`,
      );
      parts.push(`+ coalesce(${tax.name}, 0)`);
    }
    set(total, `round(${subtotal.name} ${parts.join(' ')}, 2)`, `${subtotal.name} ${parts.map((p) => p.replace(/coalesce\((\w+), 0\)/, '$1')).join(' ')}`);
  }

  /**
   * A billing period lasts one interval of the row's plan: current_period_end is current_period_start
   * plus a month, a year, a week or a day, by the interval column of the row or of a parent
   * (plan_id.billing_interval).
   */
  private billingPeriods(t: Table) {
    const times = (t.model?.columns ?? []).filter((c) => isTime(c) && t.fields.has(c.name)).map((c) => c.name);
    const start = times.find((n) => /^(current_)?period_start(s|ed)?(_at|_on|_date)?$/.test(n.toLowerCase()));
    const end = start && times.find((n) => n.toLowerCase() === start.toLowerCase().replace('start', 'end'));
    if (!start || !end) return;
    const INTERVAL = /^(billing_)?(interval|period|cycle|frequency)$|^billing_(interval|period|cycle)$|^(interval|recurring)_unit$/;
    const intervalIn = (table: Table) => table.def.fields.find((f) => f.type === 'pick' && INTERVAL.test(snake(f.name)));
    let path: string | undefined;
    let values: unknown[] | undefined;
    const own = intervalIn(t);
    if (own) [path, values] = [own.name, (own.options as { values: unknown[] }).values];
    else
      for (const [ref, parent] of t.refs) {
        const p = this.tables.get(parent);
        const f = p && p !== t && t.fields.get(ref)?.type === 'ref' && this.notNull(t, ref) ? intervalIn(p) : undefined;
        if (f) {
          [path, values] = [`${ref}.${f.name}`, (f.options as { values: unknown[] }).values];
          break;
        }
      }
    if (!path || !values) return;
    const DAYS: [RegExp, number][] = [
      [/year|annual/, 365],
      [/quarter/, 91],
      [/month/, 30],
      [/week/, 7],
      [/day|daily/, 1],
    ];
    const days = (v: unknown) => DAYS.find(([re]) => re.test(String(v).toLowerCase()))?.[1];
    if (values.some((v) => days(v) === undefined)) return;
    const expr = values.reduceRight<string>(
      (rest, v, i) => (i === values.length - 1 ? `${start} + ${days(v)}` : `if(${path} = '${String(v)}', ${start} + ${days(v)}, ${rest})`),
      '',
    );
    const f = t.fields.get(end)!;
    const nullRate = f.nullRate;
    Object.assign(f, { type: 'expression', options: { expr } });
    if (nullRate !== undefined) f.nullRate = nullRate;
    this.reason(t, end, `${start} plus one ${path} (${values.map((v) => `${String(v)}: ${days(v)} days`).join(', ')})`);
  }

  /**
   * A payment pays what its order or invoice owes: the amount column of a payments table and the
   * total-like column of a parent reached by a not-null ref.
   */
  private paymentTarget(t: Table): { amount: FieldDefinition; ref: string; parent: string; total: string } | undefined {
    if (!/(^|_)(payments?|charges?|receipts?|installments?)$/.test(snake(t.def.name))) return undefined;
    const amount = t.def.fields.find(
      (f) =>
        this.isNumber(t, f.name) &&
        /^(amount|amount_paid|paid_amount|total)$/.test(snake(f.name)) &&
        !['expression', 'after', 'before', 'lookup', 'share'].includes(f.type),
    );
    if (!amount) return undefined;
    for (const [ref, parent] of t.refs) {
      const p = this.tables.get(parent);
      if (!p || p === t || t.fields.get(ref)?.type !== 'ref' || !this.notNull(t, ref)) continue;
      const total = p.def.fields.find((f) => this.isNumber(p, f.name) && TOTAL.test(snake(f.name)));
      if (total) return { amount, ref, parent, total: total.name };
    }
    return undefined;
  }

  /**
   * The payments of an order or invoice share its total: laid out per parent (one or two each), each
   * pays an equal share and together exactly the total, so what they pay never adds up to more.
   * Before applyLayouts; a payments table laid out by another parent keeps paymentAmounts' full total.
   */
  private paymentShares(t: Table) {
    const target = this.paymentTarget(t);
    if (!target || !this.demandLayout(t, target.ref, `payments of a ${target.parent} row share its ${target.total}`, 1, 2)) return;
    const { amount, ref, total } = target;
    const whole = INT_TYPES.has(this.column(t, amount.name)?.type.name ?? '');
    const nullRate = amount.nullRate;
    // at least the smallest step: an amount is positive (CHECK amount > 0) even when a total is 0
    Object.assign(amount, { type: 'share', options: { of: `${ref}.${total}`, per: ref, atLeast: whole ? 1 : 0.01, ...(whole ? { decimals: 0 } : {}) } });
    if (nullRate !== undefined) amount.nullRate = nullRate;
    this.reason(t, amount.name, `an equal share of the ${target.parent}'s ${total} among its ${t.def.name} (${ref}.${total})`);
  }

  /** Payments not laid out per parent: each pays the parent's whole total. */
  private paymentAmounts(t: Table) {
    const target = this.paymentTarget(t);
    if (!target) return;
    const { amount, ref, parent, total } = target;
    const nullRate = amount.nullRate;
    // at least a cent: an amount is positive (CHECK amount > 0) even when a total is 0
    Object.assign(amount, { type: 'expression', options: { expr: `max(${ref}.${total}, 0.01)` } });
    if (nullRate !== undefined) amount.nullRate = nullRate;
    this.reason(t, amount.name, `the ${parent}'s ${total} (${ref}.${total})`);
  }

  /**
   * An order's subtotal is the sum of its lines (child-sums.ts): the parent column becomes an
   * `aggregate` of the lines' amount, and the lines are laid out per parent so it can be computed.
   * Runs before amounts(), whose discount, tax and total then follow the summed subtotal.
   */
  private childSums(t: Table) {
    const view = (x: Table): SumTable => ({
      name: x.def.name,
      refs: x.refs,
      columns: x.def.fields.map((f) => f.name),
      isNumber: (c) => this.isNumber(x, c),
      isInteger: (c) => INT_TYPES.has(this.column(x, c)?.type.name ?? ''),
      notNull: (c) => this.notNull(x, c),
    });
    for (const count of childCountsOf(view(t), [...this.tables.values()].map(view))) this.childCount(t, count);
    const sum = childSumOf(view(t), [...this.tables.values()].map(view));
    if (!sum) return;
    const f = t.fields.get(sum.column)!;
    if (['expression', 'after', 'before', 'lookup', 'aggregate'].includes(f.type)) return;
    const child = this.tables.get(sum.child)!;
    if (!this.demandLayout(child, sum.via, `lines of a ${t.def.name} row, which sums them`)) return;
    Object.assign(f, { type: 'aggregate', options: { table: sum.child, via: sum.via, field: sum.amount, ...(sum.times ? { times: sum.times } : {}) } });
    delete f.nullRate;
    const summed = sum.times ? `${sum.child}.${sum.amount} × ${sum.times}` : `${sum.child}.${sum.amount}`;
    this.reason(t, sum.column, `sum of ${summed} over the ${t.def.name} row's lines (${sum.child}.${sum.via})`);
  }

  /** A parent's count of its children (albums.total_tracks): the number of child rows laid out for it, when its bounds allow. */
  private childCount(t: Table, count: ChildCount) {
    const f = t.fields.get(count.column)!;
    if (f.type !== 'number.int') return;
    const child = this.tables.get(count.child)!;
    const layout = this.layouts.get(child.def.name);
    const { min, max } = f.options as { min: number; max: number };
    // the layout the child already has (or will get) must give counts the column accepts
    const [lo, hi] = layout && layout.field === count.via ? [layout.min, layout.max] : layout ? [-1, -1] : [1, 3];
    if (lo < min || hi > max) return;
    if (!this.demandLayout(child, count.via, `${t.def.name}.${count.column} counts them`)) return;
    Object.assign(f, { type: 'aggregate', options: { table: count.child, via: count.via, fn: 'count' } });
    delete f.nullRate;
    this.reason(t, count.column, `the number of ${count.child} rows of the ${t.def.name} row (${count.child}.${count.via})`);
  }

  /**
   * A status only some parents allow (status-conditions.ts): 'trialing' only on a plan with
   * trial_days > 0. The profile's variant gets that condition (`when`); when the parent counts days,
   * the status's end (trial_ends_at) is that many days after the row's birth.
   */
  private statusConditions(t: Table) {
    const profiles = t.def.profiles;
    if (!profiles?.field) return;
    const parents: ConditionParent[] = [...t.refs]
      .filter(([ref, parent]) => parent !== t.def.name && t.fields.get(ref)?.type === 'ref' && this.notNull(t, ref))
      .map(([ref, parent]) => {
        const p = this.tables.get(parent)!;
        const kind = (c: string) =>
          this.isNumber(p, c) ? ('number' as const) : this.column(p, c)?.type.name === 'bool' ? ('boolean' as const) : ('other' as const);
        return { ref, columns: p.def.fields.map((f) => ({ name: f.name, kind: kind(f.name) })) };
      });
    if (parents.length === 0) return;
    for (const variant of profiles.variants) {
      if (typeof variant.value !== 'string' || variant.when !== undefined) continue;
      const condition = statusCondition(variant.value, parents);
      // rows whose parent does not allow it need another variant to take
      if (!condition || !profiles.variants.some((v) => v !== variant && v.when === undefined && v.weight > 0)) continue;
      variant.when = condition.when;
      this.reason(t, profiles.field, `${variant.value} only where ${condition.when}`);
      const stem = condition.column.replace(/_(period_)?days$/i, '');
      const end = t.def.fields.find(
        (f) => isTime(this.column(t, f.name)) && new RegExp(`^${stem}_(ends?|ending|expires?)_(at|on|date)$|^${stem}_(until|end)$`, 'i').test(f.name),
      );
      if (condition.days && end && t.birth && end.name !== t.birth) {
        variant.fields[end.name] = { type: 'expression', options: { expr: `${t.birth} + ${condition.ref}.${condition.column}` } };
        this.reason(t, end.name, `when ${variant.value}: ${t.birth} + ${condition.ref}.${condition.column} days`);
      }
    }
  }

  /** duration_ms is finished_at - started_at (null while either is). */
  private durations(t: Table) {
    const times = (t.model?.columns ?? []).filter((c) => isTime(c) && t.fields.has(c.name)).map((c) => c.name);
    const start =
      times.find((n) => /^(started|start|began)_?(at|time)?$/.test(n.toLowerCase())) ?? times.find((n) => /^queued_?(at|time)?$/.test(n.toLowerCase()));
    const end = times.find((n) => /^(finished|completed|ended|end|done|stopped)_?(at|time)?$/.test(n.toLowerCase()));
    if (!start || !end) return;
    for (const f of t.def.fields) {
      const m = /^(duration|elapsed|runtime|run_time)(_ms|_millis|_milliseconds|_seconds|_secs|_sec|_s|_minutes|_mins|_min|_hours|_hrs|_h)?$/.exec(
        snake(f.name),
      );
      if (!m || !NUMBER_TYPES.has(this.column(t, f.name)?.type.name ?? '')) continue;
      const unit = !m[2] ? 'seconds' : /ms|milli/.test(m[2]) ? 'milliseconds' : /min/.test(m[2]) ? 'minutes' : /h/.test(m[2]) ? 'hours' : 'seconds';
      const perDay = { milliseconds: 86_400_000, seconds: 86_400, minutes: 1_440, hours: 24 }[unit];
      const nullRate = f.nullRate;
      const decimals = unit === 'hours' && !INT_TYPES.has(this.column(t, f.name)?.type.name ?? '') ? ', 2' : '';
      // ceil: a positive gap is never 0 (CHECK duration > 0 beside CHECK ended_at > started_at)
      const whole = unit === 'milliseconds' ? 'round' : decimals ? 'round' : 'ceil';
      Object.assign(f, { type: 'expression', options: { expr: `${whole}((${end} - ${start}) * ${perDay}${decimals})` } });
      if (nullRate !== undefined) f.nullRate = nullRate;
      this.reason(t, f.name, `${end} - ${start} in ${unit}`);
    }
  }

  /** `list_price >= sale_price`, `max_value > min_value`: the other side is generated from the first. */
  private numbers(t: Table) {
    for (const { constraint: check, analysis } of t.checks) {
      for (const [later, rule] of analysis.rules) {
        const earlier = rule.after?.column;
        if (!earlier || !NUMBER_TYPES.has(this.column(t, later)?.type.name ?? '') || !NUMBER_TYPES.has(this.column(t, earlier)?.type.name ?? '')) continue;
        const high = t.fields.get(later);
        const low = t.fields.get(earlier);
        if (!high || !low) continue;
        const derived = (f: FieldDefinition) => ['after', 'before', 'lookup', 'ref', 'expression', 'aggregate'].includes(f.type);
        let moved: FieldDefinition;
        let from: string;
        let type: 'after' | 'before';
        if (derived(high) || derived(low)) {
          // one side is arithmetic of the row (a total): the other follows it, unless the total reads it
          const [fixed, free] = derived(high) ? [high, low] : [low, high];
          if (derived(free) || fixed.type !== 'expression' || new RegExp(`\\b${free.name}\\b`).test(String((fixed.options as Options).expr))) continue;
          [moved, from, type] = free === low ? [low, later, 'before'] : [high, earlier, 'after'];
        } else if (PAID_AMOUNT.test(snake(low.name))) {
          // what was paid follows what is owed, never the other way round
          [moved, from, type] = [low, later, 'before'];
        } else {
          // keep the NOT NULL side's own values; the nullable side follows it
          [moved, from, type] = !this.notNull(t, earlier) && this.notNull(t, later) ? [low, later, 'before'] : [high, earlier, 'after'];
        }
        const o = (moved.options ?? {}) as { min?: number; max?: number; fractionDigits?: number };
        const span = o.min !== undefined && o.max !== undefined && o.max > o.min ? (o.max - o.min) / 2 : 100;
        const options: Options = { from, max: span };
        if (rule.after!.strict) options.strict = true;
        if (type === 'before' && o.min !== undefined) options.atLeast = o.min;
        // a strict order needs room above the low side: no cap that could squeeze it to equal
        if (type === 'after' && o.max !== undefined && !rule.after!.strict) options.atMost = o.max;
        if (o.fractionDigits !== undefined) options.decimals = o.fractionDigits;
        else if (moved.type === 'number.int' || moved.type === 'sequence') options.decimals = 0;
        const nullRate = moved.nullRate;
        Object.assign(moved, { type, options });
        if (nullRate !== undefined) moved.nullRate = nullRate;
        this.reason(t, moved.name, `${type} ${from} (CHECK ${check.text ?? ''})`.trim());
      }
    }
  }

  /** `x >= y` / `x > y` CHECKs between two timestamps of the row: x → its base y. */
  private checkOrder(t: Table): Map<string, { base: string; strict: boolean; minDays?: number; required?: boolean }> {
    const out = new Map<string, { base: string; strict: boolean; minDays?: number; required?: boolean }>();
    for (const { constraint: check, analysis } of t.checks) {
      for (const [column, rule] of analysis.rules)
        if (rule.after && isTime(this.column(t, column)))
          out.set(column, { base: rule.after.column, strict: rule.after.strict, ...(rule.requires?.includes(rule.after.column) ? { required: true } : {}) });
      const gap = intervalGap(check.expr!);
      if (gap && isTime(this.column(t, gap.later)) && isTime(this.column(t, gap.earlier)))
        out.set(gap.later, { base: gap.earlier, strict: gap.strict, minDays: gap.days });
    }
    // what happened follows what was planned: actual_departure after scheduled_departure
    for (const c of t.model?.columns ?? []) {
      const planned = /^actual_(.+)$/.exec(snake(c.name))?.[1];
      const base = planned && (t.model?.columns ?? []).find((x) => snake(x.name) === `scheduled_${planned}` || snake(x.name) === `planned_${planned}`);
      if (base && !out.has(c.name) && isTime(c) && isTime(base) && t.fields.has(base.name)) out.set(c.name, { base: base.name, strict: false, required: true });
    }
    return out;
  }

  /** Whether a field path of a row of `t` (`thing_id.created_at`) can be null: a nullable hop or column. */
  private mayBeNull(t: Table, path: string): boolean {
    const [head, ...rest] = path.split('.');
    if (!this.notNull(t, head!)) return true;
    if (!rest.length) return false;
    const parent = this.tables.get(t.refs.get(head!) ?? '');
    return !parent || this.mayBeNull(parent, rest.join('.'));
  }

  private setAfter(t: Table, name: string, bases: string[], strict: boolean, minDays?: number, ends: string[] = [], ifRoom: string[] = []): boolean {
    const birthName = t.birth;
    const f = t.fields.get(name)!;
    // a time series key keeps its steps (it already counts from its ancestor); a partition key stays inside its partitions
    if (f.type === 'sequence' || t.model?.partitionWindow?.column === name) return false;
    const date = this.column(t, name)?.type.name === 'date';
    const nullRate = f.nullRate;
    const lower = name.toLowerCase();
    const nearest = (bases[0] ?? '').split('.').at(-1)!.toLowerCase();
    // how long after: a run finishes within hours of its start, a stay ends within two weeks of its
    // check-in, a first response comes within two days; other steps within months, never past "now"
    let window: { unit: string; min?: number; max: number } = { unit: 'days', max: date ? 365 : 90 };
    if (minDays !== undefined) window = { unit: 'days', min: minDays + (/birth|dob/.test(nearest) ? 2.5 * 365 : 0), max: minDays + 40 * 365 };
    else if (/^(started|start|began)_?(at|time)?$/.test(nearest) && !date) window = { unit: 'minutes', max: 240 };
    // a flight lands 45 minutes to 12 hours after it took off; it leaves up to 3 hours after its schedule
    else if (/arriv|landed|landing/.test(lower) && /depart|took_off|takeoff/.test(nearest) && !date) window = { unit: 'minutes', min: 45, max: 720 };
    else if (/^actual_/.test(lower) && /^(scheduled|planned)_/.test(nearest) && !date) window = { unit: 'minutes', max: 180 };
    else if (/check_?out|departure|^end_date$|^ends_(on|at)$/.test(lower)) window = { unit: 'days', min: 1, max: 14 };
    else if (/first_response|acknowledged|responded|replied|read/.test(lower) && !date) window = { unit: 'hours', max: 48 };
    // a patient checks in minutes after the appointment's scheduled start
    else if (/^(checked_in|check_in|arrived|arrival)_?(at|time)?$/.test(lower) && /^scheduled_|^starts_|^appointment_(at|time)$/.test(nearest) && !date)
      window = { unit: 'minutes', max: 20 };
    // an event reaches the server seconds after it happened
    else if (/^(received|ingested|arrived)_?(at|time)?$/.test(lower) && /occurred|happened|emitted|sent|event_?time|timestamp|^ts$/.test(nearest) && !date)
      window = { unit: 'seconds', max: 120 };
    else if (/^(started|start|began)_?(at|time)?$/.test(lower) && /queued|requested|created|submitted|scheduled/.test(nearest) && !date)
      window = { unit: 'minutes', max: 30 };
    // events of a lifecycle are in the past; an end date a CHECK orders (effective_to) may lie ahead
    const options: Options = {
      from: bases.length === 1 ? bases[0] : bases,
      ...(ifRoom.length ? { fromIfRoom: ifRoom.length === 1 ? ifRoom[0] : ifRoom } : {}),
      ...window,
      ...(rankOf(name) !== undefined || name === birthName || PAST_STEP.test(lower) ? { atMost: ends.length ? ['now', ...ends] : 'now' } : {}),
    };
    // a NOT NULL step whose every base may be null (a nullable parent) still needs a value: it then
    // follows a moment a year before the reference date
    if (this.notNull(t, name) && bases.every((b) => this.mayBeNull(t, b))) {
      const reference = Date.parse(String(this.definition.referenceDate ?? '')) || Date.now();
      options.fallback = new Date(reference - 365 * 86_400_000).toISOString();
    }
    // a date column keeps only the day: strictly later means a whole day later
    if (strict && date) options.min = Math.max(Number(options.min ?? 0), 1);
    else if (strict) options.strict = true;
    Object.assign(f, { type: 'after', options });
    if (nullRate !== undefined) f.nullRate = nullRate;
    return true;
  }

  /**
   * CHECKs no generator choice expresses (`manager_id <> id`, `(debit = 0) <> (credit = 0)`) are
   * evaluated by the engine on each row, which redraws the plain columns involved a bounded number of
   * times; `tdg seed` reports one that still fails before writing anything.
   */
  /**
   * `a IS NOT NULL OR b IS NOT NULL` (a language's ISO codes, a contact's email or phone): the first
   * of them that may be left empty is always filled, which meets the CHECK on every row with no redraw.
   */
  private somePresent(t: Table) {
    for (const entry of t.checks) {
      if (entry.analysis.understood) continue;
      const columns: string[] = [];
      const visit = (node: PgNode | undefined): boolean => {
        if (node?.BoolExpr?.boolop === 'OR_EXPR') return (node.BoolExpr.args ?? []).every(visit);
        const test = node?.NullTest;
        const column = test?.nulltesttype === 'IS_NOT_NULL' ? (columnOf(test.arg) ?? '') : '';
        if (!t.fields.has(column)) return false;
        columns.push(column);
        return true;
      };
      if (!visit(entry.constraint.expr) || columns.length < 2) continue;
      const kept = columns.find((c) => t.fields.get(c)!.type !== 'lookup') ?? columns[0]!;
      delete t.fields.get(kept)!.nullRate;
      entry.analysis.understood = true;
      this.unsay(t, entry.constraint);
      this.reason(t, kept, `always filled: CHECK ${columns.map((c) => `${c} IS NOT NULL`).join(' OR ')}`);
    }
  }

  /** Takes back the note that a CHECK is not understood (a rule now meets it), leaving `instead` in its place. */
  private unsay(t: Table, constraint: ConstraintModel, instead?: string) {
    const said = `table ${t.model?.name ?? t.def.name}: CHECK (${constraint.text})`;
    for (let k = this.notes.length - 1; k >= 0; k--)
      if (this.notes[k]!.message.startsWith(said)) {
        if (instead) this.notes[k] = { ...this.notes[k]!, message: `${said} ${instead}` };
        else this.notes.splice(k, 1);
      }
  }

  /**
   * A CHECK that says what a column is — `total_cents = amount_cents + tax_cents`, `net = gross -
   * fee`, `amount = quantity * unit_price` — makes it that arithmetic of the row: a redraw would
   * almost never meet an equality. Only sums, differences and products of the row's numbers
   * (SQL's integer division truncates where the expression language's does not), rounded to the
   * column's scale; an operand left empty counts as 0 where the column may not be empty.
   */
  private computedByChecks(t: Table) {
    const DERIVED = ['expression', 'after', 'before', 'lookup', 'sequence', 'ref', 'aggregate', 'share', 'constant', 'template'];
    const keyed = redrawGuardedColumns(t.def as Parameters<typeof redrawGuardedColumns>[0]);
    const arithmetic = (node: PgNode | undefined): boolean => {
      if (!node) return false;
      if (node.TypeCast) return arithmetic(node.TypeCast.arg);
      if (node.ColumnRef) return this.isNumber(t, columnOf(node) ?? '');
      if (node.A_Const) return node.A_Const.ival !== undefined || node.A_Const.fval !== undefined;
      if (node.CoalesceExpr) return (node.CoalesceExpr.args ?? []).every(arithmetic);
      if (node.MinMaxExpr) return (node.MinMaxExpr.args ?? []).every(arithmetic);
      if (node.FuncCall) {
        const name = String(node.FuncCall.funcname?.at(-1)?.String?.sval ?? '').toLowerCase();
        return ['round', 'abs', 'floor', 'ceil'].includes(name) && (node.FuncCall.args ?? []).every(arithmetic);
      }
      const e = node.A_Expr;
      const op = String(e?.name?.at(-1)?.String?.sval ?? '');
      return e?.kind === 'AEXPR_OP' && ['+', '-', '*'].includes(op) && (!e.lexpr || arithmetic(e.lexpr)) && arithmetic(e.rexpr);
    };
    const target = (column: string | undefined) => {
      const f = column === undefined ? undefined : t.fields.get(column);
      return f &&
        this.isNumber(t, column!) &&
        !f.unique &&
        !keyed.has(column!) &&
        !f.exactlyOne &&
        column !== t.def.profiles?.field &&
        !DERIVED.includes(f.type)
        ? f
        : undefined;
    };
    for (const entry of t.checks) {
      if (entry.analysis.understood) continue;
      const e = entry.constraint.expr?.A_Expr;
      if (e?.kind !== 'AEXPR_OP' || e.name?.at(-1)?.String?.sval !== '=') continue;
      for (const [side, other] of [
        [e.lexpr, e.rexpr],
        [e.rexpr, e.lexpr],
      ] as [PgNode, PgNode][]) {
        const column = side?.TypeCast ? columnOf(side) : side?.ColumnRef ? columnOf(side) : undefined;
        const f = target(column);
        if (!f || !arithmetic(other)) continue;
        const translated = translateValue(other, (c) => (t.fields.has(c) ? c : undefined));
        if (!translated?.columns.length || translated.columns.includes(column!)) continue;
        // an operand computed from this column would make a cycle
        const reads = (g: FieldDefinition | undefined, name: string) => !!g && fieldDependencies(g as Parameters<typeof fieldDependencies>[0]).includes(name);
        if (translated.columns.some((c) => reads(t.fields.get(c), column!))) continue;
        let expr = translated.expr;
        if (this.notNull(t, column!))
          for (const c of translated.columns) if (!this.notNull(t, c)) expr = expr.replace(new RegExp(`\\b${c}\\b`, 'g'), `coalesce(${c}, 0)`);
        const scale = (c: string) => {
          const type = this.column(t, c)?.type;
          return type?.name === 'numeric' ? type.mods[1] : ['int2', 'int4', 'int8'].includes(type?.name ?? '') ? 0 : undefined;
        };
        const own = scale(column!);
        const operands = translated.columns.map(scale);
        const places = own ?? (operands.every((s) => s !== undefined) ? Math.max(...(operands as number[])) : undefined);
        if (places !== undefined && !(own === 0 && operands.every((s) => s === 0))) expr = `round(${expr}, ${places})`;
        const nullRate = this.notNull(t, column!) ? undefined : f.nullRate;
        Object.assign(f, { type: 'expression', options: { expr } });
        delete f.nullRate;
        if (nullRate !== undefined) f.nullRate = nullRate;
        entry.analysis.understood = true;
        this.unsay(t, entry.constraint);
        this.reason(t, column!, `${exprText(other)}: CHECK (${entry.constraint.text})`);
        // of two operands, a tax, a fee or a discount is a share of the other (tax_cents was as large as amount_cents)
        if (translated.columns.length === 2) {
          const [a, b] = translated.columns as [string, string];
          const share = SHARES.find(([name]) => name.test(snake(a)) !== name.test(snake(b)));
          const part = share && (share[0].test(snake(a)) ? a : b);
          const base = part === a ? b : a;
          const pf = part === undefined ? undefined : t.fields.get(part);
          if (share && pf && PLAIN_NUMBERS.includes(pf.type) && !pf.unique && !keyed.has(part!) && !reads(t.fields.get(base), part!)) {
            const partNull = pf.nullRate;
            Object.assign(pf, { type: 'expression', options: { expr: `round(${share[1](base)}, ${scale(part!) ?? 2})` } });
            delete pf.nullRate;
            if (partNull !== undefined && !this.notNull(t, part!)) pf.nullRate = partNull;
            this.reason(t, part!, `${share[2]} of ${base}`);
          }
        }
        break;
      }
    }
  }

  private checks(t: Table) {
    // the engine's own rule of which key columns a redraw leaves alone
    const keyed = redrawGuardedColumns(t.def as Parameters<typeof redrawGuardedColumns>[0]);
    const selector = t.def.profiles?.field;
    // Postgres' names for unnamed CHECKs: <table>_<column>_check on a column, <table>_check, _check1... on the table
    let unnamed = 0;
    const nameOf = (check: { name?: string; columns: string[] }) =>
      check.name ?? (check.columns.length === 1 ? `${t.model!.name}_${check.columns[0]}_check` : `${t.model!.name}_check${unnamed++ || ''}`);
    for (const { constraint: check, analysis } of t.checks) {
      const name = nameOf(check);
      if (analysis.understood) continue;
      const translated = translateCheck(check.expr!, (c) => (t.fields.has(c) ? c : undefined));
      if (!translated || translated.columns.length === 0) continue;
      // a ref scoped through another column of the same CHECK (wallet_id within subscription_id's
      // customer, where the CHECK wants one of them null) would have no scope exactly when the CHECK
      // needs it set: it picks among all its parents instead
      for (const c of translated.columns) {
        const o = t.fields.get(c)?.options as Options | undefined;
        const scope = o?.scope as { equals?: string } | undefined;
        const through = scope?.equals?.split('.')[0];
        if (t.fields.get(c)?.type !== 'ref' || !through || through === c || !translated.columns.includes(through) || o?.distinctWithin) continue;
        delete o!.scope;
        this.note(t, `table ${t.def.name}: ${c} is not kept within ${scope!.equals}, which CHECK ${name} may leave null`);
      }
      const redraw = translated.columns.filter((c) => {
        const f = t.fields.get(c)!;
        const o = (f.options ?? {}) as Options;
        if (t.paired?.has(c) || f.type === 'lookup') return false;
        // a value its rule chose (a scoped ref, a key column) whose nulls may be drawn again
        if (nullsOnlyRedraw(f as never, keyed.has(c), t.def as never)) return true;
        if (f.unique || keyed.has(c) || c === selector || f.exactlyOne || ['sequence', 'constant'].includes(f.type)) return false;
        return f.type !== 'ref' || !(o.childrenPerParent || o.scope || o.sameAs || o.distinctWithin);
      });
      if (!redraw.length) continue;
      // the constants a branch pins, for the columns redrawn (a value of their kind; refs null, or a
      // number naming a parent row of a plain sequence key: the 'Various Artists' row's type = 3)
      const fits = (c: string, v: Value) => {
        if (v === null) return !this.notNull(t, c);
        if (nullsOnlyRedraw(t.fields.get(c)! as never, keyed.has(c), t.def as never)) return false;
        const type = this.column(t, c)?.type;
        const f = t.fields.get(c)!;
        if (f.type === 'ref') return typeof v === 'number' && this.sequenceTarget(f);
        if (!type || type.arrayDims > 0) return false;
        if (typeof v === 'number') return NUMBER_TYPES.has(type.name);
        if (typeof v === 'boolean') return type.name === 'bool';
        return typeof v === 'string' && !NUMBER_TYPES.has(type.name) && !TIME_TYPES.has(type.name) && !['bool', 'json', 'jsonb'].includes(type.name);
      };
      const pinned = checkFixes(check.expr!).length ? checkFixes(check.expr!) : oneSetFixes(translated.expr, translated.columns);
      // last of all, one redrawn flag or nullable column at a time: true, false, null — a CHECK
      // tying a flag to another column (is_draft = (published_at IS NULL)) that sixteen random
      // draws of both missed holds with the other column's first draw on one side or the other
      const flips = redraw.flatMap((c): Record<string, boolean | null>[] =>
        this.column(t, c)?.type.name === 'bool' ? [{ [c]: true }, { [c]: false }] : [{ [c]: null }],
      );
      const fixes = [...pinned, ...flips]
        .map((fix) => Object.fromEntries(Object.entries(fix).filter(([c, v]) => redraw.includes(c) && fits(c, v))))
        .filter((fix, k, all) => Object.keys(fix).length > 0 && all.findIndex((other) => JSON.stringify(other) === JSON.stringify(fix)) === k)
        .slice(0, 12);
      (t.def.checks ??= []).push({ name, expr: translated.expr, redraw, ...(fixes.length ? { fixes } : {}) });
      this.unsay(
        t,
        check,
        `is evaluated on each row: ${redraw.join(', ')} drawn again until it holds (tdg seed names it, before writing, should rows still break it)`,
      );
      for (const c of redraw) this.reason(t, c, `redrawn until CHECK ${name} holds`);
    }
  }

  /**
   * A CHECK that wants exactly one of two columns empty — `(debit = 0) <> (credit = 0)`,
   * `num_nonnulls(a, b) = 1`-like `(a is null) <> (b is null)` — becomes two row variants, one
   * emptying each side, when the table has no profiles yet: a redraw of continuous amounts would
   * almost never hit 0. The CHECK itself stays a row check, for rows where the kept side drew 0.
   * Found by evaluating the translated CHECK on probe rows, not by its spelling.
   */
  private exclusiveSides(t: Table) {
    if (t.def.profiles) return;
    const usable = this.profileable(t);
    for (const { constraint, analysis } of t.checks) {
      if (analysis.understood) continue;
      const probed = this.probeTwoColumnCheck(t, constraint);
      if (!probed) continue;
      const [a, b] = probed.columns;
      if (!usable(a) || !usable(b)) continue;
      const numeric = (c: string) => this.isNumber(t, c);
      const passes = probed.passes;
      const empties: Value[] = [];
      if (numeric(a) && numeric(b)) empties.push(0);
      if (!this.notNull(t, a) && !this.notNull(t, b)) empties.push(null);
      for (const empty of empties) {
        const full = numeric(a) && numeric(b) ? 5 : 'x';
        const holds = passes({ [a]: empty, [b]: full }) && passes({ [a]: full, [b]: empty });
        // the CHECK must need it: both sides full (and, for null, both empty) break it
        const needed = !passes({ [a]: full, [b]: full }) && (empty !== null || !passes({ [a]: empty, [b]: empty }));
        if (!holds || !needed) continue;
        t.def.profiles = {
          variants: [
            { weight: 1, fields: { [b]: empty } },
            { weight: 1, fields: { [a]: empty } },
          ],
        };
        const name = constraint.name ?? `${t.model!.name}_check`;
        for (const c of [a, b]) this.reason(t, c, `row profiles: ${a} or ${b} is ${empty === null ? 'null' : empty} in each row (CHECK ${name})`);
        return;
      }
    }
  }

  /**
   * A flag and the moment it became true: is_archived and archived_at, is_verified and verified_at.
   * The flag is true exactly when the moment is set (rarely for archived/deleted-like words), in
   * every variant of the row's profiles (crossed with them, or following a variant that decides
   * the moment already).
   */
  private flagTimes(t: Table) {
    for (const flag of t.def.fields) {
      if (flag.type !== 'datatype.boolean' || flag.exactlyOne || flag.unique) continue;
      const stem = snake(flag.name).replace(/^(is|has|was)_/, '');
      const moment = (t.model?.columns ?? []).find(
        (c) => isTime(c) && !c.notNull && t.fields.has(c.name) && new RegExp(`^${stem}_(at|on|date|time)$`).test(snake(c.name)),
      );
      if (!moment) continue;
      const time = t.fields.get(moment.name)!;
      if (['sequence', 'constant', 'lookup'].includes(time.type)) continue;
      const set = { type: time.type, ...(time.options ? { options: time.options } : {}) };
      const rare = /deleted|archived|cancel|banned|revoked|suspended|closed|disabled|deprecat|yanked|voided|blocked/.test(stem);
      const share = rare ? 0.2 : 0.6;
      const sides = [
        { on: true, weight: share, fields: { [flag.name]: true, [moment.name]: set } as Record<string, unknown> },
        { on: false, weight: 1 - share, fields: { [flag.name]: false, [moment.name]: null } as Record<string, unknown> },
      ];
      const profiles = t.def.profiles;
      if (profiles?.field === flag.name || profiles?.variants.some((v) => flag.name in v.fields)) continue;
      if (!profiles) t.def.profiles = { variants: sides.map(({ weight, fields }) => ({ weight, fields })) };
      else
        profiles.variants = profiles.variants.flatMap((v) => {
          // a variant that decides the moment decides the flag
          if (moment.name in v.fields) return [{ ...v, fields: { ...v.fields, [flag.name]: v.fields[moment.name] !== null } }];
          return sides.map((side) => ({ ...v, weight: v.weight * side.weight, fields: { ...v.fields, ...side.fields } }));
        });
      delete flag.nullRate;
      this.reason(t, flag.name, `true exactly when ${moment.name} is set${rare ? ' (about 1 row in 5)' : ''}`);
    }
  }

  /** Columns a row profile may set: not a key, a ref, a sequence, a constant or a lookup. */
  private profileable(t: Table): (column: string) => boolean {
    const keyed = this.keyedColumns(t);
    return (c) => {
      const f = t.fields.get(c)!;
      return !f.unique && !keyed.has(c) && !f.exactlyOne && f.type !== 'ref' && !['sequence', 'constant', 'lookup'].includes(f.type);
    };
  }

  /** A CHECK over two columns of the row, evaluated in-process on probe values (unknown: passes). */
  private probeTwoColumnCheck(
    t: Table,
    constraint: ConstraintModel,
  ): { columns: [string, string]; passes: (row: Record<string, Value>) => boolean } | undefined {
    const translated = translateCheck(constraint.expr!, (c) => (t.fields.has(c) ? c : undefined));
    if (!translated || translated.columns.length !== 2) return undefined;
    let probe: Record<string, Value> = {};
    try {
      const evaluate = compileExpression(parsedExpression(translated.expr), (path) => () => probe[path] ?? null, { referenceDate: new Date(0) });
      const passes = (row: Record<string, Value>) => {
        probe = row;
        return evaluate(0, [], 0) !== false;
      };
      return { columns: translated.columns as [string, string], passes };
    } catch {
      return undefined;
    }
  }

  /** Whether a column of the row is numeric in the database. */
  private isNumber(t: Table, column: string): boolean {
    return NUMBER_TYPES.has(this.column(t, column)?.type.name ?? '');
  }

  /**
   * CHECKs that tie whether a column is set to another column: `(status = 'failed') = (failure_code
   * is not null)`, `(duration = 'repeating') = (duration_in_months is not null)` (a pick deciding a
   * nullable column: row profiles on the pick, merged into the ones it has), and `(deprecated_at is
   * null) = (deprecation_message is null)` (both set or both empty: a selector-less profile, mostly
   * empty). Read by probing the CHECK with empty and filled values, so any spelling of it works.
   */
  private linkedColumns(t: Table) {
    const usable = this.profileable(t);
    const filled = (c: string): Value => {
      const type = this.column(t, c)?.type.name ?? '';
      return NUMBER_TYPES.has(type) ? 5 : TIME_TYPES.has(type) ? new Date(0) : type === 'bool' ? true : 'x';
    };
    const generated = (c: string) => {
      const f = t.fields.get(c)!;
      return { type: f.type, ...(f.options ? { options: f.options } : {}) };
    };
    for (const { constraint, analysis } of t.checks) {
      if (analysis.understood) continue;
      const probed = this.probeTwoColumnCheck(t, constraint);
      if (!probed) continue;
      const { passes } = probed;
      const name = constraint.name ?? `${t.model!.name}_check`;
      const [a, b] = probed.columns;
      let done = false;
      for (const [selector, dependent] of [
        [a, b],
        [b, a],
      ] as const) {
        const s = t.fields.get(selector)!;
        if (done || s.type !== 'pick' || this.notNull(t, dependent) || !usable(dependent)) continue;
        if (t.def.profiles?.field !== undefined && t.def.profiles.field !== selector) continue;
        // a selector-less profile already deciding either column (exactly one of queue_name,
        // queue_names set) stands
        if (
          t.def.profiles?.field === undefined &&
          t.def.profiles?.variants.some((v) => Object.hasOwn(v.fields, selector) || Object.hasOwn(v.fields, dependent))
        )
          continue;
        const options = s.options as { values: unknown[]; weights?: number[] };
        const full = filled(dependent);
        const needs = options.values.map((value) => ({
          value,
          empty: passes({ [selector]: value as Value, [dependent]: null }),
          set: passes({ [selector]: value as Value, [dependent]: full }),
        }));
        // every value allows one of the two, and some value allows only one: the CHECK ties them
        if (needs.some((n) => !n.empty && !n.set) || needs.every((n) => n.empty && n.set)) continue;
        const own = options.values.map((value, i) => ({ value, weight: options.weights?.[i] ?? 1, fields: {} as Record<string, unknown> }));
        // a selector-less profile already there (a debit or a credit) is crossed with the selector's values
        const shapes = t.def.profiles && t.def.profiles.field === undefined ? t.def.profiles.variants : undefined;
        const variants = shapes
          ? own.flatMap((v) => shapes.map((shape) => ({ value: v.value, weight: v.weight * shape.weight, fields: { ...shape.fields } })))
          : (t.def.profiles?.variants ?? own);
        for (const variant of variants) {
          const need = needs.find((n) => n.value === variant.value);
          if (!need) continue;
          if (!need.set) variant.fields[dependent] = null;
          else if (!need.empty) variant.fields[dependent] = generated(dependent);
        }
        t.def.profiles = { field: selector, variants };
        this.reason(
          t,
          dependent,
          `set only for ${selector} ${needs
            .filter((n) => !n.empty)
            .map((n) => String(n.value))
            .join('/')} (CHECK ${name})`,
        );
        done = true;
      }
      if (done || t.def.profiles) continue;
      // both nullable, set together or empty together
      if (this.notNull(t, a) || this.notNull(t, b) || !usable(a) || !usable(b)) continue;
      const [fa, fb] = [filled(a), filled(b)];
      if (!(passes({ [a]: null, [b]: null }) && passes({ [a]: fa, [b]: fb }) && !passes({ [a]: fa, [b]: null }) && !passes({ [a]: null, [b]: fb }))) continue;
      t.def.profiles = {
        variants: [
          { weight: 4, fields: { [a]: null, [b]: null } },
          { weight: 1, fields: { [a]: generated(a), [b]: generated(b) } },
        ],
      };
      for (const c of [a, b]) this.reason(t, c, `row profiles: ${a} and ${b} set together, in about 1 row of 5 (CHECK ${name})`);
    }
  }

  /**
   * A unit column beside a column naming what is measured (sensors.kind temperature → °C/°F/K): the
   * unit is drawn from those that fit the row's kind, as a profile on the kind (merged into one it
   * already has). Only when every kind is a quantity tdg knows the units of.
   */
  private unitsByKind(t: Table) {
    const unit = t.def.fields.find((f) => /^(unit|units|uom|unit_of_measure|measurement_unit|unit_code)$/.test(snake(f.name)));
    if (!unit || t.def.profiles?.variants.some((v) => unit.name in v.fields)) return;
    const selector = t.def.fields.find(
      (f) =>
        f !== unit &&
        f.type === 'pick' &&
        /(^|_)(kind|type|metric|measure|measurement|quantity|sensor_type|channel)$/.test(snake(f.name)) &&
        (t.def.profiles?.field === undefined || t.def.profiles.field === f.name),
    );
    if (!selector) return;
    const values = (selector.options as { values: unknown[] }).values;
    const units = values.map((v) => {
      const word = typeof v === 'string' ? v.toLowerCase().replace(/[\s-]+/g, '_') : '';
      return Object.hasOwn(UNITS_OF, word) ? UNITS_OF[word] : undefined;
    });
    if (units.some((u) => !u)) return;
    const max = this.column(t, unit.name)?.type.mods[0];
    const fitting = units.map((u) => (max === undefined ? u! : u!.filter((x) => x.length <= max)));
    if (fitting.some((u) => !u.length)) return;
    const spec = (list: string[]) => ({ type: 'pick', options: { values: list } });
    if (t.def.profiles) for (const v of t.def.profiles.variants) v.fields[unit.name] = spec(fitting[values.indexOf(v.value)]!);
    else t.def.profiles = { field: selector.name, variants: values.map((value, i) => ({ value, weight: 1, fields: { [unit.name]: spec(fitting[i]!) } })) };
    this.reason(t, unit.name, `a unit that fits the row's ${selector.name}`);
  }

  /**
   * EXCLUDE USING gist (room_id WITH =, during WITH &&): a room's bookings one after another, never
   * overlapping — the rows laid out per room, each range a step of a series from the room's birth
   * (10 days apart, 4 long); without the `=` column one series over the table (2 hours apart, 1 long).
   * Anything else an EXCLUDE says is reported as not understood.
   */
  private exclusions(t: Table) {
    for (const c of t.model?.constraints ?? []) {
      if (c.kind !== 'exclusion') continue;
      const ops = c.operators ?? [];
      const ranges = c.columns.filter((_, k) => ops[k] === '&&');
      const equals = c.columns.filter((_, k) => ops[k] === '=');
      const range = ranges.length === 1 && ranges.length + equals.length === c.columns.length ? ranges[0] : undefined;
      const type = range === undefined ? undefined : this.column(t, range)?.type;
      const format = type?.arrayDims
        ? undefined
        : type?.name === 'daterange'
          ? 'date'
          : ['tstzrange', 'tsrange'].includes(type?.name ?? '')
            ? 'timestamp'
            : undefined;
      const ref = equals.length === 1 && t.fields.get(equals[0]!)?.type === 'ref' ? equals[0] : undefined;
      const parent = ref === undefined ? undefined : this.tables.get(t.refs.get(ref)!);
      const said = `table ${t.def.name}: EXCLUDE (${c.columns.map((col, k) => `${col} WITH ${ops[k]}`).join(', ')})`;
      if (
        !range ||
        !format ||
        (equals.length > 0 && !parent) ||
        (ref && !this.demandLayout(t, ref, `the ${t.def.name} of a ${parent!.def.name} never overlap`, 1, 6))
      ) {
        this.note(t, `${said} is not understood; generated rows may violate it`);
        continue;
      }
      const f = t.fields.get(range)!;
      const reference = Date.parse(String(this.definition.referenceDate ?? '')) || Date.now();
      const rows = t.def.rows ?? 1000;
      const options: Options = ref
        ? {
            per: ref,
            unit: 'days',
            start: 0,
            step: 10,
            from: parent!.birth ? `${ref}.${parent!.birth}` : new Date(reference - 365 * 86_400_000).toISOString().slice(0, 10),
            range: { length: 4, format },
          }
        : { unit: 'hours', start: 0, step: 2, from: new Date(reference - rows * 2 * 3_600_000).toISOString(), range: { length: 1, format } };
      const nullRate = f.nullRate;
      Object.assign(f, { type: 'sequence', options });
      delete f.unique;
      if (nullRate !== undefined) f.nullRate = nullRate;
      this.reason(
        t,
        range,
        ref ? `periods of each ${parent!.def.name} one after another, never overlapping (${said})` : `periods one after another, never overlapping (${said})`,
      );
    }
  }

  /**
   * A file's name ends in the extension of its MIME type (a PDF is invoice_2025_03.pdf, a PNG
   * screenshot_0412.png): row profiles on the type, each naming its files as people name them.
   * Only where every type of the column has such names, and the names are not a key.
   */
  private fileTypes(t: Table) {
    const mime = t.def.fields.find((f) => f.type === 'pick' && /^(mime|mime_?type|content_?type|media_?type|file_?type|mimetype)$/.test(snake(f.name)));
    const name = t.def.fields.find(
      (f) => ['system.commonFileName', 'system.fileName'].includes(f.type) && !f.unique && !(t.def.unique ?? []).some((key) => key.includes(f.name)),
    );
    if (!mime || !name || (t.def.profiles && t.def.profiles.field !== mime.name)) return;
    if ((this.column(t, name.name)?.type.mods[0] ?? Infinity) < FILE_NAME_MAX) return;
    const { values, weights } = mime.options as { values: unknown[]; weights?: number[] };
    const patterns = values.map((v) => (typeof v === 'string' && Object.hasOwn(FILE_NAMES, v.toLowerCase()) ? FILE_NAMES[v.toLowerCase()] : undefined));
    if (!values.length || patterns.some((p) => p === undefined)) return;
    const spec = (pattern: string) => ({ type: 'regex', options: { pattern, draw: 'compiled' } });
    if (t.def.profiles) for (const v of t.def.profiles.variants) v.fields[name.name] = spec(patterns[values.indexOf(v.value)]!);
    else
      t.def.profiles = {
        field: mime.name,
        variants: values.map((value, i) => ({ value, weight: weights?.[i] ?? 1, fields: { [name.name]: spec(patterns[i]!) } })),
      };
    this.reason(t, name.name, `a file name with the extension of its ${mime.name}`);
  }

  /**
   * The slug of an article is its title, slugified, and unique per site: the titles are drawn
   * without repeats (per parent when the table is laid out by it, else overall) from a space of
   * about 3 million headlines whose slugs all differ, so the slug needs no suffix.
   */
  private titleSlugs(t: Table) {
    if (!CONTENT_TABLE.test(snake(t.def.name))) return;
    for (const key of t.def.unique ?? []) {
      if (key.length !== 2) continue;
      const slug = key.map((c) => t.fields.get(c)).find((f) => f?.type === 'slug');
      const parent = key.find((c) => t.refs.has(c));
      if (!slug || !parent) continue;
      const title = t.fields.get(String((slug.options as Options).field));
      if (!title || title.unique || title.type === 'ref' || !this.notNull(t, title.name)) continue;
      const fits = (name: string) => (this.column(t, name)?.type.mods[0] ?? Infinity) >= HEADLINE_MAX;
      if (!fits(title.name) || !fits(slug.name)) continue;
      Object.assign(title, { type: 'regex', options: { pattern: HEADLINE_PATTERN } });
      (slug.options as Options).maxLength = Math.max(HEADLINE_MAX, Number((slug.options as Options).maxLength ?? 0));
      key[key.indexOf(slug.name)] = title.name;
      this.reason(t, title.name, `a headline, never repeated within a ${t.refs.get(parent)}, so ${slug.name} is its slug as it is`);
      this.reason(t, slug.name, `${title.name}, slugified (unique per ${t.refs.get(parent)} because ${title.name} is)`);
    }
  }

  /** Status columns whose words are a lifecycle become row profiles. */
  private profiles(t: Table) {
    // a selector repeats its values, so a column in a key (customer_id, type) cannot be one
    const keyed = this.keyedColumns(t);
    const statusField = t.def.fields.find(
      (f) => f.type === 'pick' && !f.unique && !keyed.has(f.name) && /(^|_)(status|state|stage|phase)$/.test(snake(f.name)),
    );
    if (!statusField) return this.kindProfiles(t);
    const values = (statusField.options as { values: unknown[] }).values.filter((v): v is string => typeof v === 'string');
    const columns = (t.model?.columns ?? [])
      .filter((c) => t.fields.has(c.name))
      .map((c) => ({
        name: c.name,
        kind: isTime(c)
          ? ('time' as const)
          : ['int2', 'int4', 'int8', 'numeric', 'float4', 'float8'].includes(c.type.name)
            ? ('number' as const)
            : c.type.name === 'text' || c.type.name === 'varchar'
              ? ('text' as const)
              : ('other' as const),
      }));
    const plan = planLifecycle(statusField.name, values, columns);
    if (!plan) return;
    const weights = lifecycleWeights(values);
    const variants = plan.variants.map((v, i) => {
      const fields: Record<string, unknown> = {};
      for (const [column, effect] of Object.entries(v.effects)) {
        const spec = this.effectSpec(t, column, effect);
        if (spec !== undefined) fields[column] = spec;
      }
      return { value: v.value, weight: weights[i], fields };
    });
    // what was paid follows the phase: all of the total once paid (done), nothing before
    const number = (f: FieldDefinition) => this.isNumber(t, f.name);
    const paid = t.def.fields.find((f) => number(f) && PAID_AMOUNT.test(snake(f.name)));
    const total = paid && t.def.fields.find((f) => f !== paid && number(f) && TOTAL.test(snake(f.name)));
    if (paid && total)
      plan.variants.forEach((v, i) => {
        if (v.phase === 'success') variants[i]!.fields[paid.name] = { type: 'expression', options: { expr: total.name } };
        else if (v.phase === 'initial') variants[i]!.fields[paid.name] = 0;
      });
    if (variants.every((v) => Object.keys(v.fields).length === 0)) return this.kindProfiles(t);
    t.def.profiles = { field: statusField.name, variants };
    this.reason(t, statusField.name, `row profiles: ${values.join(' → ')} decide ${[...new Set(variants.flatMap((v) => Object.keys(v.fields)))].join(', ')}`);
  }

  /**
   * A kind column whose values name other columns (method 'card' ↔ card_last4, card_brand; 'bank_transfer'
   * ↔ bank_reference): those columns are set exactly for rows of that kind.
   */
  private kindProfiles(t: Table) {
    const keyed = this.keyedColumns(t);
    const token = (s: string) => s.toLowerCase().split(/[_\s-]+/)[0]!;
    // a value owns the columns named after it, and the attributes its kind is known to have (a card's brand and expiry)
    const owns = (value: string, column: string) =>
      (token(value) === token(column) && token(value).length >= 3) || (KIND_ATTRIBUTES[token(value)]?.test(column.toLowerCase()) ?? false);
    for (const selector of t.def.fields) {
      if (selector.type !== 'pick' || selector.unique || keyed.has(selector.name)) continue;
      if (!/(^|_)(method|type|kind|channel|provider|source|medium)$/.test(snake(selector.name))) continue;
      const values = (selector.options as { values: unknown[] }).values.filter((v): v is string => typeof v === 'string');
      const owned = t.def.fields.filter((f) => f !== selector && f.type !== 'ref' && !this.notNull(t, f.name) && values.some((v) => owns(v, f.name)));
      if (!owned.length) continue;
      const variants = values.map((value) => {
        const fields: Record<string, unknown> = {};
        for (const f of owned) fields[f.name] = owns(value, f.name) ? this.effectSpec(t, f.name, 'set') : null;
        return { value, weight: 1, fields };
      });
      t.def.profiles = { field: selector.name, variants };
      this.reason(t, selector.name, `row profiles: ${owned.map((f) => f.name).join(', ')} only for the ${selector.name} they name`);
      return;
    }
  }

  private effectSpec(t: Table, column: string, effect: Effect): unknown {
    const f = t.fields.get(column)!;
    // a profile decides values, not which parent a row has
    if (f.type === 'ref') return undefined;
    if (effect === 'null') return this.notNull(t, column) ? undefined : null;
    if (effect === 'set') {
      if (this.notNull(t, column)) return undefined;
      const { name: _name, nullRate: _nullRate, unique: _unique, description: _description, ...spec } = f;
      return spec;
    }
    if ('value' in effect) return effect.value;
    return { type: 'number.int', options: { min: effect.min, max: effect.max } };
  }
}

/** Folds the rules' reasons into the importer's column → generator → reason table. */
export function withRuleReasons(
  definition: Definition,
  columns: { table: string; column: string; type: string; options?: Record<string, unknown>; reason: string }[] | undefined,
  reasons: RuleReason[],
): void {
  if (!columns) return;
  for (const r of reasons) {
    const choice = columns.find((c) => c.table === r.table && c.column === r.column);
    const field = definition.tables.find((t) => t.name === r.table)?.fields.find((f) => f.name === r.column);
    if (!choice || !field) continue;
    choice.reason = `${choice.reason}; ${r.reason}`;
    choice.type = field.type;
    if (field.options) choice.options = field.options;
  }
}

/** `later >= earlier + interval 'N unit'` (or `>`): the gap in days. */
function intervalGap(expr: PgNode): { later: string; earlier: string; days: number; strict: boolean } | undefined {
  const e = expr?.A_Expr;
  const op = e?.name?.at(-1)?.String?.sval;
  if (!e || e.kind !== 'AEXPR_OP' || !['>=', '>', '<=', '<'].includes(op)) return undefined;
  const col = (n: PgNode): string | undefined => n?.ColumnRef?.fields?.at(-1)?.String?.sval;
  const plus = (n: PgNode) => {
    const a = n?.A_Expr;
    if (!a || a.name?.at(-1)?.String?.sval !== '+') return undefined;
    const base = col(a.lexpr);
    const literal = a.rexpr?.TypeCast?.arg?.A_Const?.sval?.sval;
    const days = typeof literal === 'string' ? intervalDays(literal) : undefined;
    return base && days !== undefined ? { base, days } : undefined;
  };
  const [left, right] = op.startsWith('>') ? [e.lexpr, e.rexpr] : [e.rexpr, e.lexpr];
  const later = col(left);
  const sum = plus(right);
  return later && sum ? { later, earlier: sum.base, days: sum.days, strict: !op.endsWith('=') } : undefined;
}

/**
 * `num_nonnulls(a, b, c) = 1`, a sum of CASE WHEN x IS NULL THEN 0 ELSE 1 END = 1: exactly one of
 * the columns set. Found by evaluating the translated CHECK on probe rows: each column set alone
 * passes, none and all fail. Its fixes keep one column and empty the others.
 */
function oneSetFixes(expr: string, columns: string[]): Record<string, null>[] {
  if (columns.length < 2) return [];
  let probe: Record<string, Value> = {};
  let passes: (row: Record<string, Value>) => boolean;
  try {
    const evaluate = compileExpression(parsedExpression(expr), (path) => () => probe[path] ?? null, { referenceDate: new Date(0) });
    passes = (row) => {
      probe = row;
      return evaluate(0, [], 0) === true;
    };
  } catch {
    return [];
  }
  const only = (kept: string) => Object.fromEntries(columns.map((c) => [c, c === kept ? 1 : null]));
  const all = Object.fromEntries(columns.map((c) => [c, 1]));
  if (!columns.every((c) => passes(only(c))) || passes(all) || passes({})) return [];
  return columns.map((kept) => Object.fromEntries(columns.filter((c) => c !== kept).map((c) => [c, null])));
}

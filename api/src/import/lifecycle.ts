// Status columns as lifecycles: the words of a status (CHECK IN list or enum, written in lifecycle
// order as people do) say which phase a row is in, and the phase says which of the row's columns
// must be set or NULL (closed ⇒ closed_at and resolved_at set; queued ⇒ started_at NULL, progress 0;
// failed ⇒ error set). Pure data in, a plan of row variants out; the importer turns it into profiles.

export type Phase = 'initial' | 'active' | 'success' | 'failure' | 'cancelled' | 'retired';

/** Status words by the phase they name (matched on the whole word, after normalising case and `-`). */
const PHASE_WORDS: Record<Phase, string[]> = {
  initial: [
    'draft',
    'new',
    'open',
    'opened',
    'pending',
    'queued',
    'requested',
    'created',
    'scheduled',
    'provisioning',
    'waiting',
    'todo',
    'to_do',
    'backlog',
    'planned',
    'invited',
    'unverified',
    'unpaid',
    'not_started',
    'idle',
    'initial',
    'received',
    'submitted',
    'awaiting_payment',
    'trialing',
    'proposed',
    // a flight before it leaves ('delayed' is left unphased: a shipment is delayed in transit)
    'on_time',
  ],
  active: [
    'running',
    'in_progress',
    'active',
    'processing',
    'online',
    'in_review',
    'review',
    'reviewing',
    'acknowledged',
    'assigned',
    'started',
    'checked_in',
    'confirmed',
    'authorized',
    'on_hold',
    'on_leave',
    'offline',
    'deploying',
    'building',
    'ongoing',
    'live',
    'enabled',
    'verified',
    'partially_paid',
    'past_due',
    'overdue',
    'shipped',
    'in_transit',
    'degraded',
    'blocked',
    'testing',
    'escalated',
    'awaiting',
    'boarding',
    'departed',
    'en_route',
    'in_flight',
    'airborne',
  ],
  success: [
    'done',
    'completed',
    'complete',
    'success',
    'succeeded',
    'successful',
    'resolved',
    'published',
    'delivered',
    'paid',
    'posted',
    'fulfilled',
    'checked_out',
    'merged',
    'captured',
    'finished',
    'passed',
    'settled',
    'released',
    'approved',
    'accepted',
    'closed_won',
    'won',
    'healthy',
    'arrived',
    'landed',
    // a deployment or a build that went through; work a queue took to its end
    'deployed',
    'built',
    'processed',
    'provisioned',
    'applied',
    'executed',
    'solved',
    'fixed',
  ],
  failure: [
    'failed',
    'failure',
    'error',
    'errored',
    'rejected',
    'uncollectible',
    'written_off',
    'defaulted',
    'declined',
    'timed_out',
    'timeout',
    'bounced',
    'crashed',
    'closed_lost',
    'lost',
    'denied',
    'invalid',
    'broken',
    'unhealthy',
  ],
  cancelled: [
    'cancelled',
    'canceled',
    'void',
    'voided',
    'refunded',
    'no_show',
    'rolled_back',
    'aborted',
    'withdrawn',
    'expired',
    'abandoned',
    'skipped',
    'revoked',
    'reversed',
    'chargeback',
    'disputed',
    'suspended',
    'banned',
  ],
  retired: [
    'archived',
    'retired',
    'decommissioned',
    'terminated',
    'deleted',
    'deactivated',
    'closed',
    'disabled',
    'inactive',
    'churned',
    'ended',
    'discontinued',
  ],
};

/** A refund (a branch) follows a payment: these statuses are reached by it. */
const REFUND = /^(refunded|partially_refunded|chargeback|charged_back)$/;
const PAID = /^(paid|captured|settled|charged|succeeded|successful)$/;

const PHASE_OF = new Map<string, Phase>();
for (const [phase, words] of Object.entries(PHASE_WORDS) as [Phase, string[]][]) for (const w of words) PHASE_OF.set(w, phase);

const norm = (word: string) => word.toLowerCase().replace(/[\s-]+/g, '_');

export function phaseOf(status: string): Phase | undefined {
  const word = norm(status);
  // a qualified status (resolved_buyer, pending_payment, awaiting_vendor) is in the phase of its first word
  return PHASE_OF.get(word) ?? (word.includes('_') ? PHASE_OF.get(word.split('_')[0]!) : undefined);
}

/** A status column is a lifecycle when most of its words name phases and it has a start and an end. */
export function isLifecycle(values: readonly string[]): boolean {
  const phases = values.map(phaseOf);
  const known = phases.filter(Boolean).length;
  return (
    values.length >= 2 &&
    known >= Math.ceil(values.length * 0.6) &&
    phases.some((p) => p === 'initial' || p === 'active') &&
    phases.some((p) => p && p !== 'initial' && p !== 'active')
  );
}

/** Column name → the step it marks: a status word (`resolved_at`) or a generic step (`started_at`). */
type Marker =
  | { kind: 'status'; status: string }
  | { kind: 'started' | 'finished' | 'decided' | 'decider' | 'progress' | 'error' | 'duration' | 'exit' | 'activity' | 'issued' };

const TIME_SUFFIX = /_(at|on|date|time|timestamp|ts)$/;
/** Columns a shipment fills in (set once a row has shipped). */
const SHIPMENT = /^(tracking_?(number|no|code|id|url)|carrier|shipping_carrier|courier)$/;

/** Stems of a status word as they appear in column names: cancelled → cancel, canceled, cancelled. */
function stems(status: string): string[] {
  const s = norm(status);
  const out = new Set([s]);
  if (s.endsWith('ed')) {
    out.add(s.slice(0, -2)).add(s.slice(0, -1));
    // the noun of the step: departed → departure, arrived → arrival, closed → closure, approved → approval
    const verb = s.slice(0, -1).replace(/e$/, '');
    out.add(`${verb}ure`).add(`${verb}al`);
  }
  if (s.endsWith('ated')) out.add(`${s.slice(0, -3)}tion`); // terminated → termination_date
  // trialing → trial_ends_at, trial_end: the end of the phase the status is in
  if (s.endsWith('ing') && s.length > 5) for (const end of ['', '_end', '_ends', '_ended', '_end_date']) out.add(`${s.slice(0, -3)}${end}`);
  if (s === 'void') out.add('voided');
  if (s === 'voided') out.add('void');
  if (s === 'cancelled' || s === 'canceled') out.add('cancelled').add('canceled').add('cancel').add('cancellation');
  if (s === 'paid') out.add('paid').add('payment');
  if (s === 'checked_in') out.add('check_in').add('checked_in');
  if (s === 'checked_out') out.add('check_out').add('checked_out');
  if (s === 'no_show') out.add('no_show');
  // resolved_buyer, closed_won: the step is the first word's (resolved_at, closed_at)
  const head = s.split('_')[0]!;
  if (head !== s && head.endsWith('ed') && head.length > 4) out.add(head);
  return [...out];
}

export function markerOf(column: string, statuses: readonly string[]): Marker | undefined {
  const c = column.toLowerCase();
  // a moment named by its bare participle (paid, shipped, resolved): the planner applies it to time columns only
  const bare = !TIME_SUFFIX.test(c) && statuses.some((status) => stems(status).includes(c));
  if (TIME_SUFFIX.test(c) || bare || /^actual_/.test(c)) {
    // actual_departure: the moment the step happened (beside its scheduled_ one)
    const stem = c.replace(TIME_SUFFIX, '').replace(/^actual_/, '');
    for (const status of statuses) if (stems(status).includes(stem)) return { kind: 'status', status };
    // shipped_at when the status that means it is in_transit (or dispatched, fulfilled)
    const shipping = /^(shipped|dispatched)$/.test(stem) && statuses.find((status) => /^(shipped|dispatched|in_transit|fulfilled)$/.test(norm(status)));
    if (shipping) return { kind: 'status', status: shipping };
    if (/^(started|start|starts|began|begun|running_since|first_response)$/.test(stem)) return { kind: 'started' };
    if (/^(finished|completed|ended|end|done|stopped)$/.test(stem)) return { kind: 'finished' };
    if (/^(decided|reviewed|processed)$/.test(stem)) return { kind: 'decided' };
    // left the draft: an invoice is issued (sent, finalized) once it is anything but a draft
    if (/^(issued|sent|finalized|finalised|sent_out)$/.test(stem)) return { kind: 'issued' };
    // signs of life: none yet while a device is provisioning or a user is invited
    if (
      /^(last_)?(heartbeat|seen|active|activity|login|logged_in|sign_in|signed_in|ping|pinged|contact|contacted|sync|synced|used|connected|reported)$/.test(
        stem,
      ) &&
      stem !== 'active'
    )
      return { kind: 'activity' };
    return undefined;
  }
  if (
    /^(approver|approved_by|decided_by|reviewer|reviewed_by|resolved_by|closed_by|approver_id|approved_by_id|decided_by_id|reviewer_id|reviewed_by_id|resolved_by_id|closed_by_id)$/.test(
      c,
    )
  )
    return { kind: 'decider' };
  if (/(^|_)(progress|percent_complete|completion|pct_complete|progress_percent|percent_done|completion_percent)($|_)/.test(c)) return { kind: 'progress' };
  if (/(^|_)(error|error_code|error_message|failure_reason|failure_message|error_details|last_error|fail_reason)$/.test(c)) return { kind: 'error' };
  if (/(^|_)duration(_ms|_seconds|_secs|_s)?$|^elapsed(_ms)?$|^runtime(_ms)?$/.test(c)) return { kind: 'duration' };
  if (/^exit_code$|^return_code$/.test(c)) return { kind: 'exit' };
  // what a shipment leaves on its row: set once the row has shipped
  const shipped = statuses.find((status) => /^(shipped|dispatched|in_transit|fulfilled)$/.test(norm(status)));
  if (shipped && SHIPMENT.test(c)) return { kind: 'status', status: shipped };
  return undefined;
}

/** What a row variant does to a column. */
export type Effect = 'set' | 'null' | { value: number } | { min: number; max: number };

export interface StatusVariant {
  value: string;
  phase: Phase | undefined;
  /** Column name → what this status implies for it; columns not named keep their generator. */
  effects: Record<string, Effect>;
}

export interface LifecyclePlan {
  column: string;
  variants: StatusVariant[];
}

/**
 * The variants of a status column: for each status, the columns it implies. `columns` are the
 * table's other column names; `kinds` tells which of them are timestamps/dates, numbers or text.
 */
export function planLifecycle(
  column: string,
  values: readonly string[],
  columns: readonly { name: string; kind: 'time' | 'number' | 'text' | 'other' }[],
): LifecyclePlan | undefined {
  if (!isLifecycle(values)) return undefined;
  const phases = values.map(phaseOf);
  // the main path: the statuses in written order, without the branches a row may end in instead
  // (the initial words first where the writing strays: flights list 'Scheduled' after 'Arrived';
  // the rest keep their written order — an order is 'paid' before it ships)
  const main = values
    .map((value, i) => ({ value, i }))
    .filter(({ i }) => phases[i] !== 'failure' && phases[i] !== 'cancelled')
    .sort((a, b) => Number(phases[a.i] !== 'initial') - Number(phases[b.i] !== 'initial') || a.i - b.i)
    .map(({ value }) => value);
  const rank = (status: string) => main.indexOf(status);
  const firstActive = main.findIndex((s) => phaseOf(s) === 'active' || phaseOf(s) === 'success');
  const variants: StatusVariant[] = values.map((value, i) => {
    const phase = phases[i];
    const effects: Record<string, Effect> = {};
    const onMain = rank(value) >= 0;
    const reached = (status: string) => {
      // a status on the main path is reached by every later one on it; a branch only by itself
      if (status === value) return true;
      const r = rank(status);
      if (r < 0) return false;
      if (onMain) return r <= rank(value);
      // a branch (failed, cancelled) leaves the main path from where it was: only the initial steps are
      // certain — and a refund was paid first (a refunded order has paid_at, a refunded payment captured_at)
      if (REFUND.test(norm(value)) && PAID.test(norm(status))) return true;
      return phaseOf(status) === 'initial';
    };
    // a branch (failed, cancelled) written after an in-flight status is left mid-run: it had started
    const branchStarted = !onMain && phases.slice(0, i).some((p) => p === 'active' || p === 'success');
    const started = onMain ? phase !== 'initial' && (firstActive < 0 || rank(value) >= firstActive) : branchStarted;
    const finished = phase === 'success' || phase === 'retired' || (!onMain && branchStarted);
    for (const c of columns) {
      if (c.name === column) continue;
      const marker = markerOf(c.name, values);
      if (!marker) continue;
      switch (marker.kind) {
        case 'status':
          if (c.kind === 'time' || SHIPMENT.test(c.name.toLowerCase())) effects[c.name] = reached(marker.status) ? 'set' : 'null';
          break;
        case 'started':
          if (c.kind === 'time') effects[c.name] = started ? 'set' : 'null';
          break;
        case 'finished':
          if (c.kind === 'time') effects[c.name] = finished && started ? 'set' : 'null';
          break;
        case 'decided':
          if (c.kind === 'time') effects[c.name] = phase === 'success' || phase === 'failure' ? 'set' : 'null';
          break;
        case 'issued':
          if (c.kind === 'time') effects[c.name] = phase === 'initial' && /^(draft|new|drafted)$/.test(norm(value)) ? 'null' : 'set';
          break;
        case 'decider':
          effects[c.name] = phase === 'success' || phase === 'failure' ? 'set' : 'null';
          break;
        case 'progress':
          if (c.kind === 'number')
            effects[c.name] =
              phase === 'success' || phase === 'retired'
                ? { value: 100 }
                : phase === 'initial'
                  ? { value: 0 }
                  : phase === 'active'
                    ? { min: 1, max: 99 }
                    : { min: 0, max: 99 };
          break;
        case 'error':
          effects[c.name] = phase === 'failure' ? 'set' : 'null';
          break;
        case 'duration':
          effects[c.name] = finished && started ? 'set' : 'null';
          break;
        case 'activity':
          // an open ticket may have activity; a device still provisioning, an invited user none
          if (c.kind === 'time' && phase === 'initial' && !/^(open|opened|draft|todo|to_do|backlog|submitted|received)$/.test(norm(value)))
            effects[c.name] = 'null';
          break;
        case 'exit':
          if (c.kind === 'number') effects[c.name] = phase === 'success' ? { value: 0 } : phase === 'failure' ? { min: 1, max: 255 } : 'null';
          break;
      }
    }
    return { value, phase, effects };
  });
  return { column, variants };
}

/** Weights of the statuses: most rows sit in the settled states, fewer in flight or in branches. */
export function lifecycleWeights(values: readonly string[]): number[] {
  return values.map((v) => {
    // a steady state (an active employee, an online device) holds most rows
    if (/^(active|online|live|enabled)$/.test(v.toLowerCase())) return 60;
    switch (phaseOf(v)) {
      case 'initial':
        return 10;
      case 'active':
        return 12;
      case 'success':
        return 45;
      case 'retired':
        return 12;
      case 'failure':
        return 8;
      case 'cancelled':
        return 6;
      default:
        return 10;
    }
  });
}

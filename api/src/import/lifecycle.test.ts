import { describe, expect, it } from 'vitest';
import { isLifecycle, lifecycleWeights, markerOf, phaseOf, planLifecycle } from './lifecycle.js';

const time = (name: string) => ({ name, kind: 'time' as const });
const number = (name: string) => ({ name, kind: 'number' as const });
const text = (name: string) => ({ name, kind: 'text' as const });

function effects(values: string[], columns: Parameters<typeof planLifecycle>[2]) {
  const plan = planLifecycle('status', values, columns);
  if (!plan) throw new Error('not a lifecycle');
  return Object.fromEntries(plan.variants.map((v) => [v.value, v.effects]));
}

describe('lifecycle', () => {
  it('knows lifecycle words and refuses lists that are not lifecycles', () => {
    expect(phaseOf('In-Progress')).toBe('active');
    expect(phaseOf('CANCELED')).toBe('cancelled');
    expect(isLifecycle(['queued', 'running', 'done', 'error'])).toBe(true);
    expect(isLifecycle(['low', 'normal', 'high', 'urgent'])).toBe(false);
    expect(isLifecycle(['email', 'web', 'chat'])).toBe(false);
    expect(isLifecycle(['public', 'followers', 'private'])).toBe(false);
  });

  it('marks timestamps by the status they record', () => {
    expect(markerOf('resolved_at', ['open', 'resolved'])).toEqual({ kind: 'status', status: 'resolved' });
    expect(markerOf('cancelled_at', ['open', 'canceled'])).toEqual({ kind: 'status', status: 'canceled' });
    expect(markerOf('termination_date', ['active', 'terminated'])).toEqual({ kind: 'status', status: 'terminated' });
    expect(markerOf('voided_at', ['draft', 'posted', 'void'])).toEqual({ kind: 'status', status: 'void' });
    expect(markerOf('started_at', ['queued'])).toEqual({ kind: 'started' });
    expect(markerOf('percent_complete', ['queued'])).toEqual({ kind: 'progress' });
    expect(markerOf('created_at', ['open', 'closed'])).toBeUndefined();
  });

  it('a later status on the main path implies the timestamps of the earlier ones', () => {
    const e = effects(['open', 'pending', 'resolved', 'closed'], [time('created_at'), time('resolved_at'), time('closed_at')]);
    expect(e.open).toEqual({ resolved_at: 'null', closed_at: 'null' });
    expect(e.pending).toEqual({ resolved_at: 'null', closed_at: 'null' });
    expect(e.resolved).toEqual({ resolved_at: 'set', closed_at: 'null' });
    expect(e.closed).toEqual({ resolved_at: 'set', closed_at: 'set' });
  });

  it('runs: queued has not started, done has finished with progress 100, error has an error', () => {
    const cols = [time('started_at'), time('finished_at'), number('percent_complete'), text('error_code'), number('duration_ms')];
    const e = effects(['queued', 'running', 'done', 'error', 'cancelled'], cols);
    expect(e.queued).toEqual({ started_at: 'null', finished_at: 'null', percent_complete: { value: 0 }, error_code: 'null', duration_ms: 'null' });
    expect(e.running).toEqual({ started_at: 'set', finished_at: 'null', percent_complete: { min: 1, max: 99 }, error_code: 'null', duration_ms: 'null' });
    expect(e.done).toEqual({ started_at: 'set', finished_at: 'set', percent_complete: { value: 100 }, error_code: 'null', duration_ms: 'set' });
    expect(e.error).toMatchObject({ started_at: 'set', finished_at: 'set', error_code: 'set' });
    expect(e.cancelled).toMatchObject({ error_code: 'null' });
  });

  it('signs of life: a device still provisioning or a user invited has none; an open ticket may', () => {
    const device = effects(
      ['provisioning', 'online', 'offline', 'decommissioned'],
      [time('installed_at'), time('last_heartbeat_at'), time('decommissioned_at')],
    );
    expect(device.provisioning).toMatchObject({ last_heartbeat_at: 'null' });
    for (const s of ['online', 'offline', 'decommissioned']) expect(device[s].last_heartbeat_at).toBeUndefined();
    expect(effects(['invited', 'active', 'deactivated'], [time('last_login_at'), time('last_seen_at')]).invited).toEqual({
      last_login_at: 'null',
      last_seen_at: 'null',
    });
    expect(effects(['open', 'pending', 'resolved', 'closed'], [time('last_activity_at')]).open).toEqual({});
    expect(markerOf('active_at', [])).toBeUndefined();
  });

  it('a finished timestamp never comes without a started one', () => {
    const lists = [
      ['queued', 'running', 'success', 'failed', 'cancelled'],
      ['pending', 'in_progress', 'succeeded', 'failed', 'rolled_back'],
      ['cancelled', 'queued', 'running', 'done'],
      ['draft', 'in_review', 'published', 'archived'],
    ];
    for (const values of lists) {
      const plan = planLifecycle('status', values, [time('started_at'), time('finished_at')])!;
      for (const v of plan.variants) if (v.effects.finished_at === 'set') expect(v.effects.started_at, `${values.join('/')}: ${v.value}`).toBe('set');
    }
  });

  it('decisions: approved and rejected are decided, requested and cancelled are not', () => {
    const e = effects(['requested', 'approved', 'rejected', 'cancelled'], [time('decided_at')]);
    expect(e.requested.decided_at).toBe('null');
    expect(e.approved.decided_at).toBe('set');
    expect(e.rejected.decided_at).toBe('set');
    expect(e.cancelled.decided_at).toBe('null');
  });

  it('weights favour settled states', () => {
    const w = lifecycleWeights(['queued', 'running', 'done', 'error']);
    expect(w[2]).toBeGreaterThan(w[0]);
    expect(w.every((x) => x > 0)).toBe(true);
  });
});

describe('refunds, issuing and phases named by -ing statuses', () => {
  const columns = [
    { name: 'paid_at', kind: 'time' as const },
    { name: 'issued_at', kind: 'time' as const },
    { name: 'trial_ends_at', kind: 'time' as const },
  ];
  const effects = (values: string[], status: string) => planLifecycle('status', values, columns)!.variants.find((v) => v.value === status)!.effects;

  it('a refunded row was paid first; a cancelled one was not', () => {
    const values = ['pending', 'paid', 'shipped', 'delivered', 'canceled', 'refunded'];
    expect(effects(values, 'refunded').paid_at).toBe('set');
    expect(effects(values, 'canceled').paid_at).toBe('null');
    expect(effects(values, 'pending').paid_at).toBe('null');
  });

  it('an invoice is issued once it is anything but a draft', () => {
    const values = ['draft', 'open', 'paid', 'void', 'uncollectible'];
    expect(effects(values, 'draft').issued_at).toBe('null');
    for (const status of ['open', 'paid', 'void', 'uncollectible']) expect(effects(values, status).issued_at, status).toBe('set');
  });

  it('trialing sets trial_ends_at', () => {
    expect(effects(['trialing', 'active', 'past_due', 'canceled'], 'trialing').trial_ends_at).toBe('set');
  });
});

describe('statuses of unseen schemas', () => {
  it('a deployment that is deployed has finished, with its duration; one still building has not', () => {
    const cols = [time('started_at'), time('finished_at'), number('duration_ms'), text('error_message')];
    const e = effects(['queued', 'building', 'deployed', 'failed', 'cancelled'], cols);
    expect(e.deployed).toEqual({ started_at: 'set', finished_at: 'set', duration_ms: 'set', error_message: 'null' });
    expect(e.building).toEqual({ started_at: 'set', finished_at: 'null', duration_ms: 'null', error_message: 'null' });
    expect(e.failed).toMatchObject({ finished_at: 'set', error_message: 'set' });
    for (const word of ['deployed', 'built', 'processed', 'provisioned', 'applied', 'executed']) expect(phaseOf(word)).toBe('success');
  });

  it('reads a qualified status by its first word (resolved_buyer, pending_payment, awaiting_vendor)', () => {
    expect(phaseOf('resolved_buyer')).toBe('success');
    expect(phaseOf('pending_payment')).toBe('initial');
    expect(phaseOf('awaiting_vendor')).toBe('active');
    expect(isLifecycle(['open', 'awaiting_vendor', 'escalated', 'resolved_buyer', 'resolved_vendor'])).toBe(true);
  });

  it('marks moments named by their bare participle (paid, shipped, resolved), and what a shipment fills in', () => {
    const orders = effects(
      ['pending_payment', 'paid', 'shipped', 'delivered', 'refunded'],
      [time('paid'), time('shipped'), time('delivered'), text('tracking_number')],
    );
    expect(orders.pending_payment).toEqual({ paid: 'null', shipped: 'null', delivered: 'null', tracking_number: 'null' });
    expect(orders.paid).toEqual({ paid: 'set', shipped: 'null', delivered: 'null', tracking_number: 'null' });
    expect(orders.delivered).toEqual({ paid: 'set', shipped: 'set', delivered: 'set', tracking_number: 'set' });
    const disputes = effects(['open', 'awaiting_vendor', 'resolved_buyer', 'resolved_vendor'], [time('resolved')]);
    expect([disputes.open!.resolved, disputes.awaiting_vendor!.resolved, disputes.resolved_buyer!.resolved]).toEqual(['null', 'null', 'set']);
    // a bare non-time column is never decided by a status
    expect(effects(['unpaid', 'paid'], [text('paid')]).unpaid).toEqual({});
  });

  it('sets shipped_at from the status that means it (in_transit), not before', () => {
    const shipments = effects(['created', 'picked', 'in_transit', 'delivered', 'returned'], [time('picked_at'), time('shipped_at'), time('delivered_at')]);
    expect(shipments.created).toEqual({ picked_at: 'null', shipped_at: 'null', delivered_at: 'null' });
    expect(shipments.picked).toEqual({ picked_at: 'set', shipped_at: 'null', delivered_at: 'null' });
    expect(shipments.in_transit).toEqual({ picked_at: 'set', shipped_at: 'set', delivered_at: 'null' });
    expect(shipments.returned).toEqual({ picked_at: 'set', shipped_at: 'set', delivered_at: 'set' });
  });

  it('leaves an auction unstarted while it is a draft', () => {
    const listings = effects(['draft', 'live', 'sold', 'expired'], [time('starts_at'), time('sold_at')]);
    expect(listings.draft).toEqual({ starts_at: 'null', sold_at: 'null' });
    expect(listings.sold).toEqual({ starts_at: 'set', sold_at: 'set' });
  });
});

describe('flights: steps named by their noun, and a list written out of phase order', () => {
  const statuses = ['On Time', 'Delayed', 'Departed', 'Arrived', 'Scheduled', 'Cancelled'];

  it('departed marks actual_departure and arrived marks arrival (the noun of the step)', () => {
    expect(markerOf('actual_departure', statuses)).toEqual({ kind: 'status', status: 'Departed' });
    expect(markerOf('actual_arrival', statuses)).toEqual({ kind: 'status', status: 'Arrived' });
    expect(markerOf('closure_date', ['open', 'closed'])).toEqual({ kind: 'status', status: 'closed' });
    expect(markerOf('scheduled_departure', statuses)).toBeUndefined();
  });

  it("'Scheduled' written after 'Arrived' is still before the flight left", () => {
    const e = effects(statuses, [time('scheduled_departure'), time('actual_departure'), time('actual_arrival')]);
    for (const before of ['On Time', 'Delayed', 'Scheduled', 'Cancelled'])
      expect(e[before], before).toEqual({ actual_departure: 'null', actual_arrival: 'null' });
    expect(e.Departed).toEqual({ actual_departure: 'set', actual_arrival: 'null' });
    expect(e.Arrived).toEqual({ actual_departure: 'set', actual_arrival: 'set' });
    // a shipment is delayed on its way: it keeps its written place
    const shipments = effects(['pending', 'in_transit', 'delayed', 'delivered'], [time('shipped_at'), time('delivered_at')]);
    expect(shipments.delayed).toEqual({ shipped_at: 'set', delivered_at: 'null' });
  });
});

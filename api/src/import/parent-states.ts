// Children that exist only for parents past a step of their lifecycle: a shipment for an order that
// shipped, a return for an item of an order that was delivered, a refund for a payment that was
// captured. The child table's name says which step; the parent's status profile says which of its
// states have that step's timestamp set. The child's ref then picks only parents in those states
// (engine `where`; on a ref that lays the table out, or a unique one, no children for the others),
// and the child comes to be after that timestamp.

/**
 * Child tables by name, and the parent timestamp (by name) of the step they follow. `claim`: made
 * by the purchaser for at most the total; `calledOff`: states the child never belongs to though
 * the step is set (a withdrawn auction); `window`: the child happens inside the parent's run (after
 * the step, before the parent's end), whatever the births of its other parents.
 */
const STEP_OF_CHILD: { child: RegExp; step: RegExp; claim?: true; calledOff?: RegExp; window?: true }[] = [
  {
    child: /(^|_)(shipments?|deliveries|fulfil?lments?|consignments?|parcels?|dispatches|tracking_events)$/,
    step: /^(shipped|dispatched|fulfil?led|sent)_?(at|on|date|time)?$/,
  },
  { child: /(^|_)(returns?|return_requests?|rmas?|return_items)$/, step: /^(delivered|received)_?(at|on|date|time)?$/, claim: true },
  { child: /(^|_)(refunds?|chargebacks?|disputes?)$/, step: /^(paid|captured|charged|settled)_?(at|on|date|time)?$/, claim: true },
  // bids on an auction that ran: went live and was not called off
  {
    child: /(^|_)(bids?|offers?)$/,
    step: /^(starts?|started|went_live|live|published|listed|opened)_?(at|on|date|time)?$|^starts_(at|on)$/,
    calledOff: /withdrawn|cancell?ed|canceled|removed|deleted|rejected|void/,
    window: true,
  },
  // an order for a listing or lot is for one that sold
  { child: /(^|_)(orders?|sales?|purchases?)$/, step: /^(sold|purchased|bought)_?(at|on|date|time)?$/ },
  // what a clinician records at a visit exists only for visits that took place (not no-shows, not cancelled)
  {
    child:
      /(^|_)(prescriptions?|diagnos[ie]s|vitals|vital_signs|procedures|lab_orders?|clinical_notes?|visit_notes?|encounter_notes?|soap_notes?|immunizations?|vaccinations?)$/,
    step: /^(completed|finished|ended|seen|discharged)_?(at|on|date|time)?$/,
  },
];

/** Claims on a purchase (returns, refunds, disputes): made by the purchaser, for at most what was paid. */
export function isClaim(table: string): boolean {
  const name = table.toLowerCase();
  return STEP_OF_CHILD.some((s) => s.claim && s.child.test(name));
}

/** Amounts a claim asks back (at most its purchase's total). */
export const CLAIMED_AMOUNT = /^(refund_amount|amount_refunded|refunded_amount|refund_total|refund|claim_amount|claimed_amount|disputed_amount|amount)$/;

/** Quantities a child (a return) takes at most as many of as its parent (the item bought) holds. */
export const PART_QUANTITY = /^(quantity|qty|units|quantity_returned|returned_quantity|qty_returned|quantity_refunded|refunded_quantity)$/;
export const WHOLE_QUANTITY = /^(quantity|qty|units|quantity_ordered|ordered_quantity)$/;

/** The step-timestamp pattern a child table's name implies, if any, and the states it is never a child of. */
export function stepOfChild(table: string): { step: RegExp; calledOff?: RegExp; window?: true } | undefined {
  const name = table.toLowerCase();
  return STEP_OF_CHILD.find((s) => s.child.test(name));
}

export interface StatusProfile {
  /** The selector column (status). */
  field: string;
  variants: { value?: unknown; fields: Record<string, unknown> }[];
}

/**
 * The states of a profile in which `column` is set: the variant gives it a generator or a value
 * (not null), or says nothing and the column is never null. Undefined when every state or none has it.
 */
export function statesWith(profile: StatusProfile, column: string, alwaysSet: boolean): unknown[] | undefined {
  const states = profile.variants
    .filter((v) => (Object.hasOwn(v.fields, column) ? v.fields[column] !== null : alwaysSet))
    .map((v) => v.value)
    .filter((v) => v !== undefined);
  return states.length > 0 && states.length < profile.variants.length ? states : undefined;
}

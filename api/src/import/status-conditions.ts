// A status some parents do not allow: a subscription is 'trialing' only on a plan with a trial
// (plans.trial_days > 0), an order line 'refunded' only for a refundable product. Read from names:
// the status word's stem (trialing → trial) and a parent column about it — a number of days or
// a count (trial_days, trial_period_days) or a flag (has_trial, is_refundable, trial_enabled). The
// row profile's variant then has that condition (`when`), so only such rows take it.

/** What the inference needs of a parent table. */
export interface ConditionParent {
  /** The ref of the row to it (not null). */
  ref: string;
  columns: { name: string; kind: 'number' | 'boolean' | 'other' }[];
}

export interface StatusCondition {
  /** The expression the variant needs, e.g. plan_id.trial_days > 0. */
  when: string;
  ref: string;
  column: string;
  /** Whether the column counts days (trial_days): the status's end is then that many days after. */
  days: boolean;
}

/** The stems a status word stands for: trialing → trial, refunded → refund. */
export function statusStems(value: string): string[] {
  const word =
    value
      .toLowerCase()
      .split(/[_\s-]+/)
      .at(-1) ?? '';
  const stems = new Set([word]);
  for (const [suffix, replacement] of [
    ['ing', ''],
    ['ed', ''],
    ['ed', 'e'],
    ['ing', 'e'],
  ])
    if (word.endsWith(suffix) && word.length > suffix.length + 2) stems.add(word.slice(0, -suffix.length) + replacement);
  return [...stems].filter((s) => s.length >= 3);
}

const numberColumn = (stem: string) => new RegExp(`^${stem}_(period_)?(days|weeks|months|length|length_days|duration_days|count|limit)$`);
// a flag that grants the status (has_trial, is_refundable, trial_enabled); not is_active, which
// says what the parent is, not what its children may be
const flagColumn = (stem: string) =>
  new RegExp(`^((has|allows?|supports?|offers?|can)_${stem}s?|(is_)?${stem}(able|ible|_enabled|_allowed|_available|_eligible))$`);

/** The condition a status needs from one parent, when exactly one parent column is about it. */
export function statusCondition(value: string, parents: ConditionParent[]): StatusCondition | undefined {
  const found: StatusCondition[] = [];
  for (const stem of statusStems(value))
    for (const parent of parents)
      for (const column of parent.columns) {
        const name = column.name.toLowerCase();
        if (column.kind === 'number' && numberColumn(stem).test(name))
          found.push({ when: `${parent.ref}.${column.name} > 0`, ref: parent.ref, column: column.name, days: /_days$/.test(name) });
        else if (column.kind === 'boolean' && flagColumn(stem).test(name))
          found.push({ when: `${parent.ref}.${column.name} = true`, ref: parent.ref, column: column.name, days: false });
      }
  return found.length === 1 ? found[0] : undefined;
}

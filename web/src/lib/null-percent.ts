// The builder's "Null %" box: what a typed value means for a field's nullRate (0..1). A value
// outside 0–100 is refused with a reason, never clamped into range.

export type NullPercent = { ok: true; nullRate: number | undefined } | { ok: false; message: string };

export function parseNullPercent(raw: string): NullPercent {
  const text = raw.trim();
  // empty means "never null", as 0 does: the field is left without a nullRate
  if (text === '') return { ok: true, nullRate: undefined };
  const value = Number(text);
  if (!Number.isFinite(value)) return { ok: false, message: 'null % must be a number from 0 to 100' };
  if (value < 0 || value > 100) return { ok: false, message: `null % must be from 0 to 100 (got ${text})` };
  return { ok: true, nullRate: value === 0 ? undefined : value / 100 };
}

/** A stored nullRate as the box shows it: 0.125 → "12.5", none → "". */
export function nullPercentText(nullRate: number | undefined): string {
  return nullRate ? String(Math.round(nullRate * 1000) / 10) : '';
}

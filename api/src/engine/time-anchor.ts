// A definition's reference instant ("now" for every relative date) is fixed when the definition is
// made, so data looks current when it is created and the same seed gives the same bytes afterwards.

/** The definition with `referenceDate` set to `now` (whole seconds) when it has none; else unchanged. */
export function withReferenceDate(definition: unknown, now: Date): unknown {
  if (typeof definition !== 'object' || definition === null || Array.isArray(definition)) return definition;
  if ((definition as { referenceDate?: unknown }).referenceDate !== undefined) return definition;
  return { ...definition, referenceDate: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString() };
}

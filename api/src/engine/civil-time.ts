// Calendar fields of an instant by integer arithmetic (H. Hinnant's civil_from_days), with no Date:
// the seed formats a timestamp or two per row, reports bucket values by year, commit entries print
// their dates. Proleptic Gregorian, UTC, every time a Date holds.

const DAY = 86_400_000;

/** Milliseconds since 1970-01-01 (UTC) → calendar fields: month 1–12, weekday 0 (Sunday)–6, as Date's getUTC* give them. */
export function civilOf(t: number) {
  const days = Math.floor(t / DAY);
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const month = m < 10 ? m + 3 : m - 9;
  let rest = t - days * DAY;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const seconds = rest % 60;
  rest = (rest - seconds) / 60;
  const minutes = rest % 60;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * m + 2) / 5) + 1,
    hours: (rest - minutes) / 60,
    minutes,
    seconds,
    ms,
    // 1970-01-01 was a Thursday
    weekday: (((days + 4) % 7) + 7) % 7,
  };
}

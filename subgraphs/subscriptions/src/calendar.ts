/** ISO dates (YYYY-MM-DD) in UTC, so that every replica agrees on "today" whatever its time zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The date itself if `value` is a real calendar date written YYYY-MM-DD, else null. */
export function parseIsoDate(value: string): string | null {
  if (!ISO_DATE.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) || todayUtc(parsed) !== value ? null : value;
}

export function addDays(date: string, days: number): string {
  return todayUtc(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** The same day `months` later, or the month's last day when it has no such day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return todayUtc(target);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The last day of a term of `months` starting on `startsOn`. */
export function termEnd(startsOn: string, months: number): string {
  return addDays(addMonths(startsOn, months), -1);
}

/**
 * An ISO 8601 instant with an explicit offset (RFC 3339): date, `T`, time with
 * seconds, an optional fraction, then `Z` or ±hh:mm. Local times without an
 * offset are ambiguous and refused.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/**
 * The instant `text` names, or null when it is not one (a calendar date that
 * does not exist, such as February 30th, included). Instants are kept to the
 * millisecond: digits beyond the third are dropped.
 */
export function parseInstant(text: string): Date | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const milliseconds = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  const offsetHours = Number(match[9] ?? 0);
  const offsetMinutes = Number(match[10] ?? 0);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds);
  const calendar = new Date(local);
  // Date.UTC rolls an impossible day over into the next month; a real date comes back unchanged.
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  const offsetSign = match[8] === '-' ? -1 : 1;
  return new Date(local - offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

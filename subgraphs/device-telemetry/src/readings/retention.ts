/**
 * How long raw readings are kept (READING_RETENTION_DAYS): their weekly
 * partitions are dropped once wholly older than this (readings/partitions.ts),
 * while the hourly and daily rollups stay. Ingest refuses readings older than
 * it, and history reads the rollups for ranges that begin before it.
 */
export const DEFAULT_READING_RETENTION_DAYS = 400;
export const MIN_READING_RETENTION_DAYS = 7;
export const MAX_READING_RETENTION_DAYS = 3650;

const DAY_MS = 86_400_000;

/** The oldest instant whose raw readings are kept: `retentionDays` before `now`. */
export function rawReadingsSince(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

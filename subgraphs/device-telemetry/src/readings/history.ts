import { clientError } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import type { Sensor } from '../sensor';
import { parseInstant } from './instant';

export type HistoryResolution = 'RAW' | 'HOURLY' | 'DAILY';

export interface HistoryBucket {
  /** ISO 8601. */
  start: string;
  min: number;
  max: number;
  average: number;
  last: number;
  count: number;
}

export interface SensorHistory {
  resolution: HistoryResolution;
  bucketSeconds: number;
  buckets: HistoryBucket[];
}

export const MAX_HISTORY_POINTS = 2000;
const DAY_MS = 86_400_000;
/** Ten years of 365.25 days. */
const MAX_RANGE_MS = 3_652.5 * DAY_MS;

/** Where each resolution reads from, the range it serves up to, and the unit its buckets are multiples of. */
const RESOLUTIONS: readonly { resolution: HistoryResolution; upToMs: number; unitSeconds: number; table: string }[] = [
  { resolution: 'RAW', upToMs: 2 * DAY_MS, unitSeconds: 60, table: 'reading' },
  { resolution: 'HOURLY', upToMs: 90 * DAY_MS, unitSeconds: 3_600, table: 'reading_hourly' },
  { resolution: 'DAILY', upToMs: MAX_RANGE_MS, unitSeconds: 86_400, table: 'reading_daily' },
];

export interface HistoryPlan {
  resolution: HistoryResolution;
  bucketSeconds: number;
  table: string;
  from: Date;
  to: Date;
}

/**
 * Checks a history request and plans it: the resolution follows the range
 * (raw readings up to two days, hourly rollups up to 90 days, daily beyond),
 * and the buckets are the narrowest multiple of that resolution's unit
 * (a minute for raw readings) for which the epoch-aligned buckets touching
 * [from, to) are at most `maxPoints`. A range that begins before `rawSince`,
 * the start of the raw readings' retention, is read from the hourly rollups
 * however short it is: its raw readings may be gone.
 */
export function planHistory(args: { from: string; to: string; maxPoints: number }, rawSince: Date): HistoryPlan {
  const { maxPoints } = args;
  if (!Number.isInteger(maxPoints) || maxPoints < 1 || maxPoints > MAX_HISTORY_POINTS) {
    throw clientError('MAX_POINTS_INVALID', `maxPoints is from 1 to ${MAX_HISTORY_POINTS}.`);
  }
  const from = parseInstant(args.from);
  const to = parseInstant(args.to);
  if (!from || !to || from.getTime() >= to.getTime() || to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw clientError(
      'HISTORY_RANGE_INVALID',
      '`from` and `to` are ISO 8601 instants with an offset, `from` before `to`, at most ten years apart.',
    );
  }
  const rangeMs = to.getTime() - from.getTime();
  const rawKept = from.getTime() >= rawSince.getTime();
  const source =
    RESOLUTIONS.find((candidate) => rangeMs <= candidate.upToMs && (candidate.resolution !== 'RAW' || rawKept)) ?? RESOLUTIONS[RESOLUTIONS.length - 1]!;
  const unitMs = source.unitSeconds * 1000;
  const units = bucketUnits(Math.floor(from.getTime() / unitMs), Math.floor((to.getTime() - 1) / unitMs), maxPoints);
  return { resolution: source.resolution, bucketSeconds: units * source.unitSeconds, table: source.table, from, to };
}

/**
 * The smallest k such that the units `first` to `last` (inclusive, counted
 * from the epoch) fall into at most `maxPoints` buckets of k units aligned to
 * the epoch: floor(last / k) - floor(first / k) < maxPoints.
 */
export function bucketUnits(first: number, last: number, maxPoints: number): number {
  const fits = (k: number) => Math.floor(last / k) - Math.floor(first / k) < maxPoints;
  let k = Math.max(1, Math.ceil((last - first + 1) / maxPoints));
  if (maxPoints > 1) {
    // Any k larger than last - first leaves both ends at most one bucket apart, so this stops within that many steps.
    while (!fits(k)) k += 1;
    return k;
  }
  // One bucket: both ends in the same one. Where floor(last / k) = q stays the same, q·k ≤ first only gets harder as k
  // grows, so try the first k of each run of equal quotients.
  for (;;) {
    const quotient = Math.floor(last / k);
    if (quotient === 0 || quotient * k <= first) return k;
    k = Math.floor(last / quotient) + 1;
  }
}

/**
 * The buckets with data of several sensors over one planned range, oldest
 * first, computed in one statement for them all (DataLoader gathers the
 * sensors a request asks the same history of: a page of sparklines costs one
 * statement, not one per sensor). Raw readings in [from, to); for rollups,
 * the hours or days that overlap it, combined (minimum of minimums, sum of
 * sums and counts, the last value of the newest). Read through the
 * database's reader: the read replica answers when it is fresh and has
 * replayed the transactions of the sensors' newest readings (so the history
 * never lags behind `latest`), the primary otherwise.
 */
export async function selectHistories(database: Database, sensors: readonly Sensor[], plan: HistoryPlan): Promise<SensorHistory[]> {
  const raw = plan.resolution === 'RAW';
  const rollupUnit = plan.resolution === 'HOURLY' ? 'hour' : 'day';
  // Both arrays: the index's leading columns, each an array condition; sensor ids are unique, so no pair crosses organizations.
  const sql = raw
    ? `SELECT sensor_id AS "sensorId", date_bin($5::int * interval '1 second', at, timestamptz 'epoch') AS start,
              min(value) AS min, max(value) AS max, avg(value) AS average,
              (array_agg(value ORDER BY at DESC))[1] AS last, count(*)::int AS count
       FROM telemetry.reading
       WHERE organization_id = ANY($1::uuid[]) AND sensor_id = ANY($2::uuid[]) AND at >= $3 AND at < $4
       GROUP BY 1, 2
       ORDER BY 1, 2`
    : `SELECT sensor_id AS "sensorId", date_bin($5::int * interval '1 second', bucket_start, timestamptz 'epoch') AS start,
              min(min) AS min, max(max) AS max, sum(sum) / sum(count) AS average,
              (array_agg(last_value ORDER BY last_at DESC))[1] AS last, sum(count)::int AS count
       FROM telemetry.${plan.table}
       WHERE organization_id = ANY($1::uuid[]) AND sensor_id = ANY($2::uuid[])
         AND bucket_start >= date_trunc('${rollupUnit}', $3::timestamptz, 'UTC') AND bucket_start < $4
       GROUP BY 1, 2
       ORDER BY 1, 2`;
  const rows = await database.reader.query<(Omit<HistoryBucket, 'start'> & { sensorId: string; start: Date })[]>(
    sql,
    [
      [...new Set(sensors.map((sensor) => sensor.organizationId))],
      sensors.map((sensor) => sensor.id),
      plan.from.toISOString(),
      plan.to.toISOString(),
      plan.bucketSeconds,
    ],
    { includes: sensors.flatMap((sensor) => (sensor.latestXid === null ? [] : [sensor.latestXid])) },
  );
  const bySensor = new Map<string, HistoryBucket[]>(sensors.map((sensor) => [sensor.id, []]));
  for (const { sensorId, start, ...bucket } of rows) bySensor.get(sensorId)?.push({ ...bucket, start: start.toISOString() });
  return sensors.map((sensor) => ({ resolution: plan.resolution, bucketSeconds: plan.bucketSeconds, buckets: bySensor.get(sensor.id) ?? [] }));
}

/** Plans that read the same buckets from the same table: their sensors share one statement. */
export function historyPlanKey(plan: HistoryPlan): string {
  return `${plan.table} ${plan.bucketSeconds} ${plan.from.toISOString()} ${plan.to.toISOString()}`;
}

import { clientError } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { SensorEntity } from '../sensor';

/** The most readings one call may carry. */
export const MAX_READINGS_PER_BATCH = 10_000;
/** Readings from before this instant are refused as mistakes (a clock that was never set). */
export const EARLIEST_READING = new Date('2000-01-01T00:00:00Z');
/** How far ahead of this server's clock a collector's clock may run. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;
/** How many unknown sensor ids an error lists; `unknownSensorCount` says how many there were. */
const MAX_LISTED_UNKNOWN_SENSORS = 20;

export interface ReadingToRecord {
  sensorId: string;
  at: Date;
  value: number;
}

export interface IngestResult {
  /** Readings stored by this call. */
  recorded: number;
  /** Readings whose sensor already had one at the same instant (stored earlier, or earlier in this batch): left as they were. */
  duplicates: number;
}

/**
 * Stores a batch of readings whole or not at all, and folds the new ones into
 * the hourly and daily rollups. Idempotent on (sensor, instant): a reading
 * already stored, or repeated within the batch, is a duplicate and changes
 * nothing (within the batch the first one wins). Each reading's organization
 * is its sensor's.
 *
 * One statement does it all, so it is one transaction: it inserts only when
 * every sensor exists, and the rollups take only the rows it inserted. Rows
 * are written in key order, so concurrent batches wait for each other instead
 * of deadlocking. Only a refused batch costs a second statement, to name the
 * unknown sensors.
 */
export async function ingestReadings(
  database: Database,
  readings: readonly { sensorId: string; at: Date; value: number }[],
): Promise<IngestResult> {
  checkReadings(readings);
  if (readings.length === 0) return { recorded: 0, duplicates: 0 };
  const sensorIds = readings.map((reading) => reading.sensorId.toLowerCase());
  if (sensorIds.every(isUuid)) {
    const [{ known, recorded }] = await database.dataSource.query<[{ known: number; recorded: number }]>(INGEST, [
      sensorIds,
      readings.map((reading) => reading.at.toISOString()),
      readings.map((reading) => reading.value),
    ]);
    if (known === readings.length) return { recorded, duplicates: readings.length - recorded };
  }
  throw await unknownSensorsError(database, readings);
}

/** Refuses a batch of more than MAX_READINGS_PER_BATCH readings. */
export function checkBatchSize(readings: number): void {
  if (readings > MAX_READINGS_PER_BATCH) {
    throw clientError('READING_BATCH_TOO_LARGE', `A batch holds at most ${MAX_READINGS_PER_BATCH} readings; send this one in parts.`, {
      maxReadings: MAX_READINGS_PER_BATCH,
    });
  }
}

/** The checks that need no database: batch size, instants, values. */
function checkReadings(readings: readonly ReadingToRecord[]): void {
  checkBatchSize(readings.length);
  const latest = Date.now() + MAX_CLOCK_AHEAD_MS;
  readings.forEach((reading, index) => {
    const at = reading.at.getTime();
    if (Number.isNaN(at) || at < EARLIEST_READING.getTime() || at > latest) {
      throw clientError(
        'READING_TIME_INVALID',
        `Reading ${index} is timed outside ${EARLIEST_READING.toISOString()} to five minutes from now; nothing was recorded.`,
        { index },
      );
    }
    if (!Number.isFinite(reading.value)) {
      throw clientError('READING_VALUE_NOT_FINITE', `Reading ${index} has no finite value; nothing was recorded.`, { index });
    }
  });
}

async function unknownSensorsError(database: Database, readings: readonly ReadingToRecord[]) {
  const given = [...new Set(readings.map((reading) => reading.sensorId))];
  const candidates = [...new Set(given.map((id) => id.toLowerCase()).filter(isUuid))];
  const rows =
    candidates.length > 0
      ? await selectRows(database.dataSource, SensorEntity, (columns) => `SELECT ${columns} FROM telemetry.sensor WHERE id = ANY($1::uuid[])`, [
          candidates,
        ])
      : [];
  const known = new Set(rows.map((row) => row.id));
  const unknown = given.filter((id) => !known.has(id.toLowerCase()));
  return clientError('READING_SENSOR_UNKNOWN', `${unknown.length} of the batch's sensors do not exist; nothing was recorded.`, {
    unknownSensorIds: unknown.slice(0, MAX_LISTED_UNKNOWN_SENSORS),
    unknownSensorCount: unknown.length,
  });
}

/** Adds `source`'s buckets into a rollup table, in key order: minimum of minimums, sums and counts added, the newer last. */
const rollupUpsert = (table: string, source: string) => `
  INSERT INTO telemetry.${table} AS rollup
    (organization_id, sensor_id, bucket_start, min, max, sum, count, last_at, last_value)
  ${source}
  ORDER BY 1, 2, 3
  ON CONFLICT (organization_id, sensor_id, bucket_start) DO UPDATE SET
    min = least(rollup.min, excluded.min),
    max = greatest(rollup.max, excluded.max),
    sum = rollup.sum + excluded.sum,
    count = rollup.count + excluded.count,
    last_at = greatest(rollup.last_at, excluded.last_at),
    last_value = CASE WHEN excluded.last_at > rollup.last_at THEN excluded.last_value ELSE rollup.last_value END`;

// $1 sensor ids, $2 instants, $3 values, position for position. Nothing is inserted unless every sensor joined. The days
// are built from the new rows' hours rather than from the rows again: far fewer rows for readings every few minutes.
const INGEST = `
  WITH incoming AS (
    SELECT sensor.organization_id, given.sensor_id, given.at, given.value, given.position
    FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[]) WITH ORDINALITY AS given (sensor_id, at, value, position)
    JOIN telemetry.sensor ON sensor.id = given.sensor_id
  ), inserted AS (
    INSERT INTO telemetry.reading (organization_id, sensor_id, at, value)
    SELECT organization_id, sensor_id, at, value
    FROM incoming
    WHERE (SELECT count(*) FROM incoming) = cardinality($1::uuid[])
    ORDER BY organization_id, sensor_id, at, position
    ON CONFLICT (organization_id, sensor_id, at) DO NOTHING
    RETURNING organization_id, sensor_id, at, value
  ), hours AS (
    SELECT organization_id, sensor_id, date_trunc('hour', at, 'UTC') AS bucket_start, min(value) AS min, max(value) AS max,
           sum(value) AS sum, count(*)::int AS count, max(at) AS last_at, (array_agg(value ORDER BY at DESC))[1] AS last_value
    FROM inserted
    GROUP BY 1, 2, 3
  ), hourly AS (${rollupUpsert('reading_hourly', 'SELECT * FROM hours')}
  ), daily AS (${rollupUpsert(
    'reading_daily',
    `SELECT organization_id, sensor_id, date_trunc('day', bucket_start, 'UTC'), min(min), max(max), sum(sum), sum(count),
            max(last_at), (array_agg(last_value ORDER BY last_at DESC))[1]
     FROM hours
     GROUP BY 1, 2, 3`,
  )}
  )
  SELECT (SELECT count(*) FROM incoming)::int AS known, (SELECT count(*) FROM inserted)::int AS recorded`;

import { clientError } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { SensorEntity } from '../sensor';
import { ensureReadingPartitions } from './partitions';
import { DEFAULT_READING_RETENTION_DAYS, rawReadingsSince } from './retention';
import { THRESHOLD_ALARM_PREFIX } from './thresholds';

/** The most readings one call may carry. */
export const MAX_READINGS_PER_BATCH = 10_000;
/**
 * Readings from before this instant are refused as mistakes (a clock that was
 * never set), and so are readings older than the retention of raw readings.
 */
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
 * Stores a batch of readings whole or not at all, folds the new ones into the
 * hourly and daily rollups, and weighs them against their sensors' thresholds,
 * raising and clearing the thresholds' incidents. Idempotent on (sensor,
 * instant): a reading already stored, or repeated within the batch, is a
 * duplicate and changes nothing (within the batch the first one wins). Each
 * reading's organization is its sensor's.
 *
 * Each sensor keeps its newest reading on its row, with this transaction's
 * id, for the live readings feed; the gateways following it are notified
 * (partnergraph_live, `sensorReadingsFeed`) when one moved.
 *
 * A reading older than `retentionDays` is refused: its week's partition is
 * (or is about to be) dropped, and once it is gone a batch sent again could
 * no longer be told from a new one, so the rollups would count it twice.
 *
 * One transaction of two statements: the first locks the batch's sensors and
 * their thresholds, so that batches for one sensor weigh its readings and
 * move its newest one after the other, each seeing what the one before it
 * committed; the second does the rest, inserting only when every sensor
 * exists, the rollups, thresholds and newest readings taking only the rows it
 * inserted. Rows are locked and written in key order, so concurrent batches
 * wait for each other instead of deadlocking. Only a refused batch costs
 * another statement, to name the unknown sensors; and only a batch with a
 * reading in a week that has no partition yet (before the maintenance made
 * it, or a week long past) costs more: the weeks it needs are created and
 * the transaction runs again.
 */
export async function ingestReadings(
  database: Database,
  readings: readonly { sensorId: string; at: Date; value: number }[],
  options: { retentionDays?: number } = {},
): Promise<IngestResult> {
  checkReadings(readings, rawReadingsSince(new Date(), options.retentionDays ?? DEFAULT_READING_RETENTION_DAYS));
  if (readings.length === 0) return { recorded: 0, duplicates: 0 };
  const sensorIds = readings.map((reading) => reading.sensorId.toLowerCase());
  if (sensorIds.every(isUuid)) {
    const ingest = () =>
      database.dataSource.transaction(async (manager) => {
        await manager.query(LOCK_SENSORS_AND_THRESHOLDS, [sensorIds]);
        return manager.query<[{ known: number; recorded: number }]>(INGEST, [
          sensorIds,
          readings.map((reading) => reading.at.toISOString()),
          readings.map((reading) => reading.value),
        ]);
      });
    const [{ known, recorded }] = await ingest().catch(async (error: unknown) => {
      if (!isMissingReadingPartition(error)) throw error;
      await ensureReadingPartitions(database, readings.map((reading) => reading.at));
      return ingest();
    });
    if (known === readings.length) return { recorded, duplicates: readings.length - recorded };
  }
  throw await unknownSensorsError(database, readings);
}

/** PostgreSQL's refusal of a row for which telemetry.reading has no partition (23514, naming the table but no constraint). */
function isMissingReadingPartition(error: unknown): boolean {
  const failure = (error as { driverError?: unknown }).driverError ?? error;
  const { code, schema, table, constraint } = failure as { code?: unknown; schema?: unknown; table?: unknown; constraint?: unknown };
  return code === '23514' && schema === 'telemetry' && table === 'reading' && constraint === undefined;
}

/** Refuses a batch of more than MAX_READINGS_PER_BATCH readings. */
export function checkBatchSize(readings: number): void {
  if (readings > MAX_READINGS_PER_BATCH) {
    throw clientError('READING_BATCH_TOO_LARGE', `A batch holds at most ${MAX_READINGS_PER_BATCH} readings; send this one in parts.`, {
      maxReadings: MAX_READINGS_PER_BATCH,
    });
  }
}

/** The checks that need no database: batch size, instants (from `keptSince`, the retention's start), values. */
function checkReadings(readings: readonly ReadingToRecord[], keptSince: Date): void {
  checkBatchSize(readings.length);
  const earliest = new Date(Math.max(EARLIEST_READING.getTime(), keptSince.getTime()));
  const latest = Date.now() + MAX_CLOCK_AHEAD_MS;
  readings.forEach((reading, index) => {
    const at = reading.at.getTime();
    if (Number.isNaN(at) || at < earliest.getTime() || at > latest) {
      throw clientError(
        'READING_TIME_INVALID',
        `Reading ${index} is timed outside ${earliest.toISOString()} to five minutes from now; nothing was recorded.`,
        { index, earliest: earliest.toISOString() },
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

// The sensors, then their thresholds, each in key order, so that batches sharing sensors queue instead of deadlocking.
// Each part is counted, so that it runs to the end, and the parts of a UNION ALL run one after the other. A sensor's
// row is locked FOR NO KEY UPDATE: its newest reading changes, its key does not (thresholds referencing it still insert).
const LOCK_SENSORS_AND_THRESHOLDS = `
  SELECT count(*) FROM (
    SELECT id FROM telemetry.sensor WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE
  ) AS sensors
  UNION ALL
  SELECT count(*) FROM (
    SELECT threshold.sensor_id
    FROM telemetry.sensor
    JOIN telemetry.sensor_threshold AS threshold ON threshold.organization_id = sensor.organization_id AND threshold.sensor_id = sensor.id
    WHERE sensor.id = ANY($1::uuid[])
    ORDER BY threshold.organization_id, threshold.sensor_id
    FOR UPDATE OF threshold
  ) AS thresholds`;

/** The feed whose subscriptions a batch wakes (NOTIFY partnergraph_live), as the gateway names it. */
const SENSOR_READINGS_FEED = 'sensorReadingsFeed';

// The newest reading of each sensor in "inserted", written onto the sensor's row with this transaction's id when it is
// newer than the one there; then, if any moved, the live gateways are told after the commit (PostgreSQL sends one
// notification per transaction however often it is asked).
const MOVE_LATEST = `
  newest AS (
    SELECT DISTINCT ON (organization_id, sensor_id) organization_id, sensor_id, at, value
    FROM inserted
    ORDER BY organization_id, sensor_id, at DESC
  ), moved AS (
    UPDATE telemetry.sensor
    SET latest_at = newest.at, latest_value = newest.value, latest_xid = pg_current_xact_id()
    FROM newest
    WHERE sensor.organization_id = newest.organization_id AND sensor.id = newest.sensor_id
      AND (sensor.latest_at IS NULL OR newest.at > sensor.latest_at)
    RETURNING sensor.id
  ), told AS (
    SELECT pg_notify('partnergraph_live', '${SENSOR_READINGS_FEED}') WHERE EXISTS (SELECT FROM moved)
  )`;

/** What a reading outside a bound says, for the incident's message. */
const breachMessage = (bound: 'high' | 'low') => `
  format('%s reading %s %s is ${bound === 'high' ? 'above the high' : 'below the low'} threshold of %s %s',
         initcap(replace(threshold.type, '_', ' ')), inserted.value, threshold.unit, threshold.${bound}, threshold.unit)`;

// The thresholds' part of INGEST, after "inserted". Each new reading newer than the newest its threshold has weighed
// says "breached" (outside a bound), "within" (at least the hysteresis inside both) or nothing (in between). Taken in
// time order per sensor, the readings whose say differs from the state before them are the turns: a breach raises the
// threshold's incident (or reactivates it), a return within clears it. The incident keeps the message of the newest
// breach; the threshold keeps its new state and the newest reading weighed.
const WEIGH_THRESHOLDS = `
  thresholds AS (
    SELECT threshold.*, sensor.device_id, sensor.type, sensor.unit, '${THRESHOLD_ALARM_PREFIX}' || threshold.sensor_id AS alarm_id
    FROM telemetry.sensor_threshold AS threshold
    JOIN telemetry.sensor ON sensor.organization_id = threshold.organization_id AND sensor.id = threshold.sensor_id
    WHERE (threshold.organization_id, threshold.sensor_id) IN (SELECT organization_id, sensor_id FROM inserted)
  ), weighed AS (
    SELECT threshold.organization_id, threshold.sensor_id, threshold.device_id, threshold.alarm_id, threshold.breached AS before,
           inserted.at,
           CASE
             WHEN inserted.value > threshold.high OR inserted.value < threshold.low THEN true
             WHEN inserted.value <= coalesce(threshold.high - threshold.hysteresis, 'Infinity')
              AND inserted.value >= coalesce(threshold.low + threshold.hysteresis, '-Infinity') THEN false
           END AS breached,
           CASE
             WHEN inserted.value > threshold.high THEN ${breachMessage('high')}
             WHEN inserted.value < threshold.low THEN ${breachMessage('low')}
           END AS message
    FROM inserted
    JOIN thresholds AS threshold USING (organization_id, sensor_id)
    WHERE threshold.evaluated_at IS NULL OR inserted.at > threshold.evaluated_at
  ), decided AS (
    SELECT weighed.*, lag(breached, 1, before) OVER (PARTITION BY organization_id, sensor_id ORDER BY at) AS previous
    FROM weighed
    WHERE breached IS NOT NULL
  ), turns AS (
    SELECT turn.organization_id, turn.sensor_id, turn.device_id, turn.alarm_id, incident.id AS incident_id,
           count(*) FILTER (WHERE turn.breached)::int AS breaches,
           min(turn.at) FILTER (WHERE turn.breached) AS first_breach_at,
           (array_agg(turn.message ORDER BY turn.at DESC) FILTER (WHERE turn.breached))[1] AS message,
           (array_agg(turn.breached ORDER BY turn.at DESC))[1] AS breached,
           max(turn.at) AS changed_at
    FROM decided AS turn
    LEFT JOIN telemetry.incident
      ON incident.organization_id = turn.organization_id AND incident.device_id = turn.device_id AND incident.alarm_id = turn.alarm_id
    WHERE turn.breached <> turn.previous
    GROUP BY 1, 2, 3, 4, 5
  ), raised AS (
    INSERT INTO telemetry.incident
      (organization_id, device_id, alarm_id, severity, message, raised_at, cleared_at, reactivation_count, alarm_changed_at)
    SELECT organization_id, device_id, alarm_id, 'WARNING', message, first_breach_at, CASE WHEN NOT breached THEN changed_at END,
           breaches - 1, changed_at
    FROM turns
    WHERE incident_id IS NULL AND breaches > 0
    ORDER BY organization_id, device_id, alarm_id
  ), changed AS (
    UPDATE telemetry.incident
    SET cleared_at = CASE WHEN NOT turns.breached THEN turns.changed_at END,
        reactivation_count = incident.reactivation_count + turns.breaches,
        message = coalesce(turns.message, incident.message),
        alarm_changed_at = turns.changed_at,
        updated_at = now()
    FROM turns
    WHERE incident.organization_id = turns.organization_id AND incident.id = turns.incident_id
  ), weighed_thresholds AS (
    UPDATE telemetry.sensor_threshold AS threshold
    SET evaluated_at = newest.at, breached = coalesce(turns.breached, threshold.breached)
    FROM (SELECT organization_id, sensor_id, max(at) AS at FROM weighed GROUP BY 1, 2) AS newest
    LEFT JOIN turns USING (organization_id, sensor_id)
    WHERE threshold.organization_id = newest.organization_id AND threshold.sensor_id = newest.sensor_id
  )`;

// $1 sensor ids, $2 instants, $3 values, position for position. Nothing is inserted unless every sensor joined. The days
// are built from the new rows' hours rather than from the rows again: far fewer rows for readings every few minutes.
// "told" is selected only so that it runs: PostgreSQL skips a plain SELECT in WITH that nothing reads.
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
  ), ${WEIGH_THRESHOLDS}, ${MOVE_LATEST}
  SELECT (SELECT count(*) FROM incoming)::int AS known, (SELECT count(*) FROM inserted)::int AS recorded,
         (SELECT count(*) FROM told)::int AS told`;

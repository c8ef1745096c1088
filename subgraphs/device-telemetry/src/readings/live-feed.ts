import { clientError } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { decidedHorizon, scopeKey } from '../live-scope';
import { SensorEntity, type Sensor } from '../sensor';
import type { FollowedSensors } from './followed-sensors';

/**
 * The live readings feed (Query.sensorReadingsFeed), which the gateway follows
 * for the subscription sensorReadings: for each followed sensor whose newest
 * reading moved after the cursor, one event with that newest reading. Readings
 * are conflated: however many a sensor received since the cursor, the feed
 * answers its newest once, and a reading older than the sensor's newest (one
 * sent late) moves nothing.
 *
 * Its order is the change log's (see change-feeds.ts): ingest writes each
 * sensor's newest reading on its row with the writing transaction's id
 * (latest_xid), and the feed reads only rows whose transaction is older than
 * every one still running. A cursor is a position (transaction id, sensor id);
 * a sensor moved by a transaction still running when a cursor was given has a
 * larger id than the cursor's, so nothing recorded is ever behind one. One
 * statement per page, one row per followed sensor.
 */

export interface SensorReadingEvent {
  cursor: string;
  sensor: Sensor;
  reading: { at: string; value: number };
}

export interface SensorReadingPage {
  cursor: string;
  events: SensorReadingEvent[];
  scope: string[];
}

/** After the sensor with this id whose newest reading was written by the transaction with this id. */
interface ReadingPosition {
  xid: bigint;
  sensorId: string;
}

const CURSOR_VERSION = 'r1';
const MAX_XID8 = 2n ** 64n - 1n;
const DECIMAL = /^(0|[1-9]\d{0,19})$/;
/** The greatest UUID: a position after every sensor of a transaction. */
const LAST_SENSOR = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

function encodeReadingCursor(position: ReadingPosition): string {
  return Buffer.from(`${CURSOR_VERSION}:${position.xid}:${position.sensorId}`).toString('base64url');
}

/** CURSOR_INVALID for anything that is not a cursor this feed returned, before it reaches SQL. */
function decodeReadingCursor(cursor: string): ReadingPosition {
  const [version, xid, sensorId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(':');
  if (
    version === CURSOR_VERSION &&
    rest.length === 0 &&
    xid !== undefined &&
    sensorId !== undefined &&
    DECIMAL.test(xid) &&
    BigInt(xid) <= MAX_XID8 &&
    isUuid(sensorId) &&
    sensorId === sensorId.toLowerCase() &&
    encodeReadingCursor({ xid: BigInt(xid), sensorId }) === cursor
  ) {
    return { xid: BigInt(xid), sensorId };
  }
  throw clientError('CURSOR_INVALID', '"after" is not a cursor this feed returned.', { field: 'after' });
}

function isAfter(position: ReadingPosition, other: ReadingPosition): boolean {
  return position.xid > other.xid || (position.xid === other.xid && position.sensorId > other.sensorId);
}

/** Beside each sensor: the oldest transaction still running, and whether its newest reading moved after the cursor and before that. */
interface FeedColumns {
  horizon: string;
  moved: boolean;
}

/**
 * The newest reading of each followed sensor that moved after `after`, in
 * (transaction, sensor) order; without `after`, no events and the cursor where
 * the feed stands now. The page's cursor is after every transaction older
 * than the oldest still running.
 */
export async function selectSensorReadings(database: Database, followed: FollowedSensors, after: string | null | undefined): Promise<SensorReadingPage> {
  const from = after == null ? null : decodeReadingCursor(after);
  const rows = await selectRows<Sensor, FeedColumns>(
    database.dataSource,
    SensorEntity,
    // The horizon is read in the statement's own snapshot: every row it reads below the horizon is final. It is no
    // later than the access decisions' own (decidedHorizon).
    (columns) =>
      `SELECT ${columns}, horizon.xmin::text AS "horizon",
              coalesce((s.latest_xid, s.id) > ($2::xid8, $3::uuid) AND s.latest_xid < horizon.xmin, false) AS "moved"
       FROM telemetry.sensor AS s,
            (SELECT least(pg_snapshot_xmin(pg_current_snapshot()), coalesce($4::xid8, pg_snapshot_xmin(pg_current_snapshot()))) AS xmin) AS horizon
       WHERE s.id = ANY($1::uuid[])
       ORDER BY s.latest_xid, s.id`,
    [followed.sensors.map((sensor) => sensor.id), (from?.xid ?? MAX_XID8).toString(), from?.sensorId ?? LAST_SENSOR, decidedHorizon(followed.decisions)],
    's',
  );
  const scope = followed.decisions.map(scopeKey);
  const horizon = rows[0]?.horizon;
  // No row: the sensors were deleted since they were checked; nothing moved.
  if (horizon === undefined) return { cursor: after ?? encodeReadingCursor({ xid: 0n, sensorId: LAST_SENSOR }), events: [], scope };
  const standing: ReadingPosition = { xid: BigInt(horizon) - 1n, sensorId: LAST_SENSOR };
  if (from === null) return { cursor: encodeReadingCursor(standing), events: [], scope };
  const events = rows.flatMap((sensor): SensorReadingEvent[] =>
    sensor.moved && sensor.latestXid !== null && sensor.latestAt !== null && sensor.latestValue !== null
      ? [
          {
            cursor: encodeReadingCursor({ xid: BigInt(sensor.latestXid), sensorId: sensor.id }),
            sensor,
            reading: { at: sensor.latestAt.toISOString(), value: sensor.latestValue },
          },
        ]
      : [],
  );
  return { cursor: encodeReadingCursor(isAfter(standing, from) ? standing : from), events, scope };
}

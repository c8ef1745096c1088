import { clientError, displayedText } from '@partnergraph/core';
import { isUuid, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { DeviceEntity } from '../device';
import type { IncidentSeverity } from '../incident';
import { EARLIEST_READING, MAX_CLOCK_AHEAD_MS } from '../readings/ingest';
import { parseInstant } from '../readings/instant';
import { THRESHOLD_ALARM_PREFIX } from '../readings/thresholds';

/** The most alarms one call may carry. */
export const MAX_ALARMS_PER_BATCH = 1000;
export const MAX_ALARM_ID_LENGTH = 200;
export const MAX_ALARM_MESSAGE_LENGTH = 1000;
/** How many unknown device ids an error lists; `unknownDeviceCount` says how many there were. */
const MAX_LISTED_UNKNOWN_DEVICES = 20;

export type AlarmState = 'ACTIVE' | 'CLEARED';

/** An alarm as the collector sends it (AlarmInput). */
export interface AlarmReport {
  deviceId: string;
  alarmId: string;
  severity: IncidentSeverity;
  message: string;
  at: string;
  state: AlarmState;
}

export interface RecordAlarmsResult {
  raised: number;
  cleared: number;
  reactivated: number;
  duplicates: number;
}

interface CheckedAlarm extends Omit<AlarmReport, 'at'> {
  at: Date;
}

/**
 * Applies a batch of alarms, whole or not at all. Each (device, alarm id) has
 * one incident: ACTIVE raises it, or raises a cleared one again (counting the
 * reactivation); CLEARED clears it. Each alarm's reports are taken in time
 * order (at one instant, in the batch's order), and only those newer than the
 * alarm's last change of state count: the rest, and reports repeating the
 * state the alarm is in (clearing one never raised included), are duplicates
 * and change nothing. A raise or reactivation takes the report's severity and
 * message.
 *
 * One transaction of two statements: the first takes an advisory lock per
 * alarm, in key order, so that batches carrying the same alarm (a resent batch
 * racing the first) apply one after the other, each seeing what the one before
 * it committed; the second does the rest, writing only when every device
 * exists. Only a refused batch costs another statement, to name the unknown
 * devices.
 */
export async function recordAlarms(database: Database, reports: readonly AlarmReport[]): Promise<RecordAlarmsResult> {
  const alarms = checkAlarms(reports);
  if (alarms.length === 0) return { raised: 0, cleared: 0, reactivated: 0, duplicates: 0 };
  const deviceIds = alarms.map((alarm) => alarm.deviceId.toLowerCase());
  if (deviceIds.every(isUuid)) {
    const [outcome] = await database.dataSource.transaction(async (manager) => {
      await manager.query(LOCK_ALARMS, [deviceIds, alarms.map((alarm) => alarm.alarmId)]);
      return manager.query<[RecordAlarmsResult & { known: number }]>(APPLY_ALARMS, [
        deviceIds,
        alarms.map((alarm) => alarm.alarmId),
        alarms.map((alarm) => alarm.severity),
        alarms.map((alarm) => alarm.message),
        alarms.map((alarm) => alarm.at.toISOString()),
        alarms.map((alarm) => alarm.state),
      ]);
    });
    const { known, ...counts } = outcome;
    if (known === alarms.length) return counts;
  }
  throw await unknownDevicesError(database, alarms);
}

/** The checks that need no database: batch size, instants, ids and messages. */
function checkAlarms(reports: readonly AlarmReport[]): CheckedAlarm[] {
  if (reports.length > MAX_ALARMS_PER_BATCH) {
    throw clientError('ALARM_BATCH_TOO_LARGE', `A batch holds at most ${MAX_ALARMS_PER_BATCH} alarms; send this one in parts.`, {
      maxAlarms: MAX_ALARMS_PER_BATCH,
    });
  }
  const latest = Date.now() + MAX_CLOCK_AHEAD_MS;
  return reports.map((report, index) => {
    const at = parseInstant(report.at);
    if (at === null || at.getTime() < EARLIEST_READING.getTime() || at.getTime() > latest) {
      throw clientError(
        'ALARM_TIME_INVALID',
        `Alarm ${index} is not timed as an ISO 8601 instant with an offset, from ${EARLIEST_READING.toISOString()} to five minutes from now; nothing was recorded.`,
        { index },
      );
    }
    return {
      ...report,
      at,
      alarmId: checkedText(report.alarmId, index, 'alarmId', MAX_ALARM_ID_LENGTH),
      message: checkedText(report.message, index, 'message', MAX_ALARM_MESSAGE_LENGTH),
    };
  });
}

/**
 * Text shown to people: without control or bidirectional formatting characters
 * (INVALID_CHARACTERS), trimmed, then 1 to `maxLength` characters
 * (BAD_USER_INPUT). Alarm ids of the thresholds' form are refused: those
 * incidents belong to the thresholds.
 */
function checkedText(text: string, index: number, name: 'alarmId' | 'message', maxLength: number): string {
  const field = `alarms[${index}].${name}`;
  const trimmed = displayedText(text, field);
  const length = [...trimmed].length;
  if (length === 0 || length > maxLength) {
    throw clientError('BAD_USER_INPUT', `${field} is 1 to ${maxLength} characters; nothing was recorded.`, { field, index });
  }
  if (name === 'alarmId' && trimmed.toLowerCase().startsWith(THRESHOLD_ALARM_PREFIX)) {
    throw clientError('BAD_USER_INPUT', `${field} may not begin with "${THRESHOLD_ALARM_PREFIX}": those are the thresholds' incidents.`, {
      field,
      index,
    });
  }
  return trimmed;
}

async function unknownDevicesError(database: Database, alarms: readonly CheckedAlarm[]) {
  const given = [...new Set(alarms.map((alarm) => alarm.deviceId))];
  const candidates = [...new Set(given.map((id) => id.toLowerCase()).filter(isUuid))];
  const rows =
    candidates.length > 0
      ? await selectRows(database.dataSource, DeviceEntity, (columns) => `SELECT ${columns} FROM telemetry.device WHERE id = ANY($1::uuid[])`, [
          candidates,
        ])
      : [];
  const known = new Set(rows.map((row) => row.id));
  const unknown = given.filter((id) => !known.has(id.toLowerCase()));
  return clientError('ALARM_DEVICE_UNKNOWN', `${unknown.length} of the batch's devices do not exist; nothing was recorded.`, {
    unknownDeviceIds: unknown.slice(0, MAX_LISTED_UNKNOWN_DEVICES),
    unknownDeviceCount: unknown.length,
  });
}

// $1 device ids, $2 alarm ids. One lock per alarm, taken in key order; released when the transaction ends.
const LOCK_ALARMS = `
  SELECT pg_advisory_xact_lock(hashtextextended('telemetry:alarm:' || device_id || ':' || alarm_id, 0))
  FROM (SELECT DISTINCT device_id, alarm_id FROM unnest($1::uuid[], $2::text[]) AS given (device_id, alarm_id) ORDER BY 1, 2) AS alarms`;

// $1 device ids, $2 alarm ids, $3 severities, $4 messages, $5 instants, $6 states, position for position. "sequenced"
// holds the reports newer than their alarm's last change, each with the state before it (a cleared incident's, or an
// open one's; never raised counts as cleared); those whose state differs are the changes. Nothing is written unless
// every device joined.
const APPLY_ALARMS = `
  WITH given AS (
    SELECT device.organization_id, report.device_id, report.alarm_id, report.severity, report.message, report.at, report.state,
           report.position
    FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[])
         WITH ORDINALITY AS report (device_id, alarm_id, severity, message, at, state, position)
    JOIN telemetry.device ON device.id = report.device_id
  ), complete AS (
    SELECT (SELECT count(*) FROM given) = cardinality($1::uuid[]) AS every_device_known
  ), sequenced AS (
    SELECT given.*, incident.id AS incident_id,
           lag(given.state, 1, CASE WHEN incident.id IS NOT NULL AND incident.cleared_at IS NULL THEN 'ACTIVE' ELSE 'CLEARED' END)
             OVER (PARTITION BY given.device_id, given.alarm_id ORDER BY given.at, given.position) AS previous
    FROM given
    LEFT JOIN telemetry.incident
      ON incident.organization_id = given.organization_id AND incident.device_id = given.device_id AND incident.alarm_id = given.alarm_id
    WHERE incident.alarm_changed_at IS NULL OR given.at > incident.alarm_changed_at
  ), changes AS (
    SELECT sequenced.*,
           CASE
             WHEN state = 'CLEARED' THEN 'cleared'
             WHEN incident_id IS NULL AND row_number() OVER (PARTITION BY device_id, alarm_id, state ORDER BY at, position) = 1 THEN 'raised'
             ELSE 'reactivated'
           END AS change
    FROM sequenced
    WHERE state <> previous
  ), alarms AS (
    SELECT organization_id, device_id, alarm_id, incident_id,
           min(at) FILTER (WHERE change = 'raised') AS raised_at,
           (array_agg(state ORDER BY at DESC, position DESC))[1] AS state,
           max(at) AS changed_at,
           count(*) FILTER (WHERE change = 'reactivated')::int AS reactivations,
           (array_agg(severity ORDER BY at DESC, position DESC) FILTER (WHERE state = 'ACTIVE'))[1] AS severity,
           (array_agg(message ORDER BY at DESC, position DESC) FILTER (WHERE state = 'ACTIVE'))[1] AS message
    FROM changes
    GROUP BY 1, 2, 3, 4
  ), raised AS (
    INSERT INTO telemetry.incident
      (organization_id, device_id, alarm_id, severity, message, raised_at, cleared_at, reactivation_count, alarm_changed_at)
    SELECT organization_id, device_id, alarm_id, severity, message, raised_at, CASE WHEN state = 'CLEARED' THEN changed_at END,
           reactivations, changed_at
    FROM alarms
    WHERE incident_id IS NULL AND (SELECT every_device_known FROM complete)
    ORDER BY organization_id, device_id, alarm_id
  ), changed AS (
    UPDATE telemetry.incident
    SET cleared_at = CASE WHEN alarms.state = 'CLEARED' THEN alarms.changed_at END,
        reactivation_count = incident.reactivation_count + alarms.reactivations,
        severity = coalesce(alarms.severity, incident.severity),
        message = coalesce(alarms.message, incident.message),
        alarm_changed_at = alarms.changed_at,
        updated_at = now()
    FROM alarms
    WHERE incident.organization_id = alarms.organization_id AND incident.id = alarms.incident_id AND (SELECT every_device_known FROM complete)
  )
  SELECT (SELECT count(*) FROM given)::int AS known,
         count(*) FILTER (WHERE change = 'raised')::int AS raised,
         count(*) FILTER (WHERE change = 'cleared')::int AS cleared,
         count(*) FILTER (WHERE change = 'reactivated')::int AS reactivated,
         (cardinality($1::uuid[]) - count(*))::int AS duplicates
  FROM changes`;

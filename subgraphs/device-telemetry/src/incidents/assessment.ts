import { clientError } from '@partnergraph/core';
import { selectRows, type Database } from '@partnergraph/subgraph-kit';
import { DeviceEntity, type Device } from '../device';
import type { IncidentSeverity } from '../incident';
import type { Loaders } from '../loaders';

/** The month an assessment covers, for one organization and what the caller can see of it. */
export interface AssessmentScope {
  organizationId: string;
  /** YYYY-MM. */
  month: string;
  /** The month's first instant (UTC), and the next month's: the month is [start, end). */
  start: Date;
  end: Date;
  /** Five-minute intervals from the month's start to its end, or to now for the current month. */
  expectedIntervals: number;
  /** False leaves equipment that is not monitored, and its incidents, out. */
  includeUnmonitored: boolean;
}

export interface SeverityCount {
  severity: IncidentSeverity;
  count: number;
}

export interface UpsHealth {
  device: Device;
  score: number;
  minBatteryRuntimeMinutes: number | null;
  averageLoadPercent: number | null;
  criticalIncidents: number;
}

/** A UPS's month, beside the device in upsHealth's rows. */
export type UpsInputs = Pick<UpsHealth, 'minBatteryRuntimeMinutes' | 'averageLoadPercent' | 'criticalIncidents'>;

const SEVERITIES: readonly IncidentSeverity[] = ['INFO', 'WARNING', 'CRITICAL'];
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const INTERVAL_MS = 5 * 60 * 1000;

/** The scope of `month` (YYYY-MM, not after the current month, UTC); MONTH_INVALID for anything else. */
export function assessmentScope(
  month: string,
  organizationId: string,
  includeUnmonitored: boolean,
  now: Date = new Date(),
): AssessmentScope {
  const match = MONTH.exec(month);
  const start = match ? utcMonthStart(Number(match[1]), Number(match[2]) - 1) : null;
  if (start === null || start > now) {
    throw clientError('MONTH_INVALID', `"month" must be a month written YYYY-MM, not in the future; got "${month}".`, { field: 'month' });
  }
  const end = utcMonthStart(start.getUTCFullYear(), start.getUTCMonth() + 1);
  const until = end < now ? end : now;
  return {
    organizationId,
    month,
    start,
    end,
    expectedIntervals: Math.floor((until.getTime() - start.getTime()) / INTERVAL_MS),
    includeUnmonitored,
  };
}

/** Date.UTC would read years below 100 as 19xx. */
function utcMonthStart(year: number, monthIndex: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, 1);
  return date;
}

/**
 * Readings received in the month (the daily rollups' counts) against readings
 * expected (one per sensor of a monitored device every five minutes), capped
 * to 1; 0 when nothing was expected. One statement.
 */
export async function monitoringCoverage(database: Database, scope: AssessmentScope): Promise<number> {
  const [totals] = await database.dataSource.query<{ sensors: number; received: number }[]>(
    `SELECT count(*)::int AS sensors, coalesce(sum(received.count), 0)::float8 AS received
     FROM telemetry.sensor
     JOIN telemetry.device ON device.organization_id = sensor.organization_id AND device.id = sensor.device_id
     CROSS JOIN LATERAL (
       SELECT sum(daily.count) AS count
       FROM telemetry.reading_daily AS daily
       WHERE daily.organization_id = sensor.organization_id AND daily.sensor_id = sensor.id
         AND daily.bucket_start >= $2 AND daily.bucket_start < $3
     ) AS received
     WHERE sensor.organization_id = $1 AND device.monitored`,
    [scope.organizationId, scope.start, scope.end],
  );
  const expected = (totals?.sensors ?? 0) * scope.expectedIntervals;
  return expected === 0 ? 0 : Math.min(1, (totals?.received ?? 0) / expected);
}

/** Incidents raised in the month on the devices the caller can see, for every severity (zeros included). One statement. */
export async function incidentsBySeverity(database: Database, scope: AssessmentScope): Promise<SeverityCount[]> {
  const rows = await database.dataSource.query<SeverityCount[]>(
    `SELECT incident.severity, count(*)::int AS count
     FROM telemetry.incident
     JOIN telemetry.device ON device.organization_id = incident.organization_id AND device.id = incident.device_id
     WHERE incident.organization_id = $1 AND incident.raised_at >= $2 AND incident.raised_at < $3
       AND (device.monitored OR $4)
     GROUP BY incident.severity`,
    [scope.organizationId, scope.start, scope.end, scope.includeUnmonitored],
  );
  const counts = new Map(rows.map((row) => [row.severity, row.count]));
  return SEVERITIES.map((severity) => ({ severity, count: counts.get(severity) ?? 0 }));
}

/**
 * Every UPS the caller can see, by name, with its month's inputs and score
 * (see upsScore). One statement; the devices prime `deviceById`.
 */
export async function upsHealth(database: Database, loaders: Loaders, scope: AssessmentScope): Promise<UpsHealth[]> {
  const rows = await selectRows<Device, UpsInputs>(
    database.dataSource,
    DeviceEntity,
    (columns) => `SELECT ups.*, inputs."minBatteryRuntimeMinutes", inputs."averageLoadPercent", critical.count AS "criticalIncidents"
     FROM (
       SELECT ${columns} FROM telemetry.device
       WHERE organization_id = $1 AND type = 'UPS' AND (monitored OR $4)
     ) AS ups
     CROSS JOIN LATERAL (
       SELECT min(daily.min) FILTER (WHERE sensor.type = 'BATTERY_RUNTIME') AS "minBatteryRuntimeMinutes",
              sum(daily.sum) FILTER (WHERE sensor.type = 'LOAD') / sum(daily.count) FILTER (WHERE sensor.type = 'LOAD')
                AS "averageLoadPercent"
       FROM telemetry.sensor
       JOIN telemetry.reading_daily AS daily
         ON daily.organization_id = sensor.organization_id AND daily.sensor_id = sensor.id
        AND daily.bucket_start >= $2 AND daily.bucket_start < $3
       WHERE sensor.organization_id = ups."organizationId" AND sensor.device_id = ups.id
         AND sensor.type IN ('BATTERY_RUNTIME', 'LOAD')
     ) AS inputs
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS count
       FROM telemetry.incident
       WHERE incident.organization_id = ups."organizationId" AND incident.device_id = ups.id
         AND incident.severity = 'CRITICAL' AND incident.raised_at >= $2 AND incident.raised_at < $3
     ) AS critical
     ORDER BY ups.name, ups.id`,
    [scope.organizationId, scope.start, scope.end, scope.includeUnmonitored],
  );
  return rows.map(({ minBatteryRuntimeMinutes, averageLoadPercent, criticalIncidents, ...device }) => {
    loaders.deviceById.prime(device.id, device);
    return {
      device,
      score: upsScore({ minBatteryRuntimeMinutes, averageLoadPercent, criticalIncidents }),
      minBatteryRuntimeMinutes,
      averageLoadPercent,
      criticalIncidents,
    };
  });
}

/**
 * 100, less up to 40 as the lowest battery runtime falls from 15 minutes to 0,
 * less 30 for every 20 points of average load above 80 %, less 10 per critical
 * incident; kept within 0 to 100 and rounded. A missing input costs nothing.
 * The SDL's UpsHealth.score says the same.
 */
export function upsScore(inputs: UpsInputs): number {
  const { minBatteryRuntimeMinutes: runtime, averageLoadPercent: load, criticalIncidents } = inputs;
  const runtimePenalty = runtime === null ? 0 : 40 * Math.max(0, (15 - runtime) / 15);
  const loadPenalty = load === null ? 0 : 30 * Math.max(0, (load - 80) / 20);
  const score = 100 - runtimePenalty - loadPenalty - 10 * criticalIncidents;
  return Math.round(Math.min(100, Math.max(0, score)));
}

import type { GraphQLError } from 'graphql';
import { clientError } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import type { Sensor } from '../sensor';

/** The alarm id of the incident a sensor's thresholds raise; collectors' alarm ids may not take this form. */
export const THRESHOLD_ALARM_PREFIX = 'threshold:';

export interface ThresholdBounds {
  low: number | null;
  high: number | null;
  hysteresis: number;
}

/** The same answer for a sensor that does not exist and one the caller cannot see, so ids cannot be probed. */
function sensorNotFound(): GraphQLError {
  return clientError('SENSOR_NOT_FOUND', 'No sensor with that id exists for you.', { field: 'sensorId' });
}

/**
 * The sensor `sensorId`, when the caller may set its thresholds: it must exist
 * for them (SENSOR_NOT_FOUND otherwise: another tenant's, or on equipment
 * hidden from them) and its organization's decision must allow writing
 * (customer admins, partner admins with administrator access; FORBIDDEN
 * otherwise). Both the shield rule and the mutation ask it; the loaders
 * answer the second time.
 */
export async function thresholdsSettable(sensorId: string, { loaders, access }: DeviceTelemetryContext): Promise<Sensor | GraphQLError> {
  const sensor = await loaders.sensorById.load(sensorId.toLowerCase());
  if (sensor === null) return sensorNotFound();
  const device = await loaders.deviceById.load(sensor.deviceId);
  const decision = await access.load(sensor.organizationId);
  if (device?.organizationId !== sensor.organizationId || !mayReadDevice(decision, device)) return sensorNotFound();
  if (!decision.write) return clientError('FORBIDDEN', 'You may see this sensor but not change its thresholds.');
  return sensor;
}

/** Refuses bounds no reading could clear: low not below high, a negative hysteresis, no room for it twice between them. */
export function checkThresholds({ low, high, hysteresis }: ThresholdBounds): void {
  const refuse = (field: string, message: string) => clientError('BAD_USER_INPUT', message, { field });
  if (!Number.isFinite(hysteresis) || hysteresis < 0) throw refuse('hysteresis', 'The hysteresis is zero or more.');
  if (low !== null && high !== null && !(low < high && low + 2 * hysteresis <= high)) {
    throw refuse('high', 'high must be above low, by at least twice the hysteresis, or no reading could clear a breach.');
  }
}

/**
 * Sets the sensor's bounds, keeping the threshold's state, or with both bounds
 * null removes them and clears the incident they raised (as of now, or of its
 * raising if that is later). One statement either way.
 */
export async function setThresholds(database: Database, sensor: Pick<Sensor, 'organizationId' | 'id' | 'deviceId'>, bounds: ThresholdBounds): Promise<void> {
  checkThresholds(bounds);
  const { low, high, hysteresis } = bounds;
  if (low !== null || high !== null) {
    await database.dataSource.query(
      `INSERT INTO telemetry.sensor_threshold (organization_id, sensor_id, low, high, hysteresis)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id, sensor_id) DO UPDATE
       SET low = excluded.low, high = excluded.high, hysteresis = excluded.hysteresis, updated_at = now()`,
      [sensor.organizationId, sensor.id, low, high, hysteresis],
    );
    return;
  }
  await database.dataSource.query(
    `WITH removed AS (
       DELETE FROM telemetry.sensor_threshold WHERE organization_id = $1 AND sensor_id = $2 RETURNING sensor_id
     )
     UPDATE telemetry.incident
     SET cleared_at = greatest(now(), raised_at), alarm_changed_at = greatest(now(), raised_at), updated_at = now()
     WHERE organization_id = $1 AND device_id = $3 AND threshold_sensor_id = $2 AND cleared_at IS NULL AND EXISTS (SELECT FROM removed)`,
    [sensor.organizationId, sensor.id, sensor.deviceId],
  );
}

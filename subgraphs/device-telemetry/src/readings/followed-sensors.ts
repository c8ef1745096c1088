import { clientError, type AccessDecision } from '@partnergraph/core';
import { isUuid } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import type { Sensor } from '../sensor';

/** The most sensors one live readings feed (or subscription) follows. */
export const MAX_FOLLOWED_SENSORS = 100;

/** The sensors a live readings feed follows, and the caller's decision for each organization they belong to. */
export interface FollowedSensors {
  sensors: Sensor[];
  decisions: AccessDecision[];
}

const forbidden = () => clientError('FORBIDDEN', 'sensorIds names a sensor you cannot read.', { field: 'sensorIds' });

/**
 * The sensors `sensorIds` names, each one the caller may read: its
 * organization readable, and its device monitored unless the caller may see
 * unmonitored equipment. BAD_USER_INPUT for none or more than
 * MAX_FOLLOWED_SENSORS; FORBIDDEN, for the whole list, when one is another
 * tenant's, on equipment hidden from the caller, or no sensor at all (which
 * of these, it does not say). People and API clients only, as the other
 * feeds. Loaded through the request's loaders, so the shield's check and the
 * resolver's cost the statements once.
 */
export async function followedSensors(
  sensorIds: readonly string[],
  { principal, loaders, access }: DeviceTelemetryContext,
): Promise<FollowedSensors | Error> {
  const ids = [...new Set(sensorIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0 || ids.length > MAX_FOLLOWED_SENSORS) {
    return clientError('BAD_USER_INPUT', `sensorIds names 1 to ${MAX_FOLLOWED_SENSORS} sensors, got ${ids.length}.`, { field: 'sensorIds' });
  }
  if ((principal.kind !== 'user' && principal.kind !== 'api-client') || !ids.every(isUuid)) return forbidden();
  const sensors: Sensor[] = [];
  for (const sensor of await loaders.sensorById.loadMany(ids)) {
    if (sensor === null || sensor instanceof Error) return forbidden();
    sensors.push(sensor);
  }
  const organizationIds = [...new Set(sensors.map((sensor) => sensor.organizationId))];
  const [devices, decisions] = await Promise.all([
    loaders.deviceById.loadMany(sensors.map((sensor) => sensor.deviceId)),
    access.loadMany(organizationIds),
  ]);
  const decisionOf = new Map<string, AccessDecision>();
  for (const decision of decisions) {
    if (decision instanceof Error) throw decision;
    decisionOf.set(decision.organizationId, decision);
  }
  for (const [index, sensor] of sensors.entries()) {
    const device = devices[index];
    const decision = decisionOf.get(sensor.organizationId);
    if (device instanceof Error) throw device;
    if (!decision || device?.organizationId !== sensor.organizationId || !mayReadDevice(decision, device)) return forbidden();
  }
  return { sensors, decisions: [...decisionOf.values()] };
}

import { rule, type IRule } from 'graphql-shield';
import { parentRule, withDecision } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import { followedSensors } from '../readings/followed-sensors';
import { thresholdsSettable } from '../readings/thresholds';
import type { Device } from '../device';
import type { Sensor } from '../sensor';

/**
 * A sensor's read: its organization lets the caller read it, and its device is
 * monitored or the caller may see unmonitored equipment: a sensor is hidden
 * wherever its device is.
 */
export const mayReadThisSensor: IRule = parentRule((sensor: Sensor, { access, loaders }: DeviceTelemetryContext) =>
  withDecision(access, sensor.organizationId, (decision) => {
    if (!decision.read) return false;
    if (decision.unmonitoredEquipment) return true;
    const visible = (device: Device | null) => device?.organizationId === sensor.organizationId && mayReadDevice(decision, device);
    // A page's devices are primed as it loads them: their sensors are decided without a promise each.
    const known = loaders.deviceById.peek(sensor.deviceId);
    return known === undefined ? loaders.deviceById.load(sensor.deviceId).then(visible) : visible(known);
  }),
);

/**
 * `write` of the sensor's organization: SENSOR_NOT_FOUND for a sensor the
 * caller cannot see, FORBIDDEN for one they see but may not change.
 */
export const maySetThresholdsOfSensorInArguments: IRule = rule({ cache: 'no_cache' })(
  async (_parent, { sensorId }: { sensorId: string }, context: DeviceTelemetryContext) => {
    const allowed = await thresholdsSettable(sensorId, context);
    return allowed instanceof Error ? allowed : true;
  },
);

/**
 * `read` of the organizations of every sensor the live readings feed names,
 * each sensor's device visible to the caller (FORBIDDEN for the whole list
 * otherwise; BAD_USER_INPUT for none or more than 100).
 */
export const mayFollowSensorsInArguments: IRule = rule({ cache: 'no_cache' })(
  async (_parent, { sensorIds }: { sensorIds: readonly string[] }, context: DeviceTelemetryContext) => {
    const followed = await followedSensors(sensorIds, context);
    return followed instanceof Error ? followed : true;
  },
);

import type { IRule } from 'graphql-shield';
import { parentRule } from '@partnergraph/subgraph-kit';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import type { Sensor } from '../sensor';

/**
 * A sensor's read: its organization lets the caller read it, and its device is
 * monitored or the caller may see unmonitored equipment: a sensor is hidden
 * wherever its device is.
 */
export const mayReadThisSensor: IRule = parentRule(
  async (sensor: Sensor, { access, loaders }: DeviceTelemetryContext) => {
    const decision = await access.load(sensor.organizationId);
    if (!decision.read) return false;
    if (decision.unmonitoredEquipment) return true;
    const device = await loaders.deviceById.load(sensor.deviceId);
    return device?.organizationId === sensor.organizationId && mayReadDevice(decision, device);
  },
);

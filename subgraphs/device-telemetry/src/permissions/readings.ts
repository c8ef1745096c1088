import { allow, rule, type IRule, type IRules } from 'graphql-shield';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import type { Sensor } from '../sensor';

/**
 * The sensor's organization lets the caller read it, and its device is
 * monitored or the caller may see unmonitored equipment: a sensor is hidden
 * wherever its device is.
 */
export const mayReadThisSensor: IRule = rule({ cache: 'no_cache' })(
  async (sensor: Sensor, _args, { access, loaders }: DeviceTelemetryContext) => {
    const decision = await access.load(sensor.organizationId);
    if (!decision.read) return false;
    if (decision.unmonitoredEquipment) return true;
    const device = await loaders.deviceById.load(sensor.deviceId);
    return device?.organizationId === sensor.organizationId && mayReadDevice(decision, device);
  },
);

/** The telemetry collector's principal, and no one else. */
const isCollector = rule({ cache: 'no_cache' })((_parent, _args, { principal }: DeviceTelemetryContext) => principal.kind === 'collector');

export const readingPermissions: Record<string, Record<string, IRules>> = {
  Mutation: { recordReadings: isCollector },
  RecordReadingsResult: { '*': allow },
  // Reached only through Sensor.latest and Sensor.history, which Sensor's rule checks.
  Reading: { '*': allow },
  SensorHistory: { '*': allow },
  HistoryBucket: { '*': allow },
};

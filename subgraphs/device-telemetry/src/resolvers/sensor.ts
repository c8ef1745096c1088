import { mayReadDevice } from '../access';
import type { SensorResolvers } from '../generated/resolvers-types';
import { planHistory } from '../readings/history';
import { rawReadingsSince } from '../readings/retention';

export const Sensor: SensorResolvers = {
  /** A sensor exists for a caller only with its device: readable, and monitored unless they may see unmonitored equipment. */
  async __resolveReference(reference, { loaders, access }) {
    const sensor = await loaders.sensorById.load(reference.id);
    if (!sensor) return null;
    const device = await loaders.deviceById.load(sensor.deviceId);
    if (device?.organizationId !== sensor.organizationId) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? sensor : null;
  },

  device(sensor, _args, { loaders }) {
    return loaders.deviceById.load(sensor.deviceId);
  },

  /** Kept on the sensor's own row by ingest (readings/ingest.ts): no statement and no index descent per sensor. */
  latest(sensor) {
    return sensor.latestAt && sensor.latestValue !== null ? { at: sensor.latestAt.toISOString(), value: sensor.latestValue } : null;
  },

  history(sensor, args, { loaders, readingRetentionDays }) {
    return loaders.historyOfSensor.load({ sensor, plan: planHistory(args, rawReadingsSince(new Date(), readingRetentionDays)) });
  },

  async thresholds(sensor, _args, { loaders }) {
    const threshold = await loaders.thresholdsOfSensor.load(sensor);
    return threshold && { low: threshold.low, high: threshold.high, hysteresis: threshold.hysteresis };
  },
};

import { mayReadDevice } from '../access';
import type { SensorResolvers } from '../generated/resolvers-types';
import { planHistory, selectHistory } from '../readings/history';

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

  async latest(sensor, _args, { loaders }) {
    const reading = await loaders.latestReading.load(sensor);
    return reading && { at: reading.at.toISOString(), value: reading.value };
  },

  history(sensor, args, { database }) {
    return selectHistory(database, sensor, planHistory(args));
  },

  async thresholds(sensor, _args, { loaders }) {
    const threshold = await loaders.thresholdsOfSensor.load(sensor);
    return threshold && { low: threshold.low, high: threshold.high, hysteresis: threshold.hysteresis };
  },
};

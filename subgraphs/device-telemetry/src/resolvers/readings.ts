import { clientError } from '@partnergraph/core';
import { mayReadDevice } from '../access';
import type { DeviceTelemetryContext } from '../context';
import { checkBatchSize, ingestReadings } from '../readings/ingest';
import { planHistory, selectHistory } from '../readings/history';
import { parseInstant } from '../readings/instant';
import type { Sensor as SensorRow } from '../sensor';

interface ReadingInput {
  sensorId: string;
  at: string;
  value: number;
}

const Sensor = {
  /** A sensor exists for a caller only with its device: readable, and monitored unless they may see unmonitored equipment. */
  async __resolveReference(reference: { id: string }, { loaders, access }: DeviceTelemetryContext) {
    const sensor = await loaders.sensorById.load(reference.id);
    if (!sensor) return null;
    const device = await loaders.deviceById.load(sensor.deviceId);
    if (device?.organizationId !== sensor.organizationId) return null;
    return mayReadDevice(await access.load(device.organizationId), device) ? sensor : null;
  },

  device(sensor: SensorRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.deviceById.load(sensor.deviceId);
  },

  latest(sensor: SensorRow, _args: unknown, { loaders }: DeviceTelemetryContext) {
    return loaders.latestReading.load(sensor);
  },

  history(sensor: SensorRow, args: { from: string; to: string; maxPoints: number }, { database }: DeviceTelemetryContext) {
    return selectHistory(database, sensor, planHistory(args));
  },
};

const Mutation = {
  /** Shield lets only the telemetry collector through. */
  recordReadings(_root: unknown, { readings }: { readings: readonly ReadingInput[] }, { database }: DeviceTelemetryContext) {
    checkBatchSize(readings.length);
    const parsed = readings.map((reading, index) => {
      const at = parseInstant(reading.at);
      if (!at) {
        throw clientError('READING_TIME_INVALID', `Reading ${index} is not timed as an ISO 8601 instant with an offset; nothing was recorded.`, { index });
      }
      return { sensorId: reading.sensorId, at, value: reading.value };
    });
    return ingestReadings(database, parsed);
  },
};

export const readingResolvers = { Sensor, Mutation };

import { clientError } from '@partnergraph/core';
import { mayReadDevice } from '../access';
import type { MutationResolvers, Resolvers, SensorResolvers } from '../generated/resolvers-types';
import { checkBatchSize, ingestReadings } from '../readings/ingest';
import { planHistory, selectHistory } from '../readings/history';
import { parseInstant } from '../readings/instant';

const Sensor: SensorResolvers = {
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

  latest(sensor, _args, { loaders }) {
    return loaders.latestReading.load(sensor);
  },

  history(sensor, args, { database }) {
    return selectHistory(database, sensor, planHistory(args));
  },
};

const Mutation: MutationResolvers = {
  /** Shield lets only the telemetry collector through. */
  recordReadings(_root, { readings }, { database }) {
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

export const readingResolvers: Resolvers = { Sensor, Mutation };

import { clientError } from '@partnergraph/core';
import type { MutationResolvers } from '../generated/resolvers-types';
import { acknowledgeable, acknowledgeIncident } from '../incidents/acknowledge';
import { recordAlarms } from '../incidents/alarms';
import { checkBatchSize, ingestReadings } from '../readings/ingest';
import { parseInstant } from '../readings/instant';
import { setThresholds, thresholdsSettable } from '../readings/thresholds';

export const Mutation: MutationResolvers = {
  /** Shield lets only the telemetry collector through. */
  async recordReadings(_root, { readings }, { database, metrics, readingRetentionDays }) {
    checkBatchSize(readings.length);
    const parsed = readings.map((reading, index) => {
      const at = parseInstant(reading.at);
      if (!at) {
        throw clientError('READING_TIME_INVALID', `Reading ${index} is not timed as an ISO 8601 instant with an offset; nothing was recorded.`, { index });
      }
      return { sensorId: reading.sensorId, at, value: reading.value };
    });
    const result = await ingestReadings(database, parsed, { retentionDays: readingRetentionDays });
    metrics.readingsIngested.inc({ result: 'recorded' }, result.recorded);
    metrics.readingsIngested.inc({ result: 'duplicate' }, result.duplicates);
    return result;
  },

  /** Shield lets only the telemetry collector through. */
  recordAlarms(_root, { alarms }, { database }) {
    return recordAlarms(database, alarms);
  },

  async setSensorThresholds(_parent, { sensorId, low, high, hysteresis }, context) {
    const sensor = await thresholdsSettable(sensorId, context);
    if (sensor instanceof Error) throw sensor;
    await setThresholds(context.database, sensor, { low: low ?? null, high: high ?? null, hysteresis });
    context.loaders.thresholdsOfSensor.clear(sensor);
    return sensor;
  },

  async acknowledgeIncident(_parent, { incidentId, note }, context) {
    const allowed = await acknowledgeable(incidentId, context);
    if (allowed instanceof Error) throw allowed;
    const acknowledged = await acknowledgeIncident(context.database, allowed.incident, allowed.user, note ?? null);
    context.loaders.incidentById.clear(acknowledged.id).prime(acknowledged.id, acknowledged);
    return acknowledged;
  },
};

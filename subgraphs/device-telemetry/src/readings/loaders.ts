import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createByIdLoader, groupBy, selectRows, tracedBatch, type Database } from '@partnergraph/subgraph-kit';
import { SensorEntity, type Sensor } from '../sensor';
import { historyPlanKey, selectHistories, type HistoryPlan, type SensorHistory } from './history';
import { SensorThresholdEntity, type SensorThreshold } from '../sensor-threshold';

/** Created per request, with the other loaders. */
export function createReadingLoaders(database: Database) {
  const { dataSource } = database;
  const sensors = dataSource.getRepository(SensorEntity);

  /** Any organization's sensor by id: callers check the sensor's organization and device before showing it. */
  const sensorById = createByIdLoader(database, 'sensorById', (ids) => sensors.findBy({ id: In(ids) }));

  /** Each sensor's thresholds, or null: one statement for all the sensors asked in the same tick. */
  const thresholdsOfSensor = new DataLoader<Sensor, SensorThreshold | null, string>(
    tracedBatch(database, 'thresholdsOfSensor', async (asked) => {
      const rows = await selectRows(
        dataSource,
        SensorThresholdEntity,
        (columns) => `SELECT ${columns}
         FROM unnest($1::uuid[], $2::uuid[]) AS asked (organization_id, sensor_id)
         JOIN telemetry.sensor_threshold AS threshold USING (organization_id, sensor_id)`,
        [asked.map((sensor) => sensor.organizationId), asked.map((sensor) => sensor.id)],
        'threshold',
      );
      const bySensor = new Map(rows.map((threshold) => [threshold.sensorId, threshold]));
      return asked.map((sensor) => bySensor.get(sensor.id) ?? null);
    }),
    { cacheKeyFn: (sensor) => sensor.id },
  );

  /**
   * Each sensor's history over its plan: one statement for all the sensors
   * asked the same history in the same tick, two when a read replica has
   * replayed the newest readings of some of them and not of the others (those
   * read the primary, the rest the replica).
   */
  const historyOfSensor = new DataLoader<{ sensor: Sensor; plan: HistoryPlan }, SensorHistory>(
    tracedBatch(database, 'historyOfSensor', async (asked) => {
      const groups = groupBy(
        asked.map((key, index) => ({ ...key, index })),
        ({ sensor, plan }) => `${database.reader.answersFromReplica({ includes: sensor.latestXid }) ? 'replica' : 'primary'} ${historyPlanKey(plan)}`,
      );
      const histories = new Array<SensorHistory>(asked.length);
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const found = await selectHistories(database, group.map(({ sensor }) => sensor), group[0].plan);
          group.forEach(({ index }, position) => {
            histories[index] = found[position]!;
          });
        }),
      );
      return histories;
    }),
    { cache: false },
  );

  return { sensorById, thresholdsOfSensor, historyOfSensor };
}

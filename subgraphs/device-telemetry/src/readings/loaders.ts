import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createByIdLoader, selectRows, type Database } from '@partnergraph/subgraph-kit';
import { SensorEntity, type Sensor } from '../sensor';
import { SensorThresholdEntity, type SensorThreshold } from '../sensor-threshold';

/** Created per request, with the other loaders. */
export function createReadingLoaders(database: Database) {
  const { dataSource } = database;
  const sensors = dataSource.getRepository(SensorEntity);

  /** Any organization's sensor by id: callers check the sensor's organization and device before showing it. */
  const sensorById = createByIdLoader((ids) => sensors.findBy({ id: In(ids) }));

  /** Each sensor's thresholds, or null: one statement for all the sensors asked in the same tick. */
  const thresholdsOfSensor = new DataLoader<Sensor, SensorThreshold | null, string>(
    async (asked) => {
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
    },
    { cacheKeyFn: (sensor) => sensor.id },
  );

  return { sensorById, thresholdsOfSensor };
}

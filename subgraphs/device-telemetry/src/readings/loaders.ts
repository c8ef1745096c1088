import DataLoader from 'dataloader';
import { createByIdLoader, type Database } from '@partnergraph/subgraph-kit';
import type { Sensor } from '../sensor';

export interface Reading {
  /** ISO 8601. */
  at: string;
  value: number;
}

/** Created per request, with the other loaders. */
export function createReadingLoaders(database: Database) {
  const { dataSource } = database;

  /** Any organization's sensor by id: callers check the sensor's organization and device before showing it. */
  const sensorById = createByIdLoader<Sensor>((ids) =>
    dataSource.query<Sensor[]>(
      `SELECT id, organization_id AS "organizationId", device_id AS "deviceId", type, unit
       FROM telemetry.sensor WHERE id = ANY($1::uuid[])`,
      [ids],
    ),
  );

  /** Each sensor's newest reading, or null: one statement for all the sensors asked in the same tick. */
  const latestReading = new DataLoader<Sensor, Reading | null, string>(
    async (sensors) => {
      const rows = await dataSource.query<{ sensorId: string; at: Date; value: number }[]>(
        `SELECT asked.sensor_id AS "sensorId", newest.at, newest.value
         FROM unnest($1::uuid[], $2::uuid[]) AS asked (organization_id, sensor_id)
         JOIN LATERAL (
           SELECT at, value FROM telemetry.reading
           WHERE organization_id = asked.organization_id AND sensor_id = asked.sensor_id
           ORDER BY at DESC
           LIMIT 1
         ) AS newest ON true`,
        [sensors.map((sensor) => sensor.organizationId), sensors.map((sensor) => sensor.id)],
      );
      const bySensor = new Map(rows.map((row) => [row.sensorId, { at: row.at.toISOString(), value: row.value }]));
      return sensors.map((sensor) => bySensor.get(sensor.id) ?? null);
    },
    { cacheKeyFn: (sensor) => sensor.id },
  );

  return { sensorById, latestReading };
}

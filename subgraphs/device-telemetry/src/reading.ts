import { EntitySchema } from 'typeorm';

/**
 * A row of telemetry.reading: one value of a sensor at an instant. Readings
 * are written in batches by one set-based statement (readings/ingest.ts) and
 * read as aggregates (readings/history.ts), or as a sensor's newest.
 */
export interface Reading {
  organizationId: string;
  sensorId: string;
  at: Date;
  value: number;
}

export const ReadingEntity = new EntitySchema<Reading>({
  name: 'Reading',
  tableName: 'reading',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    sensorId: { name: 'sensor_id', type: 'uuid', primary: true },
    at: { type: 'timestamptz', primary: true },
    value: { type: 'double precision' },
  },
});

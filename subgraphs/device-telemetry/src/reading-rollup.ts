import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';

/**
 * A row of telemetry.reading_hourly or telemetry.reading_daily: a sensor's
 * readings of one hour or one day (UTC), folded in by ingest as they arrive.
 */
export interface ReadingRollup {
  organizationId: string;
  sensorId: string;
  bucketStart: Date;
  min: number;
  max: number;
  sum: number;
  /** Readings in the bucket, at least one. */
  count: number;
  /** The newest reading's instant and value. */
  lastAt: Date;
  lastValue: number;
}

/** Both rollup tables have the same columns. */
const rollupColumns: Record<keyof ReadingRollup, EntitySchemaColumnOptions> = {
  organizationId: { name: 'organization_id', type: 'uuid', primary: true },
  sensorId: { name: 'sensor_id', type: 'uuid', primary: true },
  bucketStart: { name: 'bucket_start', type: 'timestamptz', primary: true },
  min: { type: 'double precision' },
  max: { type: 'double precision' },
  sum: { type: 'double precision' },
  count: { type: 'integer' },
  lastAt: { name: 'last_at', type: 'timestamptz' },
  lastValue: { name: 'last_value', type: 'double precision' },
};

export const ReadingHourlyEntity = new EntitySchema<ReadingRollup>({
  name: 'ReadingHourly',
  tableName: 'reading_hourly',
  columns: rollupColumns,
});

export const ReadingDailyEntity = new EntitySchema<ReadingRollup>({
  name: 'ReadingDaily',
  tableName: 'reading_daily',
  columns: rollupColumns,
});

import { EntitySchema } from 'typeorm';

/**
 * A row of telemetry.sensor_threshold: the bounds a customer admin set on a
 * sensor, and the threshold's state. A reading above `high` or below `low`
 * breaches it; one at least `hysteresis` inside both bounds ends the breach.
 * Ingest (readings/ingest.ts) weighs only readings newer than `evaluatedAt`.
 */
export interface SensorThreshold {
  organizationId: string;
  sensorId: string;
  low: number | null;
  high: number | null;
  hysteresis: number;
  /** Whether the newest reading that decided it was outside the bounds: the threshold's incident is open. */
  breached: boolean;
  /** The newest reading weighed; null before any. */
  evaluatedAt: Date | null;
  updatedAt: Date;
}

export const SensorThresholdEntity = new EntitySchema<SensorThreshold>({
  name: 'SensorThreshold',
  tableName: 'sensor_threshold',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    sensorId: { name: 'sensor_id', type: 'uuid', primary: true },
    low: { type: 'double precision', nullable: true },
    high: { type: 'double precision', nullable: true },
    hysteresis: { type: 'double precision', default: 0 },
    breached: { type: 'boolean', default: false },
    evaluatedAt: { name: 'evaluated_at', type: 'timestamptz', nullable: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },
  },
});

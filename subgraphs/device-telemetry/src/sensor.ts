import { EntitySchema } from 'typeorm';
import { XID8 } from '@partnergraph/subgraph-kit';

export type SensorType = 'TEMPERATURE' | 'HUMIDITY' | 'LOAD' | 'BATTERY_RUNTIME' | 'INPUT_VOLTAGE' | 'OUTPUT_POWER';

/**
 * A row of telemetry.sensor. The newest reading's instant, value and writing
 * transaction are kept on the row by ingest (readings/ingest.ts), all three
 * or none, for the live readings feed (readings/live-feed.ts).
 */
export interface Sensor {
  id: string;
  organizationId: string;
  deviceId: string;
  type: SensorType;
  unit: string;
  latestAt: Date | null;
  latestValue: number | null;
  /** The id of the transaction that recorded the newest reading, as text. */
  latestXid: string | null;
}

export const SensorEntity = new EntitySchema<Sensor>({
  name: 'Sensor',
  tableName: 'sensor',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    deviceId: { name: 'device_id', type: 'uuid' },
    type: { type: 'text' },
    unit: { type: 'text' },
    latestAt: { name: 'latest_at', type: 'timestamptz', nullable: true },
    latestValue: { name: 'latest_value', type: 'double precision', nullable: true },
    latestXid: { name: 'latest_xid', type: XID8, nullable: true },
  },
});

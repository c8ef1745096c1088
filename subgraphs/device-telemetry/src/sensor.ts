import { EntitySchema } from 'typeorm';

export type SensorType = 'TEMPERATURE' | 'HUMIDITY' | 'LOAD' | 'BATTERY_RUNTIME' | 'INPUT_VOLTAGE' | 'OUTPUT_POWER';

export interface Sensor {
  id: string;
  organizationId: string;
  deviceId: string;
  type: SensorType;
  unit: string;
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
  },
});

import type { Database } from '@partnergraph/subgraph-kit';
import { DeviceEntity, type DeviceType } from './device';
import { SensorEntity, type SensorType } from './sensor';

export interface DemoSensor {
  id: string;
  type: SensorType;
  unit: string;
}

export interface DemoDevice {
  id: string;
  organizationId: string;
  name: string;
  make: string;
  model: string;
  serialNumber: string;
  firmwareRevision: string | null;
  ipAddress: string | null;
  type: DeviceType;
  monitored: boolean;
  sensors: readonly DemoSensor[];
}

/** Inserts the demo devices, then their sensors; rows that already exist are left as they are. */
export async function seedDemoDevices(database: Database, devices: readonly DemoDevice[]): Promise<void> {
  await database.dataSource
    .createQueryBuilder()
    .insert()
    .into(DeviceEntity)
    .values(
      devices.map((device) => ({
        id: device.id,
        organizationId: device.organizationId,
        name: device.name,
        make: device.make,
        model: device.model,
        serialNumber: device.serialNumber,
        firmwareRevision: device.firmwareRevision,
        ipAddress: device.ipAddress,
        type: device.type,
        monitored: device.monitored,
      })),
    )
    .orIgnore()
    .execute();
  const sensors = devices.flatMap((device) =>
    device.sensors.map((sensor) => ({ ...sensor, organizationId: device.organizationId, deviceId: device.id })),
  );
  if (sensors.length === 0) return;
  await database.dataSource.createQueryBuilder().insert().into(SensorEntity).values(sensors).orIgnore().execute();
}

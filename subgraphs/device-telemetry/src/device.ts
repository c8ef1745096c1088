import { EntitySchema } from 'typeorm';

export type DeviceType =
  | 'UPS'
  | 'PDU'
  | 'RACK_PDU'
  | 'COOLING'
  | 'SENSOR_HUB'
  | 'ENVIRONMENTAL_SENSOR'
  | 'NETWORK_SWITCH'
  | 'SERVER'
  | 'OTHER';

export interface Device {
  id: string;
  organizationId: string;
  name: string;
  make: string;
  model: string;
  serialNumber: string;
  firmwareRevision: string | null;
  /** A host address as text, without a prefix length. */
  ipAddress: string | null;
  type: DeviceType;
  /** False for equipment seen on the network but not monitored. */
  monitored: boolean;
  /** The device this one is part of. */
  parentDeviceId: string | null;
  locationId: string | null;
  /** Dates as YYYY-MM-DD. */
  warrantyEndsOn: string | null;
  lastServicedOn: string | null;
  nextServiceDueOn: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const DeviceEntity = new EntitySchema<Device>({
  name: 'Device',
  tableName: 'device',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    organizationId: { name: 'organization_id', type: 'uuid' },
    name: { type: 'text' },
    make: { type: 'text' },
    model: { type: 'text' },
    serialNumber: { name: 'serial_number', type: 'text' },
    firmwareRevision: { name: 'firmware_revision', type: 'text', nullable: true },
    ipAddress: { name: 'ip_address', type: 'inet', nullable: true },
    type: { type: 'text' },
    monitored: { type: 'boolean', default: true },
    parentDeviceId: { name: 'parent_device_id', type: 'uuid', nullable: true },
    locationId: { name: 'location_id', type: 'uuid', nullable: true },
    warrantyEndsOn: { name: 'warranty_ends_on', type: 'date', nullable: true },
    lastServicedOn: { name: 'last_serviced_on', type: 'date', nullable: true },
    nextServiceDueOn: { name: 'next_service_due_on', type: 'date', nullable: true },
    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },
    updatedAt: { name: 'updated_at', type: 'timestamptz', updateDate: true },
  },
});

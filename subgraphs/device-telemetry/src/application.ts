import { EntitySchema } from 'typeorm';

/** A row of telemetry.application: software running on a device. */
export interface Application {
  id: string;
  organizationId: string;
  deviceId: string;
  name: string;
  version: string | null;
}

export const ApplicationEntity = new EntitySchema<Application>({
  name: 'Application',
  tableName: 'application',
  columns: {
    organizationId: { name: 'organization_id', type: 'uuid', primary: true },
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    deviceId: { name: 'device_id', type: 'uuid' },
    name: { type: 'text' },
    version: { type: 'text', nullable: true },
  },
});

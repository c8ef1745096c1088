import type { Database } from '@partnergraph/subgraph-kit';
import { ApplicationEntity } from './application';
import { DeviceEntity, type DeviceType } from './device';
import type { IncidentSeverity } from './incident';
import { JobEntity } from './job';
import { LocationEntity } from './location';
import { SensorEntity, type SensorType } from './sensor';

export type { DeviceType, IncidentSeverity, SensorType };

export interface DemoLocation {
  id: string;
  organizationId: string;
  /** Null for a site; a room's site; a rack's room. Parents come before their children. */
  parentId: string | null;
  kind: 'SITE' | 'ROOM' | 'RACK';
  name: string;
}

/** Inserts the demo locations; rows that already exist are left as they are. */
export async function seedDemoLocations(database: Database, locations: readonly DemoLocation[]): Promise<void> {
  if (locations.length === 0) return;
  await database.dataSource.createQueryBuilder().insert().into(LocationEntity).values([...locations]).orIgnore().execute();
}

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
  /** The device this one is part of; it must be in the same seeding call or already stored. */
  parentDeviceId?: string | null;
  locationId?: string | null;
  /** Dates as YYYY-MM-DD. */
  warrantyEndsOn?: string | null;
  lastServicedOn?: string | null;
  nextServiceDueOn?: string | null;
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
        parentDeviceId: device.parentDeviceId ?? null,
        locationId: device.locationId ?? null,
        warrantyEndsOn: device.warrantyEndsOn ?? null,
        lastServicedOn: device.lastServicedOn ?? null,
        nextServiceDueOn: device.nextServiceDueOn ?? null,
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

export interface DemoApplication {
  id: string;
  organizationId: string;
  deviceId: string;
  name: string;
  version: string | null;
}

export interface DemoJob {
  id: string;
  organizationId: string;
  deviceId: string;
  name: string;
  /** A cron expression. */
  schedule: string;
  lastRunAt: Date | null;
  lastStatus: 'SUCCEEDED' | 'FAILED' | 'RUNNING' | null;
}

/** Inserts the demo applications and jobs; rows that already exist are left as they are. */
export async function seedDemoSoftware(
  database: Database,
  software: { applications: readonly DemoApplication[]; jobs: readonly DemoJob[] },
): Promise<void> {
  const { applications, jobs } = software;
  if (applications.length > 0) {
    await database.dataSource.createQueryBuilder().insert().into(ApplicationEntity).values([...applications]).orIgnore().execute();
  }
  if (jobs.length > 0) {
    await database.dataSource.createQueryBuilder().insert().into(JobEntity).values([...jobs]).orIgnore().execute();
  }
}

export interface DemoIncident {
  id: string;
  organizationId: string;
  deviceId: string;
  severity: IncidentSeverity;
  message: string;
  raisedAt: Date;
  clearedAt: Date | null;
  reactivationCount: number;
  acknowledgement?: { byUserId: string; at: Date; note: string | null } | null;
}

/**
 * Writes incidents as they stand: new ones are inserted; for ones already
 * stored, the clearing time and reactivation count are brought up to date
 * (acknowledgements stay as they are). One statement whatever the number.
 */
export async function seedDemoIncidents(database: Database, incidents: readonly DemoIncident[]): Promise<void> {
  if (incidents.length === 0) return;
  await database.dataSource.query(
    `INSERT INTO telemetry.incident AS stored (
       id, organization_id, device_id, severity, message, raised_at, cleared_at, reactivation_count,
       acknowledged_by, acknowledged_at, acknowledgement_note)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[],
                          $8::int[], $9::uuid[], $10::timestamptz[], $11::text[])
     ON CONFLICT (organization_id, id) DO UPDATE
       SET cleared_at = excluded.cleared_at, reactivation_count = excluded.reactivation_count, updated_at = now()
       WHERE (stored.cleared_at, stored.reactivation_count) IS DISTINCT FROM (excluded.cleared_at, excluded.reactivation_count)`,
    [
      incidents.map((incident) => incident.id),
      incidents.map((incident) => incident.organizationId),
      incidents.map((incident) => incident.deviceId),
      incidents.map((incident) => incident.severity),
      incidents.map((incident) => incident.message),
      incidents.map((incident) => incident.raisedAt),
      incidents.map((incident) => incident.clearedAt),
      incidents.map((incident) => incident.reactivationCount),
      incidents.map((incident) => incident.acknowledgement?.byUserId ?? null),
      incidents.map((incident) => incident.acknowledgement?.at ?? null),
      incidents.map((incident) => incident.acknowledgement?.note ?? null),
    ],
  );
}

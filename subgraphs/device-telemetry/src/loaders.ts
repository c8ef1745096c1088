import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createByIdLoader, groupBy, isUuid, toConnection, type Connection, type Database, type PageRequest } from '@partnergraph/subgraph-kit';
import type { Device } from './device';
import { SensorEntity, type Sensor } from './sensor';

/** One organization's page of devices: the same page arguments for many organizations share one statement. */
export interface DevicePageKey {
  organizationId: string;
  page: PageRequest;
  /** False leaves equipment that is not monitored out of the page. */
  includeUnmonitored: boolean;
}

/** Devices are listed by name, then id; a cursor holds that pair. */
function deviceSortKey(device: Device): readonly string[] {
  return [device.name, device.id];
}

// host() because inet prints a prefix length for anything but a full-length mask (192.0.2.1/24).
const DEVICE_COLUMNS = `
  id, organization_id AS "organizationId", name, make, model, serial_number AS "serialNumber",
  firmware_revision AS "firmwareRevision", host(ip_address) AS "ipAddress", type, monitored, created_at AS "createdAt"`;

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const { dataSource } = database;
  const sensors = dataSource.getRepository(SensorEntity);

  const deviceById = createByIdLoader<Device>((ids) =>
    dataSource.query<Device[]>(`SELECT ${DEVICE_COLUMNS} FROM telemetry.device WHERE id = ANY($1::uuid[])`, [ids]),
  );

  const devicePages = new DataLoader<DevicePageKey, Connection<Device>, string>(
    async (keys) => {
      const groups = groupBy(
        keys.filter((key) => isUuid(key.organizationId)),
        (key) => pageArgumentsKey(key.page),
      );
      const pages = new Map<string, Device[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { page } = group[0];
          const rows = await selectDevicePages(database, group, page);
          const includesUnmonitored = new Set(group.filter((key) => key.includeUnmonitored).map((key) => key.organizationId));
          for (const [organizationId, devices] of groupBy(rows, (device) => device.organizationId)) {
            pages.set(devicePageKey({ organizationId, page, includeUnmonitored: includesUnmonitored.has(organizationId) }), devices);
          }
        }),
      );
      return keys.map((key) => {
        const devices = pages.get(devicePageKey(key)) ?? [];
        for (const device of devices) deviceById.prime(device.id, device);
        return toConnection(devices, key.page.limit, deviceSortKey);
      });
    },
    { cacheKeyFn: devicePageKey },
  );

  const sensorsByDevice = new DataLoader<string, Sensor[]>(async (deviceIds) => {
    const valid = deviceIds.filter(isUuid);
    const found =
      valid.length > 0 ? await sensors.find({ where: { deviceId: In(valid) }, order: { type: 'ASC', id: 'ASC' } }) : [];
    const byDevice = groupBy(found, (sensor) => sensor.deviceId);
    return deviceIds.map((id) => byDevice.get(id) ?? []);
  });

  return { deviceById, devicePages, sensorsByDevice };
}

export type Loaders = ReturnType<typeof createLoaders>;

function pageArgumentsKey(page: PageRequest): string {
  return JSON.stringify([page.limit, page.after]);
}

function devicePageKey(key: DevicePageKey): string {
  return JSON.stringify([key.organizationId, key.page.limit, key.page.after, key.includeUnmonitored]);
}

/**
 * Up to `limit + 1` devices of each organization (the extra one tells whether
 * there is a next page), in one statement whatever the number of
 * organizations. Unmonitored equipment only for keys with `includeUnmonitored`.
 */
function selectDevicePages(database: Database, keys: readonly DevicePageKey[], page: PageRequest): Promise<Device[]> {
  const parameters: unknown[] = [
    keys.map((key) => key.organizationId),
    page.limit + 1,
    keys.filter((key) => key.includeUnmonitored).map((key) => key.organizationId),
  ];
  let afterCursor = '';
  if (page.after) {
    const [name, id] = page.after;
    parameters.push(name, id);
    afterCursor = 'AND (name, id) > ($4::text, $5::uuid)';
  }
  return database.dataSource.query<Device[]>(
    `SELECT ${DEVICE_COLUMNS}
     FROM (
       SELECT *, row_number() OVER (PARTITION BY organization_id ORDER BY name, id) AS position
       FROM telemetry.device
       WHERE organization_id = ANY($1::uuid[]) AND (monitored OR organization_id = ANY($3::uuid[])) ${afterCursor}
     ) AS ranked
     WHERE position <= $2
     ORDER BY organization_id, position`,
    parameters,
  );
}

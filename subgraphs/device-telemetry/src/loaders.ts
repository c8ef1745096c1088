import DataLoader from 'dataloader';
import { In, IsNull } from 'typeorm';
import {
  createByIdLoader,
  groupBy,
  isUuid,
  selectRows,
  toConnection,
  tracedBatch,
  type Connection,
  type Database,
  type PageRequest,
} from '@partnergraph/subgraph-kit';
import { ApplicationEntity, type Application } from './application';
import { DeviceEntity, type Device, type DeviceType } from './device';
import { IncidentEntity } from './incident';
import { createIncidentLoaders } from './incidents/loaders';
import { isInet } from './ip-address';
import { JobEntity, type Job } from './job';
import { LocationEntity, type Location } from './location';
import { createReadingLoaders } from './readings/loaders';
import { SensorEntity, type Sensor } from './sensor';

export type DeviceOrder = 'NAME' | 'IP_ADDRESS';

/** Which devices a list shows; null puts no condition. */
export interface DeviceListFilter {
  types: readonly DeviceType[] | null;
  /** That location and every location below it; a value that is not a UUID matches nothing. */
  locationId: string | null;
  monitored: boolean | null;
  /** A network isIpNetwork accepted. */
  ipNetwork: string | null;
}

/**
 * One organization's page of devices: keys with the same page arguments,
 * order and filter share one statement, whatever the number of organizations.
 */
export interface DevicePageKey {
  organizationId: string;
  page: PageRequest;
  order: DeviceOrder;
  filter: DeviceListFilter;
  /** False leaves equipment that is not monitored out of the page. */
  includeUnmonitored: boolean;
}

/** Beside a page's device: its address as inet text (with its prefix length), for the cursor. */
interface DeviceSortKey {
  ipAddressSortKey: string | null;
}

type PagedDevice = Device & DeviceSortKey;

/**
 * By name, a cursor holds [name, id]; by IP address (nulls last), it holds
 * ['IP_ADDRESS', the address as inet text or '' for none, id].
 */
export function isDeviceSortKey(order: DeviceOrder, parts: readonly string[]): boolean {
  if (order === 'NAME') return parts.length === 2 && isUuid(parts[1] ?? '');
  const [tag, address = '', id = ''] = parts;
  return parts.length === 3 && tag === 'IP_ADDRESS' && (address === '' || isInet(address)) && isUuid(id);
}

function deviceSortKey(order: DeviceOrder): (device: PagedDevice) => readonly string[] {
  return order === 'NAME' ? (device) => [device.name, device.id] : (device) => ['IP_ADDRESS', device.ipAddressSortKey ?? '', device.id];
}

/** Devices placed at a location, a device's components, and the like: the children of (organization, parent). */
export interface ChildrenKey {
  organizationId: string;
  parentId: string;
}

/** How many devices an organization has, monitored and not. */
export interface DeviceCounts {
  monitored: number;
  unmonitored: number;
}

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const { dataSource } = database;
  const locations = dataSource.getRepository(LocationEntity);
  const incidents = dataSource.getRepository(IncidentEntity);

  // Devices through selectRows rather than the repository: it reads an address as host() and dates as text.
  const deviceById = createByIdLoader<Device>(database, 'deviceById', (ids) =>
    selectRows(dataSource, DeviceEntity, (columns) => `SELECT ${columns} FROM telemetry.device WHERE id = ANY($1::uuid[])`, [ids]),
  );

  const primed = <T extends Device>(devices: T[]): T[] => {
    for (const device of devices) deviceById.prime(device.id, device);
    return devices;
  };

  const devicePages = new DataLoader<DevicePageKey, Connection<Device>, string>(
    tracedBatch(database, 'devicePages', async (keys) => {
      const groups = groupBy(
        keys.filter((key) => isUuid(key.organizationId) && (key.filter.locationId === null || isUuid(key.filter.locationId))),
        pageArgumentsKey,
      );
      const pages = new Map<string, PagedDevice[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const rows = await selectDevicePages(database, group);
          const byOrganization = groupBy(rows, (device) => device.organizationId);
          for (const key of group) pages.set(devicePageKey(key), byOrganization.get(key.organizationId) ?? []);
        }),
      );
      return keys.map((key) => toConnection(primed(pages.get(devicePageKey(key)) ?? []), key.page.limit, deviceSortKey(key.order)));
    }),
    { cacheKeyFn: devicePageKey },
  );

  const deviceCounts = new DataLoader<string, DeviceCounts>(tracedBatch(database, 'deviceCounts', async (organizationIds) => {
    const valid = organizationIds.filter(isUuid);
    const rows =
      valid.length > 0
        ? await dataSource.query<{ organizationId: string; monitored: string; unmonitored: string }[]>(
            `SELECT organization_id AS "organizationId", count(*) FILTER (WHERE monitored) AS monitored,
                    count(*) FILTER (WHERE NOT monitored) AS unmonitored
             FROM telemetry.device WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`,
            [valid],
          )
        : [];
    const byOrganization = new Map(rows.map((row) => [row.organizationId, row]));
    return organizationIds.map((id) => {
      const row = byOrganization.get(id);
      return { monitored: Number(row?.monitored ?? 0), unmonitored: Number(row?.unmonitored ?? 0) };
    });
  }));

  /** Every device of each (organization, location) and (organization, device): resolvers leave out what the caller may not see. */
  const devicesAtLocation = createChildrenLoader(
    database,
    'devicesAtLocation',
    (device: Device) => device.locationId,
    async (organizationIds, locationIds) =>
      primed(
        await selectRows(
          dataSource,
          DeviceEntity,
          (columns) => `SELECT ${columns} FROM telemetry.device
                        WHERE (organization_id, location_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                        ORDER BY name, id`,
          [organizationIds, locationIds],
        ),
      ),
  );
  const componentsOfDevice = createChildrenLoader(
    database,
    'componentsOfDevice',
    (device: Device) => device.parentDeviceId,
    async (organizationIds, deviceIds) =>
      primed(
        await selectRows(
          dataSource,
          DeviceEntity,
          (columns) => `SELECT ${columns} FROM telemetry.device
                        WHERE (organization_id, parent_device_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                        ORDER BY name, id`,
          [organizationIds, deviceIds],
        ),
      ),
  );

  /** Any organization's location by id: callers check its organization before showing it. */
  const locationById = createByIdLoader<Location>(database, 'locationById', (ids) => locations.findBy({ id: In(ids) }));
  const primedLocations = (rows: Location[]): Location[] => {
    for (const location of rows) locationById.prime(location.id, location);
    return rows;
  };
  const sitesOfOrganization = new DataLoader<string, Location[]>(tracedBatch(database, 'sitesOfOrganization', async (organizationIds) => {
    const valid = organizationIds.filter(isUuid);
    const sites =
      valid.length > 0
        ? primedLocations(
            await locations.find({ where: { organizationId: In(valid), parentId: IsNull() }, order: { name: 'ASC', id: 'ASC' } }),
          )
        : [];
    const byOrganization = groupBy(sites, (site) => site.organizationId);
    return organizationIds.map((id) => byOrganization.get(id) ?? []);
  }));
  const childLocations = createChildrenLoader(
    database,
    'childLocations',
    (location: Location) => location.parentId,
    async (organizationIds, locationIds) =>
      primedLocations(
        await selectRows(
          dataSource,
          LocationEntity,
          (columns) => `SELECT ${columns} FROM telemetry.location
                        WHERE (organization_id, parent_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                        ORDER BY name, id`,
          [organizationIds, locationIds],
        ),
      ),
  );

  /** Applications and jobs of each (organization, device); the shield lets only the customer's own users ask. */
  const applicationsOfDevice = createChildrenLoader(
    database,
    'applicationsOfDevice',
    (application: Application) => application.deviceId,
    (organizationIds, deviceIds) =>
      selectRows(
        dataSource,
        ApplicationEntity,
        (columns) => `SELECT ${columns} FROM telemetry.application
                      WHERE (organization_id, device_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                      ORDER BY name, id`,
        [organizationIds, deviceIds],
      ),
  );
  const jobsOfDevice = createChildrenLoader(
    database,
    'jobsOfDevice',
    (job: Job) => job.deviceId,
    (organizationIds, deviceIds) =>
      selectRows(
        dataSource,
        JobEntity,
        (columns) => `SELECT ${columns} FROM telemetry.job
                      WHERE (organization_id, device_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
                      ORDER BY name, id`,
        [organizationIds, deviceIds],
      ),
  );

  const sensorsByDevice = new DataLoader<string, Sensor[]>(tracedBatch(database, 'sensorsByDevice', async (deviceIds) => {
    const valid = deviceIds.filter(isUuid);
    // A dashboard's page reads thousands of sensors: one plain statement, without the repository's per-row entity building.
    const found =
      valid.length > 0
        ? await selectRows(dataSource, SensorEntity, (columns) => `SELECT ${columns} FROM telemetry.sensor WHERE device_id = ANY($1::uuid[]) ORDER BY type, id`, [
            valid,
          ])
        : [];
    const byDevice = groupBy(found, (sensor) => sensor.deviceId);
    return deviceIds.map((id) => byDevice.get(id) ?? []);
  }));

  /** Any organization's incident by id: callers check the incident's organization and device before showing it. */
  const incidentById = createByIdLoader(database, 'incidentById', (ids) => incidents.findBy({ id: In(ids) }));

  return {
    deviceById,
    devicePages,
    deviceCounts,
    devicesAtLocation,
    componentsOfDevice,
    locationById,
    sitesOfOrganization,
    childLocations,
    applicationsOfDevice,
    jobsOfDevice,
    sensorsByDevice,
    incidentById,
    ...createIncidentLoaders(database, incidentById),
    ...createReadingLoaders(database),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The children of many (organization, parent) pairs in one statement, in the order `select` returns them. */
function createChildrenLoader<T extends { organizationId: string }>(
  database: Database,
  name: string,
  parentIdOf: (row: T) => string | null,
  select: (organizationIds: string[], parentIds: string[]) => Promise<T[]>,
): DataLoader<ChildrenKey, T[], string> {
  const pairKey = (organizationId: string, parentId: string | null) => `${organizationId}/${parentId}`;
  return new DataLoader<ChildrenKey, T[], string>(
    tracedBatch(database, name, async (keys) => {
      const valid = keys.filter((key) => isUuid(key.organizationId) && isUuid(key.parentId));
      const rows =
        valid.length > 0 ? await select(valid.map((key) => key.organizationId), valid.map((key) => key.parentId)) : [];
      const byPair = groupBy(rows, (row) => pairKey(row.organizationId, parentIdOf(row)));
      return keys.map((key) => byPair.get(pairKey(key.organizationId, key.parentId)) ?? []);
    }),
    { cacheKeyFn: (key) => pairKey(key.organizationId, key.parentId) },
  );
}

function pageArgumentsKey(key: DevicePageKey): string {
  return JSON.stringify([key.page.limit, key.page.after, key.order, key.filter]);
}

function devicePageKey(key: DevicePageKey): string {
  return JSON.stringify([key.organizationId, pageArgumentsKey(key), key.includeUnmonitored]);
}

/**
 * Up to `limit + 1` devices of each organization (the extra one tells whether
 * there is a next page), in one statement for keys that share page
 * arguments, order and filter. Unmonitored equipment only for keys with
 * `includeUnmonitored`. A location filter takes the location and everything
 * below it, within the same organization.
 */
function selectDevicePages(database: Database, keys: readonly [DevicePageKey, ...DevicePageKey[]]): Promise<PagedDevice[]> {
  const { page, order, filter } = keys[0];
  const parameters: unknown[] = [];
  const parameter = (value: unknown, type: string): string => {
    parameters.push(value);
    return `$${parameters.length}::${type}`;
  };
  const organizations = parameter(
    keys.map((key) => key.organizationId),
    'uuid[]',
  );
  const unmonitoredFor = parameter(
    keys.filter((key) => key.includeUnmonitored).map((key) => key.organizationId),
    'uuid[]',
  );
  const conditions = [`organization_id = ANY(${organizations})`, `(monitored OR organization_id = ANY(${unmonitoredFor}))`];
  if (filter.types !== null) conditions.push(`type = ANY(${parameter(filter.types, 'text[]')})`);
  if (filter.monitored !== null) conditions.push(`monitored = ${parameter(filter.monitored, 'boolean')}`);
  if (filter.ipNetwork !== null) conditions.push(`ip_address <<= ${parameter(filter.ipNetwork, 'cidr')}`);
  // UNION, not UNION ALL: a cycle in the tree would otherwise never end.
  const below =
    filter.locationId === null
      ? ''
      : `WITH RECURSIVE below AS (
           SELECT organization_id, id FROM telemetry.location
           WHERE organization_id = ANY(${organizations}) AND id = ${parameter(filter.locationId, 'uuid')}
           UNION
           SELECT child.organization_id, child.id FROM telemetry.location AS child
           JOIN below ON child.organization_id = below.organization_id AND child.parent_id = below.id
         )`;
  if (below) conditions.push('(organization_id, location_id) IN (SELECT organization_id, id FROM below)');
  if (page.after) conditions.push(afterCursor(order, page.after, parameter));
  const orderBy = order === 'NAME' ? 'name, id' : 'ip_address NULLS LAST, id';
  const limit = parameter(page.limit + 1, 'integer');
  return selectRows<Device, DeviceSortKey>(
    database.dataSource,
    DeviceEntity,
    (columns) => `${below}
     SELECT ${columns}, ip_address::text AS "ipAddressSortKey"
     FROM (
       SELECT *, row_number() OVER (PARTITION BY organization_id ORDER BY ${orderBy}) AS position
       FROM telemetry.device
       WHERE ${conditions.join(' AND ')}
     ) AS ranked
     WHERE position <= ${limit}
     ORDER BY organization_id, position`,
    parameters,
  );
}

/** Rows after a cursor isDeviceSortKey accepted, in the list's order. */
function afterCursor(order: DeviceOrder, after: readonly string[], parameter: (value: unknown, type: string) => string): string {
  if (order === 'NAME') {
    const [name, id] = after;
    return `(name, id) > (${parameter(name, 'text')}, ${parameter(id, 'uuid')})`;
  }
  const [, address, id] = after;
  if (address === '') return `(ip_address IS NULL AND id > ${parameter(id, 'uuid')})`;
  const cursorAddress = parameter(address, 'inet');
  return `(ip_address > ${cursorAddress} OR (ip_address = ${cursorAddress} AND id > ${parameter(id, 'uuid')}) OR ip_address IS NULL)`;
}

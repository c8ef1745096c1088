import DataLoader from 'dataloader';
import { groupBy, isUuid, selectRows, toConnection, tracedBatch, type Connection, type Database, type PageRequest } from '@partnergraph/subgraph-kit';
import { IncidentEntity, type Incident, type IncidentSeverity } from '../incident';

/** Which incidents a list shows: open ones (true), cleared ones (false) or both (null); of these severities, or all (null). */
export interface IncidentFilter {
  open: boolean | null;
  severities: readonly IncidentSeverity[] | null;
}

/** One organization's page of incidents: keys with the same page and filter share one statement. */
export interface OrganizationIncidentPageKey {
  organizationId: string;
  /** False leaves incidents of equipment that is not monitored out. */
  includeUnmonitored: boolean;
  page: PageRequest;
  filter: IncidentFilter;
}

/** One device's page of incidents; the device has been checked, so every incident on it is visible. */
export interface DeviceIncidentPageKey {
  organizationId: string;
  deviceId: string;
  page: PageRequest;
  filter: IncidentFilter;
}

/** Beside a page's incident: its raised_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
interface IncidentCursor {
  raisedAtCursor: string;
}

type PagedIncident = Incident & IncidentCursor;

/** Selects a page's incident (as `incident`) with its cursor. */
const pagedIncidentColumns = (columns: string) =>
  `${columns}, to_char(incident.raised_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "raisedAtCursor"`;

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Incidents are listed newest first: raised_at descending, then id; a cursor holds that pair. */
export function isIncidentSortKey(parts: readonly string[]): boolean {
  return parts.length === 2 && CURSOR_INSTANT.test(parts[0] ?? '') && isUuid(parts[1] ?? '');
}

function incidentSortKey(incident: PagedIncident): readonly string[] {
  return [incident.raisedAtCursor, incident.id];
}

/** Created per request with the request's other loaders; rows of every page also prime `incidentById`. */
export function createIncidentLoaders(database: Database, incidentById: DataLoader<string, Incident | null>) {
  const primed = (rows: readonly PagedIncident[]) => {
    for (const incident of rows) incidentById.prime(incident.id, incident);
  };

  const organizationIncidentPages = new DataLoader<OrganizationIncidentPageKey, Connection<Incident>, string>(
    tracedBatch(database, 'organizationIncidentPages', async (keys) => {
      const groups = groupBy(
        keys.filter((key) => isUuid(key.organizationId)),
        (key) => pageAndFilterKey(key.page, key.filter),
      );
      const pages = new Map<string, PagedIncident[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const rows = await selectOrganizationIncidentPages(database, group);
          primed(rows);
          for (const [organizationId, incidents] of groupBy(rows, (incident) => incident.organizationId)) {
            pages.set(pageAndFilterKey(group[0].page, group[0].filter, organizationId), incidents);
          }
        }),
      );
      return keys.map((key) =>
        toConnection(pages.get(pageAndFilterKey(key.page, key.filter, key.organizationId)) ?? [], key.page.limit, incidentSortKey),
      );
    }),
    { cacheKeyFn: (key) => `${pageAndFilterKey(key.page, key.filter, key.organizationId)}:${key.includeUnmonitored}` },
  );

  const deviceIncidentPages = new DataLoader<DeviceIncidentPageKey, Connection<Incident>, string>(
    tracedBatch(database, 'deviceIncidentPages', async (keys) => {
      const groups = groupBy(
        keys.filter((key) => isUuid(key.organizationId) && isUuid(key.deviceId)),
        (key) => pageAndFilterKey(key.page, key.filter),
      );
      const pages = new Map<string, PagedIncident[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const rows = await selectDeviceIncidentPages(database, group);
          primed(rows);
          for (const [deviceId, incidents] of groupBy(rows, (incident) => incident.deviceId)) {
            pages.set(pageAndFilterKey(group[0].page, group[0].filter, deviceId), incidents);
          }
        }),
      );
      return keys.map((key) =>
        toConnection(pages.get(pageAndFilterKey(key.page, key.filter, key.deviceId)) ?? [], key.page.limit, incidentSortKey),
      );
    }),
    { cacheKeyFn: (key) => pageAndFilterKey(key.page, key.filter, key.deviceId) },
  );

  /** Open incidents per organization, on the devices the caller can see, in one statement for every organization asked. */
  const openIncidentCountByOrganization = new DataLoader<{ organizationId: string; includeUnmonitored: boolean }, number, string>(
    tracedBatch(database, 'openIncidentCountByOrganization', async (keys) => {
      const valid = keys.filter((key) => isUuid(key.organizationId));
      const rows =
        valid.length === 0
          ? []
          : await database.dataSource.query<{ organizationId: string; count: number }[]>(
              `SELECT incident.organization_id AS "organizationId", count(*)::int AS count
               FROM telemetry.incident
               JOIN telemetry.device ON device.organization_id = incident.organization_id AND device.id = incident.device_id
               WHERE incident.organization_id = ANY($1::uuid[]) AND incident.cleared_at IS NULL
                 AND (device.monitored OR incident.organization_id = ANY($2::uuid[]))
               GROUP BY incident.organization_id`,
              [valid.map((key) => key.organizationId), valid.filter((key) => key.includeUnmonitored).map((key) => key.organizationId)],
            );
      const counts = new Map(rows.map((row) => [row.organizationId, row.count]));
      return keys.map((key) => counts.get(key.organizationId) ?? 0);
    }),
    { cacheKeyFn: (key) => `${key.organizationId}:${key.includeUnmonitored}` },
  );

  /** Open incidents per device, in one statement for every device asked; callers have checked the devices. */
  const openIncidentCountByDevice = new DataLoader<{ organizationId: string; deviceId: string }, number, string>(
    tracedBatch(database, 'openIncidentCountByDevice', async (keys) => {
      const valid = keys.filter((key) => isUuid(key.organizationId) && isUuid(key.deviceId));
      const rows =
        valid.length === 0
          ? []
          : await database.dataSource.query<{ deviceId: string; count: number }[]>(
              `SELECT device_id AS "deviceId", count(*)::int AS count
               FROM telemetry.incident
               WHERE organization_id = ANY($1::uuid[]) AND device_id = ANY($2::uuid[]) AND cleared_at IS NULL
               GROUP BY device_id`,
              [[...new Set(valid.map((key) => key.organizationId))], valid.map((key) => key.deviceId)],
            );
      const counts = new Map(rows.map((row) => [row.deviceId, row.count]));
      return keys.map((key) => counts.get(key.deviceId) ?? 0);
    }),
    { cacheKeyFn: (key) => key.deviceId },
  );

  return { organizationIncidentPages, deviceIncidentPages, openIncidentCountByOrganization, openIncidentCountByDevice };
}

export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;

function pageAndFilterKey(page: PageRequest, filter: IncidentFilter, owner = ''): string {
  const severities = filter.severities === null ? null : [...new Set(filter.severities)].sort();
  return JSON.stringify([owner, page.limit, page.after, filter.open, severities]);
}

/** The filter and cursor conditions on `incident`, appending their values to `parameters`. */
function pageConditions(page: PageRequest, filter: IncidentFilter, parameters: unknown[]): string {
  const conditions: string[] = [];
  if (filter.open !== null) conditions.push(`incident.cleared_at IS ${filter.open ? '' : 'NOT '}NULL`);
  if (filter.severities !== null) {
    parameters.push(filter.severities);
    conditions.push(`incident.severity = ANY($${parameters.length}::text[])`);
  }
  if (page.after) {
    const [raisedAt, id] = page.after;
    parameters.push(raisedAt, id);
    const at = `$${parameters.length - 1}::timestamptz`;
    conditions.push(`(incident.raised_at < ${at} OR (incident.raised_at = ${at} AND incident.id > $${parameters.length}::uuid))`);
  }
  return conditions.map((condition) => `AND ${condition}`).join(' ');
}

/**
 * Up to `limit + 1` incidents of each organization, newest first, in one
 * statement whatever the number of organizations; incidents of unmonitored
 * equipment only for the keys with `includeUnmonitored`.
 */
function selectOrganizationIncidentPages(
  database: Database,
  keys: readonly [OrganizationIncidentPageKey, ...OrganizationIncidentPageKey[]],
): Promise<PagedIncident[]> {
  const [{ page, filter }] = keys;
  const parameters: unknown[] = [
    keys.map((key) => key.organizationId),
    keys.map((key) => key.includeUnmonitored),
    page.limit + 1,
  ];
  const conditions = pageConditions(page, filter, parameters);
  return selectRows<Incident, IncidentCursor>(
    database.dataSource,
    IncidentEntity,
    (columns) => `SELECT page.*
     FROM unnest($1::uuid[], $2::boolean[]) AS owner (organization_id, include_unmonitored)
     CROSS JOIN LATERAL (
       SELECT ${pagedIncidentColumns(columns)}
       FROM telemetry.incident
       WHERE incident.organization_id = owner.organization_id ${conditions}
         AND (owner.include_unmonitored OR EXISTS (
           SELECT 1 FROM telemetry.device
           WHERE device.organization_id = incident.organization_id AND device.id = incident.device_id AND device.monitored))
       ORDER BY incident.raised_at DESC, incident.id
       LIMIT $3
     ) AS page`,
    parameters,
    'incident',
  );
}

/** Up to `limit + 1` incidents of each device, newest first, in one statement whatever the number of devices. */
function selectDeviceIncidentPages(
  database: Database,
  keys: readonly [DeviceIncidentPageKey, ...DeviceIncidentPageKey[]],
): Promise<PagedIncident[]> {
  const [{ page, filter }] = keys;
  const parameters: unknown[] = [keys.map((key) => key.organizationId), keys.map((key) => key.deviceId), page.limit + 1];
  const conditions = pageConditions(page, filter, parameters);
  return selectRows<Incident, IncidentCursor>(
    database.dataSource,
    IncidentEntity,
    (columns) => `SELECT page.*
     FROM unnest($1::uuid[], $2::uuid[]) AS owner (organization_id, device_id)
     CROSS JOIN LATERAL (
       SELECT ${pagedIncidentColumns(columns)}
       FROM telemetry.incident
       WHERE incident.organization_id = owner.organization_id AND incident.device_id = owner.device_id ${conditions}
       ORDER BY incident.raised_at DESC, incident.id
       LIMIT $3
     ) AS page`,
    parameters,
    'incident',
  );
}

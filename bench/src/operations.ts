import { graphql } from './generated';
import type { TypedDocumentString } from './generated/graphql';
import type { GraphQLBody } from './load-job';

/**
 * The operations the benchmark sends, as a partner dashboard, a customer
 * portal and the telemetry collector send them. Everything that differs from
 * one run to the next (ids, dates) is a variable. `graphql()` gives each its
 * result and variable types, generated from the API schema by `npm run codegen`
 * (which fails on an operation the schema does not allow).
 */
export const PARTNER_DASHBOARD = graphql(`
  query PartnerDashboard {
    organizations {
      nodes {
        id
        name
        deviceCount
        openIncidentCount
        devices(first: 50) {
          nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } }
        }
      }
    }
  }
`);

export const ORGANIZATION_NAMES = graphql(`
  query OrganizationNames {
    organizations { nodes { id name } }
  }
`);

export const DEVICE_PAGE = graphql(`
  query DevicePage($organizationId: ID!, $from: String!, $to: String!) {
    organization(id: $organizationId) {
      name
      devices(first: 1, filter: { types: [UPS] }) {
        nodes {
          id name make model serialNumber firmwareRevision ipAddress
          sensors {
            type unit latest { at value }
            history(from: $from, to: $to, maxPoints: 288) { resolution bucketSeconds buckets { start min max average last count } }
          }
          incidents(open: true) { nodes { severity message raisedAt acknowledgement { note at } } }
        }
      }
    }
  }
`);

export const INVENTORY_PAGE = graphql(`
  query InventoryPage($organizationId: ID!) {
    organization(id: $organizationId) {
      name
      deviceCount
      subscriptions { product status startsOn endsOn deviceAllowance }
      locations { name kind children { name kind } }
      devices(first: 50) {
        nodes {
          id name make model serialNumber firmwareRevision ipAddress type monitored
          warrantyEndsOn lastServicedOn nextServiceDueOn location { name } sensors { type unit }
        }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** A year of one device's sensors; the benchmark's year sensor is the first sensor of its customer's first device. */
export const SENSOR_YEAR = graphql(`
  query SensorYear($organizationId: ID!, $from: String!, $to: String!) {
    organization(id: $organizationId) {
      devices(first: 1) {
        nodes {
          id
          sensors { id type history(from: $from, to: $to, maxPoints: 500) { resolution bucketSeconds buckets { start min max average last count } } }
        }
      }
    }
  }
`);

export const REDEEM_LICENSE_KEY = graphql(`
  mutation RedeemLicenseKey($customerId: ID!, $key: String!, $startDate: String!) {
    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { id product deviceAllowance startsOn endsOn status }
  }
`);

export const RECORD_READINGS = graphql(`
  mutation RecordReadings($readings: [ReadingInput!]!) {
    recordReadings(readings: $readings) { recorded duplicates }
  }
`);

/** A request body for one of these operations, its variables checked against the operation's. */
export function operationBody<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentString<TResult, TVariables>,
  operationName: string,
  variables?: TVariables,
): GraphQLBody {
  return variables === undefined ? { query: document.toString(), operationName } : { query: document.toString(), operationName, variables };
}

/** `count` licence keys in one request, as the order system would issue them. */
export function issueLicenseKeys(count: number, product: string): GraphQLBody {
  const fields = Array.from(
    { length: count },
    (_, index) =>
      `k${index}: issueLicenseKey(product: $product, termMonths: 1, deviceAllowance: 5, installerEmails: ["bench@partnergraph.local"]) { key }`,
  );
  return { query: `mutation IssueLicenseKeys($product: String!) { ${fields.join(' ')} }`, variables: { product } };
}

/** The same buckets as the API's, computed from the raw readings: what the rollups spare. $1 organization, $2 sensors, $3 from, $4 to, $5 bucket seconds. */
export const RAW_HISTORY_SQL = `
  SELECT sensor_id, date_bin($5::int * interval '1 second', at, timestamptz 'epoch') AS start,
         min(value) AS min, max(value) AS max, avg(value) AS average,
         (array_agg(value ORDER BY at DESC))[1] AS last, count(*)::int AS count
  FROM telemetry.reading
  WHERE organization_id = $1 AND sensor_id = ANY($2::uuid[]) AND at >= $3 AND at < $4
  GROUP BY 1, 2
  ORDER BY 1, 2`;

/** The statement the API runs for a range beyond 90 days, for all the device's sensors at once: the rollups alone, without the API around them. */
export const ROLLUP_HISTORY_SQL = `
  SELECT sensor_id, date_bin($5::int * interval '1 second', bucket_start, timestamptz 'epoch') AS start,
         min(min) AS min, max(max) AS max, sum(sum) / sum(count) AS average,
         (array_agg(last_value ORDER BY last_at DESC))[1] AS last, sum(count)::int AS count
  FROM telemetry.reading_daily
  WHERE organization_id = $1 AND sensor_id = ANY($2::uuid[]) AND bucket_start >= date_trunc('day', $3::timestamptz, 'UTC') AND bucket_start < $4
  GROUP BY 1, 2
  ORDER BY 1, 2`;

/**
 * Issue 18's floor: the partner dashboard as one statement, $1 the partner's
 * organization. The organizations a partner user with MFA lists (its own and
 * the customers it holds a standing grant for, by name), each with its device
 * and open-incident counts and its first 50 devices by name (monitored ones,
 * and every one of the partner's own), each device's open incidents, its
 * sensors by type and each sensor's newest reading, which ingest keeps on the
 * sensor's row. IP addresses are returned whole (the API cuts a partner's to
 * their last two segments).
 */
export const DASHBOARD_FLOOR_SQL = `
  SELECT json_agg(json_build_object(
           'id', organization.id, 'name', organization.name,
           'deviceCount', (SELECT count(*) FROM telemetry.device
                           WHERE device.organization_id = organization.id AND (device.monitored OR organization.id = $1)),
           'openIncidentCount', (SELECT count(*) FROM telemetry.incident
                                 JOIN telemetry.device ON device.organization_id = incident.organization_id AND device.id = incident.device_id
                                 WHERE incident.organization_id = organization.id AND incident.cleared_at IS NULL
                                   AND (device.monitored OR organization.id = $1)),
           'devices', json_build_object('nodes', (
             SELECT coalesce(json_agg(json_build_object(
                      'id', page.id, 'name', page.name, 'type', page.type, 'ipAddress', host(page.ip_address),
                      'openIncidentCount', (SELECT count(*) FROM telemetry.incident
                                            WHERE incident.organization_id = page.organization_id AND incident.device_id = page.id
                                              AND incident.cleared_at IS NULL),
                      'sensors', (SELECT coalesce(json_agg(json_build_object(
                                           'type', sensor.type, 'unit', sensor.unit,
                                           'latest', CASE WHEN sensor.latest_at IS NULL THEN NULL
                                                          ELSE json_build_object('at', sensor.latest_at, 'value', sensor.latest_value) END)
                                         ORDER BY sensor.type, sensor.id), '[]')
                                  FROM telemetry.sensor WHERE sensor.device_id = page.id)
                    ) ORDER BY page.name, page.id), '[]')
             FROM (SELECT * FROM telemetry.device
                   WHERE device.organization_id = organization.id AND (device.monitored OR organization.id = $1)
                   ORDER BY device.name, device.id LIMIT 50) AS page))
         ) ORDER BY organization.name, organization.id) AS organizations
  FROM identity.organization
  WHERE organization.id = $1
     OR (organization.kind = 'CUSTOMER' AND EXISTS (
           SELECT 1 FROM identity.partner_grant AS grant_row
           WHERE grant_row.partner_organization_id = $1 AND grant_row.customer_organization_id = organization.id
             AND grant_row.revoked_at IS NULL))`;

/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type DeviceType =
  | 'COOLING'
  | 'ENVIRONMENTAL_SENSOR'
  | 'NETWORK_SWITCH'
  | 'OTHER'
  | 'PDU'
  | 'RACK_PDU'
  | 'SENSOR_HUB'
  | 'SERVER'
  | 'UPS';

export type HistoryResolution =
  | 'DAILY'
  | 'HOURLY'
  | 'RAW';

export type IncidentSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

export type LocationKind =
  | 'RACK'
  | 'ROOM'
  | 'SITE';

export type ReadingInput = {
  /** ISO 8601 instant. */
  at: string;
  sensorId: string | number;
  value: number;
};

export type SensorType =
  | 'BATTERY_RUNTIME'
  | 'HUMIDITY'
  | 'INPUT_VOLTAGE'
  | 'LOAD'
  | 'OUTPUT_POWER'
  | 'TEMPERATURE';

export type SubscriptionStatus =
  | 'ACTIVE'
  /** Its last day has passed. */
  | 'EXPIRED'
  /** Ends within 30 days. */
  | 'EXPIRING'
  /** A trial licence that has not ended. */
  | 'TRIAL';

export type PartnerDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerDashboardQuery = { organizations: { nodes: Array<{ id: string, name: string, deviceCount: number | null, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, name: string, type: DeviceType, ipAddress: string | null, openIncidentCount: number, sensors: Array<{ type: SensorType, unit: string, latest: { at: string, value: number } | null }> }> } | null }> } };

export type OrganizationNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationNamesQuery = { organizations: { nodes: Array<{ id: string, name: string }> } };

export type DevicePageQueryVariables = Exact<{
  organizationId: string | number;
  from: string;
  to: string;
}>;


export type DevicePageQuery = { organization: { name: string, devices: { nodes: Array<{ id: string, name: string, make: string, model: string, serialNumber: string, firmwareRevision: string | null, ipAddress: string | null, sensors: Array<{ type: SensorType, unit: string, latest: { at: string, value: number } | null, history: { resolution: HistoryResolution, bucketSeconds: number, buckets: Array<{ start: string, min: number, max: number, average: number, last: number, count: number }> } }>, incidents: { nodes: Array<{ severity: IncidentSeverity, message: string, raisedAt: string, acknowledgement: { note: string | null, at: string } | null }> } }> } | null } | null };

export type InventoryPageQueryVariables = Exact<{
  organizationId: string | number;
}>;


export type InventoryPageQuery = { organization: { name: string, deviceCount: number | null, subscriptions: Array<{ product: string, status: SubscriptionStatus, startsOn: string, endsOn: string, deviceAllowance: number }> | null, locations: Array<{ name: string, kind: LocationKind, children: Array<{ name: string, kind: LocationKind }> }> | null, devices: { nodes: Array<{ id: string, name: string, make: string, model: string, serialNumber: string, firmwareRevision: string | null, ipAddress: string | null, type: DeviceType, monitored: boolean, warrantyEndsOn: string | null, lastServicedOn: string | null, nextServiceDueOn: string | null, location: { name: string } | null, sensors: Array<{ type: SensorType, unit: string }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type SensorYearQueryVariables = Exact<{
  organizationId: string | number;
  from: string;
  to: string;
}>;


export type SensorYearQuery = { organization: { devices: { nodes: Array<{ id: string, sensors: Array<{ id: string, type: SensorType, history: { resolution: HistoryResolution, bucketSeconds: number, buckets: Array<{ start: string, min: number, max: number, average: number, last: number, count: number }> } }> }> } | null } | null };

export type RedeemLicenseKeyMutationVariables = Exact<{
  customerId: string | number;
  key: string;
  startDate: string;
}>;


export type RedeemLicenseKeyMutation = { redeemLicenseKey: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus } };

export type RecordReadingsMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type RecordReadingsMutation = { recordReadings: { recorded: number, duplicates: number } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const PartnerDashboardDocument = new TypedDocumentString(`
    query PartnerDashboard {
  organizations {
    nodes {
      id
      name
      deviceCount
      openIncidentCount
      devices(first: 50) {
        nodes {
          id
          name
          type
          ipAddress
          openIncidentCount
          sensors {
            type
            unit
            latest {
              at
              value
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDashboardQuery, PartnerDashboardQueryVariables>;
export const OrganizationNamesDocument = new TypedDocumentString(`
    query OrganizationNames {
  organizations {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationNamesQuery, OrganizationNamesQueryVariables>;
export const DevicePageDocument = new TypedDocumentString(`
    query DevicePage($organizationId: ID!, $from: String!, $to: String!) {
  organization(id: $organizationId) {
    name
    devices(first: 1, filter: {types: [UPS]}) {
      nodes {
        id
        name
        make
        model
        serialNumber
        firmwareRevision
        ipAddress
        sensors {
          type
          unit
          latest {
            at
            value
          }
          history(from: $from, to: $to, maxPoints: 288) {
            resolution
            bucketSeconds
            buckets {
              start
              min
              max
              average
              last
              count
            }
          }
        }
        incidents(open: true) {
          nodes {
            severity
            message
            raisedAt
            acknowledgement {
              note
              at
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DevicePageQuery, DevicePageQueryVariables>;
export const InventoryPageDocument = new TypedDocumentString(`
    query InventoryPage($organizationId: ID!) {
  organization(id: $organizationId) {
    name
    deviceCount
    subscriptions {
      product
      status
      startsOn
      endsOn
      deviceAllowance
    }
    locations {
      name
      kind
      children {
        name
        kind
      }
    }
    devices(first: 50) {
      nodes {
        id
        name
        make
        model
        serialNumber
        firmwareRevision
        ipAddress
        type
        monitored
        warrantyEndsOn
        lastServicedOn
        nextServiceDueOn
        location {
          name
        }
        sensors {
          type
          unit
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<InventoryPageQuery, InventoryPageQueryVariables>;
export const SensorYearDocument = new TypedDocumentString(`
    query SensorYear($organizationId: ID!, $from: String!, $to: String!) {
  organization(id: $organizationId) {
    devices(first: 1) {
      nodes {
        id
        sensors {
          id
          type
          history(from: $from, to: $to, maxPoints: 500) {
            resolution
            bucketSeconds
            buckets {
              start
              min
              max
              average
              last
              count
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SensorYearQuery, SensorYearQueryVariables>;
export const RedeemLicenseKeyDocument = new TypedDocumentString(`
    mutation RedeemLicenseKey($customerId: ID!, $key: String!, $startDate: String!) {
  redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) {
    id
    product
    deviceAllowance
    startsOn
    endsOn
    status
  }
}
    `) as unknown as TypedDocumentString<RedeemLicenseKeyMutation, RedeemLicenseKeyMutationVariables>;
export const RecordReadingsDocument = new TypedDocumentString(`
    mutation RecordReadings($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<RecordReadingsMutation, RecordReadingsMutationVariables>;
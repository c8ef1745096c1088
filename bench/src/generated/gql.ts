/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) {\n          nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } }\n        }\n      }\n    }\n  }\n": typeof types.PartnerDashboardDocument,
    "\n  query OrganizationNames {\n    organizations { nodes { id name } }\n  }\n": typeof types.OrganizationNamesDocument,
    "\n  query DevicePage($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      name\n      devices(first: 1, filter: { types: [UPS] }) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress\n          sensors {\n            type unit latest { at value }\n            history(from: $from, to: $to, maxPoints: 288) { resolution bucketSeconds buckets { start min max average last count } }\n          }\n          incidents(open: true) { nodes { severity message raisedAt acknowledgement { note at } } }\n        }\n      }\n    }\n  }\n": typeof types.DevicePageDocument,
    "\n  query InventoryPage($organizationId: ID!) {\n    organization(id: $organizationId) {\n      name\n      deviceCount\n      subscriptions { product status startsOn endsOn deviceAllowance }\n      locations { name kind children { name kind } }\n      devices(first: 50) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress type monitored\n          warrantyEndsOn lastServicedOn nextServiceDueOn location { name } sensors { type unit }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.InventoryPageDocument,
    "\n  query SensorYear($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      devices(first: 1) {\n        nodes {\n          id\n          sensors { id type history(from: $from, to: $to, maxPoints: 500) { resolution bucketSeconds buckets { start min max average last count } } }\n        }\n      }\n    }\n  }\n": typeof types.SensorYearDocument,
    "\n  mutation RedeemLicenseKey($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { id product deviceAllowance startsOn endsOn status }\n  }\n": typeof types.RedeemLicenseKeyDocument,
    "\n  mutation RecordReadings($readings: [ReadingInput!]!) {\n    recordReadings(readings: $readings) { recorded duplicates }\n  }\n": typeof types.RecordReadingsDocument,
};
const documents: Documents = {
    "\n  query PartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) {\n          nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } }\n        }\n      }\n    }\n  }\n": types.PartnerDashboardDocument,
    "\n  query OrganizationNames {\n    organizations { nodes { id name } }\n  }\n": types.OrganizationNamesDocument,
    "\n  query DevicePage($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      name\n      devices(first: 1, filter: { types: [UPS] }) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress\n          sensors {\n            type unit latest { at value }\n            history(from: $from, to: $to, maxPoints: 288) { resolution bucketSeconds buckets { start min max average last count } }\n          }\n          incidents(open: true) { nodes { severity message raisedAt acknowledgement { note at } } }\n        }\n      }\n    }\n  }\n": types.DevicePageDocument,
    "\n  query InventoryPage($organizationId: ID!) {\n    organization(id: $organizationId) {\n      name\n      deviceCount\n      subscriptions { product status startsOn endsOn deviceAllowance }\n      locations { name kind children { name kind } }\n      devices(first: 50) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress type monitored\n          warrantyEndsOn lastServicedOn nextServiceDueOn location { name } sensors { type unit }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.InventoryPageDocument,
    "\n  query SensorYear($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      devices(first: 1) {\n        nodes {\n          id\n          sensors { id type history(from: $from, to: $to, maxPoints: 500) { resolution bucketSeconds buckets { start min max average last count } } }\n        }\n      }\n    }\n  }\n": types.SensorYearDocument,
    "\n  mutation RedeemLicenseKey($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { id product deviceAllowance startsOn endsOn status }\n  }\n": types.RedeemLicenseKeyDocument,
    "\n  mutation RecordReadings($readings: [ReadingInput!]!) {\n    recordReadings(readings: $readings) { recorded duplicates }\n  }\n": types.RecordReadingsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) {\n          nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationNames {\n    organizations { nodes { id name } }\n  }\n"): typeof import('./graphql').OrganizationNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevicePage($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      name\n      devices(first: 1, filter: { types: [UPS] }) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress\n          sensors {\n            type unit latest { at value }\n            history(from: $from, to: $to, maxPoints: 288) { resolution bucketSeconds buckets { start min max average last count } }\n          }\n          incidents(open: true) { nodes { severity message raisedAt acknowledgement { note at } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DevicePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryPage($organizationId: ID!) {\n    organization(id: $organizationId) {\n      name\n      deviceCount\n      subscriptions { product status startsOn endsOn deviceAllowance }\n      locations { name kind children { name kind } }\n      devices(first: 50) {\n        nodes {\n          id name make model serialNumber firmwareRevision ipAddress type monitored\n          warrantyEndsOn lastServicedOn nextServiceDueOn location { name } sensors { type unit }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').InventoryPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SensorYear($organizationId: ID!, $from: String!, $to: String!) {\n    organization(id: $organizationId) {\n      devices(first: 1) {\n        nodes {\n          id\n          sensors { id type history(from: $from, to: $to, maxPoints: 500) { resolution bucketSeconds buckets { start min max average last count } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SensorYearDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeemLicenseKey($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { id product deviceAllowance startsOn endsOn status }\n  }\n"): typeof import('./graphql').RedeemLicenseKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordReadings($readings: [ReadingInput!]!) {\n    recordReadings(readings: $readings) { recorded duplicates }\n  }\n"): typeof import('./graphql').RecordReadingsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

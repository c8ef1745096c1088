/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuditAction =
  | 'API_CREDENTIAL_CREATED'
  | 'API_CREDENTIAL_REVOKED'
  /** An API credential was traded for an access token at `POST /oauth/token`. */
  | 'API_CREDENTIAL_USED'
  /** A user confirmed MFA enrolment with a code and received new recovery codes. */
  | 'MFA_CONFIRMED'
  /** A user started MFA enrolment: a new TOTP secret waits for its first code. */
  | 'MFA_ENROLLED'
  /** A recovery code was spent in place of a TOTP code. */
  | 'MFA_RECOVERY_CODE_USED'
  /** A customer admin required MFA of the organization's users, or stopped requiring it (see requireMfa). */
  | 'ORGANIZATION_MFA_REQUIREMENT_CHANGED'
  | 'PARTNER_ACCESS_CHANGED'
  /** A customer admin approved a partner: read-only access. */
  | 'PARTNER_ACCESS_GRANTED'
  | 'PARTNER_ACCESS_REVOKED'
  /** The partner account was created with the Partner ID in partnerIdChange. */
  | 'PARTNER_ACCOUNT_CREATED'
  /** The Partner ID became the one in partnerIdChange (after an approval). */
  | 'PARTNER_ID_CHANGED'
  | 'PARTNER_ID_CHANGE_APPROVED'
  | 'PARTNER_ID_CHANGE_REJECTED'
  | 'PARTNER_ID_CHANGE_REQUESTED'
  /** A spent refresh token was presented again: every session of that sign-in was ended. */
  | 'REFRESH_TOKEN_REUSED'
  /** A sign-in to this account failed on its password, authenticator code or recovery code (see signInFailure). */
  | 'SIGN_IN_FAILED'
  /** That failure locked the account until lockedUntil. Attempts while locked are refused and not recorded. */
  | 'SIGN_IN_LOCKED'
  /** A user signed in with password, and TOTP or recovery code where enrolled. */
  | 'SIGN_IN_SUCCEEDED';

export type AuditActorKind =
  /** An unauthenticated caller, such as one whose sign-in failed. */
  | 'ANONYMOUS'
  | 'API_CLIENT'
  | 'OPERATOR'
  | 'USER';

export type CreditMovementKind =
  | 'ACTIVATION'
  | 'AMENDMENT'
  | 'RENEWAL'
  | 'VOUCHER';

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

/** What happened to an incident. */
export type IncidentEventKind =
  | 'ACKNOWLEDGED'
  | 'CLEARED'
  | 'DELETED'
  | 'RAISED'
  | 'REACTIVATED'
  /** Changed otherwise: its device became visible or invisible to partners (monitored or not), or its details changed. */
  | 'UPDATED';

export type IncidentSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

export type OrganizationKind =
  | 'CUSTOMER'
  | 'PARTNER';

export type OrganizationRole =
  | 'ADMIN'
  | 'VIEWER';

export type PartnerAccessAction =
  | 'APPROVED'
  | 'CHANGED'
  | 'REVOKED';

export type SensorType =
  | 'BATTERY_RUNTIME'
  | 'HUMIDITY'
  | 'INPUT_VOLTAGE'
  | 'LOAD'
  | 'OUTPUT_POWER'
  | 'TEMPERATURE';

export type SignInFailure =
  | 'WRONG_MFA_CODE'
  | 'WRONG_PASSWORD'
  | 'WRONG_RECOVERY_CODE';

export type SubscriptionStatus =
  | 'ACTIVE'
  /** Its last day has passed. */
  | 'EXPIRED'
  /** Ends within 30 days. */
  | 'EXPIRING'
  /** A trial licence that has not ended. */
  | 'TRIAL';

export type ApiGuideLine134MutationVariables = Exact<{
  northwindId: string | number;
}>;


export type ApiGuideLine134Mutation = { revokePartnerAccess: boolean };

export type ApiGuideLine84MutationVariables = Exact<{
  enrolmentLinkToken: string;
}>;


export type ApiGuideLine84Mutation = { startMfaEnrolmentFromLink: { secret: string, otpauthUri: string } };

export type ApiGuideLine51MutationVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine51Mutation = { signIn: { accessToken: string, expiresIn: number, user: { id: string, email: string } } };

export type ReadmeLine32QueryVariables = Exact<{ [key: string]: never; }>;


export type ReadmeLine32Query = { organizations: { nodes: Array<{ id: string, name: string, kind: OrganizationKind, partnerId: string | null, subscriptions: Array<{ id: string, product: string, status: SubscriptionStatus, endsOn: string }> | null, devices: { nodes: Array<{ id: string, name: string, make: string, model: string, serialNumber: string, firmwareRevision: string | null, ipAddress: string | null, sensors: Array<{ id: string, type: SensorType, unit: string }> }> } | null }> } };

export type ApiGuideLine303QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine303Query = { creditPrices: Array<{ product: string, creditsPerDeviceMonth: number }> };

export type ApiGuideLine85MutationVariables = Exact<{
  enrolmentLinkToken: string;
  totpCode: string;
}>;


export type ApiGuideLine85Mutation = { confirmMfaEnrolmentFromLink: Array<string> };

export type ApiGuideLine302MutationVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine302Mutation = { redeemVoucher: number };

export type WatchReadingsSubscriptionVariables = Exact<{
  sensorIds: Array<string | number> | string | number;
}>;


export type WatchReadingsSubscription = { sensorReadings: { cursor: string, sensor: { id: string, type: SensorType, unit: string }, reading: { at: string, value: number } } };

export type ApiGuideLine361QueryVariables = Exact<{
  customerId: string | number;
  from: string;
  to: string;
}>;


export type ApiGuideLine361Query = { organization: { id: string, devices: { nodes: Array<{ id: string, name: string, sensors: Array<{ id: string, type: SensorType, history: { resolution: HistoryResolution, bucketSeconds: number, buckets: Array<{ start: string, min: number, max: number, average: number, last: number, count: number }> } }>, incidents: { nodes: Array<{ id: string, severity: IncidentSeverity, message: string, raisedAt: string, acknowledgement: { note: string | null, at: string } | null }> } }> } | null } | null };

export type ApiGuideLine196MutationVariables = Exact<{
  enrolmentToken: string;
  totpCode: string;
}>;


export type ApiGuideLine196Mutation = { createPartnerAccount: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { id: string, organization: { id: string, partnerId: string | null } } } };

export type ApiGuideLine132MutationVariables = Exact<{
  northwindId: string | number;
}>;


export type ApiGuideLine132Mutation = { setPartnerAccess: { administrator: boolean, apiDeviceData: boolean, partner: { id: string, name: string } } };

export type WatchCustomerIncidentsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type WatchCustomerIncidentsSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind, incident: { id: string, severity: IncidentSeverity, message: string, clearedAt: string | null, device: { id: string, name: string } | null } | null } };

export type ApiGuideLine352QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine352Query = { organizations: { nodes: Array<{ id: string, name: string, deviceCount: number | null, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, name: string, type: DeviceType, ipAddress: string | null, sensors: Array<{ id: string, type: SensorType, unit: string, latest: { at: string, value: number } | null }> }> } | null }> } };

export type ApiGuideLine299MutationVariables = Exact<{
  customerId: string | number;
  today: string;
}>;


export type ApiGuideLine299Mutation = { redeemLicenseKey: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus } };

export type ApiGuideLine304MutationVariables = Exact<{
  grantingCustomerId: string | number;
  today: string;
}>;


export type ApiGuideLine304Mutation = { activateSubscription: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus } };

export type ApiGuideLine159MutationVariables = Exact<{
  invitationToken: string;
}>;


export type ApiGuideLine159Mutation = { startInvitationMfaEnrolment: { secret: string, otpauthUri: string } };

export type ApiGuideLine307QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine307Query = { viewer: { user: { id: string, organization: { id: string, name: string, creditBalance: number | null, creditMovements: Array<{ id: string, kind: CreditMovementKind, amount: number, balanceAfter: number, at: string }> | null } } | null } };

export type ApiGuideLine160MutationVariables = Exact<{
  invitationToken: string;
  totpCode: string;
}>;


export type ApiGuideLine160Mutation = { acceptUserInvitation: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { id: string, email: string, mfaEnabled: boolean } } };

export type ApiGuideLine221MutationVariables = Exact<{
  apiCustomerId: string | number;
}>;


export type ApiGuideLine221Mutation = { createApiCredential: { clientSecret: string, credential: { id: string, clientId: string } } };

export type ApiGuideLine308QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine308Query = { organizations: { nodes: Array<{ id: string, name: string, subscriptions: Array<{ id: string, product: string, endsOn: string }> | null }> } };

export type PartnerDashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type PartnerDashboardQuery = { organizations: { nodes: Array<{ id: string, name: string, deviceCount: number | null, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, name: string, type: DeviceType, openIncidentCount: number, sensors: Array<{ id: string, type: SensorType, unit: string, latest: { at: string, value: number } | null, history: { bucketSeconds: number, buckets: Array<{ start: string, average: number }> } }> }> } | null }> } };

export type ApiGuideLine370MutationVariables = Exact<{
  incidentId: string | number;
}>;


export type ApiGuideLine370Mutation = { acknowledgeIncident: { id: string, acknowledgement: { note: string | null, at: string } | null } };

export type ApiGuideLine157MutationVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine157Mutation = { inviteUser: { id: string, email: string, role: OrganizationRole | null, expiresAt: string } };

export type ApiGuideLine367QueryVariables = Exact<{
  customerId: string | number;
  month: string;
}>;


export type ApiGuideLine367Query = { organization: { id: string, assessment: { monitoringCoverage: number, incidentsBySeverity: Array<{ severity: IncidentSeverity, count: number }>, upsHealth: Array<{ score: number, minBatteryRuntimeMinutes: number | null, averageLoadPercent: number | null, device: { id: string, name: string } }> } | null } | null };

export type ApiGuideLine195MutationVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine195Mutation = { startPartnerAccountMfaEnrolment: { enrolmentToken: string, secret: string, otpauthUri: string } };

export type ApiGuideLine273QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine273Query = { viewer: { user: { id: string, organization: { id: string, auditEvents: { nodes: Array<{ id: string, action: AuditAction, at: string, signInFailure: SignInFailure | null, actor: { kind: AuditActorKind, id: string | null, user: { id: string, email: string } | null }, user: { id: string, email: string } | null, partnerAccess: { administrator: boolean, apiDeviceData: boolean, partner: { id: string, name: string } | null } | null, apiCredential: { id: string, name: string, clientId: string } | null, partnerIdChange: { previousPartnerId: string | null, partnerId: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } } | null } };

export type ApiGuideLine135QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine135Query = { viewer: { user: { id: string, organization: { id: string, partnerAccess: Array<{ administrator: boolean, apiDeviceData: boolean, grantedAt: string, partner: { id: string, name: string } }> | null, partnerAccessHistory: Array<{ action: PartnerAccessAction, administrator: boolean, apiDeviceData: boolean, at: string, actor: { id: string, email: string } | null }> | null } } | null } };

export type IncidentEventsFeedQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type IncidentEventsFeedQuery = { incidentEventsFeed: { cursor: string, hasMore: boolean, events: Array<{ cursor: string, kind: IncidentEventKind, incidentId: string, incident: { id: string, severity: IncidentSeverity } | null }> } };

export type ApiGuideLine194QueryVariables = Exact<{ [key: string]: never; }>;


export type ApiGuideLine194Query = { suggestPartnerId: string };

export type WatchIncidentsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type WatchIncidentsSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind, at: string, incident: { id: string, severity: IncidentSeverity, message: string, clearedAt: string | null, reactivationCount: number, device: { id: string, name: string, ipAddress: string | null, organization: { id: string, name: string } | null } | null } | null } };

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

export const ApiGuideLine134Document = new TypedDocumentString(`
    mutation ApiGuideLine134($northwindId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $northwindId)
}
    `) as unknown as TypedDocumentString<ApiGuideLine134Mutation, ApiGuideLine134MutationVariables>;
export const ApiGuideLine84Document = new TypedDocumentString(`
    mutation ApiGuideLine84($enrolmentLinkToken: String!) {
  startMfaEnrolmentFromLink(token: $enrolmentLinkToken) {
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine84Mutation, ApiGuideLine84MutationVariables>;
export const ApiGuideLine51Document = new TypedDocumentString(`
    mutation ApiGuideLine51 {
  signIn(email: "admin@contoso.example", password: "partnergraph-demo") {
    accessToken
    expiresIn
    user {
      id
      email
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine51Mutation, ApiGuideLine51MutationVariables>;
export const ReadmeLine32Document = new TypedDocumentString(`
    query ReadmeLine32 {
  organizations {
    nodes {
      id
      name
      kind
      partnerId
      subscriptions {
        id
        product
        status
        endsOn
      }
      devices(first: 10) {
        nodes {
          id
          name
          make
          model
          serialNumber
          firmwareRevision
          ipAddress
          sensors {
            id
            type
            unit
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReadmeLine32Query, ReadmeLine32QueryVariables>;
export const ApiGuideLine303Document = new TypedDocumentString(`
    query ApiGuideLine303 {
  creditPrices {
    product
    creditsPerDeviceMonth
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine303Query, ApiGuideLine303QueryVariables>;
export const ApiGuideLine85Document = new TypedDocumentString(`
    mutation ApiGuideLine85($enrolmentLinkToken: String!, $totpCode: String!) {
  confirmMfaEnrolmentFromLink(token: $enrolmentLinkToken, totpCode: $totpCode)
}
    `) as unknown as TypedDocumentString<ApiGuideLine85Mutation, ApiGuideLine85MutationVariables>;
export const ApiGuideLine302Document = new TypedDocumentString(`
    mutation ApiGuideLine302 {
  redeemVoucher(code: "B54X0-WTN4T-M6DDR-EEE20-P1YJG")
}
    `) as unknown as TypedDocumentString<ApiGuideLine302Mutation, ApiGuideLine302MutationVariables>;
export const WatchReadingsDocument = new TypedDocumentString(`
    subscription WatchReadings($sensorIds: [ID!]!) {
  sensorReadings(sensorIds: $sensorIds) {
    cursor
    sensor {
      id
      type
      unit
    }
    reading {
      at
      value
    }
  }
}
    `) as unknown as TypedDocumentString<WatchReadingsSubscription, WatchReadingsSubscriptionVariables>;
export const ApiGuideLine361Document = new TypedDocumentString(`
    query ApiGuideLine361($customerId: ID!, $from: String!, $to: String!) {
  organization(id: $customerId) {
    id
    devices(first: 1, filter: {types: [UPS]}) {
      nodes {
        id
        name
        sensors {
          id
          type
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
            id
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
    `) as unknown as TypedDocumentString<ApiGuideLine361Query, ApiGuideLine361QueryVariables>;
export const ApiGuideLine196Document = new TypedDocumentString(`
    mutation ApiGuideLine196($enrolmentToken: String!, $totpCode: String!) {
  createPartnerAccount(
    organizationName: "Acme, Inc."
    partnerId: "ACME_INC"
    admin: {email: "ada@acme.example", displayName: "Ada", password: "correct horse battery staple"}
    mfaEnrolmentToken: $enrolmentToken
    totpCode: $totpCode
  ) {
    accessToken
    refreshToken
    recoveryCodes
    user {
      id
      organization {
        id
        partnerId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine196Mutation, ApiGuideLine196MutationVariables>;
export const ApiGuideLine132Document = new TypedDocumentString(`
    mutation ApiGuideLine132($northwindId: ID!) {
  setPartnerAccess(
    partnerOrganizationId: $northwindId
    administrator: false
    apiDeviceData: true
  ) {
    partner {
      id
      name
    }
    administrator
    apiDeviceData
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine132Mutation, ApiGuideLine132MutationVariables>;
export const WatchCustomerIncidentsDocument = new TypedDocumentString(`
    subscription WatchCustomerIncidents {
  incidentEvents {
    cursor
    kind
    incident {
      id
      severity
      message
      clearedAt
      device {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WatchCustomerIncidentsSubscription, WatchCustomerIncidentsSubscriptionVariables>;
export const ApiGuideLine352Document = new TypedDocumentString(`
    query ApiGuideLine352 {
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
          sensors {
            id
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
    `) as unknown as TypedDocumentString<ApiGuideLine352Query, ApiGuideLine352QueryVariables>;
export const ApiGuideLine299Document = new TypedDocumentString(`
    mutation ApiGuideLine299($customerId: ID!, $today: String!) {
  redeemLicenseKey(
    customerId: $customerId
    key: "7EV26-8GDWH-6TQ1J-SQMSE-VSWR9"
    startDate: $today
  ) {
    id
    product
    deviceAllowance
    startsOn
    endsOn
    status
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine299Mutation, ApiGuideLine299MutationVariables>;
export const ApiGuideLine304Document = new TypedDocumentString(`
    mutation ApiGuideLine304($grantingCustomerId: ID!, $today: String!) {
  activateSubscription(
    customerId: $grantingCustomerId
    product: "IT Expert"
    deviceAllowance: 20
    months: 12
    startDate: $today
    installerEmails: ["it@tailspin.example"]
    idempotencyKey: "order-4711"
  ) {
    id
    product
    deviceAllowance
    startsOn
    endsOn
    status
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine304Mutation, ApiGuideLine304MutationVariables>;
export const ApiGuideLine159Document = new TypedDocumentString(`
    mutation ApiGuideLine159($invitationToken: String!) {
  startInvitationMfaEnrolment(token: $invitationToken) {
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine159Mutation, ApiGuideLine159MutationVariables>;
export const ApiGuideLine307Document = new TypedDocumentString(`
    query ApiGuideLine307 {
  viewer {
    user {
      id
      organization {
        id
        name
        creditBalance
        creditMovements {
          id
          kind
          amount
          balanceAfter
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine307Query, ApiGuideLine307QueryVariables>;
export const ApiGuideLine160Document = new TypedDocumentString(`
    mutation ApiGuideLine160($invitationToken: String!, $totpCode: String!) {
  acceptUserInvitation(
    token: $invitationToken
    displayName: "Ada"
    password: "correct horse battery staple"
    totpCode: $totpCode
  ) {
    accessToken
    refreshToken
    recoveryCodes
    user {
      id
      email
      mfaEnabled
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine160Mutation, ApiGuideLine160MutationVariables>;
export const ApiGuideLine221Document = new TypedDocumentString(`
    mutation ApiGuideLine221($apiCustomerId: ID!) {
  createApiCredential(name: "Nightly export", customerIds: [$apiCustomerId]) {
    clientSecret
    credential {
      id
      clientId
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine221Mutation, ApiGuideLine221MutationVariables>;
export const ApiGuideLine308Document = new TypedDocumentString(`
    query ApiGuideLine308 {
  organizations {
    nodes {
      id
      name
      subscriptions(status: [EXPIRING]) {
        id
        product
        endsOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine308Query, ApiGuideLine308QueryVariables>;
export const PartnerDashboardDocument = new TypedDocumentString(`
    query PartnerDashboard($from: String!, $to: String!) {
  organizations(first: 10) {
    nodes {
      id
      name
      deviceCount
      openIncidentCount
      devices(first: 20) {
        nodes {
          id
          name
          type
          openIncidentCount
          sensors {
            id
            type
            unit
            latest {
              at
              value
            }
            history(from: $from, to: $to, maxPoints: 288) {
              bucketSeconds
              buckets {
                start
                average
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerDashboardQuery, PartnerDashboardQueryVariables>;
export const ApiGuideLine370Document = new TypedDocumentString(`
    mutation ApiGuideLine370($incidentId: ID!) {
  acknowledgeIncident(
    incidentId: $incidentId
    note: "Battery replacement ordered"
  ) {
    id
    acknowledgement {
      note
      at
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine370Mutation, ApiGuideLine370MutationVariables>;
export const ApiGuideLine157Document = new TypedDocumentString(`
    mutation ApiGuideLine157 {
  inviteUser(email: "ada@northwind.example", role: VIEWER) {
    id
    email
    role
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine157Mutation, ApiGuideLine157MutationVariables>;
export const ApiGuideLine367Document = new TypedDocumentString(`
    query ApiGuideLine367($customerId: ID!, $month: String!) {
  organization(id: $customerId) {
    id
    assessment(month: $month) {
      monitoringCoverage
      incidentsBySeverity {
        severity
        count
      }
      upsHealth {
        device {
          id
          name
        }
        score
        minBatteryRuntimeMinutes
        averageLoadPercent
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine367Query, ApiGuideLine367QueryVariables>;
export const ApiGuideLine195Document = new TypedDocumentString(`
    mutation ApiGuideLine195 {
  startPartnerAccountMfaEnrolment(adminEmail: "ada@acme.example") {
    enrolmentToken
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine195Mutation, ApiGuideLine195MutationVariables>;
export const ApiGuideLine273Document = new TypedDocumentString(`
    query ApiGuideLine273 {
  viewer {
    user {
      id
      organization {
        id
        auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {
          nodes {
            id
            action
            at
            actor {
              kind
              id
              user {
                id
                email
              }
            }
            user {
              id
              email
            }
            signInFailure
            partnerAccess {
              partner {
                id
                name
              }
              administrator
              apiDeviceData
            }
            apiCredential {
              id
              name
              clientId
            }
            partnerIdChange {
              previousPartnerId
              partnerId
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine273Query, ApiGuideLine273QueryVariables>;
export const ApiGuideLine135Document = new TypedDocumentString(`
    query ApiGuideLine135 {
  viewer {
    user {
      id
      organization {
        id
        partnerAccess {
          partner {
            id
            name
          }
          administrator
          apiDeviceData
          grantedAt
        }
        partnerAccessHistory {
          action
          actor {
            id
            email
          }
          administrator
          apiDeviceData
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiGuideLine135Query, ApiGuideLine135QueryVariables>;
export const IncidentEventsFeedDocument = new TypedDocumentString(`
    query IncidentEventsFeed($after: String) {
  incidentEventsFeed(after: $after, first: 100) {
    cursor
    hasMore
    events {
      cursor
      kind
      incidentId
      incident {
        id
        severity
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IncidentEventsFeedQuery, IncidentEventsFeedQueryVariables>;
export const ApiGuideLine194Document = new TypedDocumentString(`
    query ApiGuideLine194 {
  suggestPartnerId(organizationName: "Acme, Inc.")
}
    `) as unknown as TypedDocumentString<ApiGuideLine194Query, ApiGuideLine194QueryVariables>;
export const WatchIncidentsDocument = new TypedDocumentString(`
    subscription WatchIncidents($after: String) {
  incidentEvents(severities: [WARNING, CRITICAL], after: $after) {
    cursor
    kind
    at
    incident {
      id
      severity
      message
      clearedAt
      reactivationCount
      device {
        id
        name
        ipAddress
        organization {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WatchIncidentsSubscription, WatchIncidentsSubscriptionVariables>;
/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlarmInput = {
  /** The device's own id for the alarm, 1 to 200 characters; the same id across reports of the same alarm. */
  alarmId: string;
  /** When the alarm took this state: an ISO 8601 instant with an offset. */
  at: string;
  deviceId: string | number;
  /** 1 to 1,000 characters. */
  message: string;
  severity: IncidentSeverity;
  state: AlarmState;
};

export type AlarmState =
  | 'ACTIVE'
  | 'CLEARED';

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

export type ChangeOperation =
  | 'CREATED'
  | 'DELETED'
  | 'UPDATED';

export type CreditMovementKind =
  | 'ACTIVATION'
  | 'AMENDMENT'
  | 'RENEWAL'
  | 'VOUCHER';

export type DeviceFilter = {
  /** Devices whose address lies in this network, such as 10.1.0.0/16. Only for callers who see addresses in full. */
  ipNetwork?: string | null | undefined;
  /** Devices at this location or anywhere below it. */
  locationId?: string | number | null | undefined;
  monitored?: boolean | null | undefined;
  types?: Array<DeviceType> | null | undefined;
};

export type DeviceOrder =
  /** Only for callers who see addresses in full. */
  | 'IP_ADDRESS'
  | 'NAME';

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

export type InvitationKind =
  /** From a partner, to a customer organization, to associate with the partner. */
  | 'CUSTOMER'
  /** To join an organization as a user. */
  | 'USER';

export type JobStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type LocationKind =
  | 'RACK'
  | 'ROOM'
  | 'SITE';

/** The first admin of a new partner account. */
export type NewPartnerAdmin = {
  displayName: string;
  email: string;
  /** 12 to 256 characters. */
  password: string;
};

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

export type PartnerIdChangeStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED';

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

export type SignInFailure =
  | 'WRONG_MFA_CODE'
  | 'WRONG_PASSWORD'
  | 'WRONG_RECOVERY_CODE';

export type SignInSecondFactor =
  | 'NONE'
  | 'RECOVERY_CODE'
  | 'TOTP';

export type SubscriptionStatus =
  | 'ACTIVE'
  /** Its last day has passed. */
  | 'EXPIRED'
  /** Ends within 30 days. */
  | 'EXPIRING'
  /** A trial licence that has not ended. */
  | 'TRIAL';

export type NewSubgraphSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type NewSubgraphSignInMutation = { signIn: { accessToken: string } };

export type PrometheusDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type PrometheusDevicesQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, name: string }> } | null }> } };

export type BalancedSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type BalancedSignInMutation = { signIn: { refreshToken: string } };

export type BalancedRefreshMutationVariables = Exact<{
  refreshToken: string;
}>;


export type BalancedRefreshMutation = { refreshSession: { refreshToken: string } };

export type BalancedTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancedTypenameQuery = { __typename: 'Query' };

export type BalancedCustomersQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancedCustomersQuery = { organizations: { nodes: Array<{ id: string, subscriptions: Array<{ product: string }> | null, devices: { nodes: Array<{ id: string }> } | null }> } };

export type BalancedRevokeMutationVariables = Exact<{
  partnerId: string | number;
}>;


export type BalancedRevokeMutation = { revokePartnerAccess: boolean };

export type BalancedInviteMutationVariables = Exact<{
  email: string;
}>;


export type BalancedInviteMutation = { inviteUser: { id: string } };

export type BalancedFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancedFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type BalancedWatchIncidentsSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type BalancedWatchIncidentsSubscription = { incidentEvents: { kind: IncidentEventKind, incidentId: string } };

export type BalancedOpenIncidentsQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancedOpenIncidentsQuery = { organizations: { nodes: Array<{ incidents: { nodes: Array<{ id: string, acknowledgement: { at: string } | null }> } | null }> } };

export type BalancedAcknowledgeMutationVariables = Exact<{
  id: string | number;
}>;


export type BalancedAcknowledgeMutation = { acknowledgeIncident: { id: string } };

export type BalancedPartnerDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type BalancedPartnerDashboardQuery = { organizations: { nodes: Array<{ id: string, name: string, deviceCount: number | null, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, name: string, type: DeviceType, ipAddress: string | null, openIncidentCount: number, sensors: Array<{ type: SensorType, unit: string, latest: { at: string, value: number } | null }> }> } | null }> } };

export type StackDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type StackDashboardQuery = { organizations: { nodes: Array<{ name: string, kind: OrganizationKind, partnerId: string | null, subscriptions: Array<{ product: string, status: SubscriptionStatus }> | null, devices: { nodes: Array<{ name: string, make: string, model: string, serialNumber: string, firmwareRevision: string | null, ipAddress: string | null }> } | null }> } };

export type StackSignInMutationVariables = Exact<{
  email: string;
  password: string;
  totpCode?: string | null | undefined;
}>;


export type StackSignInMutation = { signIn: { accessToken: string } };

export type StackViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type StackViewerQuery = { viewer: { user: { email: string, role: OrganizationRole } | null } };

export type StackFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type StackFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type StackWatchSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type StackWatchSubscription = { incidentEvents: { kind: IncidentEventKind, incidentId: string } };

export type StackOpenIncidentsQueryVariables = Exact<{ [key: string]: never; }>;


export type StackOpenIncidentsQuery = { organizations: { nodes: Array<{ id: string, incidents: { nodes: Array<{ id: string, acknowledgement: { at: string } | null }> } | null }> } };

export type StackAcknowledgeMutationVariables = Exact<{
  id: string | number;
}>;


export type StackAcknowledgeMutation = { acknowledgeIncident: { id: string } };

export type ApiClientReadsDevicesQueryVariables = Exact<{
  id: string | number;
}>;


export type ApiClientReadsDevicesQuery = { organization: { devices: { nodes: Array<{ name: string }> } | null } | null };

export type CreateMutationVariables = Exact<{
  name: string;
  customerIds?: Array<string | number> | string | number | null | undefined;
}>;


export type CreateMutation = { createApiCredential: { clientSecret: string, credential: { id: string, name: string, clientId: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null, customers: Array<{ id: string }> | null, createdBy: { email: string } | null } } };

export type RevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeMutation = { revokeApiCredential: { id: string, revokedAt: string | null } };

export type ListQueryVariables = Exact<{
  id: string | number;
}>;


export type ListQuery = { organization: { apiCredentials: Array<{ id: string, name: string, clientId: string, lastUsedAt: string | null, revokedAt: string | null }> | null } | null };

export type DeviceDataQueryVariables = Exact<{ [key: string]: never; }>;


export type DeviceDataQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ name: string, ipAddress: string | null }> } | null }> } };

export type OrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type OrganizationQuery = { organization: { subscriptions: Array<{ product: string }> | null } | null };

export type ApiClientReadsOrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type ApiClientReadsOrganizationQuery = { organization: { name: string, devices: { nodes: Array<{ name: string }> } | null } | null };

export type ApiClientCreatesCredentialMutationVariables = Exact<{ [key: string]: never; }>;


export type ApiClientCreatesCredentialMutation = { createApiCredential: { clientSecret: string } };

export type ApiClientRevokesPartnerMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type ApiClientRevokesPartnerMutation = { revokePartnerAccess: boolean };

export type ApiClientInvitesUserMutationVariables = Exact<{ [key: string]: never; }>;


export type ApiClientInvitesUserMutation = { inviteUser: { id: string } };

export type AuditQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  actions?: Array<AuditAction> | AuditAction | null | undefined;
}>;


export type AuditQuery = { organization: { auditEvents: { nodes: Array<{ id: string, action: AuditAction, at: string, secondFactor: SignInSecondFactor | null, signInFailure: SignInFailure | null, lockedUntil: string | null, actor: { kind: AuditActorKind, id: string | null, user: { email: string } | null }, user: { email: string } | null, partnerAccess: { administrator: boolean, apiDeviceData: boolean, partner: { name: string } | null, customer: { name: string } | null } | null, apiCredential: { id: string, name: string, clientId: string } | null, partnerIdChange: { requestId: string | null, previousPartnerId: string | null, partnerId: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type SignInMutationVariables = Exact<{
  email: string;
  password: string;
  totpCode?: string | null | undefined;
  recoveryCode?: string | null | undefined;
}>;


export type SignInMutation = { signIn: { accessToken: string, refreshToken: string } };

export type SetMutationVariables = Exact<{
  partner: string | number;
  administrator: boolean;
  apiDeviceData: boolean;
}>;


export type SetMutation = { setPartnerAccess: { administrator: boolean } };

export type EnrollMfaMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollMfaMutation = { enrollMfa: { secret: string } };

export type ConfirmMfaMutationVariables = Exact<{
  c: string;
}>;


export type ConfirmMfaMutation = { confirmMfa: Array<string> };

export type RefreshMutationVariables = Exact<{
  t: string;
}>;


export type RefreshMutation = { refreshSession: { refreshToken: string } };

export type RevokePartnerAccessMutationVariables = Exact<{
  p: string | number;
}>;


export type RevokePartnerAccessMutation = { revokePartnerAccess: boolean };

export type InviteCustomerMutationVariables = Exact<{
  e: string;
}>;


export type InviteCustomerMutation = { inviteCustomer: { id: string } };

export type ApprovePartnerMutationVariables = Exact<{
  t: string;
}>;


export type ApprovePartnerMutation = { approvePartner: { administrator: boolean } };

export type AuditLogRevokePartnerAccessMutationVariables = Exact<{
  p: string | number;
}>;


export type AuditLogRevokePartnerAccessMutation = { revokePartnerAccess: boolean };

export type AuditLogCreateApiCredentialMutationVariables = Exact<{ [key: string]: never; }>;


export type AuditLogCreateApiCredentialMutation = { createApiCredential: { clientSecret: string, credential: { id: string, name: string, clientId: string } } };

export type AuditLogRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type AuditLogRevokeMutation = { revokeApiCredential: { revokedAt: string | null } };

export type RequestMutationVariables = Exact<{
  p: string;
}>;


export type RequestMutation = { requestPartnerIdChange: { id: string } };

export type DecideMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
}>;


export type DecideMutation = { decidePartnerIdChange: { status: PartnerIdChangeStatus } };

export type AuditCreatePartnerAccountMutationVariables = Exact<{
  name: string;
  partnerId?: string | null | undefined;
  admin: NewPartnerAdmin;
  token?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type AuditCreatePartnerAccountMutation = { createPartnerAccount: { accessToken: string, recoveryCodes: Array<string> | null, user: { organization: { id: string } } } };

export type AuditLogViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type AuditLogViewerQuery = { viewer: { user: { organization: { auditEvents: { nodes: Array<{ action: AuditAction, at: string, signInFailure: SignInFailure | null, actor: { kind: AuditActorKind, id: string | null, user: { email: string } | null }, user: { email: string } | null, partnerAccess: { administrator: boolean, apiDeviceData: boolean, partner: { name: string } | null } | null, apiCredential: { name: string, clientId: string } | null, partnerIdChange: { previousPartnerId: string | null, partnerId: string } | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } } | null } };

export type FirstQueryVariables = Exact<{ [key: string]: never; }>;


export type FirstQuery = { __typename: 'Query' };

export type SecondQueryVariables = Exact<{ [key: string]: never; }>;


export type SecondQuery = { organizations: { pageInfo: { hasNextPage: boolean } } };

export type DashboardQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type DashboardQuery = { organizations: { nodes: Array<{ id: string, name: string, kind: OrganizationKind, partnerId: string | null, subscriptions: Array<{ product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus }> | null, devices: { nodes: Array<{ name: string, make: string, model: string, serialNumber: string, firmwareRevision: string | null, ipAddress: string | null, sensors: Array<{ type: SensorType, unit: string }> }> } | null }> } };

export type DocsSignInMutationVariables = Exact<{
  e: string;
  p: string;
  t?: string | null | undefined;
}>;


export type DocsSignInMutation = { signIn: { accessToken: string } };

export type UnacknowledgedIncidentsQueryVariables = Exact<{
  c: string | number;
}>;


export type UnacknowledgedIncidentsQuery = { organization: { devices: { nodes: Array<{ incidents: { nodes: Array<{ id: string, acknowledgement: { at: string } | null }> } }> } | null } | null };

export type DocsViewerMfaQueryVariables = Exact<{ [key: string]: never; }>;


export type DocsViewerMfaQuery = { viewer: { mfa: boolean } };

export type InviteMutationVariables = Exact<{
  email: string;
}>;


export type InviteMutation = { inviteUser: { email: string } };

export type DeviceOwnersQueryVariables = Exact<{ [key: string]: never; }>;


export type DeviceOwnersQuery = { organizations: { nodes: Array<{ name: string, devices: { nodes: Array<{ id: string, organization: { id: string, name: string } | null }> } | null }> } };

export type UsageFirmwareQueryVariables = Exact<{ [key: string]: never; }>;


export type UsageFirmwareQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, firmwareRevision: string | null }> } | null }> } };

export type UsageDeviceNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type UsageDeviceNamesQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, name: string }> } | null }> } };

export type UsageFirmwareFieldsFragment = { firmwareRevision: string | null };

export type UsageFirmwareThroughFragmentQueryVariables = Exact<{ [key: string]: never; }>;


export type UsageFirmwareThroughFragmentQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, firmwareRevision: string | null }> } | null }> } };

export type GatewayTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type GatewayTypenameQuery = { __typename: 'Query' };

export type IntrospectionQueryVariables = Exact<{ [key: string]: never; }>;


export type IntrospectionQuery = { __schema: { types: Array<{ name: string | null }> } };

export type OrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganizationsQuery = { organizations: { nodes: Array<{ name: string, subscriptions: Array<{ product: string }> | null, devices: { nodes: Array<{ name: string }> } | null }> } };

export type GracefulDrainOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type GracefulDrainOrganizationsQuery = { organizations: { nodes: Array<{ name: string }> } };

export type InternalErrorsOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type InternalErrorsOrganizationsQuery = { organizations: { nodes: Array<{ name: string }> } };

export type InvitationFieldsFragment = { id: string, kind: InvitationKind, email: string, role: OrganizationRole | null, expiresAt: string, organization: { id: string } };

export type InvitationsInviteUserMutationVariables = Exact<{
  email: string;
  role: OrganizationRole;
}>;


export type InvitationsInviteUserMutation = { inviteUser: { id: string, kind: InvitationKind, email: string, role: OrganizationRole | null, expiresAt: string, organization: { id: string } } };

export type InvitationsInviteCustomerMutationVariables = Exact<{
  email: string;
}>;


export type InvitationsInviteCustomerMutation = { inviteCustomer: { id: string, kind: InvitationKind, email: string, role: OrganizationRole | null, expiresAt: string, organization: { id: string } } };

export type AcceptMutationVariables = Exact<{
  token: string;
  displayName: string;
  password: string;
}>;


export type AcceptMutation = { acceptUserInvitation: { accessToken: string, user: { email: string, displayName: string, role: OrganizationRole, organization: { id: string } } } };

export type ApproveMutationVariables = Exact<{
  token: string;
}>;


export type ApproveMutation = { approvePartner: { administrator: boolean, apiDeviceData: boolean, partner: { id: string }, customer: { id: string } } };

export type InvitationsRevokeMutationVariables = Exact<{
  partner: string | number;
}>;


export type InvitationsRevokeMutation = { revokePartnerAccess: boolean };

export type GrantsQueryVariables = Exact<{
  id: string | number;
}>;


export type GrantsQuery = { organization: { partnerAccess: Array<{ administrator: boolean, apiDeviceData: boolean, partner: { id: string }, customer: { id: string } }> | null } | null };

export type HistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type HistoryQuery = { organization: { partnerAccessHistory: Array<{ action: PartnerAccessAction, actor: { email: string } | null }> | null } | null };

export type InvitationsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type InvitationsViewerQuery = { viewer: { user: { email: string } | null } };

export type InvitationsSignInMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type InvitationsSignInMutation = { signIn: { user: { email: string } } };

export type AcceptUserInvitationMutationVariables = Exact<{
  t: string;
  p: string;
  c?: string | null | undefined;
}>;


export type AcceptUserInvitationMutation = { acceptUserInvitation: { user: { email: string, role: OrganizationRole, organization: { id: string } } } };

export type AccessEndsWatchSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AccessEndsWatchSubscription = { incidentEvents: { cursor: string, incidentId: string, incident: { id: string, device: { id: string, ipAddress: string | null } | null } | null } };

export type AccessEndsFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type AccessEndsFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type AccessEndsCreateCredentialMutationVariables = Exact<{
  name: string;
  customerIds?: Array<string | number> | string | number | null | undefined;
}>;


export type AccessEndsCreateCredentialMutation = { createApiCredential: { clientSecret: string, credential: { id: string, clientId: string } } };

export type AccessEndsRevokeCredentialMutationVariables = Exact<{
  id: string | number;
}>;


export type AccessEndsRevokeCredentialMutation = { revokeApiCredential: { revokedAt: string | null } };

export type AccessEndsSetPartnerAccessMutationVariables = Exact<{
  id: string | number;
  administrator: boolean;
  apiDeviceData: boolean;
}>;


export type AccessEndsSetPartnerAccessMutation = { setPartnerAccess: { administrator: boolean, apiDeviceData: boolean } };

export type LiveClientIncidentsQueryVariables = Exact<{
  id: string | number;
}>;


export type LiveClientIncidentsQuery = { organization: { id: string, devices: { nodes: Array<{ id: string, incidents: { nodes: Array<{ id: string, severity: IncidentSeverity, clearedAt: string | null }> } }> } | null } | null };

export type LiveClientWatchSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveClientWatchSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind, incident: { id: string, severity: IncidentSeverity, clearedAt: string | null } | null } };

export type LiveClientFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveClientFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type LiveClientRecordAlarmsMutationVariables = Exact<{
  alarms: Array<AlarmInput> | AlarmInput;
}>;


export type LiveClientRecordAlarmsMutation = { recordAlarms: { raised: number, cleared: number, reactivated: number, duplicates: number } };

export type LiveClientClearedFragment = { clearedAt: string | null };

export type LiveWatchSubscriptionVariables = Exact<{
  organizationIds?: Array<string | number> | string | number | null | undefined;
  severities?: Array<IncidentSeverity> | IncidentSeverity | null | undefined;
  after?: string | null | undefined;
}>;


export type LiveWatchSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind, incidentId: string, incident: { id: string, severity: IncidentSeverity, clearedAt: string | null, device: { id: string, ipAddress: string | null, organization: { id: string, name: string } | null } | null } | null } };

export type LiveFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type LiveFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type LiveAcknowledgeMutationVariables = Exact<{
  id: string | number;
}>;


export type LiveAcknowledgeMutation = { acknowledgeIncident: { id: string } };

export type LiveRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type LiveRevokeMutation = { revokePartnerAccess: boolean };

export type LimitsWatchSubscriptionVariables = Exact<{
  organizationIds?: Array<string | number> | string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type LimitsWatchSubscription = { incidentEvents: { cursor: string, incidentId: string, incident: { id: string, message: string } | null } };

export type LimitsFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type LimitsFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type LiveReadingsSubscriptionVariables = Exact<{
  sensorIds: Array<string | number> | string | number;
  after?: string | null | undefined;
}>;


export type LiveReadingsSubscription = { sensorReadings: { cursor: string, sensor: { id: string, type: SensorType, unit: string, device: { id: string, ipAddress: string | null } | null }, reading: { at: string, value: number } } };

export type LiveReadingsRecordMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type LiveReadingsRecordMutation = { recordReadings: { recorded: number, duplicates: number } };

export type ReplicasWatchSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ReplicasWatchSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind, incidentId: string } };

export type ReplicasFeedPositionQueryVariables = Exact<{ [key: string]: never; }>;


export type ReplicasFeedPositionQuery = { incidentEventsFeed: { cursor: string } };

export type ReplicasRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type ReplicasRevokeMutation = { revokePartnerAccess: boolean };

export type LiveRaceFeedQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type LiveRaceFeedQuery = { incidentEventsFeed: { cursor: string, events: Array<{ incidentId: string, kind: IncidentEventKind }> } };

export type LiveRaceRevokeMutationVariables = Exact<{
  id: string | number;
}>;


export type LiveRaceRevokeMutation = { revokePartnerAccess: boolean };

export type MetricsDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsDevicesQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, name: string, firmwareRevision: string | null }> } | null }> } };

export type MetricsLicencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsLicencesQuery = { organizations: { nodes: Array<{ id: string, subscriptions: Array<{ id: string, product: string }> | null }> } };

export type MetricsRecordReadingsMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type MetricsRecordReadingsMutation = { recordReadings: { recorded: number, duplicates: number } };

export type MetricsWatchIncidentsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MetricsWatchIncidentsSubscription = { incidentEvents: { cursor: string, kind: IncidentEventKind } };

export type MfaSessionFragment = { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { email: string, mfaEnabled: boolean } };

export type MfaSignInMutationVariables = Exact<{
  e: string;
  p: string;
  t?: string | null | undefined;
}>;


export type MfaSignInMutation = { signIn: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { email: string, mfaEnabled: boolean } } };

export type MfaRefreshMutationVariables = Exact<{
  t: string;
}>;


export type MfaRefreshMutation = { refreshSession: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { email: string, mfaEnabled: boolean } } };

export type MfaEnforcementInviteUserMutationVariables = Exact<{
  e: string;
  r: OrganizationRole;
}>;


export type MfaEnforcementInviteUserMutation = { inviteUser: { id: string } };

export type MfaAcceptMutationVariables = Exact<{
  t: string;
  p: string;
  c?: string | null | undefined;
}>;


export type MfaAcceptMutation = { acceptUserInvitation: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { email: string, mfaEnabled: boolean } } };

export type MfaCreatePartnerAccountMutationVariables = Exact<{
  name: string;
  partnerId?: string | null | undefined;
  admin: NewPartnerAdmin;
  token?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type MfaCreatePartnerAccountMutation = { createPartnerAccount: { accessToken: string, refreshToken: string, recoveryCodes: Array<string> | null, user: { email: string, mfaEnabled: boolean } } };

export type StartFromLinkMutationVariables = Exact<{
  t: string;
}>;


export type StartFromLinkMutation = { startMfaEnrolmentFromLink: { secret: string, otpauthUri: string } };

export type ConfirmFromLinkMutationVariables = Exact<{
  t: string;
  c: string;
}>;


export type ConfirmFromLinkMutation = { confirmMfaEnrolmentFromLink: Array<string> };

export type SetRequirementMutationVariables = Exact<{
  r: boolean;
}>;


export type SetRequirementMutation = { setOrganizationMfaRequirement: { id: string, requireMfa: boolean | null } };

export type MfaEnforcementViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type MfaEnforcementViewerQuery = { viewer: { mfa: boolean, user: { email: string } | null } };

export type StartInvitationMfaEnrolmentMutationVariables = Exact<{ [key: string]: never; }>;


export type StartInvitationMfaEnrolmentMutation = { startInvitationMfaEnrolment: { secret: string } };

export type MfaEnforcementCreateMutationVariables = Exact<{
  name: string;
  admin: NewPartnerAdmin;
  token?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type MfaEnforcementCreateMutation = { createPartnerAccount: { accessToken: string } };

export type StartPartnerAccountMfaEnrolmentMutationVariables = Exact<{
  e: string;
}>;


export type StartPartnerAccountMfaEnrolmentMutation = { startPartnerAccountMfaEnrolment: { enrolmentToken: string, secret: string, otpauthUri: string } };

export type ReadQueryVariables = Exact<{
  id: string | number;
}>;


export type ReadQuery = { organization: { requireMfa: boolean | null } | null };

export type LogQueryVariables = Exact<{
  id: string | number;
}>;


export type LogQuery = { organization: { auditEvents: { nodes: Array<{ action: AuditAction, requireMfa: boolean | null, actor: { kind: AuditActorKind, user: { email: string } | null } }> } | null } | null };

export type FeedsQueryVariables = Exact<{ [key: string]: never; }>;


export type FeedsQuery = { inventoryChanges: { changes: Array<{ deviceId: string }> }, incidentChanges: { changes: Array<{ incidentId: string }> } };

export type OutagesOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type OutagesOrganizationsQuery = { organizations: { nodes: Array<{ name: string }> } };

export type PartnerAccessQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerAccessQuery = { organization: { id: string, name: string, partnerAccess: Array<{ administrator: boolean, apiDeviceData: boolean, grantedAt: string, partner: { id: string, name: string }, customer: { id: string, name: string } }> | null } | null };

export type PartnerAccessHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerAccessHistoryQuery = { organization: { id: string, name: string, partnerAccessHistory: Array<{ action: PartnerAccessAction, administrator: boolean, apiDeviceData: boolean, at: string, actor: { email: string } | null, partner: { name: string } }> | null } | null };

export type SetPartnerAccessMutationVariables = Exact<{
  partnerOrganizationId: string | number;
  administrator: boolean;
  apiDeviceData: boolean;
}>;


export type SetPartnerAccessMutation = { setPartnerAccess: { administrator: boolean, apiDeviceData: boolean, grantedAt: string, partner: { id: string, name: string }, customer: { id: string, name: string } } };

export type PartnerAccessRevokePartnerAccessMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type PartnerAccessRevokePartnerAccessMutation = { revokePartnerAccess: boolean };

export type SuggestQueryVariables = Exact<{
  name: string;
}>;


export type SuggestQuery = { suggestPartnerId: string };

export type CreatePartnerAccountMutationVariables = Exact<{
  name: string;
  partnerId?: string | null | undefined;
  admin: NewPartnerAdmin;
  token?: string | null | undefined;
  code?: string | null | undefined;
}>;


export type CreatePartnerAccountMutation = { createPartnerAccount: { accessToken: string, user: { email: string, role: OrganizationRole, organization: { id: string, name: string, kind: OrganizationKind, partnerId: string | null } } } };

export type PartnerAccountsRequestMutationVariables = Exact<{
  partnerId: string;
  reason: string;
}>;


export type PartnerAccountsRequestMutation = { requestPartnerIdChange: { id: string, previousPartnerId: string, requestedPartnerId: string, reason: string, status: PartnerIdChangeStatus, decidedBy: string | null, decidedAt: string | null, requestedBy: { email: string } | null } };

export type PartnerAccountsDecideMutationVariables = Exact<{
  id: string | number;
  approve: boolean;
  note?: string | null | undefined;
}>;


export type PartnerAccountsDecideMutation = { decidePartnerIdChange: { id: string, status: PartnerIdChangeStatus, previousPartnerId: string, requestedPartnerId: string, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, organization: { partnerId: string | null } } };

export type PendingQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingQuery = { pendingPartnerIdChangeRequests: Array<{ id: string, requestedPartnerId: string, organization: { name: string } }> };

export type PartnerAccountsHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type PartnerAccountsHistoryQuery = { organization: { partnerId: string | null, partnerIdChangeRequests: Array<{ status: PartnerIdChangeStatus, previousPartnerId: string, requestedPartnerId: string, decidedBy: string | null }> | null } | null };

export type PartnerAccountsViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type PartnerAccountsViewerQuery = { viewer: { user: { email: string } | null } };

export type ReplicaRecordMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type ReplicaRecordMutation = { recordReadings: { recorded: number, duplicates: number } };

export type ReplicaAcknowledgeMutationVariables = Exact<{
  incidentId: string | number;
}>;


export type ReplicaAcknowledgeMutation = { acknowledgeIncident: { id: string, acknowledgement: { note: string | null } | null } };

export type ReplicaDevicesQueryVariables = Exact<{
  organization: string | number;
  from: string;
  to: string;
}>;


export type ReplicaDevicesQuery = { organization: { id: string, devices: { nodes: Array<{ id: string, incidents: { nodes: Array<{ id: string, acknowledgement: { note: string | null } | null }> }, sensors: Array<{ id: string, latest: { at: string, value: number } | null, history: { resolution: HistoryResolution, buckets: Array<{ start: string, max: number, count: number }> } }> }> } | null } | null };

export type RequestLogsCustomerDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestLogsCustomerDevicesQuery = { organizations: { nodes: Array<{ id: string, name: string, devices: { nodes: Array<{ id: string, name: string }> } | null }> } };

export type RequestLogsTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type RequestLogsTypenameQuery = { __typename: 'Query' };

export type DevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type DevicesQuery = { organizations: { nodes: Array<{ id: string, devices: { nodes: Array<{ id: string, name: string, ipAddress: string | null }> } | null }> } };

export type RevokePartnerAccessInRaceMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokePartnerAccessInRaceMutation = { revokePartnerAccess: boolean };

export type WithdrawMutationVariables = Exact<{
  id: string | number;
}>;


export type WithdrawMutation = { setPartnerAccess: { administrator: boolean } };

export type RevocationRacesCreateMutationVariables = Exact<{
  name: string;
  customerIds?: Array<string | number> | string | number | null | undefined;
}>;


export type RevocationRacesCreateMutation = { createApiCredential: { clientSecret: string, credential: { id: string, clientId: string } } };

export type RevocationRacesWithdrawMutationVariables = Exact<{
  id: string | number;
}>;


export type RevocationRacesWithdrawMutation = { setPartnerAccess: { apiDeviceData: boolean } };

export type RevokeApiCredentialInRaceMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiCredentialInRaceMutation = { revokeApiCredential: { revokedAt: string | null } };

export type SecretsAtRestSignInMutationVariables = Exact<{
  email: string;
  password: string;
  totpCode?: string | null | undefined;
  recoveryCode?: string | null | undefined;
}>;


export type SecretsAtRestSignInMutation = { signIn: { accessToken: string } };

export type SecretsAtRestViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SecretsAtRestViewerQuery = { viewer: { user: { email: string } | null } };

export type SecretsAtRestEnrollMfaMutationVariables = Exact<{ [key: string]: never; }>;


export type SecretsAtRestEnrollMfaMutation = { enrollMfa: { secret: string } };

export type SecretsAtRestConfirmMfaMutationVariables = Exact<{
  c: string;
}>;


export type SecretsAtRestConfirmMfaMutation = { confirmMfa: Array<string> };

export type SignInWithTotpMutationVariables = Exact<{
  email: string;
  password: string;
  totpCode?: string | null | undefined;
}>;


export type SignInWithTotpMutation = { signIn: { accessToken: string, tokenType: string, expiresIn: number, user: { email: string, role: OrganizationRole, mfaEnabled: boolean, organization: { name: string } } } };

export type SignInViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInViewerQuery = { viewer: { mfa: boolean, user: { email: string, role: OrganizationRole, organization: { name: string, kind: OrganizationKind } } | null } };

export type EnrollMfaForUriMutationVariables = Exact<{ [key: string]: never; }>;


export type EnrollMfaForUriMutation = { enrollMfa: { secret: string, otpauthUri: string } };

export type SignInConfirmMfaMutationVariables = Exact<{
  c: string;
}>;


export type SignInConfirmMfaMutation = { confirmMfa: Array<string> };

export type SignInWithRecoveryCodeMutationVariables = Exact<{
  p: string;
  r?: string | null | undefined;
}>;


export type SignInWithRecoveryCodeMutation = { signIn: { accessToken: string } };

export type SignInRefreshMutationVariables = Exact<{
  t: string;
}>;


export type SignInRefreshMutation = { refreshSession: { accessToken: string, refreshToken: string, user: { email: string } } };

export type SignInForRefreshTokenMutationVariables = Exact<{
  p: string;
}>;


export type SignInForRefreshTokenMutation = { signIn: { refreshToken: string } };

export type NamesAndDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type NamesAndDevicesQuery = { organizations: { nodes: Array<{ name: string, devices: { nodes: Array<{ name: string }> } | null }> } };

export type NamesAndLicencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NamesAndLicencesQuery = { organizations: { nodes: Array<{ name: string, subscriptions: Array<{ product: string }> | null }> } };

export type LicencesOnlyQueryVariables = Exact<{ [key: string]: never; }>;


export type LicencesOnlyQuery = { organizations: { nodes: Array<{ subscriptions: Array<{ product: string }> | null }> } };

export type NamesOnlyQueryVariables = Exact<{ [key: string]: never; }>;


export type NamesOnlyQuery = { organizations: { nodes: Array<{ name: string }> } };

export type LicenseFieldsFragment = { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } };

export type IssueKeyMutationVariables = Exact<{
  product: string;
  termMonths: number;
  deviceAllowance: number;
  installerEmails: Array<string> | string;
  issuedOn?: string | null | undefined;
}>;


export type IssueKeyMutation = { issueLicenseKey: { key: string, product: string, termMonths: number, deviceAllowance: number, installerEmails: Array<string>, issuedOn: string } };

export type IssueVoucherMutationVariables = Exact<{
  credits: number;
}>;


export type IssueVoucherMutation = { issueVoucher: string };

export type RedeemMutationVariables = Exact<{
  customerId: string | number;
  key: string;
  startDate: string;
}>;


export type RedeemMutation = { redeemLicenseKey: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } } };

export type RedeemVoucherMutationVariables = Exact<{
  code: string;
}>;


export type RedeemVoucherMutation = { redeemVoucher: number };

export type ActivateMutationVariables = Exact<{
  customerId: string | number;
  product: string;
  deviceAllowance: number;
  months: number;
  startDate: string;
  installerEmails: Array<string> | string;
  idempotencyKey: string;
}>;


export type ActivateMutation = { activateSubscription: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } } };

export type RenewMutationVariables = Exact<{
  subscriptionId: string | number;
  months: number;
  idempotencyKey: string;
}>;


export type RenewMutation = { renewSubscription: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } } };

export type AmendMutationVariables = Exact<{
  subscriptionId: string | number;
  addDevices: number;
  addMonths: number;
  idempotencyKey: string;
}>;


export type AmendMutation = { amendSubscription: { id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } } };

export type PricesQueryVariables = Exact<{ [key: string]: never; }>;


export type PricesQuery = { creditPrices: Array<{ product: string, creditsPerDeviceMonth: number }> };

export type SubscriptionsQueryVariables = Exact<{
  id: string | number;
  status?: Array<SubscriptionStatus> | SubscriptionStatus | null | undefined;
}>;


export type SubscriptionsQuery = { organization: { id: string, subscriptions: Array<{ id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } }> | null } | null };

export type CreditsQueryVariables = Exact<{
  id: string | number;
}>;


export type CreditsQuery = { organization: { id: string, creditBalance: number | null, creditMovements: Array<{ id: string, kind: CreditMovementKind, amount: number, balanceAfter: number, at: string, subscription: { id: string } | null }> | null } | null };

export type ExpiringSubscriptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ExpiringSubscriptionsQuery = { organizations: { nodes: Array<{ id: string, subscriptions: Array<{ id: string, product: string, deviceAllowance: number, startsOn: string, endsOn: string, status: SubscriptionStatus, organization: { id: string } }> | null }> } };

export type SubscriptionsLicensingRevokeMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type SubscriptionsLicensingRevokeMutation = { revokePartnerAccess: boolean };

export type SubscriptionsLicensingCreateMutationVariables = Exact<{
  name: string;
}>;


export type SubscriptionsLicensingCreateMutation = { createApiCredential: { clientSecret: string, credential: { clientId: string } } };

export type SupergraphReloadDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type SupergraphReloadDashboardQuery = { organizations: { nodes: Array<{ name: string, subscriptions: Array<{ product: string }> | null, devices: { nodes: Array<{ name: string, sensors: Array<{ type: SensorType }> }> } | null }> } };

export type TypeQueryVariables = Exact<{ [key: string]: never; }>;


export type TypeQuery = { __type: { description: string | null } | null };

export type AlarmsRecordMutationVariables = Exact<{
  alarms: Array<AlarmInput> | AlarmInput;
}>;


export type AlarmsRecordMutation = { recordAlarms: { raised: number, cleared: number, reactivated: number, duplicates: number } };

export type AlarmsRecordReadingsMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type AlarmsRecordReadingsMutation = { recordReadings: { recorded: number, duplicates: number } };

export type AlarmsSetThresholdsMutationVariables = Exact<{
  sensorId: string | number;
  low?: number | null | undefined;
  high?: number | null | undefined;
  hysteresis?: number;
}>;


export type AlarmsSetThresholdsMutation = { setSensorThresholds: { id: string, thresholds: { low: number | null, high: number | null, hysteresis: number } | null } };

export type AlarmsIncidentsQueryVariables = Exact<{
  id: string | number;
}>;


export type AlarmsIncidentsQuery = { organization: { incidents: { nodes: Array<{ id: string }> } | null } | null };

export type InventoryQueryVariables = Exact<{
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type InventoryQuery = { inventoryChanges: { nextCursor: string, hasMore: boolean, changes: Array<{ operation: ChangeOperation, deviceId: string, at: string, device: { id: string, name: string, ipAddress: string | null, monitored: boolean } | null }> } };

export type IncidentsQueryVariables = Exact<{
  after?: string | null | undefined;
  first?: number | null | undefined;
}>;


export type IncidentsQuery = { incidentChanges: { nextCursor: string, hasMore: boolean, changes: Array<{ operation: ChangeOperation, incidentId: string, at: string, incident: { id: string, severity: IncidentSeverity, message: string } | null }> } };

export type TelemetryChangeFeedsRevokeMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type TelemetryChangeFeedsRevokeMutation = { revokePartnerAccess: boolean };

export type TelemetryDashboardBatchingDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type TelemetryDashboardBatchingDashboardQuery = { organizations: { nodes: Array<{ name: string, openIncidentCount: number | null, devices: { nodes: Array<{ name: string, ipAddress: string | null, openIncidentCount: number, sensors: Array<{ type: SensorType, latest: { at: string, value: number } | null }> }> } | null }> } };

export type PathsQueryVariables = Exact<{
  id: string | number;
}>;


export type PathsQuery = { organization: { devices: { nodes: Array<{ name: string, ipAddress: string | null, inline: string | null, alias: string | null, spread: string | null, components: Array<{ name: string, ipAddress: string | null }> }> } | null, locations: Array<{ name: string, kind: LocationKind, devices: Array<{ name: string, ipAddress: string | null }>, children: Array<{ name: string, kind: LocationKind, devices: Array<{ name: string, ipAddress: string | null }>, children: Array<{ name: string, kind: LocationKind, devices: Array<{ name: string, ipAddress: string | null }>, children: Array<{ name: string }> }> }> }> | null } | null };

export type SpreadFragment = { spread: string | null };

export type TelemetryFieldHidingDevicesQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilter | null | undefined;
  orderBy?: DeviceOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type TelemetryFieldHidingDevicesQuery = { organization: { devices: { nodes: Array<{ name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type UnmonitoredQueryVariables = Exact<{
  id: string | number;
}>;


export type UnmonitoredQuery = { organization: { deviceCount: number | null, devices: { nodes: Array<{ name: string, monitored: boolean, components: Array<{ name: string }> }> } | null, locations: Array<{ children: Array<{ children: Array<{ devices: Array<{ name: string }> }> }> }> | null } | null };

export type TelemetryFieldHidingInventoryQueryVariables = Exact<{
  id: string | number;
}>;


export type TelemetryFieldHidingInventoryQuery = { organization: { devices: { nodes: Array<{ name: string, warrantyEndsOn: string | null, lastServicedOn: string | null, nextServiceDueOn: string | null, location: { name: string, kind: LocationKind, parent: { name: string, kind: LocationKind, parent: { name: string, kind: LocationKind, parent: { name: string } | null } | null } | null } | null, parent: { name: string } | null }> } | null } | null };

export type UpsApplicationsAndJobsQueryVariables = Exact<{
  id: string | number;
}>;


export type UpsApplicationsAndJobsQuery = { organization: { devices: { nodes: Array<{ applications: Array<{ id: string, name: string, version: string | null }> | null, jobs: Array<{ id: string, name: string, schedule: string, lastRunAt: string | null, lastStatus: JobStatus | null }> | null }> } | null } | null };

export type DeviceCountQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceCountQuery = { organization: { deviceCount: number | null } | null };

export type TelemetryFieldHidingRevokeMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type TelemetryFieldHidingRevokeMutation = { revokePartnerAccess: boolean };

export type TelemetryIncidentsIncidentsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  open?: boolean | null | undefined;
  severities?: Array<IncidentSeverity> | IncidentSeverity | null | undefined;
}>;


export type TelemetryIncidentsIncidentsQuery = { organization: { incidents: { nodes: Array<{ id: string, severity: IncidentSeverity, raisedAt: string, clearedAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null } | null };

export type DeviceIncidentsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  open?: boolean | null | undefined;
}>;


export type DeviceIncidentsQuery = { organization: { devices: { nodes: Array<{ id: string, openIncidentCount: number, incidents: { nodes: Array<{ id: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } }> } | null } | null };

export type OpenCountsQueryVariables = Exact<{
  id: string | number;
}>;


export type OpenCountsQuery = { organization: { openIncidentCount: number | null, devices: { nodes: Array<{ id: string, openIncidentCount: number }> } | null } | null };

export type IncidentDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type IncidentDetailQuery = { organization: { incidents: { nodes: Array<{ id: string, message: string, reactivationCount: number, device: { id: string, name: string } | null, acknowledgement: { byUserId: string, note: string | null, at: string } | null }> } | null } | null };

export type AcknowledgeMutationVariables = Exact<{
  incidentId: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeMutation = { acknowledgeIncident: { id: string, acknowledgement: { byUserId: string, note: string | null, at: string } | null } };

export type AssessmentQueryVariables = Exact<{
  id: string | number;
  month: string;
}>;


export type AssessmentQuery = { organization: { assessment: { month: string, monitoringCoverage: number, incidentsBySeverity: Array<{ severity: IncidentSeverity, count: number }>, upsHealth: Array<{ score: number, minBatteryRuntimeMinutes: number | null, averageLoadPercent: number | null, criticalIncidents: number, device: { id: string, name: string } }> } | null } | null };

export type TelemetryIncidentsDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type TelemetryIncidentsDashboardQuery = { organizations: { nodes: Array<{ id: string, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, openIncidentCount: number, incidents: { nodes: Array<{ id: string, severity: IncidentSeverity, device: { id: string } | null }> } }> } | null }> } };

export type PartitionsRecordMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type PartitionsRecordMutation = { recordReadings: { recorded: number, duplicates: number } };

export type PartitionsHistoryQueryVariables = Exact<{
  organization: string | number;
  from: string;
  to: string;
  maxPoints?: number | null | undefined;
}>;


export type PartitionsHistoryQuery = { organization: { id: string, devices: { nodes: Array<{ id: string, sensors: Array<{ id: string, history: { resolution: HistoryResolution, bucketSeconds: number, buckets: Array<{ start: string, min: number, max: number, average: number, last: number, count: number }> } }> }> } | null } | null };

export type RecordMutationVariables = Exact<{
  readings: Array<ReadingInput> | ReadingInput;
}>;


export type RecordMutation = { recordReadings: { recorded: number, duplicates: number } };

export type DeviceSensorsQueryVariables = Exact<{
  organization: string | number;
  from: string;
  to: string;
  maxPoints?: number | null | undefined;
}>;


export type DeviceSensorsQuery = { organization: { devices: { nodes: Array<{ name: string, sensors: Array<{ id: string, latest: { at: string, value: number } | null, history: { resolution: HistoryResolution, bucketSeconds: number, buckets: Array<{ start: string, min: number, max: number, average: number, last: number, count: number }> } }> }> } | null } | null };

export type TenantAccessOrganizationsQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantAccessOrganizationsQuery = { organizations: { nodes: Array<{ id: string, name: string }> } };

export type TenantAccessOrganizationPageQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type TenantAccessOrganizationPageQuery = { organizations: { nodes: Array<{ id: string, name: string }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type TenantAccessOrganizationQueryVariables = Exact<{
  id: string | number;
}>;


export type TenantAccessOrganizationQuery = { organization: { id: string, name: string, subscriptions: Array<{ id: string, product: string }> | null, devices: { nodes: Array<{ id: string, name: string, ipAddress: string | null, monitored: boolean }> } | null } | null };

export type TenantAccessRevokeMutationVariables = Exact<{
  partnerOrganizationId: string | number;
}>;


export type TenantAccessRevokeMutation = { revokePartnerAccess: boolean };

export type TenantAccessDashboardQueryVariables = Exact<{ [key: string]: never; }>;


export type TenantAccessDashboardQuery = { organizations: { nodes: Array<{ name: string, subscriptions: Array<{ product: string }> | null, devices: { nodes: Array<{ name: string, ipAddress: string | null }> } | null }> } };

export type AliasedQueryVariables = Exact<{
  id: string | number;
}>;


export type AliasedQuery = { organization: { devices: { nodes: Array<{ ipAddress: string | null, ip: string | null, address: string | null }> } | null } | null };

export type AddressFragment = { address: string | null };

export type TracedPartnerDashboardQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type TracedPartnerDashboardQuery = { organizations: { nodes: Array<{ id: string, name: string, openIncidentCount: number | null, devices: { nodes: Array<{ id: string, name: string, ipAddress: string | null, openIncidentCount: number, sensors: Array<{ id: string, type: SensorType, latest: { at: string, value: number } | null, history: { bucketSeconds: number } }> }> } | null }> } };

export type ViewerMfaQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerMfaQuery = { viewer: { mfa: boolean } };

export type ViewerTypenameQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerTypenameQuery = { viewer: { __typename: 'Viewer' } };

export type SignUpMfaEnrolmentMutationVariables = Exact<{
  e: string;
}>;


export type SignUpMfaEnrolmentMutation = { startPartnerAccountMfaEnrolment: { enrolmentToken: string, secret: string } };

export type InvitationMfaEnrolmentMutationVariables = Exact<{
  t: string;
}>;


export type InvitationMfaEnrolmentMutation = { startInvitationMfaEnrolment: { secret: string } };

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
export const UsageFirmwareFieldsFragmentDoc = new TypedDocumentString(`
    fragment UsageFirmwareFields on Device {
  firmwareRevision
}
    `, {"fragmentName":"UsageFirmwareFields"}) as unknown as TypedDocumentString<UsageFirmwareFieldsFragment, unknown>;
export const InvitationFieldsFragmentDoc = new TypedDocumentString(`
    fragment InvitationFields on Invitation {
  id
  kind
  email
  role
  organization {
    id
  }
  expiresAt
}
    `, {"fragmentName":"InvitationFields"}) as unknown as TypedDocumentString<InvitationFieldsFragment, unknown>;
export const LiveClientClearedFragmentDoc = new TypedDocumentString(`
    fragment LiveClientCleared on Incident {
  clearedAt
}
    `, {"fragmentName":"LiveClientCleared"}) as unknown as TypedDocumentString<LiveClientClearedFragment, unknown>;
export const MfaSessionFragmentDoc = new TypedDocumentString(`
    fragment MfaSession on Session {
  accessToken
  refreshToken
  recoveryCodes
  user {
    email
    mfaEnabled
  }
}
    `, {"fragmentName":"MfaSession"}) as unknown as TypedDocumentString<MfaSessionFragment, unknown>;
export const LicenseFieldsFragmentDoc = new TypedDocumentString(`
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}
    `, {"fragmentName":"LicenseFields"}) as unknown as TypedDocumentString<LicenseFieldsFragment, unknown>;
export const SpreadFragmentDoc = new TypedDocumentString(`
    fragment Spread on Device {
  spread: ipAddress
}
    `, {"fragmentName":"Spread"}) as unknown as TypedDocumentString<SpreadFragment, unknown>;
export const AddressFragmentDoc = new TypedDocumentString(`
    fragment Address on Device {
  address: ipAddress
}
    `, {"fragmentName":"Address"}) as unknown as TypedDocumentString<AddressFragment, unknown>;
export const NewSubgraphSignInDocument = new TypedDocumentString(`
    mutation NewSubgraphSignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<NewSubgraphSignInMutation, NewSubgraphSignInMutationVariables>;
export const PrometheusDevicesDocument = new TypedDocumentString(`
    query PrometheusDevices {
  organizations {
    nodes {
      id
      devices(first: 5) {
        nodes {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PrometheusDevicesQuery, PrometheusDevicesQueryVariables>;
export const BalancedSignInDocument = new TypedDocumentString(`
    mutation BalancedSignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<BalancedSignInMutation, BalancedSignInMutationVariables>;
export const BalancedRefreshDocument = new TypedDocumentString(`
    mutation BalancedRefresh($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) {
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<BalancedRefreshMutation, BalancedRefreshMutationVariables>;
export const BalancedTypenameDocument = new TypedDocumentString(`
    query BalancedTypename {
  __typename
}
    `) as unknown as TypedDocumentString<BalancedTypenameQuery, BalancedTypenameQueryVariables>;
export const BalancedCustomersDocument = new TypedDocumentString(`
    query BalancedCustomers {
  organizations {
    nodes {
      id
      subscriptions {
        product
      }
      devices {
        nodes {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BalancedCustomersQuery, BalancedCustomersQueryVariables>;
export const BalancedRevokeDocument = new TypedDocumentString(`
    mutation BalancedRevoke($partnerId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerId)
}
    `) as unknown as TypedDocumentString<BalancedRevokeMutation, BalancedRevokeMutationVariables>;
export const BalancedInviteDocument = new TypedDocumentString(`
    mutation BalancedInvite($email: String!) {
  inviteUser(email: $email, role: VIEWER) {
    id
  }
}
    `) as unknown as TypedDocumentString<BalancedInviteMutation, BalancedInviteMutationVariables>;
export const BalancedFeedPositionDocument = new TypedDocumentString(`
    query BalancedFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<BalancedFeedPositionQuery, BalancedFeedPositionQueryVariables>;
export const BalancedWatchIncidentsDocument = new TypedDocumentString(`
    subscription BalancedWatchIncidents($after: String) {
  incidentEvents(after: $after) {
    kind
    incidentId
  }
}
    `) as unknown as TypedDocumentString<BalancedWatchIncidentsSubscription, BalancedWatchIncidentsSubscriptionVariables>;
export const BalancedOpenIncidentsDocument = new TypedDocumentString(`
    query BalancedOpenIncidents {
  organizations {
    nodes {
      incidents(open: true, first: 50) {
        nodes {
          id
          acknowledgement {
            at
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<BalancedOpenIncidentsQuery, BalancedOpenIncidentsQueryVariables>;
export const BalancedAcknowledgeDocument = new TypedDocumentString(`
    mutation BalancedAcknowledge($id: ID!) {
  acknowledgeIncident(incidentId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<BalancedAcknowledgeMutation, BalancedAcknowledgeMutationVariables>;
export const BalancedPartnerDashboardDocument = new TypedDocumentString(`
    query BalancedPartnerDashboard {
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
    `) as unknown as TypedDocumentString<BalancedPartnerDashboardQuery, BalancedPartnerDashboardQueryVariables>;
export const StackDashboardDocument = new TypedDocumentString(`
    query StackDashboard {
  organizations {
    nodes {
      name
      kind
      partnerId
      subscriptions {
        product
        status
      }
      devices {
        nodes {
          name
          make
          model
          serialNumber
          firmwareRevision
          ipAddress
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StackDashboardQuery, StackDashboardQueryVariables>;
export const StackSignInDocument = new TypedDocumentString(`
    mutation StackSignIn($email: String!, $password: String!, $totpCode: String) {
  signIn(email: $email, password: $password, totpCode: $totpCode) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<StackSignInMutation, StackSignInMutationVariables>;
export const StackViewerDocument = new TypedDocumentString(`
    query StackViewer {
  viewer {
    user {
      email
      role
    }
  }
}
    `) as unknown as TypedDocumentString<StackViewerQuery, StackViewerQueryVariables>;
export const StackFeedPositionDocument = new TypedDocumentString(`
    query StackFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<StackFeedPositionQuery, StackFeedPositionQueryVariables>;
export const StackWatchDocument = new TypedDocumentString(`
    subscription StackWatch($after: String) {
  incidentEvents(after: $after) {
    kind
    incidentId
  }
}
    `) as unknown as TypedDocumentString<StackWatchSubscription, StackWatchSubscriptionVariables>;
export const StackOpenIncidentsDocument = new TypedDocumentString(`
    query StackOpenIncidents {
  organizations {
    nodes {
      id
      incidents(open: true, first: 50) {
        nodes {
          id
          acknowledgement {
            at
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StackOpenIncidentsQuery, StackOpenIncidentsQueryVariables>;
export const StackAcknowledgeDocument = new TypedDocumentString(`
    mutation StackAcknowledge($id: ID!) {
  acknowledgeIncident(incidentId: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<StackAcknowledgeMutation, StackAcknowledgeMutationVariables>;
export const ApiClientReadsDevicesDocument = new TypedDocumentString(`
    query ApiClientReadsDevices($id: ID!) {
  organization(id: $id) {
    devices {
      nodes {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiClientReadsDevicesQuery, ApiClientReadsDevicesQueryVariables>;
export const CreateDocument = new TypedDocumentString(`
    mutation Create($name: String!, $customerIds: [ID!]) {
  createApiCredential(name: $name, customerIds: $customerIds) {
    clientSecret
    credential {
      id
      name
      clientId
      customers {
        id
      }
      createdBy {
        email
      }
      createdAt
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<CreateMutation, CreateMutationVariables>;
export const RevokeDocument = new TypedDocumentString(`
    mutation Revoke($id: ID!) {
  revokeApiCredential(id: $id) {
    id
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeMutation, RevokeMutationVariables>;
export const ListDocument = new TypedDocumentString(`
    query List($id: ID!) {
  organization(id: $id) {
    apiCredentials {
      id
      name
      clientId
      lastUsedAt
      revokedAt
    }
  }
}
    `) as unknown as TypedDocumentString<ListQuery, ListQueryVariables>;
export const DeviceDataDocument = new TypedDocumentString(`
    query DeviceData {
  organizations {
    nodes {
      id
      devices {
        nodes {
          name
          ipAddress
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceDataQuery, DeviceDataQueryVariables>;
export const OrganizationDocument = new TypedDocumentString(`
    query Organization($id: ID!) {
  organization(id: $id) {
    subscriptions {
      product
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationQuery, OrganizationQueryVariables>;
export const ApiClientReadsOrganizationDocument = new TypedDocumentString(`
    query ApiClientReadsOrganization($id: ID!) {
  organization(id: $id) {
    name
    devices {
      nodes {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApiClientReadsOrganizationQuery, ApiClientReadsOrganizationQueryVariables>;
export const ApiClientCreatesCredentialDocument = new TypedDocumentString(`
    mutation ApiClientCreatesCredential {
  createApiCredential(name: "mine") {
    clientSecret
  }
}
    `) as unknown as TypedDocumentString<ApiClientCreatesCredentialMutation, ApiClientCreatesCredentialMutationVariables>;
export const ApiClientRevokesPartnerDocument = new TypedDocumentString(`
    mutation ApiClientRevokesPartner($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<ApiClientRevokesPartnerMutation, ApiClientRevokesPartnerMutationVariables>;
export const ApiClientInvitesUserDocument = new TypedDocumentString(`
    mutation ApiClientInvitesUser {
  inviteUser(email: "someone@example.com", role: ADMIN) {
    id
  }
}
    `) as unknown as TypedDocumentString<ApiClientInvitesUserMutation, ApiClientInvitesUserMutationVariables>;
export const AuditDocument = new TypedDocumentString(`
    query Audit($id: ID!, $first: Int, $after: String, $actions: [AuditAction!]) {
  organization(id: $id) {
    auditEvents(first: $first, after: $after, actions: $actions) {
      nodes {
        id
        action
        at
        actor {
          kind
          id
          user {
            email
          }
        }
        user {
          email
        }
        secondFactor
        signInFailure
        lockedUntil
        partnerAccess {
          partner {
            name
          }
          customer {
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
          requestId
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
    `) as unknown as TypedDocumentString<AuditQuery, AuditQueryVariables>;
export const SignInDocument = new TypedDocumentString(`
    mutation SignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
  signIn(
    email: $email
    password: $password
    totpCode: $totpCode
    recoveryCode: $recoveryCode
  ) {
    accessToken
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignInMutation, SignInMutationVariables>;
export const SetDocument = new TypedDocumentString(`
    mutation Set($partner: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
  setPartnerAccess(
    partnerOrganizationId: $partner
    administrator: $administrator
    apiDeviceData: $apiDeviceData
  ) {
    administrator
  }
}
    `) as unknown as TypedDocumentString<SetMutation, SetMutationVariables>;
export const EnrollMfaDocument = new TypedDocumentString(`
    mutation EnrollMfa {
  enrollMfa {
    secret
  }
}
    `) as unknown as TypedDocumentString<EnrollMfaMutation, EnrollMfaMutationVariables>;
export const ConfirmMfaDocument = new TypedDocumentString(`
    mutation ConfirmMfa($c: String!) {
  confirmMfa(totpCode: $c)
}
    `) as unknown as TypedDocumentString<ConfirmMfaMutation, ConfirmMfaMutationVariables>;
export const RefreshDocument = new TypedDocumentString(`
    mutation Refresh($t: String!) {
  refreshSession(refreshToken: $t) {
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<RefreshMutation, RefreshMutationVariables>;
export const RevokePartnerAccessDocument = new TypedDocumentString(`
    mutation RevokePartnerAccess($p: ID!) {
  revokePartnerAccess(partnerOrganizationId: $p)
}
    `) as unknown as TypedDocumentString<RevokePartnerAccessMutation, RevokePartnerAccessMutationVariables>;
export const InviteCustomerDocument = new TypedDocumentString(`
    mutation InviteCustomer($e: String!) {
  inviteCustomer(email: $e) {
    id
  }
}
    `) as unknown as TypedDocumentString<InviteCustomerMutation, InviteCustomerMutationVariables>;
export const ApprovePartnerDocument = new TypedDocumentString(`
    mutation ApprovePartner($t: String!) {
  approvePartner(token: $t) {
    administrator
  }
}
    `) as unknown as TypedDocumentString<ApprovePartnerMutation, ApprovePartnerMutationVariables>;
export const AuditLogRevokePartnerAccessDocument = new TypedDocumentString(`
    mutation AuditLogRevokePartnerAccess($p: ID!) {
  revokePartnerAccess(partnerOrganizationId: $p)
}
    `) as unknown as TypedDocumentString<AuditLogRevokePartnerAccessMutation, AuditLogRevokePartnerAccessMutationVariables>;
export const AuditLogCreateApiCredentialDocument = new TypedDocumentString(`
    mutation AuditLogCreateApiCredential {
  createApiCredential(name: "Nightly export") {
    clientSecret
    credential {
      id
      name
      clientId
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogCreateApiCredentialMutation, AuditLogCreateApiCredentialMutationVariables>;
export const AuditLogRevokeDocument = new TypedDocumentString(`
    mutation AuditLogRevoke($id: ID!) {
  revokeApiCredential(id: $id) {
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<AuditLogRevokeMutation, AuditLogRevokeMutationVariables>;
export const RequestDocument = new TypedDocumentString(`
    mutation Request($p: String!) {
  requestPartnerIdChange(partnerId: $p, reason: "Rebranding") {
    id
  }
}
    `) as unknown as TypedDocumentString<RequestMutation, RequestMutationVariables>;
export const DecideDocument = new TypedDocumentString(`
    mutation Decide($id: ID!, $approve: Boolean!) {
  decidePartnerIdChange(requestId: $id, approve: $approve) {
    status
  }
}
    `) as unknown as TypedDocumentString<DecideMutation, DecideMutationVariables>;
export const AuditCreatePartnerAccountDocument = new TypedDocumentString(`
    mutation AuditCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(
    organizationName: $name
    partnerId: $partnerId
    admin: $admin
    mfaEnrolmentToken: $token
    totpCode: $code
  ) {
    accessToken
    recoveryCodes
    user {
      organization {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditCreatePartnerAccountMutation, AuditCreatePartnerAccountMutationVariables>;
export const AuditLogViewerDocument = new TypedDocumentString(`
    query AuditLogViewer {
  viewer {
    user {
      organization {
        auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {
          nodes {
            action
            at
            actor {
              kind
              id
              user {
                email
              }
            }
            user {
              email
            }
            signInFailure
            partnerAccess {
              partner {
                name
              }
              administrator
              apiDeviceData
            }
            apiCredential {
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
    `) as unknown as TypedDocumentString<AuditLogViewerQuery, AuditLogViewerQueryVariables>;
export const FirstDocument = new TypedDocumentString(`
    query First {
  __typename
}
    `) as unknown as TypedDocumentString<FirstQuery, FirstQueryVariables>;
export const SecondDocument = new TypedDocumentString(`
    query Second {
  organizations {
    pageInfo {
      hasNextPage
    }
  }
}
    `) as unknown as TypedDocumentString<SecondQuery, SecondQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($first: Int) {
  organizations(first: $first) {
    nodes {
      id
      name
      kind
      partnerId
      subscriptions {
        product
        deviceAllowance
        startsOn
        endsOn
        status
      }
      devices(first: 100) {
        nodes {
          name
          make
          model
          serialNumber
          firmwareRevision
          ipAddress
          sensors {
            type
            unit
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const DocsSignInDocument = new TypedDocumentString(`
    mutation DocsSignIn($e: String!, $p: String!, $t: String) {
  signIn(email: $e, password: $p, totpCode: $t) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<DocsSignInMutation, DocsSignInMutationVariables>;
export const UnacknowledgedIncidentsDocument = new TypedDocumentString(`
    query UnacknowledgedIncidents($c: ID!) {
  organization(id: $c) {
    devices(first: 50) {
      nodes {
        incidents(open: true) {
          nodes {
            id
            acknowledgement {
              at
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnacknowledgedIncidentsQuery, UnacknowledgedIncidentsQueryVariables>;
export const DocsViewerMfaDocument = new TypedDocumentString(`
    query DocsViewerMfa {
  viewer {
    mfa
  }
}
    `) as unknown as TypedDocumentString<DocsViewerMfaQuery, DocsViewerMfaQueryVariables>;
export const InviteDocument = new TypedDocumentString(`
    mutation Invite($email: String!) {
  inviteUser(email: $email, role: VIEWER) {
    email
  }
}
    `) as unknown as TypedDocumentString<InviteMutation, InviteMutationVariables>;
export const DeviceOwnersDocument = new TypedDocumentString(`
    query DeviceOwners {
  organizations(first: 100) {
    nodes {
      name
      devices(first: 100) {
        nodes {
          id
          organization {
            id
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceOwnersQuery, DeviceOwnersQueryVariables>;
export const UsageFirmwareDocument = new TypedDocumentString(`
    query UsageFirmware {
  organizations {
    nodes {
      id
      devices(first: 5) {
        nodes {
          id
          firmwareRevision
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsageFirmwareQuery, UsageFirmwareQueryVariables>;
export const UsageDeviceNamesDocument = new TypedDocumentString(`
    query UsageDeviceNames {
  organizations {
    nodes {
      id
      devices {
        nodes {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsageDeviceNamesQuery, UsageDeviceNamesQueryVariables>;
export const UsageFirmwareThroughFragmentDocument = new TypedDocumentString(`
    query UsageFirmwareThroughFragment {
  organizations {
    nodes {
      id
      devices {
        nodes {
          id
          ...UsageFirmwareFields
        }
      }
    }
  }
}
    fragment UsageFirmwareFields on Device {
  firmwareRevision
}`) as unknown as TypedDocumentString<UsageFirmwareThroughFragmentQuery, UsageFirmwareThroughFragmentQueryVariables>;
export const GatewayTypenameDocument = new TypedDocumentString(`
    query GatewayTypename {
  __typename
}
    `) as unknown as TypedDocumentString<GatewayTypenameQuery, GatewayTypenameQueryVariables>;
export const IntrospectionDocument = new TypedDocumentString(`
    query Introspection {
  __schema {
    types {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<IntrospectionQuery, IntrospectionQueryVariables>;
export const OrganizationsDocument = new TypedDocumentString(`
    query Organizations {
  organizations {
    nodes {
      name
      subscriptions {
        product
      }
      devices {
        nodes {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationsQuery, OrganizationsQueryVariables>;
export const GracefulDrainOrganizationsDocument = new TypedDocumentString(`
    query GracefulDrainOrganizations {
  organizations {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<GracefulDrainOrganizationsQuery, GracefulDrainOrganizationsQueryVariables>;
export const InternalErrorsOrganizationsDocument = new TypedDocumentString(`
    query InternalErrorsOrganizations {
  organizations {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<InternalErrorsOrganizationsQuery, InternalErrorsOrganizationsQueryVariables>;
export const InvitationsInviteUserDocument = new TypedDocumentString(`
    mutation InvitationsInviteUser($email: String!, $role: OrganizationRole!) {
  inviteUser(email: $email, role: $role) {
    ...InvitationFields
  }
}
    fragment InvitationFields on Invitation {
  id
  kind
  email
  role
  organization {
    id
  }
  expiresAt
}`) as unknown as TypedDocumentString<InvitationsInviteUserMutation, InvitationsInviteUserMutationVariables>;
export const InvitationsInviteCustomerDocument = new TypedDocumentString(`
    mutation InvitationsInviteCustomer($email: String!) {
  inviteCustomer(email: $email) {
    ...InvitationFields
  }
}
    fragment InvitationFields on Invitation {
  id
  kind
  email
  role
  organization {
    id
  }
  expiresAt
}`) as unknown as TypedDocumentString<InvitationsInviteCustomerMutation, InvitationsInviteCustomerMutationVariables>;
export const AcceptDocument = new TypedDocumentString(`
    mutation Accept($token: String!, $displayName: String!, $password: String!) {
  acceptUserInvitation(
    token: $token
    displayName: $displayName
    password: $password
  ) {
    accessToken
    user {
      email
      displayName
      role
      organization {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptMutation, AcceptMutationVariables>;
export const ApproveDocument = new TypedDocumentString(`
    mutation Approve($token: String!) {
  approvePartner(token: $token) {
    partner {
      id
    }
    customer {
      id
    }
    administrator
    apiDeviceData
  }
}
    `) as unknown as TypedDocumentString<ApproveMutation, ApproveMutationVariables>;
export const InvitationsRevokeDocument = new TypedDocumentString(`
    mutation InvitationsRevoke($partner: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partner)
}
    `) as unknown as TypedDocumentString<InvitationsRevokeMutation, InvitationsRevokeMutationVariables>;
export const GrantsDocument = new TypedDocumentString(`
    query Grants($id: ID!) {
  organization(id: $id) {
    partnerAccess {
      partner {
        id
      }
      customer {
        id
      }
      administrator
      apiDeviceData
    }
  }
}
    `) as unknown as TypedDocumentString<GrantsQuery, GrantsQueryVariables>;
export const HistoryDocument = new TypedDocumentString(`
    query History($id: ID!) {
  organization(id: $id) {
    partnerAccessHistory {
      action
      actor {
        email
      }
    }
  }
}
    `) as unknown as TypedDocumentString<HistoryQuery, HistoryQueryVariables>;
export const InvitationsViewerDocument = new TypedDocumentString(`
    query InvitationsViewer {
  viewer {
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationsViewerQuery, InvitationsViewerQueryVariables>;
export const InvitationsSignInDocument = new TypedDocumentString(`
    mutation InvitationsSignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) {
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<InvitationsSignInMutation, InvitationsSignInMutationVariables>;
export const AcceptUserInvitationDocument = new TypedDocumentString(`
    mutation AcceptUserInvitation($t: String!, $p: String!, $c: String) {
  acceptUserInvitation(
    token: $t
    displayName: "Engineer"
    password: $p
    totpCode: $c
  ) {
    user {
      email
      role
      organization {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AcceptUserInvitationMutation, AcceptUserInvitationMutationVariables>;
export const AccessEndsWatchDocument = new TypedDocumentString(`
    subscription AccessEndsWatch($after: String) {
  incidentEvents(after: $after) {
    cursor
    incidentId
    incident {
      id
      device {
        id
        ipAddress
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AccessEndsWatchSubscription, AccessEndsWatchSubscriptionVariables>;
export const AccessEndsFeedPositionDocument = new TypedDocumentString(`
    query AccessEndsFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<AccessEndsFeedPositionQuery, AccessEndsFeedPositionQueryVariables>;
export const AccessEndsCreateCredentialDocument = new TypedDocumentString(`
    mutation AccessEndsCreateCredential($name: String!, $customerIds: [ID!]) {
  createApiCredential(name: $name, customerIds: $customerIds) {
    clientSecret
    credential {
      id
      clientId
    }
  }
}
    `) as unknown as TypedDocumentString<AccessEndsCreateCredentialMutation, AccessEndsCreateCredentialMutationVariables>;
export const AccessEndsRevokeCredentialDocument = new TypedDocumentString(`
    mutation AccessEndsRevokeCredential($id: ID!) {
  revokeApiCredential(id: $id) {
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<AccessEndsRevokeCredentialMutation, AccessEndsRevokeCredentialMutationVariables>;
export const AccessEndsSetPartnerAccessDocument = new TypedDocumentString(`
    mutation AccessEndsSetPartnerAccess($id: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
  setPartnerAccess(
    partnerOrganizationId: $id
    administrator: $administrator
    apiDeviceData: $apiDeviceData
  ) {
    administrator
    apiDeviceData
  }
}
    `) as unknown as TypedDocumentString<AccessEndsSetPartnerAccessMutation, AccessEndsSetPartnerAccessMutationVariables>;
export const LiveClientIncidentsDocument = new TypedDocumentString(`
    query LiveClientIncidents($id: ID!) {
  organization(id: $id) {
    id
    devices(first: 10) {
      nodes {
        id
        incidents(first: 10) {
          nodes {
            id
            severity
            clearedAt
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveClientIncidentsQuery, LiveClientIncidentsQueryVariables>;
export const LiveClientWatchDocument = new TypedDocumentString(`
    subscription LiveClientWatch($after: String) {
  incidentEvents(after: $after) {
    cursor
    kind
    incident {
      id
      severity
      clearedAt
    }
  }
}
    `) as unknown as TypedDocumentString<LiveClientWatchSubscription, LiveClientWatchSubscriptionVariables>;
export const LiveClientFeedPositionDocument = new TypedDocumentString(`
    query LiveClientFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<LiveClientFeedPositionQuery, LiveClientFeedPositionQueryVariables>;
export const LiveClientRecordAlarmsDocument = new TypedDocumentString(`
    mutation LiveClientRecordAlarms($alarms: [AlarmInput!]!) {
  recordAlarms(alarms: $alarms) {
    raised
    cleared
    reactivated
    duplicates
  }
}
    `) as unknown as TypedDocumentString<LiveClientRecordAlarmsMutation, LiveClientRecordAlarmsMutationVariables>;
export const LiveWatchDocument = new TypedDocumentString(`
    subscription LiveWatch($organizationIds: [ID!], $severities: [IncidentSeverity!], $after: String) {
  incidentEvents(
    organizationIds: $organizationIds
    severities: $severities
    after: $after
  ) {
    cursor
    kind
    incidentId
    incident {
      id
      severity
      clearedAt
      device {
        id
        ipAddress
        organization {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LiveWatchSubscription, LiveWatchSubscriptionVariables>;
export const LiveFeedPositionDocument = new TypedDocumentString(`
    query LiveFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<LiveFeedPositionQuery, LiveFeedPositionQueryVariables>;
export const LiveAcknowledgeDocument = new TypedDocumentString(`
    mutation LiveAcknowledge($id: ID!) {
  acknowledgeIncident(incidentId: $id, note: "on it") {
    id
  }
}
    `) as unknown as TypedDocumentString<LiveAcknowledgeMutation, LiveAcknowledgeMutationVariables>;
export const LiveRevokeDocument = new TypedDocumentString(`
    mutation LiveRevoke($id: ID!) {
  revokePartnerAccess(partnerOrganizationId: $id)
}
    `) as unknown as TypedDocumentString<LiveRevokeMutation, LiveRevokeMutationVariables>;
export const LimitsWatchDocument = new TypedDocumentString(`
    subscription LimitsWatch($organizationIds: [ID!], $after: String) {
  incidentEvents(organizationIds: $organizationIds, after: $after) {
    cursor
    incidentId
    incident {
      id
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LimitsWatchSubscription, LimitsWatchSubscriptionVariables>;
export const LimitsFeedPositionDocument = new TypedDocumentString(`
    query LimitsFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<LimitsFeedPositionQuery, LimitsFeedPositionQueryVariables>;
export const LiveReadingsDocument = new TypedDocumentString(`
    subscription LiveReadings($sensorIds: [ID!]!, $after: String) {
  sensorReadings(sensorIds: $sensorIds, after: $after) {
    cursor
    sensor {
      id
      type
      unit
      device {
        id
        ipAddress
      }
    }
    reading {
      at
      value
    }
  }
}
    `) as unknown as TypedDocumentString<LiveReadingsSubscription, LiveReadingsSubscriptionVariables>;
export const LiveReadingsRecordDocument = new TypedDocumentString(`
    mutation LiveReadingsRecord($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<LiveReadingsRecordMutation, LiveReadingsRecordMutationVariables>;
export const ReplicasWatchDocument = new TypedDocumentString(`
    subscription ReplicasWatch($after: String) {
  incidentEvents(after: $after) {
    cursor
    kind
    incidentId
  }
}
    `) as unknown as TypedDocumentString<ReplicasWatchSubscription, ReplicasWatchSubscriptionVariables>;
export const ReplicasFeedPositionDocument = new TypedDocumentString(`
    query ReplicasFeedPosition {
  incidentEventsFeed {
    cursor
  }
}
    `) as unknown as TypedDocumentString<ReplicasFeedPositionQuery, ReplicasFeedPositionQueryVariables>;
export const ReplicasRevokeDocument = new TypedDocumentString(`
    mutation ReplicasRevoke($id: ID!) {
  revokePartnerAccess(partnerOrganizationId: $id)
}
    `) as unknown as TypedDocumentString<ReplicasRevokeMutation, ReplicasRevokeMutationVariables>;
export const LiveRaceFeedDocument = new TypedDocumentString(`
    query LiveRaceFeed($after: String) {
  incidentEventsFeed(after: $after) {
    cursor
    events {
      incidentId
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<LiveRaceFeedQuery, LiveRaceFeedQueryVariables>;
export const LiveRaceRevokeDocument = new TypedDocumentString(`
    mutation LiveRaceRevoke($id: ID!) {
  revokePartnerAccess(partnerOrganizationId: $id)
}
    `) as unknown as TypedDocumentString<LiveRaceRevokeMutation, LiveRaceRevokeMutationVariables>;
export const MetricsDevicesDocument = new TypedDocumentString(`
    query MetricsDevices {
  organizations {
    nodes {
      id
      devices {
        nodes {
          id
          name
          firmwareRevision
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MetricsDevicesQuery, MetricsDevicesQueryVariables>;
export const MetricsLicencesDocument = new TypedDocumentString(`
    query MetricsLicences {
  organizations {
    nodes {
      id
      subscriptions {
        id
        product
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MetricsLicencesQuery, MetricsLicencesQueryVariables>;
export const MetricsRecordReadingsDocument = new TypedDocumentString(`
    mutation MetricsRecordReadings($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<MetricsRecordReadingsMutation, MetricsRecordReadingsMutationVariables>;
export const MetricsWatchIncidentsDocument = new TypedDocumentString(`
    subscription MetricsWatchIncidents {
  incidentEvents {
    cursor
    kind
  }
}
    `) as unknown as TypedDocumentString<MetricsWatchIncidentsSubscription, MetricsWatchIncidentsSubscriptionVariables>;
export const MfaSignInDocument = new TypedDocumentString(`
    mutation MfaSignIn($e: String!, $p: String!, $t: String) {
  signIn(email: $e, password: $p, totpCode: $t) {
    ...MfaSession
  }
}
    fragment MfaSession on Session {
  accessToken
  refreshToken
  recoveryCodes
  user {
    email
    mfaEnabled
  }
}`) as unknown as TypedDocumentString<MfaSignInMutation, MfaSignInMutationVariables>;
export const MfaRefreshDocument = new TypedDocumentString(`
    mutation MfaRefresh($t: String!) {
  refreshSession(refreshToken: $t) {
    ...MfaSession
  }
}
    fragment MfaSession on Session {
  accessToken
  refreshToken
  recoveryCodes
  user {
    email
    mfaEnabled
  }
}`) as unknown as TypedDocumentString<MfaRefreshMutation, MfaRefreshMutationVariables>;
export const MfaEnforcementInviteUserDocument = new TypedDocumentString(`
    mutation MfaEnforcementInviteUser($e: String!, $r: OrganizationRole!) {
  inviteUser(email: $e, role: $r) {
    id
  }
}
    `) as unknown as TypedDocumentString<MfaEnforcementInviteUserMutation, MfaEnforcementInviteUserMutationVariables>;
export const MfaAcceptDocument = new TypedDocumentString(`
    mutation MfaAccept($t: String!, $p: String!, $c: String) {
  acceptUserInvitation(
    token: $t
    displayName: "New Person"
    password: $p
    totpCode: $c
  ) {
    ...MfaSession
  }
}
    fragment MfaSession on Session {
  accessToken
  refreshToken
  recoveryCodes
  user {
    email
    mfaEnabled
  }
}`) as unknown as TypedDocumentString<MfaAcceptMutation, MfaAcceptMutationVariables>;
export const MfaCreatePartnerAccountDocument = new TypedDocumentString(`
    mutation MfaCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(
    organizationName: $name
    partnerId: $partnerId
    admin: $admin
    mfaEnrolmentToken: $token
    totpCode: $code
  ) {
    ...MfaSession
  }
}
    fragment MfaSession on Session {
  accessToken
  refreshToken
  recoveryCodes
  user {
    email
    mfaEnabled
  }
}`) as unknown as TypedDocumentString<MfaCreatePartnerAccountMutation, MfaCreatePartnerAccountMutationVariables>;
export const StartFromLinkDocument = new TypedDocumentString(`
    mutation StartFromLink($t: String!) {
  startMfaEnrolmentFromLink(token: $t) {
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<StartFromLinkMutation, StartFromLinkMutationVariables>;
export const ConfirmFromLinkDocument = new TypedDocumentString(`
    mutation ConfirmFromLink($t: String!, $c: String!) {
  confirmMfaEnrolmentFromLink(token: $t, totpCode: $c)
}
    `) as unknown as TypedDocumentString<ConfirmFromLinkMutation, ConfirmFromLinkMutationVariables>;
export const SetRequirementDocument = new TypedDocumentString(`
    mutation SetRequirement($r: Boolean!) {
  setOrganizationMfaRequirement(required: $r) {
    id
    requireMfa
  }
}
    `) as unknown as TypedDocumentString<SetRequirementMutation, SetRequirementMutationVariables>;
export const MfaEnforcementViewerDocument = new TypedDocumentString(`
    query MfaEnforcementViewer {
  viewer {
    mfa
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<MfaEnforcementViewerQuery, MfaEnforcementViewerQueryVariables>;
export const StartInvitationMfaEnrolmentDocument = new TypedDocumentString(`
    mutation StartInvitationMfaEnrolment {
  startInvitationMfaEnrolment(token: "made-up") {
    secret
  }
}
    `) as unknown as TypedDocumentString<StartInvitationMfaEnrolmentMutation, StartInvitationMfaEnrolmentMutationVariables>;
export const MfaEnforcementCreateDocument = new TypedDocumentString(`
    mutation MfaEnforcementCreate($name: String!, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(
    organizationName: $name
    admin: $admin
    mfaEnrolmentToken: $token
    totpCode: $code
  ) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<MfaEnforcementCreateMutation, MfaEnforcementCreateMutationVariables>;
export const StartPartnerAccountMfaEnrolmentDocument = new TypedDocumentString(`
    mutation StartPartnerAccountMfaEnrolment($e: String!) {
  startPartnerAccountMfaEnrolment(adminEmail: $e) {
    enrolmentToken
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<StartPartnerAccountMfaEnrolmentMutation, StartPartnerAccountMfaEnrolmentMutationVariables>;
export const ReadDocument = new TypedDocumentString(`
    query Read($id: ID!) {
  organization(id: $id) {
    requireMfa
  }
}
    `) as unknown as TypedDocumentString<ReadQuery, ReadQueryVariables>;
export const LogDocument = new TypedDocumentString(`
    query Log($id: ID!) {
  organization(id: $id) {
    auditEvents(actions: [ORGANIZATION_MFA_REQUIREMENT_CHANGED]) {
      nodes {
        action
        requireMfa
        actor {
          kind
          user {
            email
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LogQuery, LogQueryVariables>;
export const FeedsDocument = new TypedDocumentString(`
    query Feeds {
  inventoryChanges(first: 5) {
    changes {
      deviceId
    }
  }
  incidentChanges(first: 5) {
    changes {
      incidentId
    }
  }
}
    `) as unknown as TypedDocumentString<FeedsQuery, FeedsQueryVariables>;
export const OutagesOrganizationsDocument = new TypedDocumentString(`
    query OutagesOrganizations {
  organizations(first: 100) {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OutagesOrganizationsQuery, OutagesOrganizationsQueryVariables>;
export const PartnerAccessDocument = new TypedDocumentString(`
    query PartnerAccess($id: ID!) {
  organization(id: $id) {
    id
    name
    partnerAccess {
      partner {
        id
        name
      }
      customer {
        id
        name
      }
      administrator
      apiDeviceData
      grantedAt
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccessQuery, PartnerAccessQueryVariables>;
export const PartnerAccessHistoryDocument = new TypedDocumentString(`
    query PartnerAccessHistory($id: ID!) {
  organization(id: $id) {
    id
    name
    partnerAccessHistory {
      action
      actor {
        email
      }
      administrator
      apiDeviceData
      at
      partner {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccessHistoryQuery, PartnerAccessHistoryQueryVariables>;
export const SetPartnerAccessDocument = new TypedDocumentString(`
    mutation SetPartnerAccess($partnerOrganizationId: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
  setPartnerAccess(
    partnerOrganizationId: $partnerOrganizationId
    administrator: $administrator
    apiDeviceData: $apiDeviceData
  ) {
    partner {
      id
      name
    }
    customer {
      id
      name
    }
    administrator
    apiDeviceData
    grantedAt
  }
}
    `) as unknown as TypedDocumentString<SetPartnerAccessMutation, SetPartnerAccessMutationVariables>;
export const PartnerAccessRevokePartnerAccessDocument = new TypedDocumentString(`
    mutation PartnerAccessRevokePartnerAccess($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<PartnerAccessRevokePartnerAccessMutation, PartnerAccessRevokePartnerAccessMutationVariables>;
export const SuggestDocument = new TypedDocumentString(`
    query Suggest($name: String!) {
  suggestPartnerId(organizationName: $name)
}
    `) as unknown as TypedDocumentString<SuggestQuery, SuggestQueryVariables>;
export const CreatePartnerAccountDocument = new TypedDocumentString(`
    mutation CreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {
  createPartnerAccount(
    organizationName: $name
    partnerId: $partnerId
    admin: $admin
    mfaEnrolmentToken: $token
    totpCode: $code
  ) {
    accessToken
    user {
      email
      role
      organization {
        id
        name
        kind
        partnerId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreatePartnerAccountMutation, CreatePartnerAccountMutationVariables>;
export const PartnerAccountsRequestDocument = new TypedDocumentString(`
    mutation PartnerAccountsRequest($partnerId: String!, $reason: String!) {
  requestPartnerIdChange(partnerId: $partnerId, reason: $reason) {
    id
    previousPartnerId
    requestedPartnerId
    reason
    status
    requestedBy {
      email
    }
    decidedBy
    decidedAt
  }
}
    `) as unknown as TypedDocumentString<PartnerAccountsRequestMutation, PartnerAccountsRequestMutationVariables>;
export const PartnerAccountsDecideDocument = new TypedDocumentString(`
    mutation PartnerAccountsDecide($id: ID!, $approve: Boolean!, $note: String) {
  decidePartnerIdChange(requestId: $id, approve: $approve, note: $note) {
    id
    status
    previousPartnerId
    requestedPartnerId
    decidedBy
    decidedAt
    decisionNote
    organization {
      partnerId
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccountsDecideMutation, PartnerAccountsDecideMutationVariables>;
export const PendingDocument = new TypedDocumentString(`
    query Pending {
  pendingPartnerIdChangeRequests {
    id
    requestedPartnerId
    organization {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<PendingQuery, PendingQueryVariables>;
export const PartnerAccountsHistoryDocument = new TypedDocumentString(`
    query PartnerAccountsHistory($id: ID!) {
  organization(id: $id) {
    partnerId
    partnerIdChangeRequests {
      status
      previousPartnerId
      requestedPartnerId
      decidedBy
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccountsHistoryQuery, PartnerAccountsHistoryQueryVariables>;
export const PartnerAccountsViewerDocument = new TypedDocumentString(`
    query PartnerAccountsViewer {
  viewer {
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerAccountsViewerQuery, PartnerAccountsViewerQueryVariables>;
export const ReplicaRecordDocument = new TypedDocumentString(`
    mutation ReplicaRecord($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<ReplicaRecordMutation, ReplicaRecordMutationVariables>;
export const ReplicaAcknowledgeDocument = new TypedDocumentString(`
    mutation ReplicaAcknowledge($incidentId: ID!) {
  acknowledgeIncident(incidentId: $incidentId, note: "Battery ordered") {
    id
    acknowledgement {
      note
    }
  }
}
    `) as unknown as TypedDocumentString<ReplicaAcknowledgeMutation, ReplicaAcknowledgeMutationVariables>;
export const ReplicaDevicesDocument = new TypedDocumentString(`
    query ReplicaDevices($organization: ID!, $from: String!, $to: String!) {
  organization(id: $organization) {
    id
    devices(first: 10) {
      nodes {
        id
        incidents(first: 10) {
          nodes {
            id
            acknowledgement {
              note
            }
          }
        }
        sensors {
          id
          latest {
            at
            value
          }
          history(from: $from, to: $to, maxPoints: 500) {
            resolution
            buckets {
              start
              max
              count
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReplicaDevicesQuery, ReplicaDevicesQueryVariables>;
export const RequestLogsCustomerDevicesDocument = new TypedDocumentString(`
    query RequestLogsCustomerDevices {
  organizations {
    nodes {
      id
      name
      devices(first: 5) {
        nodes {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RequestLogsCustomerDevicesQuery, RequestLogsCustomerDevicesQueryVariables>;
export const RequestLogsTypenameDocument = new TypedDocumentString(`
    query RequestLogsTypename {
  __typename
}
    `) as unknown as TypedDocumentString<RequestLogsTypenameQuery, RequestLogsTypenameQueryVariables>;
export const DevicesDocument = new TypedDocumentString(`
    query Devices {
  organizations {
    nodes {
      id
      devices {
        nodes {
          id
          name
          ipAddress
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DevicesQuery, DevicesQueryVariables>;
export const RevokePartnerAccessInRaceDocument = new TypedDocumentString(`
    mutation RevokePartnerAccessInRace($id: ID!) {
  revokePartnerAccess(partnerOrganizationId: $id)
}
    `) as unknown as TypedDocumentString<RevokePartnerAccessInRaceMutation, RevokePartnerAccessInRaceMutationVariables>;
export const WithdrawDocument = new TypedDocumentString(`
    mutation Withdraw($id: ID!) {
  setPartnerAccess(
    partnerOrganizationId: $id
    administrator: false
    apiDeviceData: false
  ) {
    administrator
  }
}
    `) as unknown as TypedDocumentString<WithdrawMutation, WithdrawMutationVariables>;
export const RevocationRacesCreateDocument = new TypedDocumentString(`
    mutation RevocationRacesCreate($name: String!, $customerIds: [ID!]) {
  createApiCredential(name: $name, customerIds: $customerIds) {
    clientSecret
    credential {
      id
      clientId
    }
  }
}
    `) as unknown as TypedDocumentString<RevocationRacesCreateMutation, RevocationRacesCreateMutationVariables>;
export const RevocationRacesWithdrawDocument = new TypedDocumentString(`
    mutation RevocationRacesWithdraw($id: ID!) {
  setPartnerAccess(
    partnerOrganizationId: $id
    administrator: false
    apiDeviceData: false
  ) {
    apiDeviceData
  }
}
    `) as unknown as TypedDocumentString<RevocationRacesWithdrawMutation, RevocationRacesWithdrawMutationVariables>;
export const RevokeApiCredentialInRaceDocument = new TypedDocumentString(`
    mutation RevokeApiCredentialInRace($id: ID!) {
  revokeApiCredential(id: $id) {
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<RevokeApiCredentialInRaceMutation, RevokeApiCredentialInRaceMutationVariables>;
export const SecretsAtRestSignInDocument = new TypedDocumentString(`
    mutation SecretsAtRestSignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {
  signIn(
    email: $email
    password: $password
    totpCode: $totpCode
    recoveryCode: $recoveryCode
  ) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<SecretsAtRestSignInMutation, SecretsAtRestSignInMutationVariables>;
export const SecretsAtRestViewerDocument = new TypedDocumentString(`
    query SecretsAtRestViewer {
  viewer {
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SecretsAtRestViewerQuery, SecretsAtRestViewerQueryVariables>;
export const SecretsAtRestEnrollMfaDocument = new TypedDocumentString(`
    mutation SecretsAtRestEnrollMfa {
  enrollMfa {
    secret
  }
}
    `) as unknown as TypedDocumentString<SecretsAtRestEnrollMfaMutation, SecretsAtRestEnrollMfaMutationVariables>;
export const SecretsAtRestConfirmMfaDocument = new TypedDocumentString(`
    mutation SecretsAtRestConfirmMfa($c: String!) {
  confirmMfa(totpCode: $c)
}
    `) as unknown as TypedDocumentString<SecretsAtRestConfirmMfaMutation, SecretsAtRestConfirmMfaMutationVariables>;
export const SignInWithTotpDocument = new TypedDocumentString(`
    mutation SignInWithTotp($email: String!, $password: String!, $totpCode: String) {
  signIn(email: $email, password: $password, totpCode: $totpCode) {
    accessToken
    tokenType
    expiresIn
    user {
      email
      role
      mfaEnabled
      organization {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SignInWithTotpMutation, SignInWithTotpMutationVariables>;
export const SignInViewerDocument = new TypedDocumentString(`
    query SignInViewer {
  viewer {
    mfa
    user {
      email
      role
      organization {
        name
        kind
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SignInViewerQuery, SignInViewerQueryVariables>;
export const EnrollMfaForUriDocument = new TypedDocumentString(`
    mutation EnrollMfaForUri {
  enrollMfa {
    secret
    otpauthUri
  }
}
    `) as unknown as TypedDocumentString<EnrollMfaForUriMutation, EnrollMfaForUriMutationVariables>;
export const SignInConfirmMfaDocument = new TypedDocumentString(`
    mutation SignInConfirmMfa($c: String!) {
  confirmMfa(totpCode: $c)
}
    `) as unknown as TypedDocumentString<SignInConfirmMfaMutation, SignInConfirmMfaMutationVariables>;
export const SignInWithRecoveryCodeDocument = new TypedDocumentString(`
    mutation SignInWithRecoveryCode($p: String!, $r: String) {
  signIn(email: "enrolling@contoso.example", password: $p, recoveryCode: $r) {
    accessToken
  }
}
    `) as unknown as TypedDocumentString<SignInWithRecoveryCodeMutation, SignInWithRecoveryCodeMutationVariables>;
export const SignInRefreshDocument = new TypedDocumentString(`
    mutation SignInRefresh($t: String!) {
  refreshSession(refreshToken: $t) {
    accessToken
    refreshToken
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SignInRefreshMutation, SignInRefreshMutationVariables>;
export const SignInForRefreshTokenDocument = new TypedDocumentString(`
    mutation SignInForRefreshToken($p: String!) {
  signIn(email: "admin@contoso.example", password: $p) {
    refreshToken
  }
}
    `) as unknown as TypedDocumentString<SignInForRefreshTokenMutation, SignInForRefreshTokenMutationVariables>;
export const NamesAndDevicesDocument = new TypedDocumentString(`
    query NamesAndDevices {
  organizations(first: 100) {
    nodes {
      name
      devices {
        nodes {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NamesAndDevicesQuery, NamesAndDevicesQueryVariables>;
export const NamesAndLicencesDocument = new TypedDocumentString(`
    query NamesAndLicences {
  organizations(first: 100) {
    nodes {
      name
      subscriptions {
        product
      }
    }
  }
}
    `) as unknown as TypedDocumentString<NamesAndLicencesQuery, NamesAndLicencesQueryVariables>;
export const LicencesOnlyDocument = new TypedDocumentString(`
    query LicencesOnly {
  organizations {
    nodes {
      subscriptions {
        product
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LicencesOnlyQuery, LicencesOnlyQueryVariables>;
export const NamesOnlyDocument = new TypedDocumentString(`
    query NamesOnly {
  organizations {
    nodes {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<NamesOnlyQuery, NamesOnlyQueryVariables>;
export const IssueKeyDocument = new TypedDocumentString(`
    mutation IssueKey($product: String!, $termMonths: Int!, $deviceAllowance: Int!, $installerEmails: [String!]!, $issuedOn: String) {
  issueLicenseKey(
    product: $product
    termMonths: $termMonths
    deviceAllowance: $deviceAllowance
    installerEmails: $installerEmails
    issuedOn: $issuedOn
  ) {
    key
    product
    termMonths
    deviceAllowance
    installerEmails
    issuedOn
  }
}
    `) as unknown as TypedDocumentString<IssueKeyMutation, IssueKeyMutationVariables>;
export const IssueVoucherDocument = new TypedDocumentString(`
    mutation IssueVoucher($credits: Int!) {
  issueVoucher(credits: $credits)
}
    `) as unknown as TypedDocumentString<IssueVoucherMutation, IssueVoucherMutationVariables>;
export const RedeemDocument = new TypedDocumentString(`
    mutation Redeem($customerId: ID!, $key: String!, $startDate: String!) {
  redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) {
    ...LicenseFields
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<RedeemMutation, RedeemMutationVariables>;
export const RedeemVoucherDocument = new TypedDocumentString(`
    mutation RedeemVoucher($code: String!) {
  redeemVoucher(code: $code)
}
    `) as unknown as TypedDocumentString<RedeemVoucherMutation, RedeemVoucherMutationVariables>;
export const ActivateDocument = new TypedDocumentString(`
    mutation Activate($customerId: ID!, $product: String!, $deviceAllowance: Int!, $months: Int!, $startDate: String!, $installerEmails: [String!]!, $idempotencyKey: String!) {
  activateSubscription(
    customerId: $customerId
    product: $product
    deviceAllowance: $deviceAllowance
    months: $months
    startDate: $startDate
    installerEmails: $installerEmails
    idempotencyKey: $idempotencyKey
  ) {
    ...LicenseFields
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<ActivateMutation, ActivateMutationVariables>;
export const RenewDocument = new TypedDocumentString(`
    mutation Renew($subscriptionId: ID!, $months: Int!, $idempotencyKey: String!) {
  renewSubscription(
    subscriptionId: $subscriptionId
    months: $months
    idempotencyKey: $idempotencyKey
  ) {
    ...LicenseFields
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<RenewMutation, RenewMutationVariables>;
export const AmendDocument = new TypedDocumentString(`
    mutation Amend($subscriptionId: ID!, $addDevices: Int!, $addMonths: Int!, $idempotencyKey: String!) {
  amendSubscription(
    subscriptionId: $subscriptionId
    addDevices: $addDevices
    addMonths: $addMonths
    idempotencyKey: $idempotencyKey
  ) {
    ...LicenseFields
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<AmendMutation, AmendMutationVariables>;
export const PricesDocument = new TypedDocumentString(`
    query Prices {
  creditPrices {
    product
    creditsPerDeviceMonth
  }
}
    `) as unknown as TypedDocumentString<PricesQuery, PricesQueryVariables>;
export const SubscriptionsDocument = new TypedDocumentString(`
    query Subscriptions($id: ID!, $status: [SubscriptionStatus!]) {
  organization(id: $id) {
    id
    subscriptions(status: $status) {
      ...LicenseFields
    }
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<SubscriptionsQuery, SubscriptionsQueryVariables>;
export const CreditsDocument = new TypedDocumentString(`
    query Credits($id: ID!) {
  organization(id: $id) {
    id
    creditBalance
    creditMovements(first: 100) {
      id
      kind
      amount
      balanceAfter
      subscription {
        id
      }
      at
    }
  }
}
    `) as unknown as TypedDocumentString<CreditsQuery, CreditsQueryVariables>;
export const ExpiringSubscriptionsDocument = new TypedDocumentString(`
    query ExpiringSubscriptions {
  organizations {
    nodes {
      id
      subscriptions(status: [EXPIRING]) {
        ...LicenseFields
      }
    }
  }
}
    fragment LicenseFields on SubscriptionLicense {
  id
  product
  deviceAllowance
  startsOn
  endsOn
  status
  organization {
    id
  }
}`) as unknown as TypedDocumentString<ExpiringSubscriptionsQuery, ExpiringSubscriptionsQueryVariables>;
export const SubscriptionsLicensingRevokeDocument = new TypedDocumentString(`
    mutation SubscriptionsLicensingRevoke($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<SubscriptionsLicensingRevokeMutation, SubscriptionsLicensingRevokeMutationVariables>;
export const SubscriptionsLicensingCreateDocument = new TypedDocumentString(`
    mutation SubscriptionsLicensingCreate($name: String!) {
  createApiCredential(name: $name) {
    clientSecret
    credential {
      clientId
    }
  }
}
    `) as unknown as TypedDocumentString<SubscriptionsLicensingCreateMutation, SubscriptionsLicensingCreateMutationVariables>;
export const SupergraphReloadDashboardDocument = new TypedDocumentString(`
    query SupergraphReloadDashboard {
  organizations(first: 100) {
    nodes {
      name
      subscriptions {
        product
      }
      devices {
        nodes {
          name
          sensors {
            type
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SupergraphReloadDashboardQuery, SupergraphReloadDashboardQueryVariables>;
export const TypeDocument = new TypedDocumentString(`
    query Type {
  __type(name: "Organization") {
    description
  }
}
    `) as unknown as TypedDocumentString<TypeQuery, TypeQueryVariables>;
export const AlarmsRecordDocument = new TypedDocumentString(`
    mutation AlarmsRecord($alarms: [AlarmInput!]!) {
  recordAlarms(alarms: $alarms) {
    raised
    cleared
    reactivated
    duplicates
  }
}
    `) as unknown as TypedDocumentString<AlarmsRecordMutation, AlarmsRecordMutationVariables>;
export const AlarmsRecordReadingsDocument = new TypedDocumentString(`
    mutation AlarmsRecordReadings($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<AlarmsRecordReadingsMutation, AlarmsRecordReadingsMutationVariables>;
export const AlarmsSetThresholdsDocument = new TypedDocumentString(`
    mutation AlarmsSetThresholds($sensorId: ID!, $low: Float, $high: Float, $hysteresis: Float! = 0) {
  setSensorThresholds(
    sensorId: $sensorId
    low: $low
    high: $high
    hysteresis: $hysteresis
  ) {
    id
    thresholds {
      low
      high
      hysteresis
    }
  }
}
    `) as unknown as TypedDocumentString<AlarmsSetThresholdsMutation, AlarmsSetThresholdsMutationVariables>;
export const AlarmsIncidentsDocument = new TypedDocumentString(`
    query AlarmsIncidents($id: ID!) {
  organization(id: $id) {
    incidents(first: 100) {
      nodes {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AlarmsIncidentsQuery, AlarmsIncidentsQueryVariables>;
export const InventoryDocument = new TypedDocumentString(`
    query Inventory($after: String, $first: Int) {
  inventoryChanges(after: $after, first: $first) {
    changes {
      operation
      deviceId
      at
      device {
        id
        name
        ipAddress
        monitored
      }
    }
    nextCursor
    hasMore
  }
}
    `) as unknown as TypedDocumentString<InventoryQuery, InventoryQueryVariables>;
export const IncidentsDocument = new TypedDocumentString(`
    query Incidents($after: String, $first: Int) {
  incidentChanges(after: $after, first: $first) {
    changes {
      operation
      incidentId
      at
      incident {
        id
        severity
        message
      }
    }
    nextCursor
    hasMore
  }
}
    `) as unknown as TypedDocumentString<IncidentsQuery, IncidentsQueryVariables>;
export const TelemetryChangeFeedsRevokeDocument = new TypedDocumentString(`
    mutation TelemetryChangeFeedsRevoke($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<TelemetryChangeFeedsRevokeMutation, TelemetryChangeFeedsRevokeMutationVariables>;
export const TelemetryDashboardBatchingDashboardDocument = new TypedDocumentString(`
    query TelemetryDashboardBatchingDashboard {
  organizations {
    nodes {
      name
      devices(first: 50) {
        nodes {
          name
          ipAddress
          openIncidentCount
          sensors {
            type
            latest {
              at
              value
            }
          }
        }
      }
      openIncidentCount
    }
  }
}
    `) as unknown as TypedDocumentString<TelemetryDashboardBatchingDashboardQuery, TelemetryDashboardBatchingDashboardQueryVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($id: ID!) {
  organization(id: $id) {
    devices(first: 100) {
      nodes {
        name
        ipAddress
        alias: ipAddress
        ...Spread
        ... on Device {
          inline: ipAddress
        }
        components {
          name
          ipAddress
        }
      }
    }
    locations {
      name
      kind
      devices {
        name
        ipAddress
      }
      children {
        name
        kind
        devices {
          name
          ipAddress
        }
        children {
          name
          kind
          devices {
            name
            ipAddress
          }
          children {
            name
          }
        }
      }
    }
  }
}
    fragment Spread on Device {
  spread: ipAddress
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const TelemetryFieldHidingDevicesDocument = new TypedDocumentString(`
    query TelemetryFieldHidingDevices($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {
  organization(id: $id) {
    devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      nodes {
        name
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TelemetryFieldHidingDevicesQuery, TelemetryFieldHidingDevicesQueryVariables>;
export const UnmonitoredDocument = new TypedDocumentString(`
    query Unmonitored($id: ID!) {
  organization(id: $id) {
    deviceCount
    devices {
      nodes {
        name
        monitored
        components {
          name
        }
      }
    }
    locations {
      children {
        children {
          devices {
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UnmonitoredQuery, UnmonitoredQueryVariables>;
export const TelemetryFieldHidingInventoryDocument = new TypedDocumentString(`
    query TelemetryFieldHidingInventory($id: ID!) {
  organization(id: $id) {
    devices(filter: {types: [UPS, SENSOR_HUB, OTHER]}) {
      nodes {
        name
        warrantyEndsOn
        lastServicedOn
        nextServiceDueOn
        location {
          name
          kind
          parent {
            name
            kind
            parent {
              name
              kind
              parent {
                name
              }
            }
          }
        }
        parent {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TelemetryFieldHidingInventoryQuery, TelemetryFieldHidingInventoryQueryVariables>;
export const UpsApplicationsAndJobsDocument = new TypedDocumentString(`
    query UpsApplicationsAndJobs($id: ID!) {
  organization(id: $id) {
    devices(filter: {types: [UPS]}) {
      nodes {
        applications {
          id
          name
          version
        }
        jobs {
          id
          name
          schedule
          lastRunAt
          lastStatus
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UpsApplicationsAndJobsQuery, UpsApplicationsAndJobsQueryVariables>;
export const DeviceCountDocument = new TypedDocumentString(`
    query DeviceCount($id: ID!) {
  organization(id: $id) {
    deviceCount
  }
}
    `) as unknown as TypedDocumentString<DeviceCountQuery, DeviceCountQueryVariables>;
export const TelemetryFieldHidingRevokeDocument = new TypedDocumentString(`
    mutation TelemetryFieldHidingRevoke($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<TelemetryFieldHidingRevokeMutation, TelemetryFieldHidingRevokeMutationVariables>;
export const TelemetryIncidentsIncidentsDocument = new TypedDocumentString(`
    query TelemetryIncidentsIncidents($id: ID!, $first: Int, $after: String, $open: Boolean, $severities: [IncidentSeverity!]) {
  organization(id: $id) {
    incidents(first: $first, after: $after, open: $open, severities: $severities) {
      nodes {
        id
        severity
        raisedAt
        clearedAt
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TelemetryIncidentsIncidentsQuery, TelemetryIncidentsIncidentsQueryVariables>;
export const DeviceIncidentsDocument = new TypedDocumentString(`
    query DeviceIncidents($id: ID!, $first: Int, $after: String, $open: Boolean) {
  organization(id: $id) {
    devices(first: 100) {
      nodes {
        id
        openIncidentCount
        incidents(first: $first, after: $after, open: $open) {
          nodes {
            id
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
    `) as unknown as TypedDocumentString<DeviceIncidentsQuery, DeviceIncidentsQueryVariables>;
export const OpenCountsDocument = new TypedDocumentString(`
    query OpenCounts($id: ID!) {
  organization(id: $id) {
    openIncidentCount
    devices(first: 100) {
      nodes {
        id
        openIncidentCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OpenCountsQuery, OpenCountsQueryVariables>;
export const IncidentDetailDocument = new TypedDocumentString(`
    query IncidentDetail($id: ID!) {
  organization(id: $id) {
    incidents(first: 100) {
      nodes {
        id
        message
        reactivationCount
        device {
          id
          name
        }
        acknowledgement {
          byUserId
          note
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<IncidentDetailQuery, IncidentDetailQueryVariables>;
export const AcknowledgeDocument = new TypedDocumentString(`
    mutation Acknowledge($incidentId: ID!, $note: String) {
  acknowledgeIncident(incidentId: $incidentId, note: $note) {
    id
    acknowledgement {
      byUserId
      note
      at
    }
  }
}
    `) as unknown as TypedDocumentString<AcknowledgeMutation, AcknowledgeMutationVariables>;
export const AssessmentDocument = new TypedDocumentString(`
    query Assessment($id: ID!, $month: String!) {
  organization(id: $id) {
    assessment(month: $month) {
      month
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
        criticalIncidents
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AssessmentQuery, AssessmentQueryVariables>;
export const TelemetryIncidentsDashboardDocument = new TypedDocumentString(`
    query TelemetryIncidentsDashboard {
  organizations(first: 100) {
    nodes {
      id
      openIncidentCount
      devices(first: 100) {
        nodes {
          id
          openIncidentCount
          incidents(first: 2, open: true) {
            nodes {
              id
              severity
              device {
                id
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TelemetryIncidentsDashboardQuery, TelemetryIncidentsDashboardQueryVariables>;
export const PartitionsRecordDocument = new TypedDocumentString(`
    mutation PartitionsRecord($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<PartitionsRecordMutation, PartitionsRecordMutationVariables>;
export const PartitionsHistoryDocument = new TypedDocumentString(`
    query PartitionsHistory($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {
  organization(id: $organization) {
    id
    devices(first: 10) {
      nodes {
        id
        sensors {
          id
          history(from: $from, to: $to, maxPoints: $maxPoints) {
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
    `) as unknown as TypedDocumentString<PartitionsHistoryQuery, PartitionsHistoryQueryVariables>;
export const RecordDocument = new TypedDocumentString(`
    mutation Record($readings: [ReadingInput!]!) {
  recordReadings(readings: $readings) {
    recorded
    duplicates
  }
}
    `) as unknown as TypedDocumentString<RecordMutation, RecordMutationVariables>;
export const DeviceSensorsDocument = new TypedDocumentString(`
    query DeviceSensors($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {
  organization(id: $organization) {
    devices(first: 10) {
      nodes {
        name
        sensors {
          id
          latest {
            at
            value
          }
          history(from: $from, to: $to, maxPoints: $maxPoints) {
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
    `) as unknown as TypedDocumentString<DeviceSensorsQuery, DeviceSensorsQueryVariables>;
export const TenantAccessOrganizationsDocument = new TypedDocumentString(`
    query TenantAccessOrganizations {
  organizations(first: 100) {
    nodes {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<TenantAccessOrganizationsQuery, TenantAccessOrganizationsQueryVariables>;
export const TenantAccessOrganizationPageDocument = new TypedDocumentString(`
    query TenantAccessOrganizationPage($after: String) {
  organizations(first: 1, after: $after) {
    nodes {
      id
      name
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<TenantAccessOrganizationPageQuery, TenantAccessOrganizationPageQueryVariables>;
export const TenantAccessOrganizationDocument = new TypedDocumentString(`
    query TenantAccessOrganization($id: ID!) {
  organization(id: $id) {
    id
    name
    subscriptions {
      id
      product
    }
    devices(first: 100) {
      nodes {
        id
        name
        ipAddress
        monitored
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantAccessOrganizationQuery, TenantAccessOrganizationQueryVariables>;
export const TenantAccessRevokeDocument = new TypedDocumentString(`
    mutation TenantAccessRevoke($partnerOrganizationId: ID!) {
  revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
}
    `) as unknown as TypedDocumentString<TenantAccessRevokeMutation, TenantAccessRevokeMutationVariables>;
export const TenantAccessDashboardDocument = new TypedDocumentString(`
    query TenantAccessDashboard {
  organizations {
    nodes {
      name
      subscriptions {
        product
      }
      devices {
        nodes {
          name
          ipAddress
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TenantAccessDashboardQuery, TenantAccessDashboardQueryVariables>;
export const AliasedDocument = new TypedDocumentString(`
    query Aliased($id: ID!) {
  organization(id: $id) {
    devices {
      nodes {
        ip: ipAddress
        ... on Device {
          ipAddress
        }
        ...Address
      }
    }
  }
}
    fragment Address on Device {
  address: ipAddress
}`) as unknown as TypedDocumentString<AliasedQuery, AliasedQueryVariables>;
export const TracedPartnerDashboardDocument = new TypedDocumentString(`
    query TracedPartnerDashboard($from: String!, $to: String!) {
  organizations {
    nodes {
      id
      name
      openIncidentCount
      devices(first: 20) {
        nodes {
          id
          name
          ipAddress
          openIncidentCount
          sensors {
            id
            type
            latest {
              at
              value
            }
            history(from: $from, to: $to, maxPoints: 12) {
              bucketSeconds
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TracedPartnerDashboardQuery, TracedPartnerDashboardQueryVariables>;
export const ViewerMfaDocument = new TypedDocumentString(`
    query ViewerMfa {
  viewer {
    mfa
  }
}
    `) as unknown as TypedDocumentString<ViewerMfaQuery, ViewerMfaQueryVariables>;
export const ViewerTypenameDocument = new TypedDocumentString(`
    query ViewerTypename {
  viewer {
    __typename
  }
}
    `) as unknown as TypedDocumentString<ViewerTypenameQuery, ViewerTypenameQueryVariables>;
export const SignUpMfaEnrolmentDocument = new TypedDocumentString(`
    mutation SignUpMfaEnrolment($e: String!) {
  startPartnerAccountMfaEnrolment(adminEmail: $e) {
    enrolmentToken
    secret
  }
}
    `) as unknown as TypedDocumentString<SignUpMfaEnrolmentMutation, SignUpMfaEnrolmentMutationVariables>;
export const InvitationMfaEnrolmentDocument = new TypedDocumentString(`
    mutation InvitationMfaEnrolment($t: String!) {
  startInvitationMfaEnrolment(token: $t) {
    secret
  }
}
    `) as unknown as TypedDocumentString<InvitationMfaEnrolmentMutation, InvitationMfaEnrolmentMutationVariables>;
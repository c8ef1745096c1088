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
    "mutation NewSubgraphSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }": typeof types.NewSubgraphSignInDocument,
    "\n  query PrometheusDevices { organizations { nodes { id devices(first: 5) { nodes { id name } } } } }\n": typeof types.PrometheusDevicesDocument,
    "\n  mutation BalancedSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { refreshToken } }\n": typeof types.BalancedSignInDocument,
    "mutation BalancedRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }": typeof types.BalancedRefreshDocument,
    "query BalancedTypename { __typename }": typeof types.BalancedTypenameDocument,
    "\n  query BalancedCustomers { organizations { nodes { id subscriptions { product } devices { nodes { id } } } } }\n": typeof types.BalancedCustomersDocument,
    "mutation BalancedRevoke($partnerId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerId) }": typeof types.BalancedRevokeDocument,
    "mutation BalancedInvite($email: String!) { inviteUser(email: $email, role: VIEWER) { id } }": typeof types.BalancedInviteDocument,
    "query BalancedFeedPosition { incidentEventsFeed { cursor } }": typeof types.BalancedFeedPositionDocument,
    "subscription BalancedWatchIncidents($after: String) { incidentEvents(after: $after) { kind incidentId } }": typeof types.BalancedWatchIncidentsDocument,
    "\n  query BalancedOpenIncidents { organizations { nodes { incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }\n": typeof types.BalancedOpenIncidentsDocument,
    "mutation BalancedAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }": typeof types.BalancedAcknowledgeDocument,
    "\n  query BalancedPartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) { nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } } }\n      }\n    }\n  }\n": typeof types.BalancedPartnerDashboardDocument,
    "\n  query StackDashboard {\n    organizations {\n      nodes {\n        name\n        kind\n        partnerId\n        subscriptions { product status }\n        devices { nodes { name make model serialNumber firmwareRevision ipAddress } }\n      }\n    }\n  }\n": typeof types.StackDashboardDocument,
    "mutation StackSignIn($email: String!, $password: String!, $totpCode: String) { signIn(email: $email, password: $password, totpCode: $totpCode) { accessToken } }": typeof types.StackSignInDocument,
    "query StackViewer { viewer { user { email role } } }": typeof types.StackViewerDocument,
    "query StackFeedPosition { incidentEventsFeed { cursor } }": typeof types.StackFeedPositionDocument,
    "subscription StackWatch($after: String) { incidentEvents(after: $after) { kind incidentId } }": typeof types.StackWatchDocument,
    "query StackOpenIncidents { organizations { nodes { id incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }": typeof types.StackOpenIncidentsDocument,
    "mutation StackAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }": typeof types.StackAcknowledgeDocument,
    "query ApiClientReadsDevices($id: ID!) { organization(id: $id) { devices { nodes { name } } } }": typeof types.ApiClientReadsDevicesDocument,
    "\n  mutation Create($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) {\n      clientSecret\n      credential { id name clientId customers { id } createdBy { email } createdAt lastUsedAt revokedAt }\n    }\n  }\n": typeof types.CreateDocument,
    "mutation Revoke($id: ID!) { revokeApiCredential(id: $id) { id revokedAt } }": typeof types.RevokeDocument,
    "query List($id: ID!) { organization(id: $id) { apiCredentials { id name clientId lastUsedAt revokedAt } } }": typeof types.ListDocument,
    "query DeviceData { organizations { nodes { id devices { nodes { name ipAddress } } } } }": typeof types.DeviceDataDocument,
    "query Organization($id: ID!) { organization(id: $id) { subscriptions { product } } }": typeof types.OrganizationDocument,
    "query ApiClientReadsOrganization($id: ID!) { organization(id: $id) { name devices { nodes { name } } } }": typeof types.ApiClientReadsOrganizationDocument,
    "mutation ApiClientCreatesCredential { createApiCredential(name: \"mine\") { clientSecret } }": typeof types.ApiClientCreatesCredentialDocument,
    "mutation ApiClientRevokesPartner($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": typeof types.ApiClientRevokesPartnerDocument,
    "mutation ApiClientInvitesUser { inviteUser(email: \"someone@example.com\", role: ADMIN) { id } }": typeof types.ApiClientInvitesUserDocument,
    "\n  query Audit($id: ID!, $first: Int, $after: String, $actions: [AuditAction!]) {\n    organization(id: $id) {\n      auditEvents(first: $first, after: $after, actions: $actions) {\n        nodes {\n          id\n          action\n          at\n          actor { kind id user { email } }\n          user { email }\n          secondFactor\n          signInFailure\n          lockedUntil\n          partnerAccess { partner { name } customer { name } administrator apiDeviceData }\n          apiCredential { id name clientId }\n          partnerIdChange { requestId previousPartnerId partnerId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.AuditDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken refreshToken }\n  }\n": typeof types.SignInDocument,
    "\n  mutation Set($partner: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partner, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator }\n  }\n": typeof types.SetDocument,
    "mutation EnrollMfa { enrollMfa { secret } }": typeof types.EnrollMfaDocument,
    "mutation ConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": typeof types.ConfirmMfaDocument,
    "mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }": typeof types.RefreshDocument,
    "mutation RevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }": typeof types.RevokePartnerAccessDocument,
    "mutation InviteCustomer($e: String!) { inviteCustomer(email: $e) { id } }": typeof types.InviteCustomerDocument,
    "mutation ApprovePartner($t: String!) { approvePartner(token: $t) { administrator } }": typeof types.ApprovePartnerDocument,
    "mutation AuditLogRevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }": typeof types.AuditLogRevokePartnerAccessDocument,
    "mutation AuditLogCreateApiCredential { createApiCredential(name: \"Nightly export\") { clientSecret credential { id name clientId } } }": typeof types.AuditLogCreateApiCredentialDocument,
    "mutation AuditLogRevoke($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": typeof types.AuditLogRevokeDocument,
    "mutation Request($p: String!) { requestPartnerIdChange(partnerId: $p, reason: \"Rebranding\") { id } }": typeof types.RequestDocument,
    "mutation Decide($id: ID!, $approve: Boolean!) { decidePartnerIdChange(requestId: $id, approve: $approve) { status } }": typeof types.DecideDocument,
    "\n          mutation AuditCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n            createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n              accessToken recoveryCodes user { organization { id } }\n            }\n          }\n        ": typeof types.AuditCreatePartnerAccountDocument,
    "query AuditLogViewer { viewer { user { organization { auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n             nodes { action at actor { kind id user { email } } user { email } signInFailure\n                     partnerAccess { partner { name } administrator apiDeviceData } apiCredential { name clientId }\n                     partnerIdChange { previousPartnerId partnerId } }\n             pageInfo { hasNextPage endCursor } } } } } }": typeof types.AuditLogViewerDocument,
    "query First { __typename }": typeof types.FirstDocument,
    "query Second { organizations { pageInfo { hasNextPage } } }": typeof types.SecondDocument,
    "\n  query Dashboard($first: Int) {\n    organizations(first: $first) {\n      nodes {\n        id\n        name\n        kind\n        partnerId\n        subscriptions { product deviceAllowance startsOn endsOn status }\n        devices(first: 100) {\n          nodes { name make model serialNumber firmwareRevision ipAddress sensors { type unit } }\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "mutation DocsSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { accessToken } }": typeof types.DocsSignInDocument,
    "query UnacknowledgedIncidents($c: ID!) { organization(id: $c) { devices(first: 50) { nodes { incidents(open: true) { nodes { id acknowledgement { at } } } } } } }": typeof types.UnacknowledgedIncidentsDocument,
    "query DocsViewerMfa { viewer { mfa } }": typeof types.DocsViewerMfaDocument,
    "mutation Invite($email: String!) { inviteUser(email: $email, role: VIEWER) { email } }": typeof types.InviteDocument,
    "\n  query DeviceOwners {\n    organizations(first: 100) {\n      nodes {\n        name\n        devices(first: 100) { nodes { id organization { id name } } }\n      }\n    }\n  }\n": typeof types.DeviceOwnersDocument,
    "\n  query UsageFirmware { organizations { nodes { id devices(first: 5) { nodes { id firmwareRevision } } } } }\n": typeof types.UsageFirmwareDocument,
    "\n  query UsageDeviceNames { organizations { nodes { id devices { nodes { id name } } } } }\n": typeof types.UsageDeviceNamesDocument,
    "fragment UsageFirmwareFields on Device { firmwareRevision }": typeof types.UsageFirmwareFieldsFragmentDoc,
    "\n  query UsageFirmwareThroughFragment { organizations { nodes { id devices { nodes { id ...UsageFirmwareFields } } } } }\n": typeof types.UsageFirmwareThroughFragmentDocument,
    "query GatewayTypename { __typename }": typeof types.GatewayTypenameDocument,
    "query Introspection { __schema { types { name } } }": typeof types.IntrospectionDocument,
    "query Organizations { organizations { nodes { name subscriptions { product } devices { nodes { name } } } } }": typeof types.OrganizationsDocument,
    "query GracefulDrainOrganizations { organizations { nodes { name } } }": typeof types.GracefulDrainOrganizationsDocument,
    "query InternalErrorsOrganizations { organizations { nodes { name } } }": typeof types.InternalErrorsOrganizationsDocument,
    "fragment InvitationFields on Invitation { id kind email role organization { id } expiresAt }": typeof types.InvitationFieldsFragmentDoc,
    "mutation InvitationsInviteUser($email: String!, $role: OrganizationRole!) { inviteUser(email: $email, role: $role) { ...InvitationFields } }": typeof types.InvitationsInviteUserDocument,
    "mutation InvitationsInviteCustomer($email: String!) { inviteCustomer(email: $email) { ...InvitationFields } }": typeof types.InvitationsInviteCustomerDocument,
    "\n  mutation Accept($token: String!, $displayName: String!, $password: String!) {\n    acceptUserInvitation(token: $token, displayName: $displayName, password: $password) {\n      accessToken\n      user { email displayName role organization { id } }\n    }\n  }\n": typeof types.AcceptDocument,
    "mutation Approve($token: String!) { approvePartner(token: $token) { partner { id } customer { id } administrator apiDeviceData } }": typeof types.ApproveDocument,
    "mutation InvitationsRevoke($partner: ID!) { revokePartnerAccess(partnerOrganizationId: $partner) }": typeof types.InvitationsRevokeDocument,
    "query Grants($id: ID!) { organization(id: $id) { partnerAccess { partner { id } customer { id } administrator apiDeviceData } } }": typeof types.GrantsDocument,
    "query History($id: ID!) { organization(id: $id) { partnerAccessHistory { action actor { email } } } }": typeof types.HistoryDocument,
    "query InvitationsViewer { viewer { user { email } } }": typeof types.InvitationsViewerDocument,
    "mutation InvitationsSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email } } }": typeof types.InvitationsSignInDocument,
    "mutation AcceptUserInvitation($t: String!, $p: String!, $c: String) { acceptUserInvitation(token: $t, displayName: \"Engineer\", password: $p, totpCode: $c) { user { email role organization { id } } } }": typeof types.AcceptUserInvitationDocument,
    "\n  subscription AccessEndsWatch($after: String) {\n    incidentEvents(after: $after) { cursor incidentId incident { id device { id ipAddress } } }\n  }\n": typeof types.AccessEndsWatchDocument,
    "query AccessEndsFeedPosition { incidentEventsFeed { cursor } }": typeof types.AccessEndsFeedPositionDocument,
    "\n  mutation AccessEndsCreateCredential($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } }\n  }\n": typeof types.AccessEndsCreateCredentialDocument,
    "mutation AccessEndsRevokeCredential($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": typeof types.AccessEndsRevokeCredentialDocument,
    "\n  mutation AccessEndsSetPartnerAccess($id: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $id, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator apiDeviceData }\n  }\n": typeof types.AccessEndsSetPartnerAccessDocument,
    "\n  query LiveClientIncidents($id: ID!) {\n    organization(id: $id) { id devices(first: 10) { nodes { id incidents(first: 10) { nodes { id severity clearedAt } } } } }\n  }\n": typeof types.LiveClientIncidentsDocument,
    "\n  subscription LiveClientWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incident { id severity clearedAt } }\n  }\n": typeof types.LiveClientWatchDocument,
    "query LiveClientFeedPosition { incidentEventsFeed { cursor } }": typeof types.LiveClientFeedPositionDocument,
    "\n  mutation LiveClientRecordAlarms($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n": typeof types.LiveClientRecordAlarmsDocument,
    "fragment LiveClientCleared on Incident { clearedAt }": typeof types.LiveClientClearedFragmentDoc,
    "\n  subscription LiveWatch($organizationIds: [ID!], $severities: [IncidentSeverity!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, severities: $severities, after: $after) {\n      cursor\n      kind\n      incidentId\n      incident { id severity clearedAt device { id ipAddress organization { id name } } }\n    }\n  }\n": typeof types.LiveWatchDocument,
    "query LiveFeedPosition { incidentEventsFeed { cursor } }": typeof types.LiveFeedPositionDocument,
    "mutation LiveAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id, note: \"on it\") { id } }": typeof types.LiveAcknowledgeDocument,
    "mutation LiveRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": typeof types.LiveRevokeDocument,
    "\n  subscription LimitsWatch($organizationIds: [ID!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, after: $after) { cursor incidentId incident { id message } }\n  }\n": typeof types.LimitsWatchDocument,
    "query LimitsFeedPosition { incidentEventsFeed { cursor } }": typeof types.LimitsFeedPositionDocument,
    "\n  subscription LiveReadings($sensorIds: [ID!]!, $after: String) {\n    sensorReadings(sensorIds: $sensorIds, after: $after) {\n      cursor\n      sensor { id type unit device { id ipAddress } }\n      reading { at value }\n    }\n  }\n": typeof types.LiveReadingsDocument,
    "\n  mutation LiveReadingsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.LiveReadingsRecordDocument,
    "\n  subscription ReplicasWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incidentId }\n  }\n": typeof types.ReplicasWatchDocument,
    "query ReplicasFeedPosition { incidentEventsFeed { cursor } }": typeof types.ReplicasFeedPositionDocument,
    "mutation ReplicasRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": typeof types.ReplicasRevokeDocument,
    "\n  query LiveRaceFeed($after: String) { incidentEventsFeed(after: $after) { cursor events { incidentId kind } } }\n": typeof types.LiveRaceFeedDocument,
    "mutation LiveRaceRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": typeof types.LiveRaceRevokeDocument,
    "\n  query MetricsDevices { organizations { nodes { id devices { nodes { id name firmwareRevision } } } } }\n": typeof types.MetricsDevicesDocument,
    "\n  query MetricsLicences { organizations { nodes { id subscriptions { id product } } } }\n": typeof types.MetricsLicencesDocument,
    "\n  mutation MetricsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.MetricsRecordReadingsDocument,
    "\n  subscription MetricsWatchIncidents { incidentEvents { cursor kind } }\n": typeof types.MetricsWatchIncidentsDocument,
    "fragment MfaSession on Session { accessToken refreshToken recoveryCodes user { email mfaEnabled } }": typeof types.MfaSessionFragmentDoc,
    "mutation MfaSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { ...MfaSession } }": typeof types.MfaSignInDocument,
    "mutation MfaRefresh($t: String!) { refreshSession(refreshToken: $t) { ...MfaSession } }": typeof types.MfaRefreshDocument,
    "mutation MfaEnforcementInviteUser($e: String!, $r: OrganizationRole!) { inviteUser(email: $e, role: $r) { id } }": typeof types.MfaEnforcementInviteUserDocument,
    "mutation MfaAccept($t: String!, $p: String!, $c: String) {\n  acceptUserInvitation(token: $t, displayName: \"New Person\", password: $p, totpCode: $c) { ...MfaSession } }": typeof types.MfaAcceptDocument,
    "mutation MfaCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { ...MfaSession } }": typeof types.MfaCreatePartnerAccountDocument,
    "mutation StartFromLink($t: String!) { startMfaEnrolmentFromLink(token: $t) { secret otpauthUri } }": typeof types.StartFromLinkDocument,
    "mutation ConfirmFromLink($t: String!, $c: String!) { confirmMfaEnrolmentFromLink(token: $t, totpCode: $c) }": typeof types.ConfirmFromLinkDocument,
    "mutation SetRequirement($r: Boolean!) { setOrganizationMfaRequirement(required: $r) { id requireMfa } }": typeof types.SetRequirementDocument,
    "query MfaEnforcementViewer { viewer { mfa user { email } } }": typeof types.MfaEnforcementViewerDocument,
    "mutation StartInvitationMfaEnrolment { startInvitationMfaEnrolment(token: \"made-up\") { secret } }": typeof types.StartInvitationMfaEnrolmentDocument,
    "mutation MfaEnforcementCreate($name: String!, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n      createPartnerAccount(organizationName: $name, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { accessToken } }": typeof types.MfaEnforcementCreateDocument,
    "mutation StartPartnerAccountMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret otpauthUri } }": typeof types.StartPartnerAccountMfaEnrolmentDocument,
    "query Read($id: ID!) { organization(id: $id) { requireMfa } }": typeof types.ReadDocument,
    "query Log($id: ID!) { organization(id: $id) {\n        auditEvents(actions: [ORGANIZATION_MFA_REQUIREMENT_CHANGED]) { nodes { action requireMfa actor { kind user { email } } } } } }": typeof types.LogDocument,
    "query Feeds { inventoryChanges(first: 5) { changes { deviceId } } incidentChanges(first: 5) { changes { incidentId } } }": typeof types.FeedsDocument,
    "query OutagesOrganizations { organizations(first: 100) { nodes { name } } }": typeof types.OutagesOrganizationsDocument,
    "\n  query PartnerAccess($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccess {\n        partner { id name }\n        customer { id name }\n        administrator\n        apiDeviceData\n        grantedAt\n      }\n    }\n  }\n": typeof types.PartnerAccessDocument,
    "\n  query PartnerAccessHistory($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccessHistory { action actor { email } administrator apiDeviceData at partner { name } }\n    }\n  }\n": typeof types.PartnerAccessHistoryDocument,
    "\n  mutation SetPartnerAccess($partnerOrganizationId: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partnerOrganizationId, administrator: $administrator, apiDeviceData: $apiDeviceData) {\n      partner { id name }\n      customer { id name }\n      administrator\n      apiDeviceData\n      grantedAt\n    }\n  }\n": typeof types.SetPartnerAccessDocument,
    "\n  mutation PartnerAccessRevokePartnerAccess($partnerOrganizationId: ID!) {\n    revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)\n  }\n": typeof types.PartnerAccessRevokePartnerAccessDocument,
    "query Suggest($name: String!) { suggestPartnerId(organizationName: $name) }": typeof types.SuggestDocument,
    "mutation CreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n    accessToken user { email role organization { id name kind partnerId } }\n  }\n}": typeof types.CreatePartnerAccountDocument,
    "\n  mutation PartnerAccountsRequest($partnerId: String!, $reason: String!) {\n    requestPartnerIdChange(partnerId: $partnerId, reason: $reason) { id previousPartnerId requestedPartnerId reason status requestedBy { email } decidedBy decidedAt }\n  }\n": typeof types.PartnerAccountsRequestDocument,
    "\n  mutation PartnerAccountsDecide($id: ID!, $approve: Boolean!, $note: String) {\n    decidePartnerIdChange(requestId: $id, approve: $approve, note: $note) {\n      id status previousPartnerId requestedPartnerId decidedBy decidedAt decisionNote organization { partnerId }\n    }\n  }\n": typeof types.PartnerAccountsDecideDocument,
    "query Pending { pendingPartnerIdChangeRequests { id requestedPartnerId organization { name } } }": typeof types.PendingDocument,
    "query PartnerAccountsHistory($id: ID!) { organization(id: $id) { partnerId partnerIdChangeRequests { status previousPartnerId requestedPartnerId decidedBy } } }": typeof types.PartnerAccountsHistoryDocument,
    "query PartnerAccountsViewer { viewer { user { email } } }": typeof types.PartnerAccountsViewerDocument,
    "\n  mutation ReplicaRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.ReplicaRecordDocument,
    "\n  mutation ReplicaAcknowledge($incidentId: ID!) { acknowledgeIncident(incidentId: $incidentId, note: \"Battery ordered\") { id acknowledgement { note } } }\n": typeof types.ReplicaAcknowledgeDocument,
    "\n  query ReplicaDevices($organization: ID!, $from: String!, $to: String!) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes {\n          id\n          incidents(first: 10) { nodes { id acknowledgement { note } } }\n          sensors { id latest { at value } history(from: $from, to: $to, maxPoints: 500) { resolution buckets { start max count } } }\n        }\n      }\n    }\n  }\n": typeof types.ReplicaDevicesDocument,
    "\n  query RequestLogsCustomerDevices {\n    organizations { nodes { id name devices(first: 5) { nodes { id name } } } }\n  }\n": typeof types.RequestLogsCustomerDevicesDocument,
    "\n  query RequestLogsTypename {\n    __typename\n  }\n": typeof types.RequestLogsTypenameDocument,
    "query Devices { organizations { nodes { id devices { nodes { id name ipAddress } } } } }": typeof types.DevicesDocument,
    "mutation RevokePartnerAccessInRace($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": typeof types.RevokePartnerAccessInRaceDocument,
    "mutation Withdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { administrator } }": typeof types.WithdrawDocument,
    "mutation RevocationRacesCreate($name: String!, $customerIds: [ID!]) { createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } } }": typeof types.RevocationRacesCreateDocument,
    "mutation RevocationRacesWithdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { apiDeviceData } }": typeof types.RevocationRacesWithdrawDocument,
    "mutation RevokeApiCredentialInRace($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": typeof types.RevokeApiCredentialInRaceDocument,
    "\n  mutation SecretsAtRestSignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken }\n  }\n": typeof types.SecretsAtRestSignInDocument,
    "query SecretsAtRestViewer { viewer { user { email } } }": typeof types.SecretsAtRestViewerDocument,
    "mutation SecretsAtRestEnrollMfa { enrollMfa { secret } }": typeof types.SecretsAtRestEnrollMfaDocument,
    "mutation SecretsAtRestConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": typeof types.SecretsAtRestConfirmMfaDocument,
    "\n  mutation SignInWithTotp($email: String!, $password: String!, $totpCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      tokenType\n      expiresIn\n      user { email role mfaEnabled organization { name } }\n    }\n  }\n": typeof types.SignInWithTotpDocument,
    "query SignInViewer { viewer { mfa user { email role organization { name kind } } } }": typeof types.SignInViewerDocument,
    "mutation EnrollMfaForUri { enrollMfa { secret otpauthUri } }": typeof types.EnrollMfaForUriDocument,
    "mutation SignInConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": typeof types.SignInConfirmMfaDocument,
    "mutation SignInWithRecoveryCode($p: String!, $r: String) { signIn(email: \"enrolling@contoso.example\", password: $p, recoveryCode: $r) { accessToken } }": typeof types.SignInWithRecoveryCodeDocument,
    "mutation SignInRefresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }": typeof types.SignInRefreshDocument,
    "mutation SignInForRefreshToken($p: String!) { signIn(email: \"admin@contoso.example\", password: $p) { refreshToken } }": typeof types.SignInForRefreshTokenDocument,
    "query NamesAndDevices { organizations(first: 100) { nodes { name devices { nodes { name } } } } }": typeof types.NamesAndDevicesDocument,
    "query NamesAndLicences { organizations(first: 100) { nodes { name subscriptions { product } } } }": typeof types.NamesAndLicencesDocument,
    "query LicencesOnly { organizations { nodes { subscriptions { product } } } }": typeof types.LicencesOnlyDocument,
    "query NamesOnly { organizations { nodes { name } } }": typeof types.NamesOnlyDocument,
    "fragment LicenseFields on SubscriptionLicense { id product deviceAllowance startsOn endsOn status organization { id } }": typeof types.LicenseFieldsFragmentDoc,
    "\n  mutation IssueKey($product: String!, $termMonths: Int!, $deviceAllowance: Int!, $installerEmails: [String!]!, $issuedOn: String) {\n    issueLicenseKey(product: $product, termMonths: $termMonths, deviceAllowance: $deviceAllowance, installerEmails: $installerEmails, issuedOn: $issuedOn) {\n      key product termMonths deviceAllowance installerEmails issuedOn\n    }\n  }\n": typeof types.IssueKeyDocument,
    "mutation IssueVoucher($credits: Int!) { issueVoucher(credits: $credits) }": typeof types.IssueVoucherDocument,
    "\n  mutation Redeem($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { ...LicenseFields }\n  }\n": typeof types.RedeemDocument,
    "mutation RedeemVoucher($code: String!) { redeemVoucher(code: $code) }": typeof types.RedeemVoucherDocument,
    "\n  mutation Activate(\n    $customerId: ID!, $product: String!, $deviceAllowance: Int!, $months: Int!, $startDate: String!,\n    $installerEmails: [String!]!, $idempotencyKey: String!\n  ) {\n    activateSubscription(\n      customerId: $customerId, product: $product, deviceAllowance: $deviceAllowance, months: $months, startDate: $startDate,\n      installerEmails: $installerEmails, idempotencyKey: $idempotencyKey\n    ) { ...LicenseFields }\n  }\n": typeof types.ActivateDocument,
    "\n  mutation Renew($subscriptionId: ID!, $months: Int!, $idempotencyKey: String!) {\n    renewSubscription(subscriptionId: $subscriptionId, months: $months, idempotencyKey: $idempotencyKey) { ...LicenseFields }\n  }\n": typeof types.RenewDocument,
    "\n  mutation Amend($subscriptionId: ID!, $addDevices: Int!, $addMonths: Int!, $idempotencyKey: String!) {\n    amendSubscription(subscriptionId: $subscriptionId, addDevices: $addDevices, addMonths: $addMonths, idempotencyKey: $idempotencyKey) {\n      ...LicenseFields\n    }\n  }\n": typeof types.AmendDocument,
    "query Prices { creditPrices { product creditsPerDeviceMonth } }": typeof types.PricesDocument,
    "\n  query Subscriptions($id: ID!, $status: [SubscriptionStatus!]) {\n    organization(id: $id) { id subscriptions(status: $status) { ...LicenseFields } }\n  }\n": typeof types.SubscriptionsDocument,
    "\n  query Credits($id: ID!) {\n    organization(id: $id) { id creditBalance creditMovements(first: 100) { id kind amount balanceAfter subscription { id } at } }\n  }\n": typeof types.CreditsDocument,
    "query ExpiringSubscriptions { organizations { nodes { id subscriptions(status: [EXPIRING]) { ...LicenseFields } } } }": typeof types.ExpiringSubscriptionsDocument,
    "mutation SubscriptionsLicensingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": typeof types.SubscriptionsLicensingRevokeDocument,
    "\n  mutation SubscriptionsLicensingCreate($name: String!) { createApiCredential(name: $name) { clientSecret credential { clientId } } }\n": typeof types.SubscriptionsLicensingCreateDocument,
    "\n  query SupergraphReloadDashboard {\n    organizations(first: 100) {\n      nodes { name subscriptions { product } devices { nodes { name sensors { type } } } }\n    }\n  }\n": typeof types.SupergraphReloadDashboardDocument,
    "query Type { __type(name: \"Organization\") { description } }": typeof types.TypeDocument,
    "\n  mutation AlarmsRecord($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n": typeof types.AlarmsRecordDocument,
    "\n  mutation AlarmsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.AlarmsRecordReadingsDocument,
    "\n  mutation AlarmsSetThresholds($sensorId: ID!, $low: Float, $high: Float, $hysteresis: Float! = 0) {\n    setSensorThresholds(sensorId: $sensorId, low: $low, high: $high, hysteresis: $hysteresis) { id thresholds { low high hysteresis } }\n  }\n": typeof types.AlarmsSetThresholdsDocument,
    "\n  query AlarmsIncidents($id: ID!) {\n    organization(id: $id) { incidents(first: 100) { nodes { id } } }\n  }\n": typeof types.AlarmsIncidentsDocument,
    "\n  query Inventory($after: String, $first: Int) {\n    inventoryChanges(after: $after, first: $first) {\n      changes { operation deviceId at device { id name ipAddress monitored } }\n      nextCursor\n      hasMore\n    }\n  }\n": typeof types.InventoryDocument,
    "\n  query Incidents($after: String, $first: Int) {\n    incidentChanges(after: $after, first: $first) {\n      changes { operation incidentId at incident { id severity message } }\n      nextCursor\n      hasMore\n    }\n  }\n": typeof types.IncidentsDocument,
    "\n  mutation TelemetryChangeFeedsRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n": typeof types.TelemetryChangeFeedsRevokeDocument,
    "\n  query TelemetryDashboardBatchingDashboard {\n    organizations {\n      nodes {\n        name\n        devices(first: 50) { nodes { name ipAddress openIncidentCount sensors { type latest { at value } } } }\n        openIncidentCount\n      }\n    }\n  }\n": typeof types.TelemetryDashboardBatchingDashboardDocument,
    "\n  query Paths($id: ID!) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes { name ipAddress alias: ipAddress ...Spread ... on Device { inline: ipAddress } components { name ipAddress } }\n      }\n      locations {\n        name kind devices { name ipAddress }\n        children { name kind devices { name ipAddress } children { name kind devices { name ipAddress } children { name } } }\n      }\n    }\n  }\n  fragment Spread on Device { spread: ipAddress }\n": typeof types.PathsDocument,
    "\n  query TelemetryFieldHidingDevices($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {\n    organization(id: $id) {\n      devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } }\n    }\n  }\n": typeof types.TelemetryFieldHidingDevicesDocument,
    "\n            query Unmonitored($id: ID!) {\n              organization(id: $id) {\n                deviceCount\n                devices { nodes { name monitored components { name } } }\n                locations { children { children { devices { name } } } }\n              }\n            }\n          ": typeof types.UnmonitoredDocument,
    "\n          query TelemetryFieldHidingInventory($id: ID!) {\n            organization(id: $id) {\n              devices(filter: { types: [UPS, SENSOR_HUB, OTHER] }) {\n                nodes {\n                  name warrantyEndsOn lastServicedOn nextServiceDueOn\n                  location { name kind parent { name kind parent { name kind parent { name } } } }\n                  parent { name }\n                }\n              }\n            }\n          }\n        ": typeof types.TelemetryFieldHidingInventoryDocument,
    "query UpsApplicationsAndJobs($id: ID!) { organization(id: $id) { devices(filter: { types: [UPS] }) { nodes {\n         applications { id name version } jobs { id name schedule lastRunAt lastStatus } } } } }": typeof types.UpsApplicationsAndJobsDocument,
    "query DeviceCount($id: ID!) { organization(id: $id) { deviceCount } }": typeof types.DeviceCountDocument,
    "mutation TelemetryFieldHidingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": typeof types.TelemetryFieldHidingRevokeDocument,
    "\n  query TelemetryIncidentsIncidents($id: ID!, $first: Int, $after: String, $open: Boolean, $severities: [IncidentSeverity!]) {\n    organization(id: $id) {\n      incidents(first: $first, after: $after, open: $open, severities: $severities) {\n        nodes { id severity raisedAt clearedAt }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.TelemetryIncidentsIncidentsDocument,
    "\n  query DeviceIncidents($id: ID!, $first: Int, $after: String, $open: Boolean) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes {\n          id\n          openIncidentCount\n          incidents(first: $first, after: $after, open: $open) { nodes { id } pageInfo { hasNextPage endCursor } }\n        }\n      }\n    }\n  }\n": typeof types.DeviceIncidentsDocument,
    "\n  query OpenCounts($id: ID!) {\n    organization(id: $id) { openIncidentCount devices(first: 100) { nodes { id openIncidentCount } } }\n  }\n": typeof types.OpenCountsDocument,
    "\n  query IncidentDetail($id: ID!) {\n    organization(id: $id) {\n      incidents(first: 100) {\n        nodes { id message reactivationCount device { id name } acknowledgement { byUserId note at } }\n      }\n    }\n  }\n": typeof types.IncidentDetailDocument,
    "\n  mutation Acknowledge($incidentId: ID!, $note: String) {\n    acknowledgeIncident(incidentId: $incidentId, note: $note) { id acknowledgement { byUserId note at } }\n  }\n": typeof types.AcknowledgeDocument,
    "\n  query Assessment($id: ID!, $month: String!) {\n    organization(id: $id) {\n      assessment(month: $month) {\n        month\n        monitoringCoverage\n        incidentsBySeverity { severity count }\n        upsHealth { device { id name } score minBatteryRuntimeMinutes averageLoadPercent criticalIncidents }\n      }\n    }\n  }\n": typeof types.AssessmentDocument,
    "\n  query TelemetryIncidentsDashboard {\n    organizations(first: 100) {\n      nodes {\n        id\n        openIncidentCount\n        devices(first: 100) { nodes { id openIncidentCount incidents(first: 2, open: true) { nodes { id severity device { id } } } } }\n      }\n    }\n  }\n": typeof types.TelemetryIncidentsDashboardDocument,
    "\n  mutation PartitionsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.PartitionsRecordDocument,
    "\n  query PartitionsHistory($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes { id sensors { id history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } } }\n      }\n    }\n  }\n": typeof types.PartitionsHistoryDocument,
    "\n  mutation Record($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": typeof types.RecordDocument,
    "\n      query DeviceSensors($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n        organization(id: $organization) {\n          devices(first: 10) {\n            nodes {\n              name\n              sensors { id latest { at value } history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } }\n            }\n          }\n        }\n      }\n    ": typeof types.DeviceSensorsDocument,
    "\n  query TenantAccessOrganizations { organizations(first: 100) { nodes { id name } } }\n": typeof types.TenantAccessOrganizationsDocument,
    "\n  query TenantAccessOrganizationPage($after: String) {\n    organizations(first: 1, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.TenantAccessOrganizationPageDocument,
    "\n  query TenantAccessOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      subscriptions { id product }\n      devices(first: 100) { nodes { id name ipAddress monitored } }\n    }\n  }\n": typeof types.TenantAccessOrganizationDocument,
    "\n  mutation TenantAccessRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n": typeof types.TenantAccessRevokeDocument,
    "\n  query TenantAccessDashboard { organizations { nodes { name subscriptions { product } devices { nodes { name ipAddress } } } } }\n": typeof types.TenantAccessDashboardDocument,
    "\n          query Aliased($id: ID!) {\n            organization(id: $id) { devices { nodes { ip: ipAddress ... on Device { ipAddress } ...Address } } }\n          }\n          fragment Address on Device { address: ipAddress }\n        ": typeof types.AliasedDocument,
    "\n  query TracedPartnerDashboard($from: String!, $to: String!) {\n    organizations {\n      nodes {\n        id\n        name\n        openIncidentCount\n        devices(first: 20) {\n          nodes { id name ipAddress openIncidentCount sensors { id type latest { at value } history(from: $from, to: $to, maxPoints: 12) { bucketSeconds } } }\n        }\n      }\n    }\n  }\n": typeof types.TracedPartnerDashboardDocument,
    "\n  query ViewerMfa {\n    viewer {\n      mfa\n    }\n  }\n": typeof types.ViewerMfaDocument,
    "\n  query ViewerTypename {\n    viewer {\n      __typename\n    }\n  }\n": typeof types.ViewerTypenameDocument,
    "mutation SignUpMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret } }": typeof types.SignUpMfaEnrolmentDocument,
    "mutation InvitationMfaEnrolment($t: String!) { startInvitationMfaEnrolment(token: $t) { secret } }": typeof types.InvitationMfaEnrolmentDocument,
};
const documents: Documents = {
    "mutation NewSubgraphSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }": types.NewSubgraphSignInDocument,
    "\n  query PrometheusDevices { organizations { nodes { id devices(first: 5) { nodes { id name } } } } }\n": types.PrometheusDevicesDocument,
    "\n  mutation BalancedSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { refreshToken } }\n": types.BalancedSignInDocument,
    "mutation BalancedRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }": types.BalancedRefreshDocument,
    "query BalancedTypename { __typename }": types.BalancedTypenameDocument,
    "\n  query BalancedCustomers { organizations { nodes { id subscriptions { product } devices { nodes { id } } } } }\n": types.BalancedCustomersDocument,
    "mutation BalancedRevoke($partnerId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerId) }": types.BalancedRevokeDocument,
    "mutation BalancedInvite($email: String!) { inviteUser(email: $email, role: VIEWER) { id } }": types.BalancedInviteDocument,
    "query BalancedFeedPosition { incidentEventsFeed { cursor } }": types.BalancedFeedPositionDocument,
    "subscription BalancedWatchIncidents($after: String) { incidentEvents(after: $after) { kind incidentId } }": types.BalancedWatchIncidentsDocument,
    "\n  query BalancedOpenIncidents { organizations { nodes { incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }\n": types.BalancedOpenIncidentsDocument,
    "mutation BalancedAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }": types.BalancedAcknowledgeDocument,
    "\n  query BalancedPartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) { nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } } }\n      }\n    }\n  }\n": types.BalancedPartnerDashboardDocument,
    "\n  query StackDashboard {\n    organizations {\n      nodes {\n        name\n        kind\n        partnerId\n        subscriptions { product status }\n        devices { nodes { name make model serialNumber firmwareRevision ipAddress } }\n      }\n    }\n  }\n": types.StackDashboardDocument,
    "mutation StackSignIn($email: String!, $password: String!, $totpCode: String) { signIn(email: $email, password: $password, totpCode: $totpCode) { accessToken } }": types.StackSignInDocument,
    "query StackViewer { viewer { user { email role } } }": types.StackViewerDocument,
    "query StackFeedPosition { incidentEventsFeed { cursor } }": types.StackFeedPositionDocument,
    "subscription StackWatch($after: String) { incidentEvents(after: $after) { kind incidentId } }": types.StackWatchDocument,
    "query StackOpenIncidents { organizations { nodes { id incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }": types.StackOpenIncidentsDocument,
    "mutation StackAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }": types.StackAcknowledgeDocument,
    "query ApiClientReadsDevices($id: ID!) { organization(id: $id) { devices { nodes { name } } } }": types.ApiClientReadsDevicesDocument,
    "\n  mutation Create($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) {\n      clientSecret\n      credential { id name clientId customers { id } createdBy { email } createdAt lastUsedAt revokedAt }\n    }\n  }\n": types.CreateDocument,
    "mutation Revoke($id: ID!) { revokeApiCredential(id: $id) { id revokedAt } }": types.RevokeDocument,
    "query List($id: ID!) { organization(id: $id) { apiCredentials { id name clientId lastUsedAt revokedAt } } }": types.ListDocument,
    "query DeviceData { organizations { nodes { id devices { nodes { name ipAddress } } } } }": types.DeviceDataDocument,
    "query Organization($id: ID!) { organization(id: $id) { subscriptions { product } } }": types.OrganizationDocument,
    "query ApiClientReadsOrganization($id: ID!) { organization(id: $id) { name devices { nodes { name } } } }": types.ApiClientReadsOrganizationDocument,
    "mutation ApiClientCreatesCredential { createApiCredential(name: \"mine\") { clientSecret } }": types.ApiClientCreatesCredentialDocument,
    "mutation ApiClientRevokesPartner($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": types.ApiClientRevokesPartnerDocument,
    "mutation ApiClientInvitesUser { inviteUser(email: \"someone@example.com\", role: ADMIN) { id } }": types.ApiClientInvitesUserDocument,
    "\n  query Audit($id: ID!, $first: Int, $after: String, $actions: [AuditAction!]) {\n    organization(id: $id) {\n      auditEvents(first: $first, after: $after, actions: $actions) {\n        nodes {\n          id\n          action\n          at\n          actor { kind id user { email } }\n          user { email }\n          secondFactor\n          signInFailure\n          lockedUntil\n          partnerAccess { partner { name } customer { name } administrator apiDeviceData }\n          apiCredential { id name clientId }\n          partnerIdChange { requestId previousPartnerId partnerId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.AuditDocument,
    "\n  mutation SignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken refreshToken }\n  }\n": types.SignInDocument,
    "\n  mutation Set($partner: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partner, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator }\n  }\n": types.SetDocument,
    "mutation EnrollMfa { enrollMfa { secret } }": types.EnrollMfaDocument,
    "mutation ConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": types.ConfirmMfaDocument,
    "mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }": types.RefreshDocument,
    "mutation RevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }": types.RevokePartnerAccessDocument,
    "mutation InviteCustomer($e: String!) { inviteCustomer(email: $e) { id } }": types.InviteCustomerDocument,
    "mutation ApprovePartner($t: String!) { approvePartner(token: $t) { administrator } }": types.ApprovePartnerDocument,
    "mutation AuditLogRevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }": types.AuditLogRevokePartnerAccessDocument,
    "mutation AuditLogCreateApiCredential { createApiCredential(name: \"Nightly export\") { clientSecret credential { id name clientId } } }": types.AuditLogCreateApiCredentialDocument,
    "mutation AuditLogRevoke($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": types.AuditLogRevokeDocument,
    "mutation Request($p: String!) { requestPartnerIdChange(partnerId: $p, reason: \"Rebranding\") { id } }": types.RequestDocument,
    "mutation Decide($id: ID!, $approve: Boolean!) { decidePartnerIdChange(requestId: $id, approve: $approve) { status } }": types.DecideDocument,
    "\n          mutation AuditCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n            createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n              accessToken recoveryCodes user { organization { id } }\n            }\n          }\n        ": types.AuditCreatePartnerAccountDocument,
    "query AuditLogViewer { viewer { user { organization { auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n             nodes { action at actor { kind id user { email } } user { email } signInFailure\n                     partnerAccess { partner { name } administrator apiDeviceData } apiCredential { name clientId }\n                     partnerIdChange { previousPartnerId partnerId } }\n             pageInfo { hasNextPage endCursor } } } } } }": types.AuditLogViewerDocument,
    "query First { __typename }": types.FirstDocument,
    "query Second { organizations { pageInfo { hasNextPage } } }": types.SecondDocument,
    "\n  query Dashboard($first: Int) {\n    organizations(first: $first) {\n      nodes {\n        id\n        name\n        kind\n        partnerId\n        subscriptions { product deviceAllowance startsOn endsOn status }\n        devices(first: 100) {\n          nodes { name make model serialNumber firmwareRevision ipAddress sensors { type unit } }\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "mutation DocsSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { accessToken } }": types.DocsSignInDocument,
    "query UnacknowledgedIncidents($c: ID!) { organization(id: $c) { devices(first: 50) { nodes { incidents(open: true) { nodes { id acknowledgement { at } } } } } } }": types.UnacknowledgedIncidentsDocument,
    "query DocsViewerMfa { viewer { mfa } }": types.DocsViewerMfaDocument,
    "mutation Invite($email: String!) { inviteUser(email: $email, role: VIEWER) { email } }": types.InviteDocument,
    "\n  query DeviceOwners {\n    organizations(first: 100) {\n      nodes {\n        name\n        devices(first: 100) { nodes { id organization { id name } } }\n      }\n    }\n  }\n": types.DeviceOwnersDocument,
    "\n  query UsageFirmware { organizations { nodes { id devices(first: 5) { nodes { id firmwareRevision } } } } }\n": types.UsageFirmwareDocument,
    "\n  query UsageDeviceNames { organizations { nodes { id devices { nodes { id name } } } } }\n": types.UsageDeviceNamesDocument,
    "fragment UsageFirmwareFields on Device { firmwareRevision }": types.UsageFirmwareFieldsFragmentDoc,
    "\n  query UsageFirmwareThroughFragment { organizations { nodes { id devices { nodes { id ...UsageFirmwareFields } } } } }\n": types.UsageFirmwareThroughFragmentDocument,
    "query GatewayTypename { __typename }": types.GatewayTypenameDocument,
    "query Introspection { __schema { types { name } } }": types.IntrospectionDocument,
    "query Organizations { organizations { nodes { name subscriptions { product } devices { nodes { name } } } } }": types.OrganizationsDocument,
    "query GracefulDrainOrganizations { organizations { nodes { name } } }": types.GracefulDrainOrganizationsDocument,
    "query InternalErrorsOrganizations { organizations { nodes { name } } }": types.InternalErrorsOrganizationsDocument,
    "fragment InvitationFields on Invitation { id kind email role organization { id } expiresAt }": types.InvitationFieldsFragmentDoc,
    "mutation InvitationsInviteUser($email: String!, $role: OrganizationRole!) { inviteUser(email: $email, role: $role) { ...InvitationFields } }": types.InvitationsInviteUserDocument,
    "mutation InvitationsInviteCustomer($email: String!) { inviteCustomer(email: $email) { ...InvitationFields } }": types.InvitationsInviteCustomerDocument,
    "\n  mutation Accept($token: String!, $displayName: String!, $password: String!) {\n    acceptUserInvitation(token: $token, displayName: $displayName, password: $password) {\n      accessToken\n      user { email displayName role organization { id } }\n    }\n  }\n": types.AcceptDocument,
    "mutation Approve($token: String!) { approvePartner(token: $token) { partner { id } customer { id } administrator apiDeviceData } }": types.ApproveDocument,
    "mutation InvitationsRevoke($partner: ID!) { revokePartnerAccess(partnerOrganizationId: $partner) }": types.InvitationsRevokeDocument,
    "query Grants($id: ID!) { organization(id: $id) { partnerAccess { partner { id } customer { id } administrator apiDeviceData } } }": types.GrantsDocument,
    "query History($id: ID!) { organization(id: $id) { partnerAccessHistory { action actor { email } } } }": types.HistoryDocument,
    "query InvitationsViewer { viewer { user { email } } }": types.InvitationsViewerDocument,
    "mutation InvitationsSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email } } }": types.InvitationsSignInDocument,
    "mutation AcceptUserInvitation($t: String!, $p: String!, $c: String) { acceptUserInvitation(token: $t, displayName: \"Engineer\", password: $p, totpCode: $c) { user { email role organization { id } } } }": types.AcceptUserInvitationDocument,
    "\n  subscription AccessEndsWatch($after: String) {\n    incidentEvents(after: $after) { cursor incidentId incident { id device { id ipAddress } } }\n  }\n": types.AccessEndsWatchDocument,
    "query AccessEndsFeedPosition { incidentEventsFeed { cursor } }": types.AccessEndsFeedPositionDocument,
    "\n  mutation AccessEndsCreateCredential($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } }\n  }\n": types.AccessEndsCreateCredentialDocument,
    "mutation AccessEndsRevokeCredential($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": types.AccessEndsRevokeCredentialDocument,
    "\n  mutation AccessEndsSetPartnerAccess($id: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $id, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator apiDeviceData }\n  }\n": types.AccessEndsSetPartnerAccessDocument,
    "\n  query LiveClientIncidents($id: ID!) {\n    organization(id: $id) { id devices(first: 10) { nodes { id incidents(first: 10) { nodes { id severity clearedAt } } } } }\n  }\n": types.LiveClientIncidentsDocument,
    "\n  subscription LiveClientWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incident { id severity clearedAt } }\n  }\n": types.LiveClientWatchDocument,
    "query LiveClientFeedPosition { incidentEventsFeed { cursor } }": types.LiveClientFeedPositionDocument,
    "\n  mutation LiveClientRecordAlarms($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n": types.LiveClientRecordAlarmsDocument,
    "fragment LiveClientCleared on Incident { clearedAt }": types.LiveClientClearedFragmentDoc,
    "\n  subscription LiveWatch($organizationIds: [ID!], $severities: [IncidentSeverity!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, severities: $severities, after: $after) {\n      cursor\n      kind\n      incidentId\n      incident { id severity clearedAt device { id ipAddress organization { id name } } }\n    }\n  }\n": types.LiveWatchDocument,
    "query LiveFeedPosition { incidentEventsFeed { cursor } }": types.LiveFeedPositionDocument,
    "mutation LiveAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id, note: \"on it\") { id } }": types.LiveAcknowledgeDocument,
    "mutation LiveRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": types.LiveRevokeDocument,
    "\n  subscription LimitsWatch($organizationIds: [ID!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, after: $after) { cursor incidentId incident { id message } }\n  }\n": types.LimitsWatchDocument,
    "query LimitsFeedPosition { incidentEventsFeed { cursor } }": types.LimitsFeedPositionDocument,
    "\n  subscription LiveReadings($sensorIds: [ID!]!, $after: String) {\n    sensorReadings(sensorIds: $sensorIds, after: $after) {\n      cursor\n      sensor { id type unit device { id ipAddress } }\n      reading { at value }\n    }\n  }\n": types.LiveReadingsDocument,
    "\n  mutation LiveReadingsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.LiveReadingsRecordDocument,
    "\n  subscription ReplicasWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incidentId }\n  }\n": types.ReplicasWatchDocument,
    "query ReplicasFeedPosition { incidentEventsFeed { cursor } }": types.ReplicasFeedPositionDocument,
    "mutation ReplicasRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": types.ReplicasRevokeDocument,
    "\n  query LiveRaceFeed($after: String) { incidentEventsFeed(after: $after) { cursor events { incidentId kind } } }\n": types.LiveRaceFeedDocument,
    "mutation LiveRaceRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": types.LiveRaceRevokeDocument,
    "\n  query MetricsDevices { organizations { nodes { id devices { nodes { id name firmwareRevision } } } } }\n": types.MetricsDevicesDocument,
    "\n  query MetricsLicences { organizations { nodes { id subscriptions { id product } } } }\n": types.MetricsLicencesDocument,
    "\n  mutation MetricsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.MetricsRecordReadingsDocument,
    "\n  subscription MetricsWatchIncidents { incidentEvents { cursor kind } }\n": types.MetricsWatchIncidentsDocument,
    "fragment MfaSession on Session { accessToken refreshToken recoveryCodes user { email mfaEnabled } }": types.MfaSessionFragmentDoc,
    "mutation MfaSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { ...MfaSession } }": types.MfaSignInDocument,
    "mutation MfaRefresh($t: String!) { refreshSession(refreshToken: $t) { ...MfaSession } }": types.MfaRefreshDocument,
    "mutation MfaEnforcementInviteUser($e: String!, $r: OrganizationRole!) { inviteUser(email: $e, role: $r) { id } }": types.MfaEnforcementInviteUserDocument,
    "mutation MfaAccept($t: String!, $p: String!, $c: String) {\n  acceptUserInvitation(token: $t, displayName: \"New Person\", password: $p, totpCode: $c) { ...MfaSession } }": types.MfaAcceptDocument,
    "mutation MfaCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { ...MfaSession } }": types.MfaCreatePartnerAccountDocument,
    "mutation StartFromLink($t: String!) { startMfaEnrolmentFromLink(token: $t) { secret otpauthUri } }": types.StartFromLinkDocument,
    "mutation ConfirmFromLink($t: String!, $c: String!) { confirmMfaEnrolmentFromLink(token: $t, totpCode: $c) }": types.ConfirmFromLinkDocument,
    "mutation SetRequirement($r: Boolean!) { setOrganizationMfaRequirement(required: $r) { id requireMfa } }": types.SetRequirementDocument,
    "query MfaEnforcementViewer { viewer { mfa user { email } } }": types.MfaEnforcementViewerDocument,
    "mutation StartInvitationMfaEnrolment { startInvitationMfaEnrolment(token: \"made-up\") { secret } }": types.StartInvitationMfaEnrolmentDocument,
    "mutation MfaEnforcementCreate($name: String!, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n      createPartnerAccount(organizationName: $name, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { accessToken } }": types.MfaEnforcementCreateDocument,
    "mutation StartPartnerAccountMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret otpauthUri } }": types.StartPartnerAccountMfaEnrolmentDocument,
    "query Read($id: ID!) { organization(id: $id) { requireMfa } }": types.ReadDocument,
    "query Log($id: ID!) { organization(id: $id) {\n        auditEvents(actions: [ORGANIZATION_MFA_REQUIREMENT_CHANGED]) { nodes { action requireMfa actor { kind user { email } } } } } }": types.LogDocument,
    "query Feeds { inventoryChanges(first: 5) { changes { deviceId } } incidentChanges(first: 5) { changes { incidentId } } }": types.FeedsDocument,
    "query OutagesOrganizations { organizations(first: 100) { nodes { name } } }": types.OutagesOrganizationsDocument,
    "\n  query PartnerAccess($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccess {\n        partner { id name }\n        customer { id name }\n        administrator\n        apiDeviceData\n        grantedAt\n      }\n    }\n  }\n": types.PartnerAccessDocument,
    "\n  query PartnerAccessHistory($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccessHistory { action actor { email } administrator apiDeviceData at partner { name } }\n    }\n  }\n": types.PartnerAccessHistoryDocument,
    "\n  mutation SetPartnerAccess($partnerOrganizationId: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partnerOrganizationId, administrator: $administrator, apiDeviceData: $apiDeviceData) {\n      partner { id name }\n      customer { id name }\n      administrator\n      apiDeviceData\n      grantedAt\n    }\n  }\n": types.SetPartnerAccessDocument,
    "\n  mutation PartnerAccessRevokePartnerAccess($partnerOrganizationId: ID!) {\n    revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)\n  }\n": types.PartnerAccessRevokePartnerAccessDocument,
    "query Suggest($name: String!) { suggestPartnerId(organizationName: $name) }": types.SuggestDocument,
    "mutation CreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n    accessToken user { email role organization { id name kind partnerId } }\n  }\n}": types.CreatePartnerAccountDocument,
    "\n  mutation PartnerAccountsRequest($partnerId: String!, $reason: String!) {\n    requestPartnerIdChange(partnerId: $partnerId, reason: $reason) { id previousPartnerId requestedPartnerId reason status requestedBy { email } decidedBy decidedAt }\n  }\n": types.PartnerAccountsRequestDocument,
    "\n  mutation PartnerAccountsDecide($id: ID!, $approve: Boolean!, $note: String) {\n    decidePartnerIdChange(requestId: $id, approve: $approve, note: $note) {\n      id status previousPartnerId requestedPartnerId decidedBy decidedAt decisionNote organization { partnerId }\n    }\n  }\n": types.PartnerAccountsDecideDocument,
    "query Pending { pendingPartnerIdChangeRequests { id requestedPartnerId organization { name } } }": types.PendingDocument,
    "query PartnerAccountsHistory($id: ID!) { organization(id: $id) { partnerId partnerIdChangeRequests { status previousPartnerId requestedPartnerId decidedBy } } }": types.PartnerAccountsHistoryDocument,
    "query PartnerAccountsViewer { viewer { user { email } } }": types.PartnerAccountsViewerDocument,
    "\n  mutation ReplicaRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.ReplicaRecordDocument,
    "\n  mutation ReplicaAcknowledge($incidentId: ID!) { acknowledgeIncident(incidentId: $incidentId, note: \"Battery ordered\") { id acknowledgement { note } } }\n": types.ReplicaAcknowledgeDocument,
    "\n  query ReplicaDevices($organization: ID!, $from: String!, $to: String!) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes {\n          id\n          incidents(first: 10) { nodes { id acknowledgement { note } } }\n          sensors { id latest { at value } history(from: $from, to: $to, maxPoints: 500) { resolution buckets { start max count } } }\n        }\n      }\n    }\n  }\n": types.ReplicaDevicesDocument,
    "\n  query RequestLogsCustomerDevices {\n    organizations { nodes { id name devices(first: 5) { nodes { id name } } } }\n  }\n": types.RequestLogsCustomerDevicesDocument,
    "\n  query RequestLogsTypename {\n    __typename\n  }\n": types.RequestLogsTypenameDocument,
    "query Devices { organizations { nodes { id devices { nodes { id name ipAddress } } } } }": types.DevicesDocument,
    "mutation RevokePartnerAccessInRace($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }": types.RevokePartnerAccessInRaceDocument,
    "mutation Withdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { administrator } }": types.WithdrawDocument,
    "mutation RevocationRacesCreate($name: String!, $customerIds: [ID!]) { createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } } }": types.RevocationRacesCreateDocument,
    "mutation RevocationRacesWithdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { apiDeviceData } }": types.RevocationRacesWithdrawDocument,
    "mutation RevokeApiCredentialInRace($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }": types.RevokeApiCredentialInRaceDocument,
    "\n  mutation SecretsAtRestSignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken }\n  }\n": types.SecretsAtRestSignInDocument,
    "query SecretsAtRestViewer { viewer { user { email } } }": types.SecretsAtRestViewerDocument,
    "mutation SecretsAtRestEnrollMfa { enrollMfa { secret } }": types.SecretsAtRestEnrollMfaDocument,
    "mutation SecretsAtRestConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": types.SecretsAtRestConfirmMfaDocument,
    "\n  mutation SignInWithTotp($email: String!, $password: String!, $totpCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      tokenType\n      expiresIn\n      user { email role mfaEnabled organization { name } }\n    }\n  }\n": types.SignInWithTotpDocument,
    "query SignInViewer { viewer { mfa user { email role organization { name kind } } } }": types.SignInViewerDocument,
    "mutation EnrollMfaForUri { enrollMfa { secret otpauthUri } }": types.EnrollMfaForUriDocument,
    "mutation SignInConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }": types.SignInConfirmMfaDocument,
    "mutation SignInWithRecoveryCode($p: String!, $r: String) { signIn(email: \"enrolling@contoso.example\", password: $p, recoveryCode: $r) { accessToken } }": types.SignInWithRecoveryCodeDocument,
    "mutation SignInRefresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }": types.SignInRefreshDocument,
    "mutation SignInForRefreshToken($p: String!) { signIn(email: \"admin@contoso.example\", password: $p) { refreshToken } }": types.SignInForRefreshTokenDocument,
    "query NamesAndDevices { organizations(first: 100) { nodes { name devices { nodes { name } } } } }": types.NamesAndDevicesDocument,
    "query NamesAndLicences { organizations(first: 100) { nodes { name subscriptions { product } } } }": types.NamesAndLicencesDocument,
    "query LicencesOnly { organizations { nodes { subscriptions { product } } } }": types.LicencesOnlyDocument,
    "query NamesOnly { organizations { nodes { name } } }": types.NamesOnlyDocument,
    "fragment LicenseFields on SubscriptionLicense { id product deviceAllowance startsOn endsOn status organization { id } }": types.LicenseFieldsFragmentDoc,
    "\n  mutation IssueKey($product: String!, $termMonths: Int!, $deviceAllowance: Int!, $installerEmails: [String!]!, $issuedOn: String) {\n    issueLicenseKey(product: $product, termMonths: $termMonths, deviceAllowance: $deviceAllowance, installerEmails: $installerEmails, issuedOn: $issuedOn) {\n      key product termMonths deviceAllowance installerEmails issuedOn\n    }\n  }\n": types.IssueKeyDocument,
    "mutation IssueVoucher($credits: Int!) { issueVoucher(credits: $credits) }": types.IssueVoucherDocument,
    "\n  mutation Redeem($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { ...LicenseFields }\n  }\n": types.RedeemDocument,
    "mutation RedeemVoucher($code: String!) { redeemVoucher(code: $code) }": types.RedeemVoucherDocument,
    "\n  mutation Activate(\n    $customerId: ID!, $product: String!, $deviceAllowance: Int!, $months: Int!, $startDate: String!,\n    $installerEmails: [String!]!, $idempotencyKey: String!\n  ) {\n    activateSubscription(\n      customerId: $customerId, product: $product, deviceAllowance: $deviceAllowance, months: $months, startDate: $startDate,\n      installerEmails: $installerEmails, idempotencyKey: $idempotencyKey\n    ) { ...LicenseFields }\n  }\n": types.ActivateDocument,
    "\n  mutation Renew($subscriptionId: ID!, $months: Int!, $idempotencyKey: String!) {\n    renewSubscription(subscriptionId: $subscriptionId, months: $months, idempotencyKey: $idempotencyKey) { ...LicenseFields }\n  }\n": types.RenewDocument,
    "\n  mutation Amend($subscriptionId: ID!, $addDevices: Int!, $addMonths: Int!, $idempotencyKey: String!) {\n    amendSubscription(subscriptionId: $subscriptionId, addDevices: $addDevices, addMonths: $addMonths, idempotencyKey: $idempotencyKey) {\n      ...LicenseFields\n    }\n  }\n": types.AmendDocument,
    "query Prices { creditPrices { product creditsPerDeviceMonth } }": types.PricesDocument,
    "\n  query Subscriptions($id: ID!, $status: [SubscriptionStatus!]) {\n    organization(id: $id) { id subscriptions(status: $status) { ...LicenseFields } }\n  }\n": types.SubscriptionsDocument,
    "\n  query Credits($id: ID!) {\n    organization(id: $id) { id creditBalance creditMovements(first: 100) { id kind amount balanceAfter subscription { id } at } }\n  }\n": types.CreditsDocument,
    "query ExpiringSubscriptions { organizations { nodes { id subscriptions(status: [EXPIRING]) { ...LicenseFields } } } }": types.ExpiringSubscriptionsDocument,
    "mutation SubscriptionsLicensingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": types.SubscriptionsLicensingRevokeDocument,
    "\n  mutation SubscriptionsLicensingCreate($name: String!) { createApiCredential(name: $name) { clientSecret credential { clientId } } }\n": types.SubscriptionsLicensingCreateDocument,
    "\n  query SupergraphReloadDashboard {\n    organizations(first: 100) {\n      nodes { name subscriptions { product } devices { nodes { name sensors { type } } } }\n    }\n  }\n": types.SupergraphReloadDashboardDocument,
    "query Type { __type(name: \"Organization\") { description } }": types.TypeDocument,
    "\n  mutation AlarmsRecord($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n": types.AlarmsRecordDocument,
    "\n  mutation AlarmsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.AlarmsRecordReadingsDocument,
    "\n  mutation AlarmsSetThresholds($sensorId: ID!, $low: Float, $high: Float, $hysteresis: Float! = 0) {\n    setSensorThresholds(sensorId: $sensorId, low: $low, high: $high, hysteresis: $hysteresis) { id thresholds { low high hysteresis } }\n  }\n": types.AlarmsSetThresholdsDocument,
    "\n  query AlarmsIncidents($id: ID!) {\n    organization(id: $id) { incidents(first: 100) { nodes { id } } }\n  }\n": types.AlarmsIncidentsDocument,
    "\n  query Inventory($after: String, $first: Int) {\n    inventoryChanges(after: $after, first: $first) {\n      changes { operation deviceId at device { id name ipAddress monitored } }\n      nextCursor\n      hasMore\n    }\n  }\n": types.InventoryDocument,
    "\n  query Incidents($after: String, $first: Int) {\n    incidentChanges(after: $after, first: $first) {\n      changes { operation incidentId at incident { id severity message } }\n      nextCursor\n      hasMore\n    }\n  }\n": types.IncidentsDocument,
    "\n  mutation TelemetryChangeFeedsRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n": types.TelemetryChangeFeedsRevokeDocument,
    "\n  query TelemetryDashboardBatchingDashboard {\n    organizations {\n      nodes {\n        name\n        devices(first: 50) { nodes { name ipAddress openIncidentCount sensors { type latest { at value } } } }\n        openIncidentCount\n      }\n    }\n  }\n": types.TelemetryDashboardBatchingDashboardDocument,
    "\n  query Paths($id: ID!) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes { name ipAddress alias: ipAddress ...Spread ... on Device { inline: ipAddress } components { name ipAddress } }\n      }\n      locations {\n        name kind devices { name ipAddress }\n        children { name kind devices { name ipAddress } children { name kind devices { name ipAddress } children { name } } }\n      }\n    }\n  }\n  fragment Spread on Device { spread: ipAddress }\n": types.PathsDocument,
    "\n  query TelemetryFieldHidingDevices($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {\n    organization(id: $id) {\n      devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } }\n    }\n  }\n": types.TelemetryFieldHidingDevicesDocument,
    "\n            query Unmonitored($id: ID!) {\n              organization(id: $id) {\n                deviceCount\n                devices { nodes { name monitored components { name } } }\n                locations { children { children { devices { name } } } }\n              }\n            }\n          ": types.UnmonitoredDocument,
    "\n          query TelemetryFieldHidingInventory($id: ID!) {\n            organization(id: $id) {\n              devices(filter: { types: [UPS, SENSOR_HUB, OTHER] }) {\n                nodes {\n                  name warrantyEndsOn lastServicedOn nextServiceDueOn\n                  location { name kind parent { name kind parent { name kind parent { name } } } }\n                  parent { name }\n                }\n              }\n            }\n          }\n        ": types.TelemetryFieldHidingInventoryDocument,
    "query UpsApplicationsAndJobs($id: ID!) { organization(id: $id) { devices(filter: { types: [UPS] }) { nodes {\n         applications { id name version } jobs { id name schedule lastRunAt lastStatus } } } } }": types.UpsApplicationsAndJobsDocument,
    "query DeviceCount($id: ID!) { organization(id: $id) { deviceCount } }": types.DeviceCountDocument,
    "mutation TelemetryFieldHidingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }": types.TelemetryFieldHidingRevokeDocument,
    "\n  query TelemetryIncidentsIncidents($id: ID!, $first: Int, $after: String, $open: Boolean, $severities: [IncidentSeverity!]) {\n    organization(id: $id) {\n      incidents(first: $first, after: $after, open: $open, severities: $severities) {\n        nodes { id severity raisedAt clearedAt }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.TelemetryIncidentsIncidentsDocument,
    "\n  query DeviceIncidents($id: ID!, $first: Int, $after: String, $open: Boolean) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes {\n          id\n          openIncidentCount\n          incidents(first: $first, after: $after, open: $open) { nodes { id } pageInfo { hasNextPage endCursor } }\n        }\n      }\n    }\n  }\n": types.DeviceIncidentsDocument,
    "\n  query OpenCounts($id: ID!) {\n    organization(id: $id) { openIncidentCount devices(first: 100) { nodes { id openIncidentCount } } }\n  }\n": types.OpenCountsDocument,
    "\n  query IncidentDetail($id: ID!) {\n    organization(id: $id) {\n      incidents(first: 100) {\n        nodes { id message reactivationCount device { id name } acknowledgement { byUserId note at } }\n      }\n    }\n  }\n": types.IncidentDetailDocument,
    "\n  mutation Acknowledge($incidentId: ID!, $note: String) {\n    acknowledgeIncident(incidentId: $incidentId, note: $note) { id acknowledgement { byUserId note at } }\n  }\n": types.AcknowledgeDocument,
    "\n  query Assessment($id: ID!, $month: String!) {\n    organization(id: $id) {\n      assessment(month: $month) {\n        month\n        monitoringCoverage\n        incidentsBySeverity { severity count }\n        upsHealth { device { id name } score minBatteryRuntimeMinutes averageLoadPercent criticalIncidents }\n      }\n    }\n  }\n": types.AssessmentDocument,
    "\n  query TelemetryIncidentsDashboard {\n    organizations(first: 100) {\n      nodes {\n        id\n        openIncidentCount\n        devices(first: 100) { nodes { id openIncidentCount incidents(first: 2, open: true) { nodes { id severity device { id } } } } }\n      }\n    }\n  }\n": types.TelemetryIncidentsDashboardDocument,
    "\n  mutation PartitionsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.PartitionsRecordDocument,
    "\n  query PartitionsHistory($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes { id sensors { id history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } } }\n      }\n    }\n  }\n": types.PartitionsHistoryDocument,
    "\n  mutation Record($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n": types.RecordDocument,
    "\n      query DeviceSensors($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n        organization(id: $organization) {\n          devices(first: 10) {\n            nodes {\n              name\n              sensors { id latest { at value } history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } }\n            }\n          }\n        }\n      }\n    ": types.DeviceSensorsDocument,
    "\n  query TenantAccessOrganizations { organizations(first: 100) { nodes { id name } } }\n": types.TenantAccessOrganizationsDocument,
    "\n  query TenantAccessOrganizationPage($after: String) {\n    organizations(first: 1, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }\n  }\n": types.TenantAccessOrganizationPageDocument,
    "\n  query TenantAccessOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      subscriptions { id product }\n      devices(first: 100) { nodes { id name ipAddress monitored } }\n    }\n  }\n": types.TenantAccessOrganizationDocument,
    "\n  mutation TenantAccessRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n": types.TenantAccessRevokeDocument,
    "\n  query TenantAccessDashboard { organizations { nodes { name subscriptions { product } devices { nodes { name ipAddress } } } } }\n": types.TenantAccessDashboardDocument,
    "\n          query Aliased($id: ID!) {\n            organization(id: $id) { devices { nodes { ip: ipAddress ... on Device { ipAddress } ...Address } } }\n          }\n          fragment Address on Device { address: ipAddress }\n        ": types.AliasedDocument,
    "\n  query TracedPartnerDashboard($from: String!, $to: String!) {\n    organizations {\n      nodes {\n        id\n        name\n        openIncidentCount\n        devices(first: 20) {\n          nodes { id name ipAddress openIncidentCount sensors { id type latest { at value } history(from: $from, to: $to, maxPoints: 12) { bucketSeconds } } }\n        }\n      }\n    }\n  }\n": types.TracedPartnerDashboardDocument,
    "\n  query ViewerMfa {\n    viewer {\n      mfa\n    }\n  }\n": types.ViewerMfaDocument,
    "\n  query ViewerTypename {\n    viewer {\n      __typename\n    }\n  }\n": types.ViewerTypenameDocument,
    "mutation SignUpMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret } }": types.SignUpMfaEnrolmentDocument,
    "mutation InvitationMfaEnrolment($t: String!) { startInvitationMfaEnrolment(token: $t) { secret } }": types.InvitationMfaEnrolmentDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation NewSubgraphSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { accessToken } }"): typeof import('./graphql').NewSubgraphSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PrometheusDevices { organizations { nodes { id devices(first: 5) { nodes { id name } } } } }\n"): typeof import('./graphql').PrometheusDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BalancedSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { refreshToken } }\n"): typeof import('./graphql').BalancedSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BalancedRefresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { refreshToken } }"): typeof import('./graphql').BalancedRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BalancedTypename { __typename }"): typeof import('./graphql').BalancedTypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancedCustomers { organizations { nodes { id subscriptions { product } devices { nodes { id } } } } }\n"): typeof import('./graphql').BalancedCustomersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BalancedRevoke($partnerId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerId) }"): typeof import('./graphql').BalancedRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BalancedInvite($email: String!) { inviteUser(email: $email, role: VIEWER) { id } }"): typeof import('./graphql').BalancedInviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BalancedFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').BalancedFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription BalancedWatchIncidents($after: String) { incidentEvents(after: $after) { kind incidentId } }"): typeof import('./graphql').BalancedWatchIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancedOpenIncidents { organizations { nodes { incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }\n"): typeof import('./graphql').BalancedOpenIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BalancedAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }"): typeof import('./graphql').BalancedAcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BalancedPartnerDashboard {\n    organizations {\n      nodes {\n        id\n        name\n        deviceCount\n        openIncidentCount\n        devices(first: 50) { nodes { id name type ipAddress openIncidentCount sensors { type unit latest { at value } } } }\n      }\n    }\n  }\n"): typeof import('./graphql').BalancedPartnerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StackDashboard {\n    organizations {\n      nodes {\n        name\n        kind\n        partnerId\n        subscriptions { product status }\n        devices { nodes { name make model serialNumber firmwareRevision ipAddress } }\n      }\n    }\n  }\n"): typeof import('./graphql').StackDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StackSignIn($email: String!, $password: String!, $totpCode: String) { signIn(email: $email, password: $password, totpCode: $totpCode) { accessToken } }"): typeof import('./graphql').StackSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StackViewer { viewer { user { email role } } }"): typeof import('./graphql').StackViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StackFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').StackFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription StackWatch($after: String) { incidentEvents(after: $after) { kind incidentId } }"): typeof import('./graphql').StackWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StackOpenIncidents { organizations { nodes { id incidents(open: true, first: 50) { nodes { id acknowledgement { at } } } } } }"): typeof import('./graphql').StackOpenIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StackAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id) { id } }"): typeof import('./graphql').StackAcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiClientReadsDevices($id: ID!) { organization(id: $id) { devices { nodes { name } } } }"): typeof import('./graphql').ApiClientReadsDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Create($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) {\n      clientSecret\n      credential { id name clientId customers { id } createdBy { email } createdAt lastUsedAt revokedAt }\n    }\n  }\n"): typeof import('./graphql').CreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Revoke($id: ID!) { revokeApiCredential(id: $id) { id revokedAt } }"): typeof import('./graphql').RevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query List($id: ID!) { organization(id: $id) { apiCredentials { id name clientId lastUsedAt revokedAt } } }"): typeof import('./graphql').ListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeviceData { organizations { nodes { id devices { nodes { name ipAddress } } } } }"): typeof import('./graphql').DeviceDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Organization($id: ID!) { organization(id: $id) { subscriptions { product } } }"): typeof import('./graphql').OrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ApiClientReadsOrganization($id: ID!) { organization(id: $id) { name devices { nodes { name } } } }"): typeof import('./graphql').ApiClientReadsOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiClientCreatesCredential { createApiCredential(name: \"mine\") { clientSecret } }"): typeof import('./graphql').ApiClientCreatesCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiClientRevokesPartner($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }"): typeof import('./graphql').ApiClientRevokesPartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApiClientInvitesUser { inviteUser(email: \"someone@example.com\", role: ADMIN) { id } }"): typeof import('./graphql').ApiClientInvitesUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Audit($id: ID!, $first: Int, $after: String, $actions: [AuditAction!]) {\n    organization(id: $id) {\n      auditEvents(first: $first, after: $after, actions: $actions) {\n        nodes {\n          id\n          action\n          at\n          actor { kind id user { email } }\n          user { email }\n          secondFactor\n          signInFailure\n          lockedUntil\n          partnerAccess { partner { name } customer { name } administrator apiDeviceData }\n          apiCredential { id name clientId }\n          partnerIdChange { requestId previousPartnerId partnerId }\n        }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken refreshToken }\n  }\n"): typeof import('./graphql').SignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Set($partner: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partner, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator }\n  }\n"): typeof import('./graphql').SetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollMfa { enrollMfa { secret } }"): typeof import('./graphql').EnrollMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }"): typeof import('./graphql').ConfirmMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }"): typeof import('./graphql').RefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }"): typeof import('./graphql').RevokePartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InviteCustomer($e: String!) { inviteCustomer(email: $e) { id } }"): typeof import('./graphql').InviteCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ApprovePartner($t: String!) { approvePartner(token: $t) { administrator } }"): typeof import('./graphql').ApprovePartnerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditLogRevokePartnerAccess($p: ID!) { revokePartnerAccess(partnerOrganizationId: $p) }"): typeof import('./graphql').AuditLogRevokePartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditLogCreateApiCredential { createApiCredential(name: \"Nightly export\") { clientSecret credential { id name clientId } } }"): typeof import('./graphql').AuditLogCreateApiCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditLogRevoke($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }"): typeof import('./graphql').AuditLogRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Request($p: String!) { requestPartnerIdChange(partnerId: $p, reason: \"Rebranding\") { id } }"): typeof import('./graphql').RequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Decide($id: ID!, $approve: Boolean!) { decidePartnerIdChange(requestId: $id, approve: $approve) { status } }"): typeof import('./graphql').DecideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation AuditCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n            createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n              accessToken recoveryCodes user { organization { id } }\n            }\n          }\n        "): typeof import('./graphql').AuditCreatePartnerAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLogViewer { viewer { user { organization { auditEvents(first: 20, actions: [SIGN_IN_FAILED, PARTNER_ACCESS_CHANGED]) {\n             nodes { action at actor { kind id user { email } } user { email } signInFailure\n                     partnerAccess { partner { name } administrator apiDeviceData } apiCredential { name clientId }\n                     partnerIdChange { previousPartnerId partnerId } }\n             pageInfo { hasNextPage endCursor } } } } } }"): typeof import('./graphql').AuditLogViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query First { __typename }"): typeof import('./graphql').FirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Second { organizations { pageInfo { hasNextPage } } }"): typeof import('./graphql').SecondDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($first: Int) {\n    organizations(first: $first) {\n      nodes {\n        id\n        name\n        kind\n        partnerId\n        subscriptions { product deviceAllowance startsOn endsOn status }\n        devices(first: 100) {\n          nodes { name make model serialNumber firmwareRevision ipAddress sensors { type unit } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DocsSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { accessToken } }"): typeof import('./graphql').DocsSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UnacknowledgedIncidents($c: ID!) { organization(id: $c) { devices(first: 50) { nodes { incidents(open: true) { nodes { id acknowledgement { at } } } } } } }"): typeof import('./graphql').UnacknowledgedIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DocsViewerMfa { viewer { mfa } }"): typeof import('./graphql').DocsViewerMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Invite($email: String!) { inviteUser(email: $email, role: VIEWER) { email } }"): typeof import('./graphql').InviteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceOwners {\n    organizations(first: 100) {\n      nodes {\n        name\n        devices(first: 100) { nodes { id organization { id name } } }\n      }\n    }\n  }\n"): typeof import('./graphql').DeviceOwnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageFirmware { organizations { nodes { id devices(first: 5) { nodes { id firmwareRevision } } } } }\n"): typeof import('./graphql').UsageFirmwareDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageDeviceNames { organizations { nodes { id devices { nodes { id name } } } } }\n"): typeof import('./graphql').UsageDeviceNamesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment UsageFirmwareFields on Device { firmwareRevision }"): typeof import('./graphql').UsageFirmwareFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageFirmwareThroughFragment { organizations { nodes { id devices { nodes { id ...UsageFirmwareFields } } } } }\n"): typeof import('./graphql').UsageFirmwareThroughFragmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GatewayTypename { __typename }"): typeof import('./graphql').GatewayTypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Introspection { __schema { types { name } } }"): typeof import('./graphql').IntrospectionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Organizations { organizations { nodes { name subscriptions { product } devices { nodes { name } } } } }"): typeof import('./graphql').OrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GracefulDrainOrganizations { organizations { nodes { name } } }"): typeof import('./graphql').GracefulDrainOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InternalErrorsOrganizations { organizations { nodes { name } } }"): typeof import('./graphql').InternalErrorsOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment InvitationFields on Invitation { id kind email role organization { id } expiresAt }"): typeof import('./graphql').InvitationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitationsInviteUser($email: String!, $role: OrganizationRole!) { inviteUser(email: $email, role: $role) { ...InvitationFields } }"): typeof import('./graphql').InvitationsInviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitationsInviteCustomer($email: String!) { inviteCustomer(email: $email) { ...InvitationFields } }"): typeof import('./graphql').InvitationsInviteCustomerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Accept($token: String!, $displayName: String!, $password: String!) {\n    acceptUserInvitation(token: $token, displayName: $displayName, password: $password) {\n      accessToken\n      user { email displayName role organization { id } }\n    }\n  }\n"): typeof import('./graphql').AcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Approve($token: String!) { approvePartner(token: $token) { partner { id } customer { id } administrator apiDeviceData } }"): typeof import('./graphql').ApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitationsRevoke($partner: ID!) { revokePartnerAccess(partnerOrganizationId: $partner) }"): typeof import('./graphql').InvitationsRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Grants($id: ID!) { organization(id: $id) { partnerAccess { partner { id } customer { id } administrator apiDeviceData } } }"): typeof import('./graphql').GrantsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query History($id: ID!) { organization(id: $id) { partnerAccessHistory { action actor { email } } } }"): typeof import('./graphql').HistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitationsViewer { viewer { user { email } } }"): typeof import('./graphql').InvitationsViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitationsSignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { user { email } } }"): typeof import('./graphql').InvitationsSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AcceptUserInvitation($t: String!, $p: String!, $c: String) { acceptUserInvitation(token: $t, displayName: \"Engineer\", password: $p, totpCode: $c) { user { email role organization { id } } } }"): typeof import('./graphql').AcceptUserInvitationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccessEndsWatch($after: String) {\n    incidentEvents(after: $after) { cursor incidentId incident { id device { id ipAddress } } }\n  }\n"): typeof import('./graphql').AccessEndsWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessEndsFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').AccessEndsFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessEndsCreateCredential($name: String!, $customerIds: [ID!]) {\n    createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } }\n  }\n"): typeof import('./graphql').AccessEndsCreateCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessEndsRevokeCredential($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }"): typeof import('./graphql').AccessEndsRevokeCredentialDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessEndsSetPartnerAccess($id: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $id, administrator: $administrator, apiDeviceData: $apiDeviceData) { administrator apiDeviceData }\n  }\n"): typeof import('./graphql').AccessEndsSetPartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveClientIncidents($id: ID!) {\n    organization(id: $id) { id devices(first: 10) { nodes { id incidents(first: 10) { nodes { id severity clearedAt } } } } }\n  }\n"): typeof import('./graphql').LiveClientIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveClientWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incident { id severity clearedAt } }\n  }\n"): typeof import('./graphql').LiveClientWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveClientFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').LiveClientFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveClientRecordAlarms($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n"): typeof import('./graphql').LiveClientRecordAlarmsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LiveClientCleared on Incident { clearedAt }"): typeof import('./graphql').LiveClientClearedFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveWatch($organizationIds: [ID!], $severities: [IncidentSeverity!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, severities: $severities, after: $after) {\n      cursor\n      kind\n      incidentId\n      incident { id severity clearedAt device { id ipAddress organization { id name } } }\n    }\n  }\n"): typeof import('./graphql').LiveWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').LiveFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveAcknowledge($id: ID!) { acknowledgeIncident(incidentId: $id, note: \"on it\") { id } }"): typeof import('./graphql').LiveAcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }"): typeof import('./graphql').LiveRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LimitsWatch($organizationIds: [ID!], $after: String) {\n    incidentEvents(organizationIds: $organizationIds, after: $after) { cursor incidentId incident { id message } }\n  }\n"): typeof import('./graphql').LimitsWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LimitsFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').LimitsFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveReadings($sensorIds: [ID!]!, $after: String) {\n    sensorReadings(sensorIds: $sensorIds, after: $after) {\n      cursor\n      sensor { id type unit device { id ipAddress } }\n      reading { at value }\n    }\n  }\n"): typeof import('./graphql').LiveReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiveReadingsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').LiveReadingsRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReplicasWatch($after: String) {\n    incidentEvents(after: $after) { cursor kind incidentId }\n  }\n"): typeof import('./graphql').ReplicasWatchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReplicasFeedPosition { incidentEventsFeed { cursor } }"): typeof import('./graphql').ReplicasFeedPositionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ReplicasRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }"): typeof import('./graphql').ReplicasRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveRaceFeed($after: String) { incidentEventsFeed(after: $after) { cursor events { incidentId kind } } }\n"): typeof import('./graphql').LiveRaceFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveRaceRevoke($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }"): typeof import('./graphql').LiveRaceRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsDevices { organizations { nodes { id devices { nodes { id name firmwareRevision } } } } }\n"): typeof import('./graphql').MetricsDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsLicences { organizations { nodes { id subscriptions { id product } } } }\n"): typeof import('./graphql').MetricsLicencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MetricsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').MetricsRecordReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsWatchIncidents { incidentEvents { cursor kind } }\n"): typeof import('./graphql').MetricsWatchIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment MfaSession on Session { accessToken refreshToken recoveryCodes user { email mfaEnabled } }"): typeof import('./graphql').MfaSessionFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaSignIn($e: String!, $p: String!, $t: String) { signIn(email: $e, password: $p, totpCode: $t) { ...MfaSession } }"): typeof import('./graphql').MfaSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaRefresh($t: String!) { refreshSession(refreshToken: $t) { ...MfaSession } }"): typeof import('./graphql').MfaRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaEnforcementInviteUser($e: String!, $r: OrganizationRole!) { inviteUser(email: $e, role: $r) { id } }"): typeof import('./graphql').MfaEnforcementInviteUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaAccept($t: String!, $p: String!, $c: String) {\n  acceptUserInvitation(token: $t, displayName: \"New Person\", password: $p, totpCode: $c) { ...MfaSession } }"): typeof import('./graphql').MfaAcceptDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaCreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { ...MfaSession } }"): typeof import('./graphql').MfaCreatePartnerAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartFromLink($t: String!) { startMfaEnrolmentFromLink(token: $t) { secret otpauthUri } }"): typeof import('./graphql').StartFromLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConfirmFromLink($t: String!, $c: String!) { confirmMfaEnrolmentFromLink(token: $t, totpCode: $c) }"): typeof import('./graphql').ConfirmFromLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRequirement($r: Boolean!) { setOrganizationMfaRequirement(required: $r) { id requireMfa } }"): typeof import('./graphql').SetRequirementDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MfaEnforcementViewer { viewer { mfa user { email } } }"): typeof import('./graphql').MfaEnforcementViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartInvitationMfaEnrolment { startInvitationMfaEnrolment(token: \"made-up\") { secret } }"): typeof import('./graphql').StartInvitationMfaEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MfaEnforcementCreate($name: String!, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n      createPartnerAccount(organizationName: $name, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) { accessToken } }"): typeof import('./graphql').MfaEnforcementCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartPartnerAccountMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret otpauthUri } }"): typeof import('./graphql').StartPartnerAccountMfaEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Read($id: ID!) { organization(id: $id) { requireMfa } }"): typeof import('./graphql').ReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Log($id: ID!) { organization(id: $id) {\n        auditEvents(actions: [ORGANIZATION_MFA_REQUIREMENT_CHANGED]) { nodes { action requireMfa actor { kind user { email } } } } } }"): typeof import('./graphql').LogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feeds { inventoryChanges(first: 5) { changes { deviceId } } incidentChanges(first: 5) { changes { incidentId } } }"): typeof import('./graphql').FeedsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OutagesOrganizations { organizations(first: 100) { nodes { name } } }"): typeof import('./graphql').OutagesOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerAccess($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccess {\n        partner { id name }\n        customer { id name }\n        administrator\n        apiDeviceData\n        grantedAt\n      }\n    }\n  }\n"): typeof import('./graphql').PartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnerAccessHistory($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      partnerAccessHistory { action actor { email } administrator apiDeviceData at partner { name } }\n    }\n  }\n"): typeof import('./graphql').PartnerAccessHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPartnerAccess($partnerOrganizationId: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {\n    setPartnerAccess(partnerOrganizationId: $partnerOrganizationId, administrator: $administrator, apiDeviceData: $apiDeviceData) {\n      partner { id name }\n      customer { id name }\n      administrator\n      apiDeviceData\n      grantedAt\n    }\n  }\n"): typeof import('./graphql').SetPartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerAccessRevokePartnerAccess($partnerOrganizationId: ID!) {\n    revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)\n  }\n"): typeof import('./graphql').PartnerAccessRevokePartnerAccessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Suggest($name: String!) { suggestPartnerId(organizationName: $name) }"): typeof import('./graphql').SuggestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePartnerAccount($name: String!, $partnerId: String, $admin: NewPartnerAdmin!, $token: String, $code: String) {\n  createPartnerAccount(organizationName: $name, partnerId: $partnerId, admin: $admin, mfaEnrolmentToken: $token, totpCode: $code) {\n    accessToken user { email role organization { id name kind partnerId } }\n  }\n}"): typeof import('./graphql').CreatePartnerAccountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerAccountsRequest($partnerId: String!, $reason: String!) {\n    requestPartnerIdChange(partnerId: $partnerId, reason: $reason) { id previousPartnerId requestedPartnerId reason status requestedBy { email } decidedBy decidedAt }\n  }\n"): typeof import('./graphql').PartnerAccountsRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnerAccountsDecide($id: ID!, $approve: Boolean!, $note: String) {\n    decidePartnerIdChange(requestId: $id, approve: $approve, note: $note) {\n      id status previousPartnerId requestedPartnerId decidedBy decidedAt decisionNote organization { partnerId }\n    }\n  }\n"): typeof import('./graphql').PartnerAccountsDecideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Pending { pendingPartnerIdChangeRequests { id requestedPartnerId organization { name } } }"): typeof import('./graphql').PendingDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerAccountsHistory($id: ID!) { organization(id: $id) { partnerId partnerIdChangeRequests { status previousPartnerId requestedPartnerId decidedBy } } }"): typeof import('./graphql').PartnerAccountsHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PartnerAccountsViewer { viewer { user { email } } }"): typeof import('./graphql').PartnerAccountsViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplicaRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').ReplicaRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplicaAcknowledge($incidentId: ID!) { acknowledgeIncident(incidentId: $incidentId, note: \"Battery ordered\") { id acknowledgement { note } } }\n"): typeof import('./graphql').ReplicaAcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReplicaDevices($organization: ID!, $from: String!, $to: String!) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes {\n          id\n          incidents(first: 10) { nodes { id acknowledgement { note } } }\n          sensors { id latest { at value } history(from: $from, to: $to, maxPoints: 500) { resolution buckets { start max count } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReplicaDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogsCustomerDevices {\n    organizations { nodes { id name devices(first: 5) { nodes { id name } } } }\n  }\n"): typeof import('./graphql').RequestLogsCustomerDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestLogsTypename {\n    __typename\n  }\n"): typeof import('./graphql').RequestLogsTypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Devices { organizations { nodes { id devices { nodes { id name ipAddress } } } } }"): typeof import('./graphql').DevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokePartnerAccessInRace($id: ID!) { revokePartnerAccess(partnerOrganizationId: $id) }"): typeof import('./graphql').RevokePartnerAccessInRaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Withdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { administrator } }"): typeof import('./graphql').WithdrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevocationRacesCreate($name: String!, $customerIds: [ID!]) { createApiCredential(name: $name, customerIds: $customerIds) { clientSecret credential { id clientId } } }"): typeof import('./graphql').RevocationRacesCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevocationRacesWithdraw($id: ID!) { setPartnerAccess(partnerOrganizationId: $id, administrator: false, apiDeviceData: false) { apiDeviceData } }"): typeof import('./graphql').RevocationRacesWithdrawDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RevokeApiCredentialInRace($id: ID!) { revokeApiCredential(id: $id) { revokedAt } }"): typeof import('./graphql').RevokeApiCredentialInRaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SecretsAtRestSignIn($email: String!, $password: String!, $totpCode: String, $recoveryCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode, recoveryCode: $recoveryCode) { accessToken }\n  }\n"): typeof import('./graphql').SecretsAtRestSignInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecretsAtRestViewer { viewer { user { email } } }"): typeof import('./graphql').SecretsAtRestViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SecretsAtRestEnrollMfa { enrollMfa { secret } }"): typeof import('./graphql').SecretsAtRestEnrollMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SecretsAtRestConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }"): typeof import('./graphql').SecretsAtRestConfirmMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInWithTotp($email: String!, $password: String!, $totpCode: String) {\n    signIn(email: $email, password: $password, totpCode: $totpCode) {\n      accessToken\n      tokenType\n      expiresIn\n      user { email role mfaEnabled organization { name } }\n    }\n  }\n"): typeof import('./graphql').SignInWithTotpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SignInViewer { viewer { mfa user { email role organization { name kind } } } }"): typeof import('./graphql').SignInViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EnrollMfaForUri { enrollMfa { secret otpauthUri } }"): typeof import('./graphql').EnrollMfaForUriDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInConfirmMfa($c: String!) { confirmMfa(totpCode: $c) }"): typeof import('./graphql').SignInConfirmMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInWithRecoveryCode($p: String!, $r: String) { signIn(email: \"enrolling@contoso.example\", password: $p, recoveryCode: $r) { accessToken } }"): typeof import('./graphql').SignInWithRecoveryCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInRefresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken user { email } } }"): typeof import('./graphql').SignInRefreshDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignInForRefreshToken($p: String!) { signIn(email: \"admin@contoso.example\", password: $p) { refreshToken } }"): typeof import('./graphql').SignInForRefreshTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NamesAndDevices { organizations(first: 100) { nodes { name devices { nodes { name } } } } }"): typeof import('./graphql').NamesAndDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NamesAndLicences { organizations(first: 100) { nodes { name subscriptions { product } } } }"): typeof import('./graphql').NamesAndLicencesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LicencesOnly { organizations { nodes { subscriptions { product } } } }"): typeof import('./graphql').LicencesOnlyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NamesOnly { organizations { nodes { name } } }"): typeof import('./graphql').NamesOnlyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment LicenseFields on SubscriptionLicense { id product deviceAllowance startsOn endsOn status organization { id } }"): typeof import('./graphql').LicenseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueKey($product: String!, $termMonths: Int!, $deviceAllowance: Int!, $installerEmails: [String!]!, $issuedOn: String) {\n    issueLicenseKey(product: $product, termMonths: $termMonths, deviceAllowance: $deviceAllowance, installerEmails: $installerEmails, issuedOn: $issuedOn) {\n      key product termMonths deviceAllowance installerEmails issuedOn\n    }\n  }\n"): typeof import('./graphql').IssueKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation IssueVoucher($credits: Int!) { issueVoucher(credits: $credits) }"): typeof import('./graphql').IssueVoucherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Redeem($customerId: ID!, $key: String!, $startDate: String!) {\n    redeemLicenseKey(customerId: $customerId, key: $key, startDate: $startDate) { ...LicenseFields }\n  }\n"): typeof import('./graphql').RedeemDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RedeemVoucher($code: String!) { redeemVoucher(code: $code) }"): typeof import('./graphql').RedeemVoucherDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Activate(\n    $customerId: ID!, $product: String!, $deviceAllowance: Int!, $months: Int!, $startDate: String!,\n    $installerEmails: [String!]!, $idempotencyKey: String!\n  ) {\n    activateSubscription(\n      customerId: $customerId, product: $product, deviceAllowance: $deviceAllowance, months: $months, startDate: $startDate,\n      installerEmails: $installerEmails, idempotencyKey: $idempotencyKey\n    ) { ...LicenseFields }\n  }\n"): typeof import('./graphql').ActivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Renew($subscriptionId: ID!, $months: Int!, $idempotencyKey: String!) {\n    renewSubscription(subscriptionId: $subscriptionId, months: $months, idempotencyKey: $idempotencyKey) { ...LicenseFields }\n  }\n"): typeof import('./graphql').RenewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Amend($subscriptionId: ID!, $addDevices: Int!, $addMonths: Int!, $idempotencyKey: String!) {\n    amendSubscription(subscriptionId: $subscriptionId, addDevices: $addDevices, addMonths: $addMonths, idempotencyKey: $idempotencyKey) {\n      ...LicenseFields\n    }\n  }\n"): typeof import('./graphql').AmendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Prices { creditPrices { product creditsPerDeviceMonth } }"): typeof import('./graphql').PricesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Subscriptions($id: ID!, $status: [SubscriptionStatus!]) {\n    organization(id: $id) { id subscriptions(status: $status) { ...LicenseFields } }\n  }\n"): typeof import('./graphql').SubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Credits($id: ID!) {\n    organization(id: $id) { id creditBalance creditMovements(first: 100) { id kind amount balanceAfter subscription { id } at } }\n  }\n"): typeof import('./graphql').CreditsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ExpiringSubscriptions { organizations { nodes { id subscriptions(status: [EXPIRING]) { ...LicenseFields } } } }"): typeof import('./graphql').ExpiringSubscriptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SubscriptionsLicensingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }"): typeof import('./graphql').SubscriptionsLicensingRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionsLicensingCreate($name: String!) { createApiCredential(name: $name) { clientSecret credential { clientId } } }\n"): typeof import('./graphql').SubscriptionsLicensingCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupergraphReloadDashboard {\n    organizations(first: 100) {\n      nodes { name subscriptions { product } devices { nodes { name sensors { type } } } }\n    }\n  }\n"): typeof import('./graphql').SupergraphReloadDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Type { __type(name: \"Organization\") { description } }"): typeof import('./graphql').TypeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlarmsRecord($alarms: [AlarmInput!]!) { recordAlarms(alarms: $alarms) { raised cleared reactivated duplicates } }\n"): typeof import('./graphql').AlarmsRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlarmsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').AlarmsRecordReadingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlarmsSetThresholds($sensorId: ID!, $low: Float, $high: Float, $hysteresis: Float! = 0) {\n    setSensorThresholds(sensorId: $sensorId, low: $low, high: $high, hysteresis: $hysteresis) { id thresholds { low high hysteresis } }\n  }\n"): typeof import('./graphql').AlarmsSetThresholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlarmsIncidents($id: ID!) {\n    organization(id: $id) { incidents(first: 100) { nodes { id } } }\n  }\n"): typeof import('./graphql').AlarmsIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inventory($after: String, $first: Int) {\n    inventoryChanges(after: $after, first: $first) {\n      changes { operation deviceId at device { id name ipAddress monitored } }\n      nextCursor\n      hasMore\n    }\n  }\n"): typeof import('./graphql').InventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Incidents($after: String, $first: Int) {\n    incidentChanges(after: $after, first: $first) {\n      changes { operation incidentId at incident { id severity message } }\n      nextCursor\n      hasMore\n    }\n  }\n"): typeof import('./graphql').IncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TelemetryChangeFeedsRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n"): typeof import('./graphql').TelemetryChangeFeedsRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TelemetryDashboardBatchingDashboard {\n    organizations {\n      nodes {\n        name\n        devices(first: 50) { nodes { name ipAddress openIncidentCount sensors { type latest { at value } } } }\n        openIncidentCount\n      }\n    }\n  }\n"): typeof import('./graphql').TelemetryDashboardBatchingDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Paths($id: ID!) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes { name ipAddress alias: ipAddress ...Spread ... on Device { inline: ipAddress } components { name ipAddress } }\n      }\n      locations {\n        name kind devices { name ipAddress }\n        children { name kind devices { name ipAddress } children { name kind devices { name ipAddress } children { name } } }\n      }\n    }\n  }\n  fragment Spread on Device { spread: ipAddress }\n"): typeof import('./graphql').PathsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TelemetryFieldHidingDevices($id: ID!, $filter: DeviceFilter, $orderBy: DeviceOrder, $first: Int, $after: String) {\n    organization(id: $id) {\n      devices(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { nodes { name } pageInfo { hasNextPage endCursor } }\n    }\n  }\n"): typeof import('./graphql').TelemetryFieldHidingDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query Unmonitored($id: ID!) {\n              organization(id: $id) {\n                deviceCount\n                devices { nodes { name monitored components { name } } }\n                locations { children { children { devices { name } } } }\n              }\n            }\n          "): typeof import('./graphql').UnmonitoredDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query TelemetryFieldHidingInventory($id: ID!) {\n            organization(id: $id) {\n              devices(filter: { types: [UPS, SENSOR_HUB, OTHER] }) {\n                nodes {\n                  name warrantyEndsOn lastServicedOn nextServiceDueOn\n                  location { name kind parent { name kind parent { name kind parent { name } } } }\n                  parent { name }\n                }\n              }\n            }\n          }\n        "): typeof import('./graphql').TelemetryFieldHidingInventoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UpsApplicationsAndJobs($id: ID!) { organization(id: $id) { devices(filter: { types: [UPS] }) { nodes {\n         applications { id name version } jobs { id name schedule lastRunAt lastStatus } } } } }"): typeof import('./graphql').UpsApplicationsAndJobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DeviceCount($id: ID!) { organization(id: $id) { deviceCount } }"): typeof import('./graphql').DeviceCountDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TelemetryFieldHidingRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }"): typeof import('./graphql').TelemetryFieldHidingRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TelemetryIncidentsIncidents($id: ID!, $first: Int, $after: String, $open: Boolean, $severities: [IncidentSeverity!]) {\n    organization(id: $id) {\n      incidents(first: $first, after: $after, open: $open, severities: $severities) {\n        nodes { id severity raisedAt clearedAt }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): typeof import('./graphql').TelemetryIncidentsIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceIncidents($id: ID!, $first: Int, $after: String, $open: Boolean) {\n    organization(id: $id) {\n      devices(first: 100) {\n        nodes {\n          id\n          openIncidentCount\n          incidents(first: $first, after: $after, open: $open) { nodes { id } pageInfo { hasNextPage endCursor } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeviceIncidentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenCounts($id: ID!) {\n    organization(id: $id) { openIncidentCount devices(first: 100) { nodes { id openIncidentCount } } }\n  }\n"): typeof import('./graphql').OpenCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentDetail($id: ID!) {\n    organization(id: $id) {\n      incidents(first: 100) {\n        nodes { id message reactivationCount device { id name } acknowledgement { byUserId note at } }\n      }\n    }\n  }\n"): typeof import('./graphql').IncidentDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Acknowledge($incidentId: ID!, $note: String) {\n    acknowledgeIncident(incidentId: $incidentId, note: $note) { id acknowledgement { byUserId note at } }\n  }\n"): typeof import('./graphql').AcknowledgeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assessment($id: ID!, $month: String!) {\n    organization(id: $id) {\n      assessment(month: $month) {\n        month\n        monitoringCoverage\n        incidentsBySeverity { severity count }\n        upsHealth { device { id name } score minBatteryRuntimeMinutes averageLoadPercent criticalIncidents }\n      }\n    }\n  }\n"): typeof import('./graphql').AssessmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TelemetryIncidentsDashboard {\n    organizations(first: 100) {\n      nodes {\n        id\n        openIncidentCount\n        devices(first: 100) { nodes { id openIncidentCount incidents(first: 2, open: true) { nodes { id severity device { id } } } } }\n      }\n    }\n  }\n"): typeof import('./graphql').TelemetryIncidentsDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartitionsRecord($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').PartitionsRecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartitionsHistory($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n    organization(id: $organization) {\n      id\n      devices(first: 10) {\n        nodes { id sensors { id history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } } }\n      }\n    }\n  }\n"): typeof import('./graphql').PartitionsHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Record($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }\n"): typeof import('./graphql').RecordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query DeviceSensors($organization: ID!, $from: String!, $to: String!, $maxPoints: Int) {\n        organization(id: $organization) {\n          devices(first: 10) {\n            nodes {\n              name\n              sensors { id latest { at value } history(from: $from, to: $to, maxPoints: $maxPoints) { resolution bucketSeconds buckets { start min max average last count } } }\n            }\n          }\n        }\n      }\n    "): typeof import('./graphql').DeviceSensorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantAccessOrganizations { organizations(first: 100) { nodes { id name } } }\n"): typeof import('./graphql').TenantAccessOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantAccessOrganizationPage($after: String) {\n    organizations(first: 1, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }\n  }\n"): typeof import('./graphql').TenantAccessOrganizationPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantAccessOrganization($id: ID!) {\n    organization(id: $id) {\n      id\n      name\n      subscriptions { id product }\n      devices(first: 100) { nodes { id name ipAddress monitored } }\n    }\n  }\n"): typeof import('./graphql').TenantAccessOrganizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TenantAccessRevoke($partnerOrganizationId: ID!) { revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId) }\n"): typeof import('./graphql').TenantAccessRevokeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantAccessDashboard { organizations { nodes { name subscriptions { product } devices { nodes { name ipAddress } } } } }\n"): typeof import('./graphql').TenantAccessDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query Aliased($id: ID!) {\n            organization(id: $id) { devices { nodes { ip: ipAddress ... on Device { ipAddress } ...Address } } }\n          }\n          fragment Address on Device { address: ipAddress }\n        "): typeof import('./graphql').AliasedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TracedPartnerDashboard($from: String!, $to: String!) {\n    organizations {\n      nodes {\n        id\n        name\n        openIncidentCount\n        devices(first: 20) {\n          nodes { id name ipAddress openIncidentCount sensors { id type latest { at value } history(from: $from, to: $to, maxPoints: 12) { bucketSeconds } } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').TracedPartnerDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerMfa {\n    viewer {\n      mfa\n    }\n  }\n"): typeof import('./graphql').ViewerMfaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerTypename {\n    viewer {\n      __typename\n    }\n  }\n"): typeof import('./graphql').ViewerTypenameDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SignUpMfaEnrolment($e: String!) { startPartnerAccountMfaEnrolment(adminEmail: $e) { enrolmentToken secret } }"): typeof import('./graphql').SignUpMfaEnrolmentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InvitationMfaEnrolment($t: String!) { startInvitationMfaEnrolment(token: $t) { secret } }"): typeof import('./graphql').InvitationMfaEnrolmentDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

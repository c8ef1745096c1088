import { allFields as all, type FieldPolicy } from '@partnergraph/core';

/**
 * How each field of identity's schema is governed (FieldPolicy in core): the
 * shield's rules are built from it (permissions.ts) and the access-matrix test
 * checks the supergraph's behaviour against it. Every field is listed; one
 * missing gets no rule and is refused.
 */
export const identityFieldPolicy: FieldPolicy = {
  // The resolvers of organizations and organization return only what the caller may know of; suggestPartnerId is
  // what a sign-up form asks before any account exists.
  Query: {
    accessDecisions: 'subgraphs-only',
    readableOrganizations: 'subgraphs-only',
    viewer: 'public',
    organizations: 'public',
    organization: 'public',
    suggestPartnerId: 'public',
    pendingPartnerIdChangeRequests: { caller: 'operatePlatform' },
  },
  Mutation: {
    signIn: 'public',
    // The refresh token is the credential.
    refreshSession: 'public',
    enrollMfa: { caller: 'manageOwnAccount' },
    confirmMfa: { caller: 'manageOwnAccount' },
    setPartnerAccess: { caller: 'manageGrants' },
    revokePartnerAccess: { caller: 'manageGrants' },
    inviteUser: { caller: 'manageUsers' },
    inviteCustomer: { caller: 'inviteCustomers' },
    // Holding the emailed link is the credential.
    acceptUserInvitation: 'public',
    startInvitationMfaEnrolment: 'public',
    // Sign-up, like createPartnerAccount: the offer is bound to a token made for it and expires in 30 minutes.
    startPartnerAccountMfaEnrolment: 'public',
    // Holding the emailed enrolment link is the credential.
    startMfaEnrolmentFromLink: 'public',
    confirmMfaEnrolmentFromLink: 'public',
    // Customer admins only (manageGrants is CUSTOMER_ADMIN alone); a partner always requires MFA.
    setOrganizationMfaRequirement: { caller: 'manageGrants' },
    approvePartner: { caller: 'manageGrants' },
    createApiCredential: { caller: 'manageApiCredentials' },
    revokeApiCredential: { caller: 'manageApiCredentials' },
    // The client secret is the credential; only the gateway's token endpoint reaches it.
    exchangeClientCredentials: 'subgraphs-only',
    // Sign-up: anyone may create a new partner organization with its first admin.
    createPartnerAccount: 'public',
    requestPartnerIdChange: { caller: 'requestPartnerIdChanges' },
    decidePartnerIdChange: { caller: 'operatePlatform' },
  },
  Organization: {
    ...all('knowOrganization', ['id', 'name', 'kind', 'partnerId']),
    // The organization's own admins (viewAuditLog is exactly them).
    requireMfa: 'viewAuditLog',
    partnerAccess: 'viewPartnerAccess',
    partnerAccessHistory: 'manageGrants',
    apiCredentials: 'manageApiCredentials',
    partnerIdChangeRequests: 'viewPartnerIdChanges',
    // An organization's own admins only: never its viewers, its partners, API clients or operators.
    auditEvents: 'viewAuditLog',
  },
  // A user record: visible to that user (also in the session they have just opened) and to those who manage the
  // users of its organization.
  User: all({ owner: 'manageUsers', orSelf: true }, ['id', 'email', 'displayName', 'role', 'organization', 'mfaEnabled']),
  Viewer: all('self', ['user', 'mfa']),
  Session: all('self', ['accessToken', 'refreshToken', 'tokenType', 'expiresIn', 'user', 'recoveryCodes']),
  MfaEnrollment: all('self', ['secret', 'otpauthUri']),
  PartnerAccountMfaEnrolment: all('self', ['enrolmentToken', 'secret', 'otpauthUri']),
  // Reached only through checked fields: Organization.partnerAccess and partnerAccessHistory, setPartnerAccess and
  // approvePartner; Organization.apiCredentials and the credential mutations; the invitation mutations;
  // Organization.partnerIdChangeRequests, pendingPartnerIdChangeRequests and the change-request mutations;
  // Organization.auditEvents. The organizations and users inside are checked as organizations and users.
  OrganizationConnection: all('parent', ['nodes', 'pageInfo']),
  PageInfo: all('parent', ['hasNextPage', 'endCursor']),
  PartnerAccess: all('parent', ['partner', 'customer', 'administrator', 'apiDeviceData', 'grantedAt']),
  PartnerAccessEvent: all('parent', ['action', 'partner', 'actor', 'administrator', 'apiDeviceData', 'at']),
  ApiCredential: all('parent', ['id', 'name', 'clientId', 'customers', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt']),
  NewApiCredential: all('parent', ['credential', 'clientSecret']),
  Invitation: all('parent', ['id', 'kind', 'email', 'role', 'organization', 'expiresAt']),
  PartnerIdChangeRequest: all('parent', [
    'id',
    'organization',
    'previousPartnerId',
    'requestedPartnerId',
    'reason',
    'status',
    'requestedBy',
    'requestedAt',
    'decidedBy',
    'decidedAt',
    'decisionNote',
  ]),
  AuditEventConnection: all('parent', ['nodes', 'pageInfo']),
  AuditEvent: all('parent', [
    'id',
    'action',
    'at',
    'actor',
    'user',
    'secondFactor',
    'signInFailure',
    'lockedUntil',
    'partnerAccess',
    'apiCredential',
    'partnerIdChange',
    'requireMfa',
  ]),
  AuditActor: all('parent', ['kind', 'user', 'id']),
  AuditPartnerAccess: all('parent', ['partner', 'customer', 'administrator', 'apiDeviceData']),
  AuditApiCredential: all('parent', ['id', 'name', 'clientId']),
  AuditPartnerIdChange: all('parent', ['requestId', 'previousPartnerId', 'partnerId']),
  // For the gateway's token endpoint and the other subgraphs' access checks only (@inaccessible).
  ApiClientToken: all('subgraphs-only', ['accessToken', 'expiresIn']),
  AccessDecision: all('subgraphs-only', [
    'organizationId',
    'relation',
    'read',
    'write',
    'acknowledgeIncidents',
    'manageSubscriptions',
    'credits',
    'ipAddresses',
    'applications',
    'unmonitoredEquipment',
    'apiDeviceData',
    'asOf',
  ]),
};

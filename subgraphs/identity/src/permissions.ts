import { allow, or, rule, type IRules } from 'graphql-shield';
import type { IdentityContext } from './context';
import type { Organization } from './organization';
import type { UserAccount } from './user-account';

/*
 * Rules whose answer depends on the parent object use `no_cache`: shield's
 * contextual cache keys on context and arguments only, so it would reuse one
 * parent's answer for the next. All rules are async and per request.
 */

/** A user record: visible to that user (also in the session they have just opened) and to their organization's admins. */
const isThatUserOrTheirAdmin = rule({ cache: 'no_cache' })(
  async (user: UserAccount, _args, { principal, signedIn }: IdentityContext) =>
    user.id === (principal.kind === 'user' ? principal.userId : signedIn.userId) ||
    (principal.kind === 'user' && principal.role === 'ADMIN' && principal.organizationId === user.organizationId),
);

/** Id, name, kind and Partner ID: for those who may know of the organization (organization-visibility.ts). */
const mayKnowThisOrganization = rule({ cache: 'no_cache' })(
  async (organization: Organization, _args, { organizationVisibility }: IdentityContext) =>
    organizationVisibility.load(organization.id),
);

const isMemberOfThisOrganization = rule({ cache: 'no_cache' })(
  async (organization: Organization, _args, { principal }: IdentityContext) =>
    principal.kind === 'user' && principal.organizationId === organization.id,
);

const isAdminOfThisCustomer = rule({ cache: 'no_cache' })(
  async (organization: Organization, _args, { principal }: IdentityContext) =>
    organization.kind === 'CUSTOMER' && principal.kind === 'user' && principal.role === 'ADMIN' && principal.organizationId === organization.id,
);

const isAdminOfThisPartner = rule({ cache: 'no_cache' })(
  async (organization: Organization, _args, { principal }: IdentityContext) =>
    organization.kind === 'PARTNER' && principal.kind === 'user' && principal.role === 'ADMIN' && principal.organizationId === organization.id,
);

/** Grant and revoke partner access: a customer's admins, for their own organization (access matrix). */
const isCustomerAdmin = rule({ cache: 'contextual' })(async (_parent, _args, { principal, loaders }: IdentityContext) => {
  if (principal.kind !== 'user' || principal.role !== 'ADMIN') return false;
  const organization = await loaders.organizationById.load(principal.organizationId);
  return organization?.kind === 'CUSTOMER';
});

/** Platform operators (support staff). */
const isOperator = rule({ cache: 'contextual' })(async (_parent, _args, { principal }: IdentityContext) => principal.kind === 'operator');

/** Anyone signed in, for what concerns only their own account. */
const isSignedInUser = rule({ cache: 'contextual' })(async (_parent, _args, { principal }: IdentityContext) => principal.kind === 'user');

/** Invite users into one's own organization: its admins (access matrix: users, invitations). */
const isOrganizationAdmin = rule({ cache: 'contextual' })(
  async (_parent, _args, { principal }: IdentityContext) => principal.kind === 'user' && principal.role === 'ADMIN',
);

/** Invite customers: a partner organization's admins. */
const isPartnerAdmin = rule({ cache: 'contextual' })(async (_parent, _args, { principal, loaders }: IdentityContext) => {
  if (principal.kind !== 'user' || principal.role !== 'ADMIN') return false;
  const organization = await loaders.organizationById.load(principal.organizationId);
  return organization?.kind === 'PARTNER';
});

/** Rules per type and field; anything not listed is denied (see applyShield). */
export const permissions: Record<string, IRules> = {
  // The resolvers of organizations and organization return only what the caller may know of.
  // accessDecisions and readableOrganizations answer only about the caller's own principal, and only subgraphs can
  // reach them (@inaccessible).
  // suggestPartnerId is what a sign-up form asks before any account exists.
  Query: {
    organizations: allow,
    organization: allow,
    viewer: allow,
    accessDecisions: allow,
    readableOrganizations: allow,
    suggestPartnerId: allow,
    pendingPartnerIdChangeRequests: isOperator,
  },
  Mutation: {
    signIn: allow,
    // The refresh token is the credential.
    refreshSession: allow,
    setPartnerAccess: isCustomerAdmin,
    revokePartnerAccess: isCustomerAdmin,
    inviteUser: isOrganizationAdmin,
    inviteCustomer: isPartnerAdmin,
    // Holding the emailed link is the credential.
    acceptUserInvitation: allow,
    approvePartner: isCustomerAdmin,
    // Sign-up: anyone may create a new partner organization with its first admin.
    createPartnerAccount: allow,
    requestPartnerIdChange: isPartnerAdmin,
    decidePartnerIdChange: isOperator,
    createApiCredential: isPartnerAdmin,
    revokeApiCredential: isPartnerAdmin,
    // The client secret is the credential; only the gateway's token endpoint reaches it (@inaccessible).
    exchangeClientCredentials: allow,
    enrollMfa: isSignedInUser,
    confirmMfa: isSignedInUser,
  },
  Organization: {
    id: mayKnowThisOrganization,
    name: mayKnowThisOrganization,
    kind: mayKnowThisOrganization,
    partnerId: mayKnowThisOrganization,
    partnerAccess: isMemberOfThisOrganization,
    partnerAccessHistory: isAdminOfThisCustomer,
    apiCredentials: isAdminOfThisPartner,
    partnerIdChangeRequests: or(isAdminOfThisPartner, isOperator),
    // An organization's own admins only: never its viewers, its partners, API clients or operators.
    auditEvents: or(isAdminOfThisCustomer, isAdminOfThisPartner),
  },
  // Reached only through Organization.auditEvents.
  AuditEventConnection: allow,
  AuditEvent: allow,
  AuditActor: allow,
  AuditPartnerAccess: allow,
  AuditApiCredential: allow,
  AuditPartnerIdChange: allow,
  PartnerIdChangeRequest: allow,
  ApiCredential: allow,
  NewApiCredential: allow,
  ApiClientToken: allow,
  OrganizationConnection: allow,
  PageInfo: allow,
  AccessDecision: allow,
  Invitation: allow,
  MfaEnrollment: allow,
  PartnerAccess: allow,
  PartnerAccessEvent: allow,
  Viewer: allow,
  Session: allow,
  User: isThatUserOrTheirAdmin,
};

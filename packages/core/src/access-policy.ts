import type { Principal } from './principal';

/**
 * The access matrix of docs/access-model.md as data. Its columns are relations: how a
 * principal stands to one organization. Its rows are capabilities, named
 * after the matrix's rows; a cell is whether that relation has that
 * capability. Identity classifies (relationOf) and every subgraph's shield
 * reads the table (allows), so the test that walks the supergraph checks
 * behaviour against the same table.
 */
export const ACCESS_RELATIONS = [
  /** A member of this customer organization, by role. */
  'CUSTOMER_ADMIN',
  'CUSTOMER_VIEWER',
  /** A member of this partner organization, in a session opened with MFA. */
  'PARTNER_ADMIN',
  'PARTNER_VIEWER',
  /** A member of this partner organization, in a password-only session. */
  'PARTNER_ADMIN_WITHOUT_MFA',
  'PARTNER_VIEWER_WITHOUT_MFA',
  /** A partner's user, with MFA, under this customer's standing grant with administrator access. */
  'ADMINISTRATOR_GRANT_ADMIN',
  'ADMINISTRATOR_GRANT_VIEWER',
  /** A partner's user, with MFA, under this customer's standing read-only grant. */
  'READ_ONLY_GRANT_ADMIN',
  'READ_ONLY_GRANT_VIEWER',
  /** A partner's API client under this customer's API device-data access, with a credential that covers the customer. */
  'API_CLIENT',
  /** An API client of this very partner organization. */
  'API_CLIENT_OF_THIS_PARTNER',
  /** A user of a customer that has granted this partner organization access, standing or since revoked. */
  'GRANTING_CUSTOMER_USER',
  /** Anyone else: another tenant's user, a partner without a standing grant or without MFA, an organization that does not exist. */
  'NONE',
  /** Principals that stand to no organization: the same to every one. */
  'ANONYMOUS',
  'COLLECTOR',
  'OPERATOR',
] as const;

export type AccessRelation = (typeof ACCESS_RELATIONS)[number];

const CUSTOMER_MEMBERS = ['CUSTOMER_ADMIN', 'CUSTOMER_VIEWER'] as const;
const PARTNER_MEMBERS = ['PARTNER_ADMIN', 'PARTNER_VIEWER', 'PARTNER_ADMIN_WITHOUT_MFA', 'PARTNER_VIEWER_WITHOUT_MFA'] as const;
const MEMBERS = [...CUSTOMER_MEMBERS, ...PARTNER_MEMBERS] as const;
const GRANTED_PARTNER_USERS = ['ADMINISTRATOR_GRANT_ADMIN', 'ADMINISTRATOR_GRANT_VIEWER', 'READ_ONLY_GRANT_ADMIN', 'READ_ONLY_GRANT_VIEWER'] as const;

/**
 * Each row lists the relations whose cell is "yes"; every other cell is "no".
 * Rows about an organization's data are read for the organization that owns
 * it; the last three are about the caller alone and are read for the caller's
 * own organization, or its principal kind when it has none.
 */
export const ACCESS_POLICY = {
  /**
   * Its id, name, kind and Partner ID. docs/access-model.md: "without it [a standing grant], nothing of that customer exists for
   * them"; README (Who sees what): a customer's users know the partners it granted access, operators every organization.
   */
  knowOrganization: [...MEMBERS, ...GRANTED_PARTNER_USERS, 'API_CLIENT', 'API_CLIENT_OF_THIS_PARTNER', 'GRANTING_CUSTOMER_USER', 'OPERATOR'],
  /** docs/access-model.md row "inventory, sensor history, incidents, assessments": read. Partner access requires MFA. */
  read: [...MEMBERS, ...GRANTED_PARTNER_USERS, 'API_CLIENT'],
  /** docs/access-model.md row "inventory, sensor history, incidents, assessments": write; "a partner VIEWER reads and never writes". */
  write: ['CUSTOMER_ADMIN', 'PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA', 'ADMINISTRATOR_GRANT_ADMIN'],
  /** docs/access-model.md row "device IP address": full; everyone else who reads sees the last two segments. */
  fullIpAddresses: [...MEMBERS, 'ADMINISTRATOR_GRANT_ADMIN', 'ADMINISTRATOR_GRANT_VIEWER'],
  /** docs/access-model.md row "acknowledge an incident". */
  acknowledgeIncidents: [...MEMBERS, 'ADMINISTRATOR_GRANT_ADMIN'],
  /** docs/access-model.md row "applications / jobs on equipment": never any partner principal. */
  applications: [...MEMBERS],
  /** docs/access-model.md row "unmonitored network equipment": never any partner principal. */
  unmonitoredEquipment: [...MEMBERS],
  /**
   * docs/access-model.md row "users, invitations". The API has no field through which a partner manages a customer's users: an
   * admin invites into their own organization, and reads the user records of their own organization.
   */
  manageUsers: ['CUSTOMER_ADMIN', 'PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA', 'ADMINISTRATOR_GRANT_ADMIN'],
  /** docs/access-model.md row "grant or revoke partner access" (and the record of every change: README, Partner access). */
  manageGrants: ['CUSTOMER_ADMIN'],
  /**
   * README (Partner access): standing access "is visible to members of either organization". A partner's grants
   * name its customers, which its users know of only with MFA (docs/access-model.md: partner access requires MFA).
   */
  viewPartnerAccess: [...CUSTOMER_MEMBERS, 'PARTNER_ADMIN', 'PARTNER_VIEWER'],
  /** docs/access-model.md row "subscriptions: view": never API clients. */
  viewSubscriptions: [...MEMBERS, ...GRANTED_PARTNER_USERS],
  /** docs/access-model.md row "subscriptions: redeem, renew, amend": admins, a partner's under any standing grant. */
  manageSubscriptions: ['CUSTOMER_ADMIN', 'PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA', 'ADMINISTRATOR_GRANT_ADMIN', 'READ_ONLY_GRANT_ADMIN'],
  /** README (credits): a partner's own members signed in with MFA read its balance and ledger. */
  viewCredits: ['PARTNER_ADMIN', 'PARTNER_VIEWER'],
  /** README (credits): its admins, with MFA, redeem vouchers and spend them. */
  manageCredits: ['PARTNER_ADMIN'],
  /** docs/access-model.md row apiDeviceData ("partner API client"): device data through the API under API device-data access. */
  apiDeviceData: ['API_CLIENT'],
  /**
   * README (API credentials): a partner admin creates and revokes them. A credential reads customers' device data,
   * and docs/access-model.md says partner access requires MFA, so only in a session opened with it.
   */
  manageApiCredentials: ['PARTNER_ADMIN'],
  /** README (Invitations): a partner admin invites a customer. */
  inviteCustomers: ['PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA'],
  /** README (Partner accounts): a partner admin files a Partner ID change request. */
  requestPartnerIdChanges: ['PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA'],
  /** README (Partner accounts): the partner's admins and platform operators read the record of its requests. */
  viewPartnerIdChanges: ['PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA', 'OPERATOR'],
  /** README (Audit log): only the organization's admins read its events. */
  viewAuditLog: ['CUSTOMER_ADMIN', 'PARTNER_ADMIN', 'PARTNER_ADMIN_WITHOUT_MFA'],
  /** README (Demo accounts): a signed-in user enrols their own account in MFA. */
  manageOwnAccount: [...MEMBERS],
  /** README (Ingest): recordReadings is for the telemetry collector. */
  recordReadings: ['COLLECTOR'],
  /** README: platform operators decide Partner ID changes and issue licence keys and vouchers, as the order system would. */
  operatePlatform: ['OPERATOR'],
} as const satisfies Record<string, readonly AccessRelation[]>;

export type Capability = keyof typeof ACCESS_POLICY;

/** The table's cell: whether `relation` has `capability`. */
export function allows(capability: Capability, relation: AccessRelation): boolean {
  return (ACCESS_POLICY[capability] as readonly AccessRelation[]).includes(relation);
}

/** What relationOf needs to know about one organization and the caller. */
export interface RelationFacts {
  /** The standing grant from this organization (a customer) to the caller's partner organization, if any. */
  grant: { administrator: boolean; apiDeviceData: boolean } | null;
  /** An API client's credential as it stands now: revoked or not, and the customers it names (null: every one). */
  credential: { active: boolean; customerOrganizationIds: readonly string[] | null } | null;
  /** For a customer's user: their organization has granted this partner organization access, standing or not. */
  grantedByCallersOrganization: boolean;
}

/** How `principal` stands to `organization` (null when it does not exist). */
export function relationOf(
  principal: Principal,
  organization: { id: string; kind: 'CUSTOMER' | 'PARTNER' } | null,
  facts: RelationFacts,
): AccessRelation {
  const standing = standingWithoutOrganization(principal);
  if (standing !== null) return organization ? standing : 'NONE';
  if (!organization) return 'NONE';
  if (principal.kind === 'user') {
    const admin = principal.role === 'ADMIN';
    if (principal.organizationId === organization.id) {
      if (organization.kind === 'CUSTOMER') return admin ? 'CUSTOMER_ADMIN' : 'CUSTOMER_VIEWER';
      if (principal.mfa) return admin ? 'PARTNER_ADMIN' : 'PARTNER_VIEWER';
      return admin ? 'PARTNER_ADMIN_WITHOUT_MFA' : 'PARTNER_VIEWER_WITHOUT_MFA';
    }
    if (organization.kind === 'PARTNER') return facts.grantedByCallersOrganization ? 'GRANTING_CUSTOMER_USER' : 'NONE';
    if (!facts.grant || !principal.mfa) return 'NONE';
    if (facts.grant.administrator) return admin ? 'ADMINISTRATOR_GRANT_ADMIN' : 'ADMINISTRATOR_GRANT_VIEWER';
    return admin ? 'READ_ONLY_GRANT_ADMIN' : 'READ_ONLY_GRANT_VIEWER';
  }
  if (principal.kind !== 'api-client') return 'NONE';
  if (principal.partnerOrganizationId === organization.id) return 'API_CLIENT_OF_THIS_PARTNER';
  if (organization.kind !== 'CUSTOMER' || !facts.grant?.apiDeviceData) return 'NONE';
  return credentialCovers(facts.credential, organization.id) ? 'API_CLIENT' : 'NONE';
}

/** The relation of a principal that stands to no organization (anonymous, collector, operator); null for the others. */
export function standingWithoutOrganization(principal: Principal): AccessRelation | null {
  switch (principal.kind) {
    case 'anonymous':
      return 'ANONYMOUS';
    case 'collector':
      return 'COLLECTOR';
    case 'operator':
      return 'OPERATOR';
    default:
      return null;
  }
}

/** The organization a principal belongs to: a user's own, an API client's partner; null for the others. */
export function ownOrganizationOf(principal: Principal): string | null {
  if (principal.kind === 'user') return principal.organizationId;
  if (principal.kind === 'api-client') return principal.partnerOrganizationId;
  return null;
}

/** An API credential that has not been revoked, and whose customer list (if any) names this customer. */
function credentialCovers(credential: RelationFacts['credential'], customerOrganizationId: string): boolean {
  if (!credential?.active) return false;
  return credential.customerOrganizationIds === null || credential.customerOrganizationIds.includes(customerOrganizationId);
}

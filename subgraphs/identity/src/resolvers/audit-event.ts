import type { AuditDetails } from '../audit-log';
import type { AuditEvent as AuditEventRow } from '../audit-log-reader';
import type { IdentityContext } from '../context';

type AuditPartnerAccessDetails = NonNullable<AuditDetails['partnerAccess']>;

/** An organization the caller may not know of (any longer) is null here, as on every other path. */
async function knownOrganization(id: string, { loaders, organizationVisibility }: IdentityContext) {
  return (await organizationVisibility.load(id)) ? loaders.organizationById.load(id) : null;
}

export const AuditEvent = {
  at: (event: AuditEventRow) => event.at.toISOString(),
  actor: (event: AuditEventRow) => event,
  user: (event: AuditEventRow, _args: unknown, { loaders }: IdentityContext) =>
    event.details.userId === undefined ? null : loaders.userById.load(event.details.userId),
  secondFactor: (event: AuditEventRow) => event.details.secondFactor ?? null,
  signInFailure: (event: AuditEventRow) => event.details.signInFailure ?? null,
  lockedUntil: (event: AuditEventRow) => event.details.lockedUntil ?? null,
  partnerAccess: (event: AuditEventRow) => event.details.partnerAccess ?? null,
  apiCredential: (event: AuditEventRow) => event.details.apiCredential ?? null,
  partnerIdChange: (event: AuditEventRow) => event.details.partnerIdChange ?? null,
  requireMfa: (event: AuditEventRow) => event.details.requireMfa ?? null,
};

/** Resolved from the event itself: the actor's kind and id, and the log's organization. */
export const AuditActor = {
  kind: (event: AuditEventRow) => event.actorKind,
  async user(event: AuditEventRow, _args: unknown, { loaders }: IdentityContext) {
    if (event.actorKind !== 'USER' || event.actorId === null) return null;
    const user = await loaders.userById.load(event.actorId);
    return user?.organizationId === event.organizationId ? user : null;
  },
  id: (event: AuditEventRow) => (event.actorKind === 'USER' ? null : event.actorId),
};

export const AuditPartnerAccess = {
  partner: (access: AuditPartnerAccessDetails, _args: unknown, context: IdentityContext) =>
    knownOrganization(access.partnerOrganizationId, context),
  customer: (access: AuditPartnerAccessDetails, _args: unknown, context: IdentityContext) =>
    knownOrganization(access.customerOrganizationId, context),
};

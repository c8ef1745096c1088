import type { IdentityContext } from '../context';
import type { AuditActorResolvers, AuditEventResolvers, AuditPartnerAccessResolvers } from '../generated/resolvers-types';

/** An organization the caller may not know of (any longer) is null here, as on every other path. */
async function knownOrganization(id: string, { loaders, organizationVisibility }: IdentityContext) {
  return (await organizationVisibility.load(id)) ? loaders.organizationById.load(id) : null;
}

export const AuditEvent: AuditEventResolvers = {
  at: (event) => event.at.toISOString(),
  actor: (event) => event,
  user: (event, _args, { loaders }) =>
    event.details.userId === undefined ? null : loaders.userById.load(event.details.userId),
  secondFactor: (event) => event.details.secondFactor ?? null,
  signInFailure: (event) => event.details.signInFailure ?? null,
  lockedUntil: (event) => event.details.lockedUntil ?? null,
  partnerAccess: (event) => event.details.partnerAccess ?? null,
  apiCredential: (event) => event.details.apiCredential ?? null,
  partnerIdChange: (event) => event.details.partnerIdChange ?? null,
  requireMfa: (event) => event.details.requireMfa ?? null,
};

/** Resolved from the event itself: the actor's kind and id, and the log's organization. */
export const AuditActor: AuditActorResolvers = {
  kind: (event) => event.actorKind,
  async user(event, _args, { loaders }) {
    if (event.actorKind !== 'USER' || event.actorId === null) return null;
    const user = await loaders.userById.load(event.actorId);
    return user?.organizationId === event.organizationId ? user : null;
  },
  id: (event) => (event.actorKind === 'USER' ? null : event.actorId),
};

export const AuditPartnerAccess: AuditPartnerAccessResolvers = {
  partner: (access, _args, context) =>
    knownOrganization(access.partnerOrganizationId, context),
  customer: (access, _args, context) =>
    knownOrganization(access.customerOrganizationId, context),
};

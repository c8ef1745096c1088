import type { IdentityContext } from '../context';
import type { PartnerGrant, PartnerGrantEvent } from '../partner-grant';

export const PartnerAccess = {
  partner: (grant: PartnerGrant, _args: unknown, { loaders }: IdentityContext) =>
    loaders.organizationById.load(grant.partnerOrganizationId),
  customer: (grant: PartnerGrant, _args: unknown, { loaders }: IdentityContext) =>
    loaders.organizationById.load(grant.customerOrganizationId),
  grantedAt: (grant: PartnerGrant) => grant.grantedAt.toISOString(),
};

export const PartnerAccessEvent = {
  partner: (event: PartnerGrantEvent, _args: unknown, { loaders }: IdentityContext) =>
    loaders.organizationById.load(event.partnerOrganizationId),
  actor: (event: PartnerGrantEvent, _args: unknown, { loaders }: IdentityContext) =>
    event.actorUserId === null ? null : loaders.userById.load(event.actorUserId),
  at: (event: PartnerGrantEvent) => event.at.toISOString(),
};

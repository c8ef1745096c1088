import { parsePageArgs } from '@partnergraph/subgraph-kit';
import { auditEventPage, isAuditEventSortKey } from '../audit-log-reader';
import type { OrganizationResolvers } from '../generated/resolvers-types';
import { mfaRequiredIn } from '../mfa-requirement';

export const Organization: OrganizationResolvers = {
  /** An organization the caller may not know of does not exist for them, on this path as on root fields. */
  async __resolveReference(reference, { loaders, organizationVisibility }) {
    return (await organizationVisibility.load(reference.id)) ? loaders.organizationById.load(reference.id) : null;
  },
  requireMfa: (organization) => mfaRequiredIn(organization),
  partnerAccess: (organization, _args, { partnerAccess }) =>
    partnerAccess.standingGrantsOf.load(organization.id),
  partnerAccessHistory: (organization, _args, { partnerAccess }) =>
    partnerAccess.historyOf.load(organization.id),
  apiCredentials: (organization, _args, { apiCredentials }) =>
    apiCredentials.load(organization.id),
  partnerIdChangeRequests: (organization, _args, { partnerIdChanges }) =>
    partnerIdChanges.ofOrganization.load(organization.id),
  auditEvents: (organization, args, { database }) =>
    auditEventPage(database, organization.id, parsePageArgs(args, isAuditEventSortKey), args.actions ?? null),
};

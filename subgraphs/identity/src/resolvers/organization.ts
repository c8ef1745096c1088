import { parsePageArgs, type PageArgs } from '@partnergraph/subgraph-kit';
import type { AuditAction } from '../audit-log';
import { auditEventPage, isAuditEventSortKey } from '../audit-log-reader';
import type { IdentityContext } from '../context';
import { mfaRequiredIn } from '../mfa-requirement';
import type { Organization as OrganizationRow } from '../organization';

export const Organization = {
  /** An organization the caller may not know of does not exist for them, on this path as on root fields. */
  async __resolveReference(reference: { id: string }, { loaders, organizationVisibility }: IdentityContext) {
    return (await organizationVisibility.load(reference.id)) ? loaders.organizationById.load(reference.id) : null;
  },
  requireMfa: (organization: OrganizationRow) => mfaRequiredIn(organization),
  partnerAccess: (organization: OrganizationRow, _args: unknown, { partnerAccess }: IdentityContext) =>
    partnerAccess.standingGrantsOf.load(organization.id),
  partnerAccessHistory: (organization: OrganizationRow, _args: unknown, { partnerAccess }: IdentityContext) =>
    partnerAccess.historyOf.load(organization.id),
  apiCredentials: (organization: OrganizationRow, _args: unknown, { apiCredentials }: IdentityContext) =>
    apiCredentials.load(organization.id),
  partnerIdChangeRequests: (organization: OrganizationRow, _args: unknown, { partnerIdChanges }: IdentityContext) =>
    partnerIdChanges.ofOrganization.load(organization.id),
  auditEvents: (organization: OrganizationRow, args: PageArgs & { actions?: AuditAction[] | null }, { database }: IdentityContext) =>
    auditEventPage(database, organization.id, parsePageArgs(args, isAuditEventSortKey), args.actions ?? null),
};

import type { IdentityContext } from '../context';
import type { Organization as OrganizationRow } from '../organization';

export const Organization = {
  __resolveReference(reference: { id: string }, { loaders }: IdentityContext) {
    return loaders.organizationById.load(reference.id);
  },
  partnerAccess: (organization: OrganizationRow, _args: unknown, { partnerAccess }: IdentityContext) =>
    partnerAccess.standingGrantsOf.load(organization.id),
  partnerAccessHistory: (organization: OrganizationRow, _args: unknown, { partnerAccess }: IdentityContext) =>
    partnerAccess.historyOf.load(organization.id),
  apiCredentials: (organization: OrganizationRow, _args: unknown, { apiCredentials }: IdentityContext) =>
    apiCredentials.load(organization.id),
};

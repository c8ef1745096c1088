import type { ApiCredential as ApiCredentialRow } from '../api-credentials';
import type { IdentityContext } from '../context';

export const ApiCredential = {
  customers: (credential: ApiCredentialRow, _args: unknown, { loaders }: IdentityContext) =>
    credential.customerOrganizationIds === null
      ? null
      : Promise.all(credential.customerOrganizationIds.map((id) => loaders.organizationById.load(id))).then((organizations) =>
          organizations.filter((organization) => organization !== null),
        ),
  createdBy: (credential: ApiCredentialRow, _args: unknown, { loaders }: IdentityContext) => loaders.userById.load(credential.createdBy),
  createdAt: (credential: ApiCredentialRow) => credential.createdAt.toISOString(),
  lastUsedAt: (credential: ApiCredentialRow) => credential.lastUsedAt?.toISOString() ?? null,
  revokedAt: (credential: ApiCredentialRow) => credential.revokedAt?.toISOString() ?? null,
};

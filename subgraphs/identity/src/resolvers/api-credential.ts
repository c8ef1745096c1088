import type { ApiCredentialResolvers } from '../generated/resolvers-types';

export const ApiCredential: ApiCredentialResolvers = {
  customers: (credential, _args, { loaders }) =>
    credential.customerOrganizationIds === null
      ? null
      : Promise.all(credential.customerOrganizationIds.map((id) => loaders.organizationById.load(id))).then((organizations) =>
          organizations.filter((organization) => organization !== null),
        ),
  createdBy: (credential, _args, { loaders }) => loaders.userById.load(credential.createdBy),
  createdAt: (credential) => credential.createdAt.toISOString(),
  lastUsedAt: (credential) => credential.lastUsedAt?.toISOString() ?? null,
  revokedAt: (credential) => credential.revokedAt?.toISOString() ?? null,
};

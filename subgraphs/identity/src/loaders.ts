import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { isUuid, type Database } from '@partnergraph/subgraph-kit';
import { OrganizationEntity, type Organization } from './organization';
import { UserAccountEntity, type UserAccount } from './user-account';

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const organizations = database.dataSource.getRepository(OrganizationEntity);
  const users = database.dataSource.getRepository(UserAccountEntity);
  return {
    userById: new DataLoader<string, UserAccount | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length > 0 ? await users.findBy({ id: In(valid) }) : [];
      const byId = new Map(found.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    organizationById: new DataLoader<string, Organization | null>(async (ids) => {
      const valid = ids.filter(isUuid);
      const found = valid.length > 0 ? await organizations.findBy({ id: In(valid) }) : [];
      const byId = new Map(found.map((organization) => [organization.id, organization]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

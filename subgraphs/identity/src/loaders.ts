import { In } from 'typeorm';
import { createByIdLoader, type Database } from '@partnergraph/subgraph-kit';
import { OrganizationEntity, type Organization } from './organization';
import { UserAccountEntity, type UserAccount } from './user-account';

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const organizations = database.dataSource.getRepository(OrganizationEntity);
  const users = database.dataSource.getRepository(UserAccountEntity);
  return {
    userById: createByIdLoader<UserAccount>(database, 'userById', (ids) => users.findBy({ id: In(ids) })),
    organizationById: createByIdLoader<Organization>(database, 'organizationById', (ids) => organizations.findBy({ id: In(ids) })),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

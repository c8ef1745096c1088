import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphPackage } from '@partnergraph/subgraph-kit';
import { createContext, type IdentityContext } from './context';
import { migrations } from './migrations';
import { OrganizationEntity } from './organization';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/** Everything the kit needs to build, migrate and serve the identity subgraph. */
export const identitySubgraph: SubgraphPackage<IdentityContext> = {
  definition: {
    name: 'identity',
    typeDefs: parse(readFileSync(SCHEMA_FILE, 'utf8')),
    resolvers,
    permissions,
    createContext,
  },
  schema: 'identity',
  entities: [OrganizationEntity],
  migrations,
  defaultPort: 4001,
};

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { SubgraphPackage } from '@partnergraph/subgraph-kit';
import { createContext, type SubscriptionsContext } from './context';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { SubscriptionLicenseEntity } from './subscription-license';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

/** Everything the kit needs to build, migrate and serve the subscriptions subgraph. */
export const subscriptionsSubgraph: SubgraphPackage<SubscriptionsContext> = {
  definition: {
    name: 'subscriptions',
    typeDefs: parse(readFileSync(SCHEMA_FILE, 'utf8')),
    resolvers,
    permissions,
    createContext,
  },
  storage: { name: 'subscriptions', schema: 'subscriptions', entities: [SubscriptionLicenseEntity], migrations },
};

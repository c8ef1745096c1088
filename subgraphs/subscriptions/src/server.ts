import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { OutboxEmailEntity, type AccessCheckConfig, type SubgraphPackage, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createContext, type SubscriptionsContext } from './context';
import { CreditBalanceEntity } from './credit-balance';
import { CreditMovementEntity } from './credit-movement';
import { IdempotencyKeyEntity } from './idempotency-key';
import { LicenseKeyEntity } from './license-key';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { SubscriptionLicenseEntity } from './subscription-license';
import { VoucherEntity } from './voucher';

/** How every field of the schema is governed; the shield's rules are built from it. */
export { subscriptionsFieldPolicy } from './field-policy';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
export const subscriptionsTypeDefs = parse(readFileSync(SCHEMA_FILE, 'utf8'));

export const subscriptionsStorage: SubgraphStorage = {
  name: 'subscriptions',
  schema: 'subscriptions',
  entities: [
    SubscriptionLicenseEntity,
    LicenseKeyEntity,
    VoucherEntity,
    CreditBalanceEntity,
    CreditMovementEntity,
    IdempotencyKeyEntity,
    OutboxEmailEntity,
  ],
  migrations,
};

/** Everything the kit needs to build, migrate and serve the subscriptions subgraph; it asks identity for access decisions. */
export function createSubscriptionsSubgraph(accessCheck: AccessCheckConfig): SubgraphPackage<SubscriptionsContext> {
  return {
    definition: {
      name: 'subscriptions',
      typeDefs: subscriptionsTypeDefs,
      resolvers,
      permissions,
      createContext: (base, database) => createContext(base, database, accessCheck),
    },
    storage: subscriptionsStorage,
    emailOutbox: 'subscriptions.email_outbox',
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { AccessTokenIssuer } from '@partnergraph/core';
import type { SubgraphPackage, SubgraphStorage } from '@partnergraph/subgraph-kit';
import { createContext, type IdentityContext } from './context';
import { migrations } from './migrations';
import { OrganizationEntity } from './organization';
import { permissions } from './permissions';
import { resolvers } from './resolvers';
import { UserAccountEntity } from './user-account';

/** How every field of the schema is governed; the shield's rules are built from it. */
export { identityFieldPolicy } from './field-policy';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
export const identityTypeDefs = parse(readFileSync(SCHEMA_FILE, 'utf8'));

export const identityStorage: SubgraphStorage = {
  name: 'identity',
  schema: 'identity',
  entities: [OrganizationEntity, UserAccountEntity],
  migrations,
};

/**
 * Everything the kit needs to build, migrate and serve the identity subgraph.
 * It signs access tokens with `tokens` and publishes their public key set at
 * `/.well-known/jwks.json`, the one route that needs no internal token.
 */
export function createIdentitySubgraph(
  tokens: AccessTokenIssuer,
  options: { portalUrl: string; /** Whether SMTP delivers the outbox; if not, invitation links are logged. */ emailDelivered: boolean },
): SubgraphPackage<IdentityContext> {
  const invitationAcceptUrl = new URL('/invitations/accept', options.portalUrl).toString();
  const mfaEnrolmentUrl = new URL('/mfa/enrol', options.portalUrl).toString();
  return {
    definition: {
      name: 'identity',
      typeDefs: identityTypeDefs,
      resolvers,
      permissions,
      createContext: (base, database) => createContext(base, database, { tokens, invitationAcceptUrl, mfaEnrolmentUrl, emailDelivered: options.emailDelivered }),
      publicRoutes(app) {
        app.get('/.well-known/jwks.json', (_req, res) => {
          res.set('cache-control', 'public, max-age=300').json(tokens.jwks);
        });
      },
    },
    storage: identityStorage,
    emailOutbox: 'identity.email_outbox',
  };
}

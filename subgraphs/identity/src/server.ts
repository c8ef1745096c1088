import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import type { AccessTokenIssuer, SecretBox } from '@partnergraph/core';
import { OutboxEmailEntity, type SubgraphPackage, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { ApiCredentialEntity } from './api-credentials';
import { AuditEventEntity } from './audit-log';
import { createContext, type IdentityContext } from './context';
import { RecoveryCodeEntity } from './credentials/recovery-codes';
import { MfaEnrolmentLinkEntity } from './enrolment-links';
import { InvitationEntity } from './invitations';
import { migrations } from './migrations';
import { OrganizationEntity } from './organization';
import { PartnerGrantEntity, PartnerGrantEventEntity } from './partner-grant';
import { PartnerIdChangeRequestEntity } from './partner-id-changes';
import { PendingMfaEnrolmentEntity } from './pending-enrolment';
import { permissions } from './permissions';
import { RefreshTokenEntity } from './refresh-tokens';
import { resolvers } from './resolvers';
import { SigningKeyEntity, signingKeyAge } from './signing-keys';
import { startTotpSecretResealing } from './totp-secret-resealing';
import { UserAccountEntity } from './user-account';

/** How every field of the schema is governed; the shield's rules are built from it. */
export { identityFieldPolicy } from './field-policy';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');
export const identityTypeDefs = parse(readFileSync(SCHEMA_FILE, 'utf8'));

export const identityStorage: SubgraphStorage = {
  name: 'identity',
  schema: 'identity',
  entities: [
    OutboxEmailEntity,
    OrganizationEntity,
    UserAccountEntity,
    RecoveryCodeEntity,
    PendingMfaEnrolmentEntity,
    MfaEnrolmentLinkEntity,
    RefreshTokenEntity,
    PartnerGrantEntity,
    PartnerGrantEventEntity,
    InvitationEntity,
    ApiCredentialEntity,
    PartnerIdChangeRequestEntity,
    AuditEventEntity,
    SigningKeyEntity,
  ],
  migrations,
};

/**
 * Everything the kit needs to build, migrate and serve the identity subgraph.
 * It signs access tokens with `tokens` and publishes their public key set at
 * `/.well-known/jwks.json`, the one route that needs no internal token.
 * It seals TOTP secrets with `secrets`, and in the background seals afresh
 * those in plain text or under an older key (totp-secret-resealing.ts).
 */
export function createIdentitySubgraph(
  tokens: AccessTokenIssuer,
  options: {
    portalUrl: string;
    /** Whether SMTP delivers the outbox; if not, invitation links are logged. */
    emailDelivered: boolean;
    secrets: SecretBox;
    /** How often the re-encryption job looks again after its pass at start-up. */
    resealIntervalMs?: number;
    /** The `kid` of INTERNAL_TOKEN_PUBLIC_KEY, whose age identity reports beside its own signing key's. */
    internalTokenKeyId?: string;
  },
): SubgraphPackage<IdentityContext> {
  const invitationAcceptUrl = new URL('/invitations/accept', options.portalUrl).toString();
  const mfaEnrolmentUrl = new URL('/mfa/enrol', options.portalUrl).toString();
  const keyAge = signingKeyAge([
    { kid: tokens.currentKeyId, purpose: 'access_token' },
    ...(options.internalTokenKeyId === undefined ? [] : [{ kid: options.internalTokenKeyId, purpose: 'internal_token' as const }]),
  ]);
  return {
    definition: {
      name: 'identity',
      typeDefs: identityTypeDefs,
      resolvers,
      permissions,
      createContext: (base, database) =>
        createContext(base, database, { tokens, secrets: options.secrets, invitationAcceptUrl, mfaEnrolmentUrl, emailDelivered: options.emailDelivered }),
      startBackgroundWork(database, logger) {
        void keyAge.start(database, logger);
        return startTotpSecretResealing(database, options.secrets, logger, options.resealIntervalMs);
      },
      metrics: [keyAge.gauge],
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

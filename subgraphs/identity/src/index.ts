import { createAccessTokenIssuer, createSecretBox, publicKeyId } from '@partnergraph/core';
import { readEmailDeliveryConfig, runSubgraph } from '@partnergraph/subgraph-kit';
import { readIdentityConfig } from './config';
import { createIdentitySubgraph } from './server';

void runSubgraph('identity', async (environment) => {
  const config = readIdentityConfig(environment);
  const tokens = await createAccessTokenIssuer({
    privateKeyPem: config.accessTokenPrivateKey,
    publicKeyPem: config.accessTokenPublicKeys[0] ?? '',
    previousPublicKeyPems: config.accessTokenPublicKeys.slice(1),
    issuer: config.accessTokenIssuer,
    audience: config.accessTokenAudience,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  return createIdentitySubgraph(tokens, {
    portalUrl: config.portalUrl,
    emailDelivered: readEmailDeliveryConfig(environment).smtpUrl !== undefined,
    secrets: createSecretBox(config.secretEncryptionKeys),
    // An unreadable key is the kit's configuration error to report.
    internalTokenKeyId: await publicKeyId((config.internalTokenPublicKey ?? '').replace(/\\n/g, '\n')).catch(() => undefined),
  });
});

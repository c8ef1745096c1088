import { createAccessTokenIssuer } from '@partnergraph/core';
import { readEmailDeliveryConfig, runSubgraph } from '@partnergraph/subgraph-kit';
import { readIdentityConfig } from './config';
import { createIdentitySubgraph } from './server';

void runSubgraph('identity', async (environment) => {
  const config = readIdentityConfig(environment);
  const tokens = await createAccessTokenIssuer({
    privateKeyPem: config.accessTokenPrivateKey,
    publicKeyPem: config.accessTokenPublicKey,
    issuer: config.accessTokenIssuer,
    audience: config.accessTokenAudience,
    ttlSeconds: config.accessTokenTtlSeconds,
  });
  return createIdentitySubgraph(tokens, {
    portalUrl: config.portalUrl,
    emailDelivered: readEmailDeliveryConfig(environment).smtpUrl !== undefined,
  });
});

import { createPrivateKey, createPublicKey } from 'node:crypto';
import {
  ConfigError,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  readConfig,
  settings,
  type Environment,
} from '@partnergraph/core';

/** Identity's own settings, besides those every subgraph reads; the README lists them. */
export function readIdentityConfig(environment: Environment) {
  const config = readConfig(
    {
      accessTokenPrivateKey: { variable: 'ACCESS_TOKEN_PRIVATE_KEY', setting: settings.pem('PRIVATE KEY') },
      /** The current key's public half first, then those of previous keys, still published in the JWKS. */
      accessTokenPublicKeys: { variable: 'ACCESS_TOKEN_PUBLIC_KEY', setting: settings.publicKeyPems() },
      /** The first seals new values; the others only open what they sealed, until the re-encryption job has moved it. */
      secretEncryptionKeys: { variable: 'SECRET_ENCRYPTION_KEYS', setting: settings.secretKeys() },
      accessTokenTtlSeconds: {
        variable: 'ACCESS_TOKEN_TTL_SECONDS',
        setting: settings.integer({ min: 60, max: 3600, default: 900 }),
      },
      accessTokenIssuer: { variable: 'ACCESS_TOKEN_ISSUER', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_ISSUER }) },
      portalUrl: { variable: 'PORTAL_URL', setting: settings.url({ protocols: ['http:', 'https:'], default: 'http://localhost:3000' }) },
      /** Checked by the kit (every subgraph verifies internal tokens); read here for the signing-key age metric. */
      internalTokenPublicKey: { variable: 'INTERNAL_TOKEN_PUBLIC_KEY', setting: settings.optionalString() },
      accessTokenAudience: {
        variable: 'ACCESS_TOKEN_AUDIENCE',
        setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_AUDIENCE }),
      },
    },
    environment,
  );
  if (!isPublicHalfOf(config.accessTokenPublicKeys[0] ?? '', config.accessTokenPrivateKey)) {
    throw new ConfigError([
      'ACCESS_TOKEN_PUBLIC_KEY: expected the public half of ACCESS_TOKEN_PRIVATE_KEY first (then the previous public keys), got another key first',
    ]);
  }
  return config;
}

function isPublicHalfOf(publicKeyPem: string, privateKeyPem: string): boolean {
  try {
    return createPublicKey(publicKeyPem).equals(createPublicKey(createPrivateKey(privateKeyPem)));
  } catch {
    return false;
  }
}

export type IdentityConfig = ReturnType<typeof readIdentityConfig>;

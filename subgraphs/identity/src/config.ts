import {
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  readConfig,
  settings,
  type Environment,
} from '@partnergraph/core';

/** Identity's own settings, besides those every subgraph reads; the README lists them. */
export function readIdentityConfig(environment: Environment) {
  return readConfig(
    {
      accessTokenPrivateKey: { variable: 'ACCESS_TOKEN_PRIVATE_KEY', setting: settings.pem('PRIVATE KEY') },
      accessTokenPublicKey: { variable: 'ACCESS_TOKEN_PUBLIC_KEY', setting: settings.pem('PUBLIC KEY') },
      accessTokenTtlSeconds: {
        variable: 'ACCESS_TOKEN_TTL_SECONDS',
        setting: settings.integer({ min: 60, max: 3600, default: 900 }),
      },
      accessTokenIssuer: { variable: 'ACCESS_TOKEN_ISSUER', setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_ISSUER }) },
      portalUrl: { variable: 'PORTAL_URL', setting: settings.url({ protocols: ['http:', 'https:'], default: 'http://localhost:3000' }) },
      accessTokenAudience: {
        variable: 'ACCESS_TOKEN_AUDIENCE',
        setting: settings.string({ default: DEFAULT_ACCESS_TOKEN_AUDIENCE }),
      },
    },
    environment,
  );
}

export type IdentityConfig = ReturnType<typeof readIdentityConfig>;

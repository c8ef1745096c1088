import { generateKeyPairSync } from 'node:crypto';
import { SignJWT, importPKCS8 } from 'jose';
import {
  INTERNAL_TOKEN_ISSUER,
  InternalTokenError,
  createInternalTokenSigner,
  createInternalTokenVerifier,
  type InternalTokenVerifier,
} from './internal-token';
import type { Principal } from './principal';

function generateKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const gatewayKeys = generateKeys();
const principal: Principal = { kind: 'user', userId: 'u-1', organizationId: 'o-1', role: 'VIEWER', mfa: true };
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function verifierFor(audience: string): Promise<InternalTokenVerifier> {
  return createInternalTokenVerifier({ publicKeyPem: gatewayKeys.publicKeyPem, audience });
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A token built claim by claim, signed with EdDSA; each test changes the one thing it is about. */
async function craftToken(changes: {
  privateKeyPem?: string;
  issuer?: string;
  audience?: string;
  claims?: Record<string, unknown>;
  issuedAt?: number;
  expiresAt?: number;
}): Promise<string> {
  const issuedAt = changes.issuedAt ?? nowSeconds();
  const key = await importPKCS8(changes.privateKeyPem ?? gatewayKeys.privateKeyPem, 'EdDSA');
  return new SignJWT(changes.claims ?? { principal, scope: 'graph' })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setIssuer(changes.issuer ?? INTERNAL_TOKEN_ISSUER)
    .setAudience(changes.audience ?? 'identity')
    .setSubject('user:u-1')
    .setIssuedAt(issuedAt)
    .setExpirationTime(changes.expiresAt ?? issuedAt + 30)
    .sign(key);
}

/** What the verifier of `audience` rejects the token with. */
async function refusal(token: string, audience = 'identity'): Promise<unknown> {
  const verifier = await verifierFor(audience);
  return verifier.verify(token).then(
    () => new Error('expected the token to be refused'),
    (error: unknown) => error,
  );
}

describe('internal tokens', () => {
  it('carry the principal from the gateway to the subgraph they name', async () => {
    const signer = await createInternalTokenSigner({ privateKeyPem: gatewayKeys.privateKeyPem, ttlSeconds: 30 });
    const verifier = await verifierFor('identity');
    await expect(verifier.verify(await signer.sign(principal, 'identity'))).resolves.toEqual({ principal, scope: 'graph' });
  });

  it('carry the narrower access-decisions scope when signed with it', async () => {
    const signer = await createInternalTokenSigner({ privateKeyPem: gatewayKeys.privateKeyPem, ttlSeconds: 30 });
    const verifier = await verifierFor('identity');
    await expect(verifier.verify(await signer.sign(principal, 'identity', 'access-decisions'))).resolves.toEqual({
      principal,
      scope: 'access-decisions',
    });
  });

  it('signed for one subgraph are refused by another', async () => {
    const signer = await createInternalTokenSigner({ privateKeyPem: gatewayKeys.privateKeyPem, ttlSeconds: 30 });
    const error = await refusal(await signer.sign(principal, 'identity'), 'subscriptions');
    expect(error).toBeInstanceOf(InternalTokenError);
    expect((error as Error).message).toBe('the token\'s "aud" claim is not accepted');
  });

  it('are reused for the same principal, subgraph and scope during the first half of their lifetime, and no longer', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const signer = await createInternalTokenSigner({ privateKeyPem: gatewayKeys.privateKeyPem, ttlSeconds: 30 });
      const first = await signer.sign(principal, 'identity');
      expect(await signer.sign(principal, 'identity')).toBe(first);
      expect(await signer.sign(principal, 'subscriptions')).not.toBe(first);
      expect(await signer.sign(principal, 'identity', 'access-decisions')).not.toBe(first);
      expect(await signer.sign({ ...principal, role: 'ADMIN' }, 'identity')).not.toBe(first);
      jest.advanceTimersByTime(14_000);
      expect(await signer.sign(principal, 'identity')).toBe(first);
      jest.advanceTimersByTime(1_000);
      const renewed = await signer.sign(principal, 'identity');
      expect(renewed).not.toBe(first);
      await expect((await verifierFor('identity')).verify(renewed)).resolves.toEqual({ principal, scope: 'graph' });
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([0, 301, 1.5])('cannot be signed with a lifetime of %p seconds', async (ttlSeconds) => {
    await expect(createInternalTokenSigner({ privateKeyPem: gatewayKeys.privateKeyPem, ttlSeconds })).rejects.toThrow(
      new RangeError(`ttlSeconds must be an integer from 1 to 300, got ${ttlSeconds}`),
    );
  });

});

describe('the verifier', () => {
  it.each<[string, () => Promise<string>, string]>([
    ['for another audience', () => craftToken({ audience: 'device-telemetry' }), 'the token\'s "aud" claim is not accepted'],
    ['from another issuer', () => craftToken({ issuer: 'someone-else' }), 'the token\'s "iss" claim is not accepted'],
    [
      'that has expired',
      () => craftToken({ issuedAt: nowSeconds() - 120, expiresAt: nowSeconds() - 60 }),
      'the token has expired',
    ],
    [
      'issued longer ago than the maximum age',
      () => craftToken({ issuedAt: nowSeconds() - 600, expiresAt: nowSeconds() + 60 }),
      'the token has expired',
    ],
    ['signed by another key', () => craftToken({ privateKeyPem: generateKeys().privateKeyPem }), 'the token signature does not verify'],
    [
      'with alg none',
      async () => {
        const claims = { principal, scope: 'graph', iss: INTERNAL_TOKEN_ISSUER, aud: 'identity', sub: 'user:u-1', iat: nowSeconds(), exp: nowSeconds() + 30 };
        return `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
      },
      'the token is signed with an algorithm that is not accepted',
    ],
    [
      'signed with HS256 using the public key as the secret',
      () =>
        new SignJWT({ principal, scope: 'graph' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuer(INTERNAL_TOKEN_ISSUER)
          .setAudience('identity')
          .setSubject('user:u-1')
          .setIssuedAt()
          .setExpirationTime('30s')
          .sign(Buffer.from(gatewayKeys.publicKeyPem)),
      'the token is signed with an algorithm that is not accepted',
    ],
    ['without the principal claim', () => craftToken({ claims: {} }), 'the token carries no valid principal'],
    [
      'with a malformed principal',
      () => craftToken({ claims: { principal: { kind: 'user', userId: 'u-1' } } }),
      'the token carries no valid principal',
    ],
    ['without a scope', () => craftToken({ claims: { principal } }), 'the token carries no valid scope'],
    ['with an unknown scope', () => craftToken({ claims: { principal, scope: 'admin' } }), 'the token carries no valid scope'],
    ['that is not a JWT', async () => 'not-a-token', 'the token is malformed'],
    ['that is empty', async () => '', 'the token is malformed'],
  ])('refuses a token %s', async (_description, makeToken, reason) => {
    const error = await refusal(await makeToken());
    expect(error).toBeInstanceOf(InternalTokenError);
    expect((error as Error).message).toBe(reason);
  });
});

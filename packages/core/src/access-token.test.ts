import { SignJWT, importPKCS8 } from 'jose';
import {
  AccessTokenError,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  createAccessTokenIssuer,
  createAccessTokenVerifier,
} from './access-token';
import { generateEd25519KeyPair } from './internal-token';

const keys = generateEd25519KeyPair();
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

async function verifier() {
  const issuer = await createAccessTokenIssuer({
    ...keys,
    issuer: DEFAULT_ACCESS_TOKEN_ISSUER,
    audience: DEFAULT_ACCESS_TOKEN_AUDIENCE,
    ttlSeconds: 900,
  });
  return createAccessTokenVerifier({ keys: { jwks: issuer.jwks }, issuer: DEFAULT_ACCESS_TOKEN_ISSUER, audience: DEFAULT_ACCESS_TOKEN_AUDIENCE });
}

/** A user's token signed with the issuer's key, issued `issuedIn` seconds from now. */
async function tokenIssuedIn(issuedIn: number): Promise<string> {
  return new SignJWT({ org: 'o-1', role: 'ADMIN', amr: ['pwd'] })
    .setProtectedHeader({ alg: 'EdDSA' })
    .setIssuer(DEFAULT_ACCESS_TOKEN_ISSUER)
    .setAudience(DEFAULT_ACCESS_TOKEN_AUDIENCE)
    .setSubject('u-1')
    .setIssuedAt(nowSeconds() + issuedIn)
    .setExpirationTime(nowSeconds() + issuedIn + 300)
    .sign(await importPKCS8(keys.privateKeyPem, 'EdDSA'));
}

describe('createAccessTokenVerifier', () => {
  it('accepts a token issued now, or a few seconds ahead of its clock', async () => {
    const verify = await verifier();
    await expect(verify.authenticate(`Bearer ${await tokenIssuedIn(0)}`)).resolves.toMatchObject({ kind: 'user', userId: 'u-1' });
    await expect(verify.authenticate(`Bearer ${await tokenIssuedIn(3)}`)).resolves.toMatchObject({ kind: 'user', userId: 'u-1' });
  });

  it('refuses a token issued in the future, whose expiry alone would let it through', async () => {
    const verify = await verifier();
    await expect(verify.authenticate(`Bearer ${await tokenIssuedIn(600)}`)).rejects.toThrow(
      new AccessTokenError('the access token is issued in the future', 'issued_in_future'),
    );
  });
});

describe('signing-key rotation', () => {
  const options = { issuer: DEFAULT_ACCESS_TOKEN_ISSUER, audience: DEFAULT_ACCESS_TOKEN_AUDIENCE, ttlSeconds: 900 };
  const subject = { userId: 'u-1', organizationId: 'o-1', role: 'ADMIN', mfa: false } as const;
  const kidOf = (token: string): unknown => (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid?: unknown }).kid;

  it('signs with the current key under its kid and publishes the previous keys after it; the set verifies both keys’ tokens', async () => {
    const next = generateEd25519KeyPair();
    const before = await createAccessTokenIssuer({ ...keys, ...options });
    const after = await createAccessTokenIssuer({ ...next, previousPublicKeyPems: [keys.publicKeyPem, next.publicKeyPem], ...options });
    expect(after.jwks.keys.map((key) => key.kid)).toEqual([after.currentKeyId, before.currentKeyId]);
    expect(after.currentKeyId).not.toBe(before.currentKeyId);

    const oldToken = (await before.issueForUser(subject)).accessToken;
    const newToken = (await after.issueForUser(subject)).accessToken;
    expect(kidOf(oldToken)).toBe(before.currentKeyId);
    expect(kidOf(newToken)).toBe(after.currentKeyId);

    const overlap = createAccessTokenVerifier({ keys: { jwks: after.jwks }, ...options });
    await expect(overlap.authenticate(`Bearer ${oldToken}`)).resolves.toMatchObject({ userId: 'u-1' });
    await expect(overlap.authenticate(`Bearer ${newToken}`)).resolves.toMatchObject({ userId: 'u-1' });

    const afterOverlap = await createAccessTokenIssuer({ ...next, ...options });
    const newOnly = createAccessTokenVerifier({ keys: { jwks: afterOverlap.jwks }, ...options });
    await expect(newOnly.authenticate(`Bearer ${oldToken}`)).rejects.toThrow(AccessTokenError);
    await expect(newOnly.authenticate(`Bearer ${newToken}`)).resolves.toMatchObject({ userId: 'u-1' });
  });
});

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
      new AccessTokenError('the access token is issued in the future'),
    );
  });
});

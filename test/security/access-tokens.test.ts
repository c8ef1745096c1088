import { createServer, type Server } from 'node:http';
import { base64url, exportJWK, importSPKI, type JWK } from 'jose';
import { generateEd25519KeyPair, listen, type UserTokenSubject } from '@partnergraph/core';
import { errorCodes, startAttackWorld, type AttackWorld } from '../support/attack-world';
import { TEST_PASSWORD } from '../support/fixtures';
import { accessTokenClaims, now, pemAsSecret, signToken, unsignedToken, withEditedPayload, withoutClaim, type Claims } from '../support/forged-tokens';
import { gatewayHeaders } from '../support/internal-tokens';

/*
 * Attacks on the access tokens clients send the gateway: every way of making
 * a token the gateway must not believe, each differing from a valid token in
 * one respect. The gateway answers each with 401 UNAUTHENTICATED and runs
 * nothing; the control shows the same token correctly made is accepted.
 */

const WHO_AM_I = '{ viewer { mfa user { email role } } organizations { nodes { id } } }';

let world: AttackWorld;
/** A key set an attacker serves, to see whether the gateway fetches it. */
let attackerJwks: { server: Server; url: string; fetches: number; keys: ReturnType<typeof generateEd25519KeyPair>; jwk: JWK };
let identityJwk: JWK & { kid: string };

beforeAll(async () => {
  world = await startAttackWorld();
  const keys = generateEd25519KeyPair();
  const jwk = { ...(await exportJWK(await importSPKI(keys.publicKeyPem, 'EdDSA', { extractable: true }))), kid: 'attacker', alg: 'EdDSA', use: 'sig' };
  const server = createServer((_req, res) => {
    attackerJwks.fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  const port = await listen(server, { host: '127.0.0.1', port: 0, portVariable: 'PORT' });
  attackerJwks = { server, url: `http://127.0.0.1:${port}/jwks.json`, fetches: 0, keys, jwk };
  // What identity publishes: everything an attacker knows of its key.
  const published = (await (await fetch(new URL('/.well-known/jwks.json', world.supergraph.subgraphs.identity.url))).json()) as { keys: (JWK & { kid: string })[] };
  const [first] = published.keys;
  if (!first) throw new Error('identity publishes no key');
  identityJwk = first;
}, 60_000);
afterAll(async () => {
  await new Promise((resolve) => attackerJwks?.server.close(resolve));
  await world?.stop();
});

const customerAdmin = (): UserTokenSubject => {
  const { admin, organization } = world.tenants.A;
  return { userId: admin.id, organizationId: organization.id, role: 'ADMIN', mfa: false };
};
const identityKey = () => ({ alg: 'EdDSA' as const, privateKeyPem: world.supergraph.accessTokenKeys.privateKeyPem });
/** Signed with identity's own key, as identity would, with the claims edited. */
const identitySigned = (edit: (claims: Claims) => Claims) =>
  signToken(identityKey(), edit(accessTokenClaims(customerAdmin())), { kid: identityJwk.kid, typ: 'at+jwt' });
const attackerKey = () => ({ alg: 'EdDSA' as const, privateKeyPem: attackerJwks.keys.privateKeyPem });
const asGateway = (token: string) => world.supergraph.query(WHO_AM_I, {}, { authorization: `Bearer ${token}` });

describe('the gateway refuses with 401, and runs nothing for, an access token', () => {
  it.each<[string, () => Promise<string>]>([
    ['that is unsigned (alg: none)', async () => unsignedToken(accessTokenClaims(customerAdmin()))],
    [
      'signed HS256 with identity’s published public key (its PEM text) as the HMAC secret',
      () => signToken({ alg: 'HS256', secret: pemAsSecret(world.supergraph.accessTokenKeys.publicKeyPem) }, accessTokenClaims(customerAdmin()), { kid: identityJwk.kid }),
    ],
    [
      'signed HS256 with the raw bytes of identity’s published JWK as the HMAC secret',
      () => signToken({ alg: 'HS256', secret: base64url.decode(String(identityJwk.x)) }, accessTokenClaims(customerAdmin()), { kid: identityJwk.kid }),
    ],
    ['forged with another Ed25519 key under identity’s key id', () => signToken(attackerKey(), accessTokenClaims(customerAdmin()), { kid: identityJwk.kid })],
    ['whose key id points at no published key', () => signToken(attackerKey(), accessTokenClaims(customerAdmin()), { kid: 'no-such-key' })],
    [
      'that carries the forger’s own public key in its header (embedded jwk)',
      () => signToken(attackerKey(), accessTokenClaims(customerAdmin()), { jwk: { kty: 'OKP', crv: 'Ed25519', x: attackerJwks.jwk.x } }),
    ],
    ['whose jku header points at the forger’s key set', () => signToken(attackerKey(), accessTokenClaims(customerAdmin()), { kid: 'attacker', jku: attackerJwks.url })],
    ['signed with identity’s key but from another issuer', () => identitySigned((claims) => ({ ...claims, iss: 'https://evil.example' }))],
    ['signed with identity’s key for another audience', () => identitySigned((claims) => ({ ...claims, aud: 'another-api' }))],
    ['signed with identity’s key with no audience at all', () => identitySigned((claims) => withoutClaim(claims, 'aud'))],
    ['signed with identity’s key that expired a minute ago', () => identitySigned((claims) => ({ ...claims, iat: now() - 900, exp: now() - 60 }))],
    ['signed with identity’s key that never expires (no exp)', () => identitySigned((claims) => withoutClaim(claims, 'exp'))],
    ['signed with identity’s key that is not valid yet (nbf in ten minutes)', () => identitySigned((claims) => ({ ...claims, nbf: now() + 600, exp: now() + 900 }))],
    [
      'signed with identity’s key but issued ten minutes in the future (iat ahead of the clock)',
      () => identitySigned((claims) => ({ ...claims, iat: now() + 600, exp: now() + 900 })),
    ],
    ['signed with identity’s key naming no subject', () => identitySigned((claims) => withoutClaim(claims, 'sub'))],
    [
      'that is genuine, with its role edited from VIEWER to ADMIN',
      async () => {
        const { viewer, organization } = world.tenants.A;
        const viewerSubject = { userId: viewer.id, organizationId: organization.id, role: 'VIEWER' as const, mfa: false };
        const { accessToken } = await world.supergraph.accessTokens.issueForUser(viewerSubject);
        return withEditedPayload(accessToken, (claims) => ({ ...claims, role: 'ADMIN' }));
      },
    ],
    [
      'that is genuine, with its organization edited to another tenant',
      async () => {
        const { accessToken } = await world.supergraph.accessTokens.issueForUser(customerAdmin());
        return withEditedPayload(accessToken, (claims) => ({ ...claims, org: world.tenants.D.organization.id }));
      },
    ],
    [
      'that is really a refresh token from a sign-in',
      async () => {
        const signedIn = await world.supergraph.query<{ signIn: { refreshToken: string } }>(
          'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { refreshToken } }',
          { e: world.tenants.A.admin.email, p: TEST_PASSWORD },
        );
        const refreshToken = signedIn.body.data?.signIn.refreshToken;
        if (!refreshToken) throw new Error(`sign-in failed: ${JSON.stringify(signedIn.body)}`);
        return refreshToken;
      },
    ],
    [
      'that is really an internal token the gateway signed for a subgraph',
      async () => {
        const { authorization = '' } = await gatewayHeaders(world.supergraph.keys.privateKeyPem, 'identity', world.principals.customerAdminA);
        return authorization.slice('Bearer '.length);
      },
    ],
  ])('%s', async (_threat, token) => {
    const fetchesBefore = attackerJwks.fetches;
    const response = await asGateway(await token());
    expect(response.status).toBe(401);
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.body.data).toBeUndefined();
    expect(attackerJwks.fetches).toBe(fetchesBefore);
  });

  it('(the control: the same token correctly made is accepted)', async () => {
    const response = await asGateway(await identitySigned((claims) => claims));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      viewer: { mfa: false, user: { email: world.tenants.A.admin.email, role: 'ADMIN' } },
      organizations: { nodes: [{ id: world.tenants.A.organization.id }] },
    });
  });
});

import { SignJWT, UnsecuredJWT, importPKCS8 } from 'jose';
import {
  ANONYMOUS,
  IDENTITY_TOKEN_HEADER,
  INTERNAL_TOKEN_ALGORITHM,
  INTERNAL_TOKEN_ISSUER,
  createInternalTokenSigner,
  generateEd25519KeyPair,
  type Principal,
  type SubgraphName,
} from '@partnergraph/core';

/**
 * Internal tokens as the gateway mints them, and the ways a caller who is not
 * the gateway might try to get past a subgraph: each differs from a valid
 * token in one respect only.
 */

/** What the gateway sends: an anonymous principal, signed with its key, for `audience`. */
export async function gatewayToken(privateKeyPem: string, audience: string): Promise<string> {
  const signer = await createInternalTokenSigner({ privateKeyPem, ttlSeconds: 60 });
  return signer.sign(ANONYMOUS, audience);
}

/**
 * The headers the gateway sends `subgraph` for `principal`: its internal token
 * and, for subgraphs other than identity, the access-check token to forward.
 */
export async function gatewayHeaders(privateKeyPem: string, subgraph: SubgraphName, principal: Principal): Promise<Record<string, string>> {
  const signer = await createInternalTokenSigner({ privateKeyPem, ttlSeconds: 60 });
  const headers: Record<string, string> = { authorization: `Bearer ${await signer.sign(principal, subgraph)}` };
  if (subgraph !== 'identity') headers[IDENTITY_TOKEN_HEADER] = await signer.sign(principal, 'identity', 'access-decisions');
  return headers;
}

/** A well-formed token signed with a fresh Ed25519 key that is not the gateway's. */
export async function tokenSignedWithAnotherKey(audience: string): Promise<string> {
  return gatewayToken(generateEd25519KeyPair().privateKeyPem, audience);
}

/** A token signed with the gateway's own key whose lifetime is over. */
export async function expiredGatewayToken(
  privateKeyPem: string,
  audience: string,
  lifetime: { issuedSecondsAgo: number; expiredSecondsAgo: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ principal: ANONYMOUS, scope: 'graph' })
    .setProtectedHeader({ alg: INTERNAL_TOKEN_ALGORITHM, typ: 'JWT' })
    .setIssuer(INTERNAL_TOKEN_ISSUER)
    .setAudience(audience)
    .setSubject('anonymous')
    .setIssuedAt(now - lifetime.issuedSecondsAgo)
    .setExpirationTime(now - lifetime.expiredSecondsAgo)
    .sign(await importPKCS8(privateKeyPem, INTERNAL_TOKEN_ALGORITHM));
}

/** A token with every valid claim but no signature at all (`alg: none`). */
export function unsignedToken(audience: string): string {
  return new UnsecuredJWT({ principal: ANONYMOUS, scope: 'graph' })
    .setIssuer(INTERNAL_TOKEN_ISSUER)
    .setAudience(audience)
    .setSubject('anonymous')
    .setIssuedAt()
    .setExpirationTime('60s')
    .encode();
}

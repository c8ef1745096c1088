import { SignJWT, UnsecuredJWT, base64url, decodeJwt, importPKCS8, type JWK, type JWTPayload } from 'jose';
import {
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  INTERNAL_TOKEN_ISSUER,
  principalSubject,
  type InternalTokenScope,
  type Principal,
  type UserTokenSubject,
} from '@partnergraph/core';

/**
 * JWTs as an attacker would make them: any claims, any header, signed with a
 * key they hold (their own Ed25519 key, or a public key used as an HMAC
 * secret), not signed at all, or a genuine token with its payload edited and
 * its signature kept. Each attack differs from a valid token in one respect.
 */

export type Claims = JWTPayload & Record<string, unknown>;

/** What a forger signs with. */
export type ForgingKey =
  | { alg: 'EdDSA'; privateKeyPem: string }
  /** Any bytes used as an HMAC secret, such as a public key's PEM text. */
  | { alg: 'HS256'; secret: Uint8Array };

/** Extra protected-header parameters: `kid`, `typ`, `jwk`, `jku`. */
export interface ForgedHeader {
  kid?: string;
  typ?: string;
  jwk?: Pick<JWK, 'kty' | 'crv' | 'x'>;
  jku?: string;
}

export const now = (): number => Math.floor(Date.now() / 1000);

/** The claims identity puts in a user's access token, valid for five minutes from now. */
export function accessTokenClaims(subject: UserTokenSubject): Claims {
  return {
    iss: DEFAULT_ACCESS_TOKEN_ISSUER,
    aud: DEFAULT_ACCESS_TOKEN_AUDIENCE,
    sub: subject.userId,
    org: subject.organizationId,
    role: subject.role,
    amr: subject.mfa ? ['pwd', 'otp'] : ['pwd'],
    iat: now(),
    exp: now() + 300,
  };
}

/** The claims the gateway puts in an internal token for `audience`, valid for a minute from now. */
export function internalTokenClaims(principal: Principal, audience: string, scope: InternalTokenScope = 'graph'): Claims {
  return {
    iss: INTERNAL_TOKEN_ISSUER,
    aud: audience,
    sub: principalSubject(principal),
    principal,
    scope,
    iat: now(),
    exp: now() + 60,
  };
}

/** Signs `claims` exactly as given (no defaults added). */
export async function signToken(key: ForgingKey, claims: Claims, header: ForgedHeader = {}): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ typ: 'JWT', ...header, alg: key.alg });
  return key.alg === 'EdDSA' ? jwt.sign(await importPKCS8(key.privateKeyPem, 'EdDSA')) : jwt.sign(key.secret);
}

/** The claims without `name`. */
export function withoutClaim(claims: Claims, name: string): Claims {
  return Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== name));
}

/** `alg: none`: the claims with no signature at all. */
export function unsignedToken(claims: Claims): string {
  return new UnsecuredJWT(claims).encode();
}

/** A genuine token with its payload replaced by `edit(payload)` and its header and signature kept. */
export function withEditedPayload(token: string, edit: (payload: Claims) => Claims): string {
  const [header, , signature] = token.split('.');
  const payload = edit(decodeJwt(token) as Claims);
  return [header, base64url.encode(JSON.stringify(payload)), signature].join('.');
}

/** The bytes of a PEM text, as an attacker would feed them to HMAC. */
export function pemAsSecret(pem: string): Uint8Array {
  return new TextEncoder().encode(pem);
}

import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT, calculateJwkThumbprint, errors as joseErrors, importPKCS8, importSPKI, jwtVerify, type JWK, type KeyLike } from 'jose';
import { parsePrincipal, principalSubject, type Principal } from './principal';
import { VerifiedTokens } from './verified-tokens';

/**
 * The gateway sends a short-lived token with every subgraph request. It carries the
 * caller's principal and names that one subgraph as its audience, so a token
 * captured on the way to one subgraph is worthless at another. The signer
 * reuses a principal's token for a subgraph during the first half of its
 * lifetime, and subgraphs remember the tokens they verified (VerifiedTokens):
 * a signature per caller and subgraph every few seconds, not per request.
 *
 * Ed25519 keys: only the gateway holds the private key; a subgraph holds the
 * public key and so cannot mint tokens for its peers.
 */
export const INTERNAL_TOKEN_ALGORITHM = 'EdDSA';
export const INTERNAL_TOKEN_ISSUER = 'partnergraph-gateway';
export const INTERNAL_TOKEN_HEADER = 'authorization';
/** Where the gateway publishes the internal tokens' public key (internalTokenJwks). */
export const INTERNAL_TOKEN_JWKS_PATH = '/.well-known/internal-jwks.json';
/**
 * Carries the token the gateway signs for identity on behalf of another
 * subgraph, which forwards it to ask identity for access decisions.
 */
export const IDENTITY_TOKEN_HEADER = 'x-partnergraph-identity-token';
const PRINCIPAL_CLAIM = 'principal';
const SCOPE_CLAIM = 'scope';

/**
 * What a token lets its bearer run: `graph`, any operation the principal may
 * run; `access-decisions`, only identity's access check for that principal
 * (the token a subgraph forwards to identity, so that a subgraph holding it
 * cannot act as the user there).
 */
export const INTERNAL_TOKEN_SCOPES = ['graph', 'access-decisions'] as const;
export type InternalTokenScope = (typeof INTERNAL_TOKEN_SCOPES)[number];

/** A verified internal token: who is calling, and what the token lets them run. */
export interface InternalCall {
  principal: Principal;
  scope: InternalTokenScope;
}
const CLOCK_TOLERANCE_SECONDS = 5;

export interface InternalTokenSigner {
  sign(principal: Principal, audience: string, scope?: InternalTokenScope): Promise<string>;
}

export interface InternalTokenVerifier {
  /** Resolves to the principal and scope, or rejects with an InternalTokenError. */
  verify(token: string): Promise<InternalCall>;
}

export class InternalTokenError extends Error {
  override readonly name = 'InternalTokenError';
}

export async function createInternalTokenSigner(options: {
  privateKeyPem: string;
  ttlSeconds: number;
}): Promise<InternalTokenSigner> {
  if (!Number.isInteger(options.ttlSeconds) || options.ttlSeconds < 1 || options.ttlSeconds > 300) {
    throw new RangeError(`ttlSeconds must be an integer from 1 to 300, got ${String(options.ttlSeconds)}`);
  }
  const key = await importPKCS8(options.privateKeyPem, INTERNAL_TOKEN_ALGORITHM);
  const [published] = (await internalTokenJwks(options.privateKeyPem)).keys;
  // Signed tokens by principal, audience and scope, reused for the first half of their lifetime.
  const signed = new Map<string, { token: Promise<string>; reuseUntilMs: number }>();
  const reuseMs = (options.ttlSeconds * 1000) / 2;
  const signNew = (principal: Principal, audience: string, scope: InternalTokenScope) =>
    new SignJWT({ [PRINCIPAL_CLAIM]: principal, [SCOPE_CLAIM]: scope })
      .setProtectedHeader({ alg: INTERNAL_TOKEN_ALGORITHM, typ: 'JWT', kid: published?.kid })
      .setIssuer(INTERNAL_TOKEN_ISSUER)
      .setAudience(audience)
      .setSubject(principalSubject(principal))
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds}s`)
      .sign(key);
  return {
    sign(principal, audience, scope = 'graph') {
      const cacheKey = `${audience}\n${scope}\n${JSON.stringify(principal)}`;
      const now = Date.now();
      const reusable = signed.get(cacheKey);
      if (reusable && reusable.reuseUntilMs > now) return reusable.token;
      if (signed.size >= MAX_REUSED_TOKENS) signed.clear();
      const token = signNew(principal, audience, scope);
      signed.set(cacheKey, { token, reuseUntilMs: now + reuseMs });
      token.catch(() => signed.delete(cacheKey));
      return token;
    },
  };
}

/** How many principals' tokens the signer keeps for reuse before it starts afresh. */
const MAX_REUSED_TOKENS = 10_000;

export async function createInternalTokenVerifier(options: {
  publicKeyPem: string;
  audience: string;
  maxTokenAgeSeconds?: number;
}): Promise<InternalTokenVerifier> {
  const key: KeyLike = await importSPKI(options.publicKeyPem, INTERNAL_TOKEN_ALGORITHM);
  const maxTokenAge = options.maxTokenAgeSeconds ?? 300;
  const verified = new VerifiedTokens<InternalCall>();
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known) return known;
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, key, {
          algorithms: [INTERNAL_TOKEN_ALGORITHM],
          issuer: INTERNAL_TOKEN_ISSUER,
          audience: options.audience,
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        }));
      } catch (error) {
        throw new InternalTokenError(describeJoseError(error));
      }
      const principal = parsePrincipal(payload[PRINCIPAL_CLAIM]);
      if (principal === null) throw new InternalTokenError('the token carries no valid principal');
      const scope = payload[SCOPE_CLAIM];
      if (!INTERNAL_TOKEN_SCOPES.includes(scope as InternalTokenScope)) throw new InternalTokenError('the token carries no valid scope');
      const call = { principal, scope: scope as InternalTokenScope };
      // Until it expires or grows too old, whichever is first (the checks jwtVerify made, with its tolerance).
      const until = Math.min(Number(payload.exp), Number(payload.iat) + maxTokenAge) + CLOCK_TOLERANCE_SECONDS;
      verified.set(token, call, until * 1000);
      return call;
    },
  };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not accepted`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the token is signed with an algorithm that is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  return 'the token is malformed';
}

/**
 * The public half of the gateway's internal-token key as a JWK Set, which the
 * gateway publishes so that services outside this repository can verify the
 * tokens it sends them (issuer INTERNAL_TOKEN_ISSUER, audience their own name).
 */
export async function internalTokenJwks(privateKeyPem: string): Promise<{ keys: JWK[] }> {
  const jwk = createPublicKey(privateKeyPem).export({ format: 'jwk' }) as JWK;
  const publicJwk: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  return { keys: [{ ...publicJwk, alg: INTERNAL_TOKEN_ALGORITHM, use: 'sig', kid: await calculateJwkThumbprint(publicJwk) }] };
}

/** The `kid` of a public key (its RFC 7638 JWK thumbprint), as the tokens its private half signs carry it. */
export async function publicKeyId(publicKeyPem: string): Promise<string> {
  const jwk = createPublicKey(publicKeyPem).export({ format: 'jwk' }) as JWK;
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x });
}

/** A fresh Ed25519 key pair as PEM: PKCS#8 for the signer, SPKI for those who verify. */
export function generateEd25519KeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

import {
  SignJWT,
  calculateJwkThumbprint,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  exportJWK,
  importPKCS8,
  importSPKI,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { VerifiedTokens } from './verified-tokens';
import { ANONYMOUS, type OrganizationRole, type Principal } from './principal';

/**
 * Access tokens are what clients send (`Authorization: Bearer …`). Identity
 * issues them, signed with an Ed25519 key published as a JWKS; any OIDC issuer
 * whose tokens carry the same claims can replace it by configuration.
 */
export const ACCESS_TOKEN_ALGORITHMS = ['EdDSA'] as const;
export const DEFAULT_ACCESS_TOKEN_ISSUER = 'partnergraph-identity';
export const DEFAULT_ACCESS_TOKEN_AUDIENCE = 'partnergraph';
/** The role claim of a platform operator, whose token names no organization. */
export const OPERATOR_ROLE = 'OPERATOR';
export const COLLECTOR_ROLE = 'COLLECTOR';
/** How far the issuer's clock may be ahead of or behind ours. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** The claims PartnerGraph reads, besides the registered ones (iss, aud, sub, iat, exp). */
interface PartnerGraphClaims extends JWTPayload {
  org?: unknown;
  role?: unknown;
  amr?: unknown;
  client_id?: unknown;
}

export interface UserTokenSubject {
  userId: string;
  organizationId: string;
  role: OrganizationRole;
  /** True when the session was opened with a second factor. */
  mfa: boolean;
}

export interface ApiClientTokenSubject {
  clientId: string;
  partnerOrganizationId: string;
}

export interface AccessTokenIssuer {
  issueForUser(subject: UserTokenSubject): Promise<{ accessToken: string; expiresIn: number }>;
  /** For the client credentials grant: `sub` and `client_id` are the client id (RFC 9068), `org` its partner. */
  issueForApiClient(subject: ApiClientTokenSubject): Promise<{ accessToken: string; expiresIn: number }>;
  /** For platform operators (support staff): `role` OPERATOR and no organization. */
  issueForOperator(subject: { operatorId: string }): Promise<{ accessToken: string; expiresIn: number }>;
  /** For the internal telemetry collector that records readings: `role` COLLECTOR and no organization. */
  issueForCollector(subject: { collectorId: string }): Promise<{ accessToken: string; expiresIn: number }>;
  /** The public keys, as published at `/.well-known/jwks.json`: the current one first, then those of previous keys. */
  jwks: JSONWebKeySet;
  /** The `kid` new tokens carry (the current key's JWK thumbprint). */
  currentKeyId: string;
}

/**
 * Signs with the current key; its `kid` (the RFC 7638 thumbprint) is in every
 * token's header. The public keys of previous keys stay in the JWKS, so tokens
 * they signed keep verifying until they expire (see the README on rotation).
 */
export async function createAccessTokenIssuer(options: {
  privateKeyPem: string;
  publicKeyPem: string;
  /** Public keys of previous signing keys, still published until the tokens they signed have expired. */
  previousPublicKeyPems?: readonly string[];
  issuer: string;
  audience: string;
  ttlSeconds: number;
}): Promise<AccessTokenIssuer> {
  const [algorithm] = ACCESS_TOKEN_ALGORITHMS;
  const privateKey = await importPKCS8(options.privateKeyPem, algorithm);
  const published = await Promise.all(
    [options.publicKeyPem, ...(options.previousPublicKeyPems ?? [])].map(async (pem) => {
      const jwk = await exportJWK(await importSPKI(pem, algorithm, { extractable: true }));
      return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: algorithm, use: 'sig' };
    }),
  );
  const kid = published[0]?.kid ?? '';
  const issue = async (subject: string, claims: PartnerGraphClaims) => {
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: algorithm, kid, typ: 'at+jwt' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(subject)
      .setIssuedAt()
      .setExpirationTime(`${options.ttlSeconds}s`)
      .sign(privateKey);
    return { accessToken, expiresIn: options.ttlSeconds };
  };
  return {
    jwks: { keys: published.filter((key, index) => published.findIndex((other) => other.kid === key.kid) === index) },
    currentKeyId: kid,
    issueForUser: (subject) =>
      issue(subject.userId, { org: subject.organizationId, role: subject.role, amr: subject.mfa ? ['pwd', 'otp'] : ['pwd'] }),
    issueForApiClient: (subject) => issue(subject.clientId, { org: subject.partnerOrganizationId, client_id: subject.clientId }),
    issueForOperator: (subject) => issue(subject.operatorId, { role: OPERATOR_ROLE }),
    issueForCollector: (subject) => issue(subject.collectorId, { role: COLLECTOR_ROLE }),
  };
}

/** Why a token was refused, for the operator (the authentication-failure metric); the client's message says less. */
export type AccessTokenFailure =
  | 'malformed_header'
  | 'malformed_token'
  | 'expired'
  | 'bad_signature'
  | 'unknown_key'
  | 'algorithm_not_allowed'
  | 'wrong_claims'
  | 'issued_in_future'
  | 'no_principal'
  | 'key_set_unavailable';

export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
  constructor(
    message: string,
    readonly reason: AccessTokenFailure,
  ) {
    super(message);
  }
}

/** What jose's refusal says about the token (a key set that could not be fetched is not the token's fault). */
function failureOf(error: unknown): AccessTokenFailure {
  if (!(error instanceof errors.JOSEError)) return 'key_set_unavailable';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return 'wrong_claims';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown_key';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'algorithm_not_allowed';
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC') return 'key_set_unavailable';
  return 'malformed_token';
}

/** Who is calling, and until when the token says so. */
export interface VerifiedCaller {
  principal: Principal;
  /** The token's `exp`, in seconds since the epoch; null for the anonymous principal. */
  expiresAt: number | null;
}

export interface AccessTokenVerifier {
  /** No token: the anonymous principal. A token that does not verify: AccessTokenError. */
  authenticate(authorization: string | undefined): Promise<Principal>;
  /** As authenticate, with the token's expiry: a subscription ends when its token does. */
  verifyCaller(authorization: string | undefined): Promise<VerifiedCaller>;
}

/**
 * Verifies with pinned algorithms, issuer, audience and expiry, and refuses a
 * token issued in the future (`iat` ahead of the clock). Keys come from
 * a JWKS URL (identity's own, or an external OIDC issuer's; fetched and cached
 * by jose) or from a local key set.
 */
export function createAccessTokenVerifier(options: {
  keys: { jwksUrl: string } | { jwks: JSONWebKeySet };
  issuer: string;
  audience: string;
}): AccessTokenVerifier {
  const keySet =
    'jwksUrl' in options.keys
      ? createRemoteJWKSet(new URL(options.keys.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 })
      : createLocalJWKSet(options.keys.jwks);
  const verified = new VerifiedTokens<VerifiedCaller>();
  const verifyCaller = async (authorization: string | undefined): Promise<VerifiedCaller> => {
    if (authorization === undefined || authorization.trim() === '') return { principal: ANONYMOUS, expiresAt: null };
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const token = match?.[1];
    if (!token) throw new AccessTokenError('the Authorization header must be "Bearer <access token>"', 'malformed_header');
    const known = verified.get(token);
    if (known) return known;
    let payload: PartnerGraphClaims;
    try {
      ({ payload } = await jwtVerify<PartnerGraphClaims>(token, keySet, {
        algorithms: [...ACCESS_TOKEN_ALGORITHMS],
        issuer: options.issuer,
        audience: options.audience,
        requiredClaims: ['sub', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new AccessTokenError('the access token is invalid or has expired', failureOf(error));
    }
    // jose checks `iat` against the clock only with a maximum token age, which an external issuer's lifetimes rule out.
    if (Number(payload.iat) > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
      throw new AccessTokenError('the access token is issued in the future', 'issued_in_future');
    }
    const principal = principalFromClaims(payload);
    if (!principal) throw new AccessTokenError('the access token does not say who is calling', 'no_principal');
    const caller = { principal, expiresAt: Number(payload.exp) };
    verified.set(token, caller, (caller.expiresAt + CLOCK_TOLERANCE_SECONDS) * 1000);
    return caller;
  };
  return {
    authenticate: async (authorization) => (await verifyCaller(authorization)).principal,
    verifyCaller,
  };
}

/**
 * A token with role OPERATOR (COLLECTOR) and no organization is a platform
 * operator's (the telemetry collector's); one
 * with a role and an organization is a user's; one without a role, whose
 * `client_id` is its subject, is an API client's (RFC 9068).
 */
function principalFromClaims(claims: PartnerGraphClaims): Principal | null {
  const { sub, org, role, amr } = claims;
  if (typeof sub !== 'string' || sub === '') return null;
  if (role === OPERATOR_ROLE && org === undefined) return { kind: 'operator', operatorId: sub };
  if (role === COLLECTOR_ROLE && org === undefined) return { kind: 'collector', collectorId: sub };
  if (typeof org !== 'string' || org === '') return null;
  if (role === undefined && claims.client_id === sub) return { kind: 'api-client', clientId: sub, partnerOrganizationId: org };
  if (role !== 'ADMIN' && role !== 'VIEWER') return null;
  const mfa = Array.isArray(amr) && (amr.includes('otp') || amr.includes('mfa'));
  return { kind: 'user', userId: sub, organizationId: org, role, mfa };
}

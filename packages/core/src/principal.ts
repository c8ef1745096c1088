/**
 * Who is calling. The gateway turns every request into exactly one principal;
 * subgraphs receive it inside the internal token and decide from it alone.
 */
export type OrganizationRole = 'ADMIN' | 'VIEWER';

export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; organizationId: string; role: OrganizationRole; mfa: boolean }
  | { kind: 'api-client'; clientId: string; partnerOrganizationId: string }
  | { kind: 'collector'; collectorId: string }
  | { kind: 'operator'; operatorId: string };

export type PrincipalKind = Principal['kind'];

/** A signed-in person, member of one organization. */
export type UserPrincipal = Extract<Principal, { kind: 'user' }>;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });

const ROLES: readonly OrganizationRole[] = ['ADMIN', 'VIEWER'];

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Checks an untrusted value (a decoded token claim) and returns it as a principal, or null. */
export function parsePrincipal(value: unknown): Principal | null {
  if (typeof value !== 'object' || value === null) return null;
  const claim = value as Record<string, unknown>;
  switch (claim.kind) {
    case 'anonymous':
      return ANONYMOUS;
    case 'user':
      if (
        isNonEmptyString(claim.userId) &&
        isNonEmptyString(claim.organizationId) &&
        ROLES.includes(claim.role as OrganizationRole) &&
        typeof claim.mfa === 'boolean'
      ) {
        return {
          kind: 'user',
          userId: claim.userId,
          organizationId: claim.organizationId,
          role: claim.role as OrganizationRole,
          mfa: claim.mfa,
        };
      }
      return null;
    case 'api-client':
      return isNonEmptyString(claim.clientId) && isNonEmptyString(claim.partnerOrganizationId)
        ? { kind: 'api-client', clientId: claim.clientId, partnerOrganizationId: claim.partnerOrganizationId }
        : null;
    case 'collector':
      return isNonEmptyString(claim.collectorId) ? { kind: 'collector', collectorId: claim.collectorId } : null;
    case 'operator':
      return isNonEmptyString(claim.operatorId) ? { kind: 'operator', operatorId: claim.operatorId } : null;
    default:
      return null;
  }
}

/** A stable subject for a principal, used as the internal token's `sub`. */
export function principalSubject(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'user':
      return `user:${principal.userId}`;
    case 'api-client':
      return `api-client:${principal.clientId}`;
    case 'collector':
      return `collector:${principal.collectorId}`;
    case 'operator':
      return `operator:${principal.operatorId}`;
  }
}

import { randomUUID } from 'node:crypto';
import {
  createAccessTokenIssuer,
  DEFAULT_ACCESS_TOKEN_AUDIENCE,
  DEFAULT_ACCESS_TOKEN_ISSUER,
  type OrganizationRole,
  type Principal,
} from '@partnergraph/core';
import { DEMO_PARTNER, demoUsers } from '@partnergraph/scripts/demo-data';
import type { KeyPair } from './keys';
import type { Caller } from './load-job';

/** Who the benchmark's operations run as, each with an access token signed as identity's sign-in would sign it. */
export interface Callers {
  /** The demo partner's admin, signed in with MFA: the partner dashboard's user. */
  partnerAdmin: Caller;
  /** Many different users of the demo partner (its two demo users, then more), for traffic that cannot be shared. */
  partnerUsers: Caller[];
  /** An admin of a benchmark customer, for that customer's pages. */
  customerAdmin(organizationId: string): Promise<Caller>;
  collector: Caller;
  operator: Caller;
}

/** Tokens outlive any run; the gateway checks their expiry like any other. */
const TOKEN_TTL_SECONDS = 6 * 3600;

export async function createCallers(accessTokenKeys: KeyPair, partnerUserCount: number): Promise<Callers> {
  const issuer = await createAccessTokenIssuer({
    ...accessTokenKeys,
    issuer: DEFAULT_ACCESS_TOKEN_ISSUER,
    audience: DEFAULT_ACCESS_TOKEN_AUDIENCE,
    ttlSeconds: TOKEN_TTL_SECONDS,
  });
  const user = async (userId: string, organizationId: string, role: OrganizationRole, mfa: boolean): Promise<Caller> => {
    const principal: Principal = { kind: 'user', userId, organizationId, role, mfa };
    return { principal, accessToken: (await issuer.issueForUser({ userId, organizationId, role, mfa })).accessToken };
  };
  const demoPartnerUsers = demoUsers().filter((candidate) => candidate.organizationId === DEMO_PARTNER.id);
  const partnerUserIds = [
    ...demoPartnerUsers.map((candidate) => ({ id: candidate.id, role: candidate.role })),
    ...Array.from({ length: Math.max(0, partnerUserCount - demoPartnerUsers.length) }, (_, index) => ({
      id: randomUUID(),
      role: (index % 2 === 0 ? 'VIEWER' : 'ADMIN') as OrganizationRole,
    })),
  ].slice(0, partnerUserCount);
  const partnerUsers = await Promise.all(partnerUserIds.map(({ id, role }) => user(id, DEMO_PARTNER.id, role, true)));
  const admin = demoPartnerUsers.find((candidate) => candidate.role === 'ADMIN');
  if (!admin) throw new Error('the demo data has no partner admin');
  const collectorId = 'bench-collector';
  const operatorId = 'bench-operator';
  return {
    partnerAdmin: await user(admin.id, DEMO_PARTNER.id, 'ADMIN', true),
    partnerUsers,
    customerAdmin: (organizationId) => user(randomUUID(), organizationId, 'ADMIN', false),
    collector: {
      principal: { kind: 'collector', collectorId },
      accessToken: (await issuer.issueForCollector({ collectorId })).accessToken,
    },
    operator: {
      principal: { kind: 'operator', operatorId },
      accessToken: (await issuer.issueForOperator({ operatorId })).accessToken,
    },
  };
}

import { createHash } from 'node:crypto';
import type { AccessDecision } from '@partnergraph/core';

/**
 * A live feed's scope key (the `scope` of its page) for one organization it
 * covers and how the caller stands to it: when a grant is revoked or
 * narrowed, its key goes missing and the gateway ends the subscriptions that
 * started with it. Opaque, and short: a partner covers hundreds of customers.
 */
export function scopeKey(decision: AccessDecision): string {
  return createHash('sha256').update(`${decision.organizationId}:${decision.relation}`).digest('base64url').slice(0, 16);
}

/**
 * The oldest of the decisions' horizons (AccessDecision.asOf): rows below it
 * were committed before anything those decisions did not see, so a feed that
 * reads only below it hands on nothing committed after a revocation that
 * raced the request; the next run, decided after the revocation, ends the
 * subscription. Null when no decision carries one.
 */
export function decidedHorizon(decisions: readonly AccessDecision[]): string | null {
  const horizons = decisions.flatMap((decision) => (decision.asOf == null ? [] : [BigInt(decision.asOf)]));
  return horizons.length === 0 ? null : horizons.reduce((oldest, horizon) => (horizon < oldest ? horizon : oldest)).toString();
}

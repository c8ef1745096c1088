import type { AccessDecision, Principal } from '@partnergraph/core';

/** Access matrix, "subscriptions: view": everyone who may read the customer, except API clients. */
export function mayViewSubscriptions(decision: AccessDecision, principal: Principal): boolean {
  return decision.read && principal.kind !== 'api-client';
}

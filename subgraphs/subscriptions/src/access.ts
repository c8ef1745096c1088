import type { AccessDecision, Principal } from '@partnergraph/core';

/** Access matrix, "subscriptions: view": everyone who may read the customer, except API clients. */
export function mayViewSubscriptions(decision: AccessDecision, principal: Principal): boolean {
  return decision.read && principal.kind !== 'api-client';
}

/** Access matrix, "subscriptions: redeem, renew, amend": the customer's admins and its partners' admins. */
export function mayManageSubscriptions(decision: AccessDecision, principal: Principal): boolean {
  return decision.manageSubscriptions && principal.kind === 'user' && principal.role === 'ADMIN';
}

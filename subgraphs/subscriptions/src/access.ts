import { allows, type AccessDecision } from '@partnergraph/core';

/** Access matrix, "subscriptions: view": everyone who may read the customer, except API clients. */
export function mayViewSubscriptions(decision: AccessDecision): boolean {
  return allows('viewSubscriptions', decision.relation);
}

/** Access matrix, "subscriptions: redeem, renew, amend": the customer's admins and its partners' admins. */
export function mayManageSubscriptions(decision: AccessDecision): boolean {
  return allows('manageSubscriptions', decision.relation);
}

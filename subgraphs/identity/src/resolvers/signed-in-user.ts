import { clientError, type Principal, type UserPrincipal } from '@partnergraph/core';

type OperatorPrincipal = Extract<Principal, { kind: 'operator' }>;

/** The shield lets only signed-in users through to these resolvers; this narrows the type and guards a rule mistake. */
export function signedInUser(principal: Principal): UserPrincipal {
  if (principal.kind !== 'user') throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return principal;
}

/** The same, for what only platform operators do. */
export function signedInOperator(principal: Principal): OperatorPrincipal {
  if (principal.kind !== 'operator') throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return principal;
}

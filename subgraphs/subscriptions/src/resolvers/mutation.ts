import { clientError, principalSubject, type Principal } from '@partnergraph/core';
import { activateSubscription, amendSubscription, issueVoucher, redeemVoucher, renewSubscription } from '../credits';
import type { MutationResolvers } from '../generated/resolvers-types';
import { issueLicenseKey, redeemLicenseKey } from '../license-keys';

/** The shield has checked who may call each of these; the arguments are checked where they are used. */
export const Mutation: MutationResolvers = {
  redeemLicenseKey: (_parent, input, { database, principal }) =>
    redeemLicenseKey(database, principalSubject(principal), input),

  redeemVoucher: (_parent, { code }, { database, principal }) =>
    redeemVoucher(database, { organizationId: organizationOf(principal), actor: principalSubject(principal) }, code),

  activateSubscription: (_parent, { idempotencyKey, ...input }, { database, principal }) =>
    activateSubscription(database, spender(principal, idempotencyKey), input),

  renewSubscription: (_parent, { idempotencyKey, ...input }, { database, principal }) =>
    renewSubscription(database, spender(principal, idempotencyKey), input),

  amendSubscription: (_parent, { idempotencyKey, ...input }, { database, principal }) =>
    amendSubscription(database, spender(principal, idempotencyKey), input),

  issueLicenseKey: (_parent, input, { database, principal }) =>
    issueLicenseKey(database, principalSubject(principal), input),

  issueVoucher: (_parent, { credits }, { database, principal }) =>
    issueVoucher(database, principalSubject(principal), credits),
};

/** Credits are the caller's organization's; only signed-in users hold them (the shield lets only admins through). */
function organizationOf(principal: Principal): string {
  if (principal.kind !== 'user') throw clientError('FORBIDDEN', 'You are not allowed to see or do this.');
  return principal.organizationId;
}

function spender(principal: Principal, idempotencyKey: string) {
  return { organizationId: organizationOf(principal), actor: principalSubject(principal), idempotencyKey };
}

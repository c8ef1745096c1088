import { clientError, principalSubject, type Principal } from '@partnergraph/core';
import type { SubscriptionsContext } from '../context';
import { activateSubscription, amendSubscription, issueVoucher, redeemVoucher, renewSubscription } from '../credits';
import { issueLicenseKey, redeemLicenseKey } from '../license-keys';

/** The shield has checked who may call each of these; the arguments are checked where they are used. */
export const Mutation = {
  redeemLicenseKey: (_parent: unknown, input: { customerId: string; key: string; startDate: string }, { database, principal }: SubscriptionsContext) =>
    redeemLicenseKey(database, principalSubject(principal), input),

  redeemVoucher: (_parent: unknown, { code }: { code: string }, { database, principal }: SubscriptionsContext) =>
    redeemVoucher(database, { organizationId: organizationOf(principal), actor: principalSubject(principal) }, code),

  activateSubscription: (
    _parent: unknown,
    { idempotencyKey, ...input }: Parameters<typeof activateSubscription>[2] & { idempotencyKey: string },
    { database, principal }: SubscriptionsContext,
  ) => activateSubscription(database, spender(principal, idempotencyKey), input),

  renewSubscription: (
    _parent: unknown,
    { idempotencyKey, ...input }: { subscriptionId: string; months: number; idempotencyKey: string },
    { database, principal }: SubscriptionsContext,
  ) => renewSubscription(database, spender(principal, idempotencyKey), input),

  amendSubscription: (
    _parent: unknown,
    { idempotencyKey, ...input }: { subscriptionId: string; addDevices: number; addMonths: number; idempotencyKey: string },
    { database, principal }: SubscriptionsContext,
  ) => amendSubscription(database, spender(principal, idempotencyKey), input),

  issueLicenseKey: (_parent: unknown, input: Parameters<typeof issueLicenseKey>[2], { database, principal }: SubscriptionsContext) =>
    issueLicenseKey(database, principalSubject(principal), input),

  issueVoucher: (_parent: unknown, { credits }: { credits: number }, { database, principal }: SubscriptionsContext) =>
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

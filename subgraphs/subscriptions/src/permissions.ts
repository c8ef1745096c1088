import { allow, and, rule, type IRules } from 'graphql-shield';
import { organizationRule, type AccessCheckedContext } from '@partnergraph/subgraph-kit';
import { mayManageSubscriptions, mayViewSubscriptions } from './access';
import type { SubscriptionsContext } from './context';
import type { SubscriptionLicense } from './subscription-license';

/** Rules read arguments or the parent, so none is cached: identity's decisions are already loaded once per request. */
const managesCustomerInArguments = rule({ cache: 'no_cache' })(
  async (_parent, { customerId }: { customerId: string }, { access, principal }: AccessCheckedContext) =>
    mayManageSubscriptions(await access.load(customerId), principal),
);

/** The licence in `subscriptionId` exists and the caller manages its customer; an unknown licence is refused the same way. */
const managesLicenseInArguments = rule({ cache: 'no_cache' })(
  async (_parent, { subscriptionId }: { subscriptionId: string }, { access, loaders, principal }: SubscriptionsContext) => {
    const license = await loaders.licenseById.load(subscriptionId);
    return license !== null && mayManageSubscriptions(await access.load(license.organizationId), principal);
  },
);

/** Credits are held by the caller's own partner organization: its admins, signed in with MFA, redeem vouchers into it and spend from it. */
const managesOwnCredits = rule({ cache: 'contextual' })(
  async (_parent, _args, { access, principal }: AccessCheckedContext) =>
    principal.kind === 'user' && (await access.load(principal.organizationId)).credits === 'MANAGE',
);

/** The partner's own members, signed in with MFA, read its balance and ledger; identity says NONE to anyone else. */
const mayViewCredits = organizationRule((organization: { id: string }) => organization.id, (decision) => decision.credits !== 'NONE');

/** Issuing keys and vouchers is what the order system does: platform operators only. */
const isOperator = rule({ cache: 'contextual' })(async (_parent, _args, { principal }: AccessCheckedContext) => principal.kind === 'operator');

const mayViewLicense = organizationRule((license: SubscriptionLicense) => license.organizationId, mayViewSubscriptions);

/** Rules per type and field; anything not listed is denied (see applyShield). */
export const permissions: Record<string, IRules> = {
  // The published price table.
  Query: { creditPrices: allow },
  Mutation: {
    redeemLicenseKey: managesCustomerInArguments,
    redeemVoucher: managesOwnCredits,
    activateSubscription: and(managesOwnCredits, managesCustomerInArguments),
    renewSubscription: and(managesOwnCredits, managesLicenseInArguments),
    amendSubscription: and(managesOwnCredits, managesLicenseInArguments),
    issueLicenseKey: isOperator,
    issueVoucher: isOperator,
  },
  Organization: {
    // The key the gateway already holds.
    id: allow,
    subscriptions: organizationRule((organization: { id: string }) => organization.id, mayViewSubscriptions),
    creditBalance: mayViewCredits,
    creditMovements: mayViewCredits,
  },
  SubscriptionLicense: mayViewLicense,
  // Reached only through creditMovements, which is checked; its licence is checked as a licence.
  CreditMovement: allow,
  CreditPrice: allow,
  IssuedLicenseKey: allow,
};

import { allFields as all, type FieldPolicy } from '@partnergraph/core';

/**
 * How each field of the subscriptions schema is governed (FieldPolicy in
 * core): the shield's rules are built from it (permissions.ts) and the
 * access-matrix test checks the supergraph's behaviour against it.
 */
export const subscriptionsFieldPolicy: FieldPolicy = {
  // The published price table.
  Query: { creditPrices: 'public' },
  Mutation: {
    redeemLicenseKey: { target: 'manageSubscriptions' },
    // Credits are held by the caller's own partner organization.
    redeemVoucher: { caller: 'manageCredits' },
    activateSubscription: { caller: 'manageCredits', target: 'manageSubscriptions' },
    renewSubscription: { caller: 'manageCredits', target: 'manageSubscriptions' },
    amendSubscription: { caller: 'manageCredits', target: 'manageSubscriptions' },
    // Issuing keys and vouchers is what the order system does.
    issueLicenseKey: { caller: 'operatePlatform' },
    issueVoucher: { caller: 'operatePlatform' },
  },
  Organization: {
    id: 'gateway-key',
    subscriptions: 'viewSubscriptions',
    creditBalance: 'viewCredits',
    creditMovements: 'viewCredits',
  },
  SubscriptionLicense: all('viewSubscriptions', ['id', 'product', 'deviceAllowance', 'startsOn', 'endsOn', 'status', 'organization']),
  // Reached only through creditMovements, which is checked; its licence is checked as a licence.
  CreditMovement: all('parent', ['id', 'kind', 'amount', 'balanceAfter', 'subscription', 'at']),
  // Reached only through creditPrices and the operators' issueLicenseKey.
  CreditPrice: all('parent', ['product', 'creditsPerDeviceMonth']),
  IssuedLicenseKey: all('parent', ['key', 'product', 'termMonths', 'deviceAllowance', 'installerEmails', 'issuedOn']),
};

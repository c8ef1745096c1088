import type { AccessDecision, Principal } from '@partnergraph/core';
import { decideAccess } from './access-decision';

const CUSTOMER = { kind: 'CUSTOMER' as const };
const PARTNER = { kind: 'PARTNER' as const };
const user = (organizationId: string, role: 'ADMIN' | 'VIEWER', mfa: boolean): Principal => ({
  kind: 'user',
  userId: 'u',
  organizationId,
  role,
  mfa,
});
const READ_ONLY = { administrator: false, apiDeviceData: false };
const ADMINISTRATOR = { administrator: true, apiDeviceData: false };
const API = { administrator: false, apiDeviceData: true };

const NOTHING: Omit<AccessDecision, 'organizationId'> = {
  read: false,
  write: false,
  acknowledgeIncidents: false,
  manageSubscriptions: false,
  credits: 'NONE',
  ipAddresses: 'LAST_TWO_SEGMENTS',
  applications: false,
  unmonitoredEquipment: false,
  apiDeviceData: false,
};
const MEMBER = { read: true, acknowledgeIncidents: true, credits: 'NONE', ipAddresses: 'FULL', applications: true, unmonitoredEquipment: true, apiDeviceData: false } as const;

describe('the access matrix for one customer organization', () => {
  it.each<[string, Principal, Parameters<typeof decideAccess>[3], Omit<AccessDecision, 'organizationId'>]>([
    ['customer admin', user('customer', 'ADMIN', false), null, { ...MEMBER, write: true, manageSubscriptions: true }],
    ['customer viewer', user('customer', 'VIEWER', false), null, { ...MEMBER, write: false, manageSubscriptions: false }],
    ['partner admin with administrator access', user('partner', 'ADMIN', true), ADMINISTRATOR, { ...NOTHING, read: true, write: true, acknowledgeIncidents: true, manageSubscriptions: true, ipAddresses: 'FULL' }],
    ['partner viewer with administrator access (reads, never writes)', user('partner', 'VIEWER', true), ADMINISTRATOR, { ...NOTHING, read: true, ipAddresses: 'FULL' }],
    // Access matrix: partner admins redeem and manage subscriptions under any standing grant.
    ['partner admin with read-only access', user('partner', 'ADMIN', true), READ_ONLY, { ...NOTHING, read: true, manageSubscriptions: true }],
    ['partner admin without MFA', user('partner', 'ADMIN', false), ADMINISTRATOR, NOTHING],
    ['partner admin without a standing grant', user('partner', 'ADMIN', true), null, NOTHING],
    ['user of another customer', user('elsewhere', 'ADMIN', true), null, NOTHING],

    ['anonymous caller', { kind: 'anonymous' }, ADMINISTRATOR, NOTHING],
    ['collector', { kind: 'collector', collectorId: 'c' }, null, NOTHING],
  ])('%s', (_who, principal, grant, expected) => {
    expect(decideAccess(principal, 'customer', CUSTOMER, grant)).toEqual({ organizationId: 'customer', ...expected });
  });

  describe('for an API client', () => {
    const client: Principal = { kind: 'api-client', clientId: 'c', partnerOrganizationId: 'partner' };
    const everyCustomer = { active: true, customerOrganizationIds: null };
    it.each<[string, Parameters<typeof decideAccess>[3], Parameters<typeof decideAccess>[4], Omit<AccessDecision, 'organizationId'>]>([
      ['with API access and a credential for every customer: reads, IP cut, never writes', API, everyCustomer, { ...NOTHING, read: true, apiDeviceData: true }],
      ['with a credential naming this customer', API, { active: true, customerOrganizationIds: ['customer'] }, { ...NOTHING, read: true, apiDeviceData: true }],
      ['with a credential naming only other customers', API, { active: true, customerOrganizationIds: ['other'] }, NOTHING],
      ['with a revoked credential', API, { active: false, customerOrganizationIds: null }, NOTHING],
      ['with no credential on record', API, null, NOTHING],
      ['without API access, even with administrator access', ADMINISTRATOR, everyCustomer, NOTHING],
      ['without a standing grant', null, everyCustomer, NOTHING],
    ])('%s', (_case, grant, credential, expected) => {
      expect(decideAccess(client, 'customer', CUSTOMER, grant, credential)).toEqual({ organizationId: 'customer', ...expected });
    });
  });

  it('gives a partner organization nothing through a grant: grants are from customers', () => {
    expect(decideAccess(user('other-partner', 'ADMIN', true), 'partner', PARTNER, ADMINISTRATOR)).toEqual({ organizationId: 'partner', ...NOTHING });
  });

  it.each<[string, Principal, Omit<AccessDecision, 'organizationId'>]>([
    ['viewer with MFA: reads, views the credits', user('partner', 'VIEWER', true), { ...MEMBER, write: false, manageSubscriptions: false, credits: 'VIEW' }],
    ['admin with MFA: manages, spends the credits', user('partner', 'ADMIN', true), { ...MEMBER, write: true, manageSubscriptions: true, credits: 'MANAGE' }],
    ['admin without MFA: no credits', user('partner', 'ADMIN', false), { ...MEMBER, write: true, manageSubscriptions: true, credits: 'NONE' }],
  ])('lets a partner user see their own partner organization as a member: %s', (_case, principal, expected) => {
    expect(decideAccess(principal, 'partner', PARTNER, null)).toEqual({ organizationId: 'partner', ...expected });
  });

  it('answers nothing for an organization that does not exist', () => {
    expect(decideAccess(user('customer', 'ADMIN', true), 'missing', null, null)).toEqual({ organizationId: 'missing', ...NOTHING });
  });
});

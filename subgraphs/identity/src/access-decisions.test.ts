import { ACCESS_POLICY, ACCESS_RELATIONS, decisionFor, type AccessDecision, type AccessRelation, type Principal } from '@partnergraph/core';
import { decideAccess } from './access-decisions';

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

type Expected = Omit<AccessDecision, 'organizationId' | 'relation'>;
const NOTHING: Expected = {
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

/** The decision is the table's column for the relation, and holds the values each case spells out. */
function expectDecision(decision: AccessDecision, organizationId: string, relation: AccessRelation, expected: Expected): void {
  expect(decision).toEqual({ organizationId, relation, ...expected });
  expect(decision).toEqual(decisionFor(organizationId, relation));
}

describe('the access matrix for one customer organization', () => {
  it.each<[string, Principal, Parameters<typeof decideAccess>[3], AccessRelation, Expected]>([
    ['customer admin', user('customer', 'ADMIN', false), null, 'CUSTOMER_ADMIN', { ...MEMBER, write: true, manageSubscriptions: true }],
    ['customer viewer', user('customer', 'VIEWER', false), null, 'CUSTOMER_VIEWER', { ...MEMBER, write: false, manageSubscriptions: false }],
    [
      'partner admin with administrator access',
      user('partner', 'ADMIN', true),
      ADMINISTRATOR,
      'ADMINISTRATOR_GRANT_ADMIN',
      { ...NOTHING, read: true, write: true, acknowledgeIncidents: true, manageSubscriptions: true, ipAddresses: 'FULL' },
    ],
    [
      'partner viewer with administrator access (reads, never writes)',
      user('partner', 'VIEWER', true),
      ADMINISTRATOR,
      'ADMINISTRATOR_GRANT_VIEWER',
      { ...NOTHING, read: true, ipAddresses: 'FULL' },
    ],
    // Access matrix: partner admins redeem and manage subscriptions under any standing grant.
    ['partner admin with read-only access', user('partner', 'ADMIN', true), READ_ONLY, 'READ_ONLY_GRANT_ADMIN', { ...NOTHING, read: true, manageSubscriptions: true }],
    ['partner viewer with read-only access', user('partner', 'VIEWER', true), READ_ONLY, 'READ_ONLY_GRANT_VIEWER', { ...NOTHING, read: true }],
    ['partner admin without MFA', user('partner', 'ADMIN', false), ADMINISTRATOR, 'NONE', NOTHING],
    ['partner admin without a standing grant', user('partner', 'ADMIN', true), null, 'NONE', NOTHING],
    ['user of another customer', user('elsewhere', 'ADMIN', true), null, 'NONE', NOTHING],

    ['anonymous caller', { kind: 'anonymous' }, ADMINISTRATOR, 'ANONYMOUS', NOTHING],
    ['collector', { kind: 'collector', collectorId: 'c' }, null, 'COLLECTOR', NOTHING],
    ['operator', { kind: 'operator', operatorId: 'o' }, null, 'OPERATOR', NOTHING],
  ])('%s', (_who, principal, grant, relation, expected) => {
    expectDecision(decideAccess(principal, 'customer', CUSTOMER, grant), 'customer', relation, expected);
  });

  describe('for an API client', () => {
    const client: Principal = { kind: 'api-client', clientId: 'c', partnerOrganizationId: 'partner' };
    const everyCustomer = { active: true, customerOrganizationIds: null };
    const reads: [AccessRelation, Expected] = ['API_CLIENT', { ...NOTHING, read: true, apiDeviceData: true }];
    const nothing: [AccessRelation, Expected] = ['NONE', NOTHING];
    it.each<[string, Parameters<typeof decideAccess>[3], Parameters<typeof decideAccess>[4], [AccessRelation, Expected]]>([
      ['with API access and a credential for every customer: reads, IP cut, never writes', API, everyCustomer, reads],
      ['with a credential naming this customer', API, { active: true, customerOrganizationIds: ['customer'] }, reads],
      ['with a credential naming only other customers', API, { active: true, customerOrganizationIds: ['other'] }, nothing],
      ['with a revoked credential', API, { active: false, customerOrganizationIds: null }, nothing],
      ['with no credential on record', API, null, nothing],
      ['without API access, even with administrator access', ADMINISTRATOR, everyCustomer, nothing],
      ['without a standing grant', null, everyCustomer, nothing],
    ])('%s', (_case, grant, credential, [relation, expected]) => {
      expectDecision(decideAccess(client, 'customer', CUSTOMER, grant, credential), 'customer', relation, expected);
    });

    it('knows its own partner organization and reads nothing of it', () => {
      expectDecision(decideAccess(client, 'partner', PARTNER, null), 'partner', 'API_CLIENT_OF_THIS_PARTNER', NOTHING);
    });
  });

  it('gives a partner organization nothing through a grant: grants are from customers', () => {
    expectDecision(decideAccess(user('other-partner', 'ADMIN', true), 'partner', PARTNER, ADMINISTRATOR), 'partner', 'NONE', NOTHING);
  });

  it('lets a customer user know, and only know, a partner their organization granted access', () => {
    expectDecision(decideAccess(user('customer', 'ADMIN', false), 'partner', PARTNER, null, null, true), 'partner', 'GRANTING_CUSTOMER_USER', NOTHING);
    expect(ACCESS_POLICY.knowOrganization).toContain('GRANTING_CUSTOMER_USER');
  });

  it.each<[string, Principal, AccessRelation, Expected]>([
    ['viewer with MFA: reads, views the credits', user('partner', 'VIEWER', true), 'PARTNER_VIEWER', { ...MEMBER, write: false, manageSubscriptions: false, credits: 'VIEW' }],
    ['admin with MFA: manages, spends the credits', user('partner', 'ADMIN', true), 'PARTNER_ADMIN', { ...MEMBER, write: true, manageSubscriptions: true, credits: 'MANAGE' }],
    ['admin without MFA: no credits', user('partner', 'ADMIN', false), 'PARTNER_ADMIN_WITHOUT_MFA', { ...MEMBER, write: true, manageSubscriptions: true, credits: 'NONE' }],
    ['viewer without MFA: no credits', user('partner', 'VIEWER', false), 'PARTNER_VIEWER_WITHOUT_MFA', { ...MEMBER, write: false, manageSubscriptions: false, credits: 'NONE' }],
  ])('lets a partner user see their own partner organization as a member: %s', (_case, principal, relation, expected) => {
    expectDecision(decideAccess(principal, 'partner', PARTNER, null), 'partner', relation, expected);
  });

  it('answers nothing for an organization that does not exist, whoever asks', () => {
    expectDecision(decideAccess(user('customer', 'ADMIN', true), 'missing', null, null), 'missing', 'NONE', NOTHING);
    expectDecision(decideAccess({ kind: 'operator', operatorId: 'o' }, 'missing', null, null), 'missing', 'NONE', NOTHING);
  });
});

describe('the table itself', () => {
  const holders = (capability: keyof typeof ACCESS_POLICY): readonly AccessRelation[] => ACCESS_POLICY[capability];

  it('names only known relations', () => {
    for (const relations of Object.values(ACCESS_POLICY)) for (const relation of relations) expect(ACCESS_RELATIONS).toContain(relation);
  });

  it.each<[string, keyof typeof ACCESS_POLICY]>([
    ['writes', 'write'],
    ['sees full IP addresses', 'fullIpAddresses'],
    ['acknowledges incidents', 'acknowledgeIncidents'],
    ['sees applications and jobs', 'applications'],
    ['sees unmonitored equipment', 'unmonitoredEquipment'],
    ['views subscriptions', 'viewSubscriptions'],
  ])('lets no one who %s without reading the organization', (_what, capability) => {
    for (const relation of holders(capability)) expect(holders('read')).toContain(relation);
  });

  it('lets everyone who reads an organization know of it', () => {
    for (const relation of holders('read')) expect(holders('knowOrganization')).toContain(relation);
  });

  it('never lets a viewer or an API client write, manage or acknowledge for a customer that is not their own', () => {
    const never: AccessRelation[] = ['ADMINISTRATOR_GRANT_VIEWER', 'READ_ONLY_GRANT_ADMIN', 'READ_ONLY_GRANT_VIEWER', 'API_CLIENT'];
    for (const capability of ['write', 'acknowledgeIncidents', 'manageUsers', 'manageGrants'] as const) {
      for (const relation of never) expect({ capability, relation, allowed: holders(capability).includes(relation) }).toEqual({ capability, relation, allowed: false });
    }
  });
});

import { randomUUID } from 'node:crypto';
import { createInternalTokenSigner, type Principal } from '@partnergraph/core';
import { seedDemoGrants, seedDemoOrganizations, type DemoOrganization } from '@partnergraph/identity/demo-seed';
import { postGraphQL } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

const DECISIONS = 'query($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { organizationId read write ipAddresses applications unmonitoredEquipment apiDeviceData } }';

interface Decision {
  organizationId: string;
  read: boolean;
  write: boolean;
  ipAddresses: string;
  applications: boolean;
  unmonitoredEquipment: boolean;
  apiDeviceData: boolean;
}

describe('access decisions, as identity answers them to the other subgraphs', () => {
  let supergraph: InProcessSupergraph;
  const organization = (name: string, kind: 'CUSTOMER' | 'PARTNER'): DemoOrganization => ({
    id: randomUUID(),
    name,
    kind,
    partnerId: kind === 'PARTNER' ? 'NORTHWIND' : null,
  });
  const partner = organization('Northwind', 'PARTNER');
  const administered = organization('Contoso', 'CUSTOMER');
  const readOnly = organization('Fabrikam', 'CUSTOMER');
  const ungranted = organization('Tailspin', 'CUSTOMER');
  const revoked = organization('Woodgrove', 'CUSTOMER');
  const all = [administered, readOnly, ungranted, revoked].map((customer) => customer.id);

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, administered, readOnly, ungranted, revoked]);
    await seedDemoGrants(identity, [
      { customerOrganizationId: administered.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: false },
      { customerOrganizationId: readOnly.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: false },
      { customerOrganizationId: revoked.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: true },
    ]);
    await identity.dataSource.query('UPDATE identity.partner_grant SET revoked_at = now() WHERE customer_organization_id = $1', [revoked.id]);
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  /** What a subgraph does: call identity with the internal token the gateway signed for this principal. */
  async function decisionsFor(principal: Principal, ids: string[]): Promise<Decision[]> {
    const signer = await createInternalTokenSigner({ privateKeyPem: supergraph.keys.privateKeyPem, ttlSeconds: 60 });
    const { body } = await postGraphQL<{ accessDecisions: Decision[] }>(
      supergraph.subgraphs.identity.url,
      { query: DECISIONS, variables: { ids } },
      { authorization: `Bearer ${await signer.sign(principal, 'identity')}` },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.accessDecisions ?? [];
  }
  const partnerAdmin = (mfa: boolean): Principal => ({ kind: 'user', userId: randomUUID(), organizationId: partner.id, role: 'ADMIN', mfa });
  const readable = (decisions: Decision[]) => decisions.filter((decision) => decision.read).map((decision) => decision.organizationId);

  it('gives a partner admin with MFA exactly the customers whose grant stands, with the IP visibility each grant allows', async () => {
    const decisions = await decisionsFor(partnerAdmin(true), all);
    expect(decisions.map((decision) => decision.organizationId)).toEqual(all);
    expect(readable(decisions)).toEqual([administered.id, readOnly.id]);
    expect(decisions[0]).toMatchObject({ write: true, ipAddresses: 'FULL', applications: false, unmonitoredEquipment: false });
    expect(decisions[1]).toMatchObject({ write: false, ipAddresses: 'LAST_TWO_SEGMENTS', applications: false });
  });

  it('gives a partner user without MFA no customer at all', async () => {
    expect(readable(await decisionsFor(partnerAdmin(false), all))).toEqual([]);
  });

  it('gives a customer admin their own organization in full and no other', async () => {
    const admin: Principal = { kind: 'user', userId: randomUUID(), organizationId: administered.id, role: 'ADMIN', mfa: false };
    const decisions = await decisionsFor(admin, [administered.id, readOnly.id, 'not-a-uuid']);
    expect(decisions).toEqual([
      { organizationId: administered.id, read: true, write: true, ipAddresses: 'FULL', applications: true, unmonitoredEquipment: true, apiDeviceData: false },
      expect.objectContaining({ organizationId: readOnly.id, read: false }),
      expect.objectContaining({ organizationId: 'not-a-uuid', read: false }),
    ]);
  });

  describe('readableOrganizations: every organization whose data the caller may read, for feeds across organizations', () => {
    const READABLE = 'query { readableOrganizations { organizationId read ipAddresses unmonitoredEquipment } }';
    async function readableFor(principal: Principal, scope?: 'access-decisions'): Promise<Decision[]> {
      const signer = await createInternalTokenSigner({ privateKeyPem: supergraph.keys.privateKeyPem, ttlSeconds: 60 });
      const { body } = await postGraphQL<{ readableOrganizations: Decision[] }>(
        supergraph.subgraphs.identity.url,
        { query: READABLE },
        { authorization: `Bearer ${await signer.sign(principal, 'identity', scope)}` },
      );
      expect(body.errors).toBeUndefined();
      return body.data?.readableOrganizations ?? [];
    }
    const ids = (decisions: Decision[]) => decisions.map((decision) => decision.organizationId).sort();

    it('gives a partner admin with MFA its own organization and the customers whose grant stands, each with its decision', async () => {
      const decisions = await readableFor(partnerAdmin(true), 'access-decisions');
      expect(ids(decisions)).toEqual([partner.id, administered.id, readOnly.id].sort());
      expect(decisions.find((decision) => decision.organizationId === readOnly.id)).toMatchObject({ read: true, ipAddresses: 'LAST_TWO_SEGMENTS' });
      expect(decisions.find((decision) => decision.organizationId === partner.id)).toMatchObject({ read: true, unmonitoredEquipment: true });
    });

    it('gives a partner user without MFA only its own organization', async () => {
      expect(ids(await readableFor(partnerAdmin(false)))).toEqual([partner.id]);
    });

    it('gives a customer admin its own organization only', async () => {
      const admin: Principal = { kind: 'user', userId: randomUUID(), organizationId: administered.id, role: 'ADMIN', mfa: false };
      expect(ids(await readableFor(admin))).toEqual([administered.id]);
    });

    it.each<[string, Principal]>([
      ['an anonymous caller', { kind: 'anonymous' }],
      ['the collector', { kind: 'collector', collectorId: 'collector-1' }],
      ['an API client with no credential on record', { kind: 'api-client', clientId: 'pgc_unknown', partnerOrganizationId: partner.id }],
    ])('gives %s nothing', async (_who, principal) => {
      expect(await readableFor(principal)).toEqual([]);
    });
  });

  it('takes effect on the very next call after a revocation', async () => {
    await supergraph.subgraphs.identity.database.dataSource.query(
      'UPDATE identity.partner_grant SET revoked_at = now() WHERE customer_organization_id = $1',
      [readOnly.id],
    );
    expect(readable(await decisionsFor(partnerAdmin(true), all))).toEqual([administered.id]);
  });

  it('costs one SQL statement however many organizations are asked about', async () => {
    const before = supergraph.subgraphs.identity.database.statements.total;
    await decisionsFor(partnerAdmin(true), all);
    expect(supergraph.subgraphs.identity.database.statements.total - before).toBe(1);
  });

  describe('with the token the gateway gives other subgraphs to forward (scope access-decisions)', () => {
    const scoped = async (principal: Principal, query: string, variables: Record<string, unknown> = {}) => {
      const signer = await createInternalTokenSigner({ privateKeyPem: supergraph.keys.privateKeyPem, ttlSeconds: 60 });
      return postGraphQL<Record<string, unknown>>(
        supergraph.subgraphs.identity.url,
        { query, variables },
        { authorization: `Bearer ${await signer.sign(principal, 'identity', 'access-decisions')}` },
      );
    };
    const customerAdmin = (): Principal => ({ kind: 'user', userId: randomUUID(), organizationId: administered.id, role: 'ADMIN', mfa: true });

    it('answers the access check', async () => {
      const { body } = await scoped(partnerAdmin(true), DECISIONS, { ids: all });
      expect(body.errors).toBeUndefined();
      expect(body.data?.accessDecisions).toHaveLength(all.length);
    });

    it.each([
      ['a query for anything else', 'query { viewer { mfa } }'],
      ['the access check beside anything else', `query($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { read } viewer { mfa } }`],
      ['a mutation acting as the user', `mutation { revokePartnerAccess(partnerOrganizationId: "${partner.id}") }`],
      ['the access check through a fragment', 'query($ids: [ID!]!) { ...check } fragment check on Query { accessDecisions(organizationIds: $ids) { read } }'],
    ])('refuses %s with FORBIDDEN, and changes nothing', async (_what, query) => {
      const { body } = await scoped(customerAdmin(), query, query.includes('$ids') ? { ids: all } : {});
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const [grant] = await supergraph.subgraphs.identity.database.dataSource.query<{ revoked: boolean }[]>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM identity.partner_grant WHERE customer_organization_id = $1',
        [administered.id],
      );
      expect(grant?.revoked).toBe(false);
    });
  });

  it('is not part of the API clients see', async () => {
    const response = await supergraph.query('query($ids: [ID!]!) { accessDecisions(organizationIds: $ids) { read } }', { ids: all });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

import { randomUUID } from 'node:crypto';
import {
  seedDemoGrants,
  seedDemoOrganizations,
  seedDemoUsers,
  type DemoOrganization,
  type DemoUser,
} from '@partnergraph/identity/demo-seed';
import type { GraphQLResponse } from '../support/http';
import { testUser } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { graphql } from '../generated/operations';

/*
 * Acceptance tests for partner access, through the gateway: a customer admin
 * changes or revokes what a partner with standing access may do, every change
 * is recorded, and only the right people can read or change any of it.
 * The tests run in order and share one world: later ones see earlier changes.
 */

const PARTNER_ACCESS = graphql(`
  query PartnerAccess($id: ID!) {
    organization(id: $id) {
      id
      name
      partnerAccess {
        partner { id name }
        customer { id name }
        administrator
        apiDeviceData
        grantedAt
      }
    }
  }
`);
const HISTORY = graphql(`
  query PartnerAccessHistory($id: ID!) {
    organization(id: $id) {
      id
      name
      partnerAccessHistory { action actor { email } administrator apiDeviceData at partner { name } }
    }
  }
`);
const SET = graphql(`
  mutation SetPartnerAccess($partnerOrganizationId: ID!, $administrator: Boolean!, $apiDeviceData: Boolean!) {
    setPartnerAccess(partnerOrganizationId: $partnerOrganizationId, administrator: $administrator, apiDeviceData: $apiDeviceData) {
      partner { id name }
      customer { id name }
      administrator
      apiDeviceData
      grantedAt
    }
  }
`);
const REVOKE = graphql(`
  mutation PartnerAccessRevokePartnerAccess($partnerOrganizationId: ID!) {
    revokePartnerAccess(partnerOrganizationId: $partnerOrganizationId)
  }
`);

interface Grant {
  partner: { id: string; name: string };
  customer: { id: string; name: string };
  administrator: boolean;
  apiDeviceData: boolean;
  grantedAt: string;
}
interface AccessEvent {
  action: 'APPROVED' | 'CHANGED' | 'REVOKED';
  actor: { email: string } | null;
  administrator: boolean;
  apiDeviceData: boolean;
  at: string;
  partner: { name: string };
}
interface PartnerAccessData {
  organization: { id: string; name: string; partnerAccess: Grant[] | null } | null;
}
interface HistoryData {
  organization: { id: string; name: string; partnerAccessHistory: AccessEvent[] | null } | null;
}

type Headers = Record<string, string>;
type Response = GraphQLResponse<unknown>;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const errorCodes = (response: Response): unknown[] => (response.body.errors ?? []).map((error) => error.extensions?.code);
const errorAt = (response: Response, field: string) =>
  response.body.errors?.find((error) => error.path?.[error.path.length - 1] === field);

describe('partner access', () => {
  let supergraph: InProcessSupergraph;

  const partner: DemoOrganization = { id: randomUUID(), name: 'Northwind Data Services', kind: 'PARTNER', partnerId: 'NORTHWIND_DATA_SERVICES' };
  const customerA: DemoOrganization = { id: randomUUID(), name: 'Contoso Hospital', kind: 'CUSTOMER', partnerId: null };
  const customerB: DemoOrganization = { id: randomUUID(), name: 'Fabrikam Bank', kind: 'CUSTOMER', partnerId: null };

  const adminA = testUser('admin@contoso.example', customerA.id, 'ADMIN');
  const viewerA = testUser('viewer@contoso.example', customerA.id, 'VIEWER');
  const adminB = testUser('admin@fabrikam.example', customerB.id, 'ADMIN');
  const adminP = testUser('admin@northwind.example', partner.id, 'ADMIN');

  const as: Record<'adminA' | 'viewerA' | 'adminB' | 'adminP' | 'anonymous', Headers> = {
    adminA: {},
    viewerA: {},
    adminB: {},
    adminP: {},
    anonymous: {},
  };
  let seededGrantedAtA: string;

  const bearer = async (account: DemoUser, mfa: boolean): Promise<Headers> => {
    const { accessToken } = await supergraph.accessTokens.issueForUser({
      userId: account.id,
      organizationId: account.organizationId,
      role: account.role,
      mfa,
    });
    return { authorization: `Bearer ${accessToken}` };
  };

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph();
    const identity = supergraph.subgraphs.identity.database;
    await seedDemoOrganizations(identity, [partner, customerA, customerB]);
    await seedDemoUsers(identity, [adminA, viewerA, adminB, adminP]);
    await seedDemoGrants(identity, [
      { customerOrganizationId: customerA.id, partnerOrganizationId: partner.id, administrator: false, apiDeviceData: false },
      { customerOrganizationId: customerB.id, partnerOrganizationId: partner.id, administrator: true, apiDeviceData: true },
    ]);
    as.adminA = await bearer(adminA, false);
    as.viewerA = await bearer(viewerA, false);
    as.adminB = await bearer(adminB, false);
    as.adminP = await bearer(adminP, true);
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const readAccess = (organizationId: string, headers: Headers) =>
    supergraph.query(PARTNER_ACCESS, { id: organizationId }, headers);
  const readHistory = (organizationId: string, headers: Headers) =>
    supergraph.query(HISTORY, { id: organizationId }, headers);
  const setAccess = (headers: Headers, partnerOrganizationId: string, administrator: boolean, apiDeviceData: boolean) =>
    supergraph.query(SET, { partnerOrganizationId, administrator, apiDeviceData }, headers);
  const revoke = (headers: Headers, partnerOrganizationId: string) =>
    supergraph.query(REVOKE, { partnerOrganizationId }, headers);

  /** partnerAccess as a member of the organization reads it; fails the test on any error. */
  const grantsOf = async (organizationId: string, headers: Headers): Promise<Grant[]> => {
    const { body } = await readAccess(organizationId, headers);
    expect(body.errors).toBeUndefined();
    const grants = body.data?.organization?.partnerAccess;
    if (!grants) throw new Error(`no partnerAccess for ${organizationId}`);
    return [...grants].sort((left, right) => left.customer.name.localeCompare(right.customer.name));
  };
  /** partnerAccessHistory as the customer's admin reads it; fails the test on any error. */
  const historyOf = async (organizationId: string, headers: Headers): Promise<AccessEvent[]> => {
    const { body } = await readHistory(organizationId, headers);
    expect(body.errors).toBeUndefined();
    const history = body.data?.organization?.partnerAccessHistory;
    if (!history) throw new Error(`no partnerAccessHistory for ${organizationId}`);
    return history;
  };
  /** Everything a mutation could change, as the people entitled to see it see it. */
  const snapshot = async () => ({
    grantsA: await grantsOf(customerA.id, as.adminA),
    grantsB: await grantsOf(customerB.id, as.adminB),
    grantsP: await grantsOf(partner.id, as.adminP),
    historyA: await historyOf(customerA.id, as.adminA),
    historyB: await historyOf(customerB.id, as.adminB),
  });
  const expectNewestFirst = (history: AccessEvent[]) => {
    for (const event of history) expect(event.at).toMatch(ISO_8601);
    const times = history.map((event) => Date.parse(event.at));
    expect(times).toEqual([...times].sort((left, right) => right - left));
  };

  describe('reading the seeded grants', () => {
    it('shows a customer viewer their organization’s grant, with read-only flags and when it was granted', async () => {
      const grants = await grantsOf(customerA.id, as.viewerA);
      expect(grants).toEqual([
        {
          partner: { id: partner.id, name: partner.name },
          customer: { id: customerA.id, name: customerA.name },
          administrator: false,
          apiDeviceData: false,
          grantedAt: expect.stringMatching(ISO_8601),
        },
      ]);
      seededGrantedAtA = grants[0]!.grantedAt;
    });

    it('shows a partner user every customer that granted their partner access, with each customer’s flags', async () => {
      expect(await grantsOf(partner.id, as.adminP)).toEqual([
        expect.objectContaining({ partner: { id: partner.id, name: partner.name }, customer: { id: customerA.id, name: customerA.name }, administrator: false, apiDeviceData: false }),
        expect.objectContaining({ partner: { id: partner.id, name: partner.name }, customer: { id: customerB.id, name: customerB.name }, administrator: true, apiDeviceData: true }),
      ]);
    });

    it('shows each customer admin only their own grant', async () => {
      expect(await grantsOf(customerB.id, as.adminB)).toEqual([
        expect.objectContaining({ customer: { id: customerB.id, name: customerB.name }, administrator: true, apiDeviceData: true }),
      ]);
    });

    it('shows a customer admin the seeded approval in the history, with no actor', async () => {
      const history = await historyOf(customerA.id, as.adminA);
      expect(history).toEqual([
        { action: 'APPROVED', actor: null, administrator: false, apiDeviceData: false, at: expect.stringMatching(ISO_8601), partner: { name: partner.name } },
      ]);
      expect(await historyOf(customerB.id, as.adminB)).toEqual([
        { action: 'APPROVED', actor: null, administrator: true, apiDeviceData: true, at: expect.stringMatching(ISO_8601), partner: { name: partner.name } },
      ]);
    });
  });

  describe('refuses to read, with null and FORBIDDEN,', () => {
    const refused = async (response: GraphQLResponse<PartnerAccessData | HistoryData>, field: 'partnerAccess' | 'partnerAccessHistory', organization: DemoOrganization) => {
      const organizationData = response.body.data?.organization as Record<string, unknown> | null | undefined;
      expect(organizationData).toMatchObject({ id: organization.id, name: organization.name, [field]: null });
      expect(errorAt(response, field)?.extensions?.code).toBe('FORBIDDEN');
    };

    it('the partner’s admin reading customer A’s partnerAccess (not a member of A)', async () => {
      await refused(await readAccess(customerA.id, as.adminP), 'partnerAccess', customerA);
    });

    it('a customer user reading the partner’s partnerAccess (not a member of the partner)', async () => {
      await refused(await readAccess(partner.id, as.adminA), 'partnerAccess', partner);
    });

    it('a customer viewer reading their own customer’s partnerAccessHistory', async () => {
      await refused(await readHistory(customerA.id, as.viewerA), 'partnerAccessHistory', customerA);
    });

    it('the partner’s admin reading the history of a customer that made them administrator', async () => {
      await refused(await readHistory(customerB.id, as.adminP), 'partnerAccessHistory', customerB);
    });
  });

  describe('gives no organization at all (null, as for one that does not exist) to', () => {
    it.each<['adminB' | 'anonymous', string]>([
      ['adminB', 'another customer’s admin'],
      ['anonymous', 'an anonymous caller'],
    ])('%s (%s) reading customer A’s partnerAccess or partnerAccessHistory', async (who) => {
      for (const response of [await readAccess(customerA.id, as[who]), await readHistory(customerA.id, as[who])]) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.organization).toBeNull();
      }
    });
  });

  describe('refuses with FORBIDDEN, changing nothing, a mutation from', () => {
    it.each<['anonymous' | 'viewerA' | 'adminP', string]>([
      ['anonymous', 'an anonymous caller'],
      ['viewerA', 'a customer viewer'],
      ['adminP', 'a partner admin'],
    ])('%s (%s)', async (who) => {
      const before = await snapshot();

      const set = await setAccess(as[who], partner.id, true, true);
      expect(errorCodes(set)).toEqual(['FORBIDDEN']);
      expect(set.body.data?.setPartnerAccess ?? null).toBeNull();

      const revoked = await revoke(as[who], partner.id);
      expect(errorCodes(revoked)).toEqual(['FORBIDDEN']);
      expect(revoked.body.data?.revokePartnerAccess ?? null).toBeNull();

      expect(await snapshot()).toEqual(before);
    });
  });

  describe('answers a customer admin NOT_FOUND, changing nothing, for a partner', () => {
    it.each<[string, () => string]>([
      ['that does not exist', () => randomUUID()],
      ['that is an organization without a standing grant from them', () => customerB.id],
    ])('%s', async (_case, partnerOrganizationId) => {
      const before = await snapshot();

      const set = await setAccess(as.adminA, partnerOrganizationId(), true, true);
      expect(errorCodes(set)).toEqual(['NOT_FOUND']);
      expect(set.body.data?.setPartnerAccess ?? null).toBeNull();

      const revoked = await revoke(as.adminA, partnerOrganizationId());
      expect(errorCodes(revoked)).toEqual(['NOT_FOUND']);
      expect(revoked.body.data?.revokePartnerAccess ?? null).toBeNull();

      expect(await snapshot()).toEqual(before);
    });

    it('whose id is not a UUID (NOT_FOUND or BAD_USER_INPUT)', async () => {
      const before = await snapshot();

      const set = await setAccess(as.adminA, 'not-a-uuid', true, true);
      expect(errorCodes(set)).toHaveLength(1);
      expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(errorCodes(set)[0]);
      expect(set.body.data?.setPartnerAccess ?? null).toBeNull();

      const revoked = await revoke(as.adminA, 'not-a-uuid');
      expect(errorCodes(revoked)).toHaveLength(1);
      expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(errorCodes(revoked)[0]);
      expect(revoked.body.data?.revokePartnerAccess ?? null).toBeNull();

      expect(await snapshot()).toEqual(before);
    });
  });

  describe('a customer admin changing and revoking a partner’s access', () => {
    it('changes the flags of the standing grant and returns it, leaving when it was granted as it was', async () => {
      const { body } = await setAccess(as.adminA, partner.id, true, false);
      expect(body.errors).toBeUndefined();
      expect(body.data?.setPartnerAccess).toEqual({
        partner: { id: partner.id, name: partner.name },
        customer: { id: customerA.id, name: customerA.name },
        administrator: true,
        apiDeviceData: false,
        grantedAt: seededGrantedAtA,
      });
    });

    it('shows the new flags to the customer’s members and to the partner, and leaves the other customer’s grant alone', async () => {
      expect(await grantsOf(customerA.id, as.viewerA)).toEqual([
        expect.objectContaining({ partner: { id: partner.id, name: partner.name }, administrator: true, apiDeviceData: false, grantedAt: seededGrantedAtA }),
      ]);
      expect(await grantsOf(partner.id, as.adminP)).toEqual([
        expect.objectContaining({ customer: { id: customerA.id, name: customerA.name }, administrator: true, apiDeviceData: false }),
        expect.objectContaining({ customer: { id: customerB.id, name: customerB.name }, administrator: true, apiDeviceData: true }),
      ]);
    });

    it('records a CHANGED event with the admin as actor and the new flags, newest first', async () => {
      await expect(setAccess(as.adminA, partner.id, false, true).then(({ body }) => body.errors)).resolves.toBeUndefined();

      const history = await historyOf(customerA.id, as.adminA);
      expect(history).toEqual([
        { action: 'CHANGED', actor: { email: adminA.email }, administrator: false, apiDeviceData: true, at: expect.any(String), partner: { name: partner.name } },
        { action: 'CHANGED', actor: { email: adminA.email }, administrator: true, apiDeviceData: false, at: expect.any(String), partner: { name: partner.name } },
        { action: 'APPROVED', actor: null, administrator: false, apiDeviceData: false, at: expect.any(String), partner: { name: partner.name } },
      ]);
      expectNewestFirst(history);
      expect(await historyOf(customerB.id, as.adminB)).toEqual([expect.objectContaining({ action: 'APPROVED' })]);
    });

    it('still refuses a forbidden mutation afterwards without adding to the history', async () => {
      const before = (await historyOf(customerA.id, as.adminA)).length;
      expect(errorCodes(await setAccess(as.viewerA, partner.id, true, true))).toEqual(['FORBIDDEN']);
      expect(await historyOf(customerA.id, as.adminA)).toHaveLength(before);
      expect(await grantsOf(customerA.id, as.adminA)).toEqual([expect.objectContaining({ administrator: false, apiDeviceData: true })]);
    });

    it('revokes the grant: returns true, and it disappears for the customer and the partner', async () => {
      const { body } = await revoke(as.adminA, partner.id);
      expect(body.errors).toBeUndefined();
      expect(body.data?.revokePartnerAccess).toBe(true);

      expect(await grantsOf(customerA.id, as.adminA)).toEqual([]);
      expect(await grantsOf(customerA.id, as.viewerA)).toEqual([]);
      expect(await grantsOf(partner.id, as.adminP)).toEqual([
        expect.objectContaining({ customer: { id: customerB.id, name: customerB.name }, administrator: true, apiDeviceData: true }),
      ]);
      expect(await grantsOf(customerB.id, as.adminB)).toHaveLength(1);
    });

    it('records the revocation: APPROVED, CHANGED, CHANGED, REVOKED, newest first, with the actor on each change', async () => {
      const history = await historyOf(customerA.id, as.adminA);
      expect(history.map((event) => event.action)).toEqual(['REVOKED', 'CHANGED', 'CHANGED', 'APPROVED']);
      expect(history.map((event) => event.actor?.email ?? null)).toEqual([adminA.email, adminA.email, adminA.email, null]);
      expect(history.every((event) => event.partner.name === partner.name)).toBe(true);
      expect(typeof history[0]?.administrator).toBe('boolean');
      expect(typeof history[0]?.apiDeviceData).toBe('boolean');
      expectNewestFirst(history);
    });

    it('cannot change or revoke a revoked grant again (NOT_FOUND), and writes nothing trying', async () => {
      const before = await snapshot();

      const set = await setAccess(as.adminA, partner.id, true, true);
      expect(errorCodes(set)).toEqual(['NOT_FOUND']);
      expect(set.body.data?.setPartnerAccess ?? null).toBeNull();

      const revoked = await revoke(as.adminA, partner.id);
      expect(errorCodes(revoked)).toEqual(['NOT_FOUND']);
      expect(revoked.body.data?.revokePartnerAccess ?? null).toBeNull();

      expect(await snapshot()).toEqual(before);
      expect(before.historyA).toHaveLength(4);
      expect(before.grantsA).toEqual([]);
    });
  });
});

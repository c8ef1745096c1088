import { bearerHeaders, countStatements, seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/*
 * In-flight deduplication at the gateway (issue #7): identical queries from
 * one principal that run at the same time share one execution; two
 * principals never share, and DEDUPLICATE_INFLIGHT_QUERIES=false
 * turns it off. That mutations are never shared is the unit test's
 * (gateway/src/inflight-queries.test.ts).
 */

const DASHBOARD = `query Dashboard {
  organizations { nodes { id name devices(first: 20) { nodes { id name ipAddress sensors { type latest { value } } } } } }
}`;
const CONCURRENT = 6;

function totalOf(statements: Record<string, number>): number {
  return Object.values(statements).reduce((sum, count) => sum + count, 0);
}

describe.each<{ deduplicate: boolean; environment: Record<string, string> }>([
  { deduplicate: true, environment: {} },
  { deduplicate: false, environment: { DEDUPLICATE_INFLIGHT_QUERIES: 'false' } },
])('a gateway with in-flight deduplication $deduplicate', ({ deduplicate, environment }) => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let statementsOfOne: number;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: environment });
    world = await seedWorld(supergraph, { customers: 3, devicesPerCustomer: 5, sensorsPerDevice: 2 });
    const response = await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
    expect(response.body.errors).toBeUndefined();
    statementsOfOne = totalOf(
      await countStatements(supergraph, async () => {
        await supergraph.query(DASHBOARD, {}, world.asPartnerAdmin);
      }),
    );
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it(`${deduplicate ? 'shares' : 'does not share'} one execution among identical concurrent queries of one principal`, async () => {
    const answers: unknown[] = [];
    const statements = totalOf(
      await countStatements(supergraph, async () => {
        const responses = await Promise.all(Array.from({ length: CONCURRENT }, () => supergraph.query(DASHBOARD, {}, world.asPartnerAdmin)));
        for (const response of responses) answers.push(response.body);
      }),
    );

    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]).not.toHaveProperty('errors');
    if (deduplicate) expect(statements).toBeLessThan(CONCURRENT * statementsOfOne);
    else expect(statements).toBe(CONCURRENT * statementsOfOne);
  });

  it('never gives one principal what another asked for, even when both ask at once', async () => {
    const [customer] = world.customers;
    if (!customer) throw new Error('no customer');
    const customerAdmin = await bearerHeaders(supergraph, { organizationId: customer.id, role: 'ADMIN', mfa: false });
    const anotherPartnerAdmin = await bearerHeaders(supergraph, { organizationId: world.partner.id, role: 'ADMIN', mfa: true });

    const [partner, own, otherPartner] = await Promise.all([
      supergraph.query(DASHBOARD, {}, world.asPartnerAdmin),
      supergraph.query(DASHBOARD, {}, customerAdmin),
      supergraph.query(DASHBOARD, {}, anotherPartnerAdmin),
    ]);

    const names = (body: unknown): string[] =>
      (body as { data: { organizations: { nodes: { name: string }[] } } }).data.organizations.nodes.map((node) => node.name);
    expect(names(own.body)).toEqual([customer.name]);
    expect(names(partner.body)).toEqual(expect.arrayContaining(world.customers.map((candidate) => candidate.name)));
    expect(names(otherPartner.body)).toEqual(names(partner.body));
  });
});

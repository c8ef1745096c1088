import { randomUUID } from 'node:crypto';
import { SUBGRAPH_NAMES, type Principal, type SubgraphName } from '@partnergraph/core';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { postGraphQL } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import {
  expiredGatewayToken,
  gatewayHeaders,
  gatewayToken,
  tokenSignedWithAnotherKey,
  unsignedToken,
} from '../support/internal-tokens';

/**
 * Every subgraph refuses a request without a valid internal token with HTTP 401
 * before GraphQL runs, `_service` and `_entities` included.
 */

let supergraph: InProcessSupergraph;
let world: SeededWorld;

beforeAll(async () => {
  supergraph = await startInProcessSupergraph();
  world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
});
afterAll(async () => {
  await supergraph?.stop();
});

/** An entity the subgraph owns, so that resolving its reference reads that subgraph's database. */
function ownedEntity(subgraph: SubgraphName): { __typename: string; id: string } {
  const [device] = world.devices;
  const [license] = world.licenses;
  if (!device || !license) throw new Error('the seeded world has no device or no licence');
  switch (subgraph) {
    case 'identity':
      return { __typename: 'Organization', id: world.partner.id };
    case 'subscriptions':
      return { __typename: 'SubscriptionLicense', id: license.id };
    case 'device-telemetry':
      return { __typename: 'Device', id: device.id };
  }
}

interface FederationRequest {
  label: string;
  request(subgraph: SubgraphName): { query: string; variables?: Record<string, unknown> };
  /** What the subgraph answers when the gateway asks. */
  expectedData(subgraph: SubgraphName): unknown;
  /** SQL statements the subgraph issues to answer it. */
  statements: number;
}

const FEDERATION_REQUESTS: FederationRequest[] = [
  {
    label: 'its SDL (_service)',
    request: () => ({ query: '{ _service { sdl } }' }),
    expectedData: () => ({ _service: { sdl: expect.stringContaining('@key(fields: "id")') } }),
    statements: 0,
  },
  {
    label: 'an entity it owns (_entities)',
    request: (subgraph) => ({
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [ownedEntity(subgraph)] },
    }),
    expectedData: (subgraph) => ({ _entities: [{ __typename: ownedEntity(subgraph).__typename }] }),
    statements: 1,
  },
];

function anotherSubgraph(subgraph: SubgraphName): SubgraphName {
  const other = SUBGRAPH_NAMES.find((name) => name !== subgraph);
  if (!other) throw new Error('there is only one subgraph');
  return other;
}

interface RefusedCall {
  description: string;
  authorization(subgraph: SubgraphName): Promise<string | undefined>;
  /** Why the subgraph's log says it refused the token, or null when there was no token to refuse. */
  loggedReason: string | null;
}

const REFUSED_CALLS: RefusedCall[] = [
  {
    description: 'a direct call with no Authorization header',
    authorization: async () => undefined,
    loggedReason: null,
  },
  {
    description: "a token forged with a key other than the gateway's",
    authorization: async (subgraph) => `Bearer ${await tokenSignedWithAnotherKey(subgraph)}`,
    loggedReason: 'the token signature does not verify',
  },
  {
    description: 'a gateway-signed token that expired a minute ago',
    authorization: async (subgraph) =>
      `Bearer ${await expiredGatewayToken(supergraph.keys.privateKeyPem, subgraph, { issuedSecondsAgo: 120, expiredSecondsAgo: 60 })}`,
    loggedReason: 'the token has expired',
  },
  {
    description: 'a gateway-signed token issued ten minutes ago that expired five minutes ago',
    authorization: async (subgraph) =>
      `Bearer ${await expiredGatewayToken(supergraph.keys.privateKeyPem, subgraph, { issuedSecondsAgo: 600, expiredSecondsAgo: 300 })}`,
    loggedReason: 'the token has expired',
  },
  {
    description: 'a gateway-signed token meant for another subgraph',
    authorization: async (subgraph) => `Bearer ${await gatewayToken(supergraph.keys.privateKeyPem, anotherSubgraph(subgraph))}`,
    loggedReason: 'the token\'s "aud" claim is not accepted',
  },
  {
    description: 'an unsigned token (alg: none)',
    authorization: async (subgraph) => `Bearer ${unsignedToken(subgraph)}`,
    loggedReason: 'the token is signed with an algorithm that is not accepted',
  },
];

describe.each(SUBGRAPH_NAMES)('the %s subgraph', (subgraph) => {
  describe.each(FEDERATION_REQUESTS)('asked for $label', ({ request, expectedData, statements }) => {
    it.each(REFUSED_CALLS)('refuses $description with 401 before any GraphQL runs', async ({ authorization, loggedReason }) => {
      const running = supergraph.subgraphs[subgraph];
      const header = await authorization(subgraph);
      const statementsBefore = running.database.statements.total;
      const logsBefore = supergraph.logs.length;

      const response = await postGraphQL(running.url, request(subgraph), header ? { authorization: header } : {});

      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(response.body.errors).toEqual([
        { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } },
      ]);
      // GraphQL did not run: no data key, no per-request statement count from Apollo Server, no SQL.
      expect(response.body).not.toHaveProperty('data');
      expect(response.headers.get('x-sql-statements')).toBeNull();
      expect(running.database.statements.total).toBe(statementsBefore);
      if (loggedReason !== null) {
        const refusals = supergraph.logs
          .slice(logsBefore)
          .filter((line) => line.includes('refused a request with an invalid internal token') && line.includes(`service=${subgraph} `));
        expect(refusals).toEqual([expect.stringContaining(`reason=${JSON.stringify(loggedReason)}`)]);
      }
    });

    it('answers the same request signed by the gateway for this subgraph (the control)', async () => {
      const running = supergraph.subgraphs[subgraph];
      const partnerAdmin: Principal = { kind: 'user', userId: randomUUID(), organizationId: world.partner.id, role: 'ADMIN', mfa: true };
      const headers = await gatewayHeaders(supergraph.keys.privateKeyPem, subgraph, partnerAdmin);
      const statementsBefore = running.database.statements.total;

      const response = await postGraphQL(running.url, request(subgraph), headers);

      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toEqual(expectedData(subgraph));
      expect(response.headers.get('x-sql-statements')).toBe(String(statements));
      expect(running.database.statements.total - statementsBefore).toBe(statements);
    });
  });
});

describe.each(['subscriptions', 'device-telemetry'] as const)('the %s subgraph, called with a valid token but no access-check token', (subgraph) => {
  it('reveals nothing of the entity: it never decides access without asking identity', async () => {
    const running = supergraph.subgraphs[subgraph];
    const token = await gatewayToken(supergraph.keys.privateKeyPem, subgraph);
    const response = await postGraphQL<{ _entities: unknown[] }>(
      running.url,
      { query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [ownedEntity(subgraph)] } },
      { authorization: `Bearer ${token}` },
    );

    expect(response.body.data?._entities ?? [null]).toEqual([null]);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

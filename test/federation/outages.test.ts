import { Client } from 'pg';
import { isTransientFailure, type SubgraphName } from '@partnergraph/core';
import { databaseRelay, type DatabaseOutage } from '../support/database-outage';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { closedPortUrl } from '../support/standalone-gateway';
import { graphql } from '../generated/operations';

/*
 * Failures say what they are: while identity's database is down (its
 * connections reset and refused, the shared PostgreSQL server and the other
 * subgraphs untouched), an access check that cannot be made is
 * SUBGRAPH_UNAVAILABLE naming identity, never FORBIDDEN; a request with no
 * data at all is 503 with Retry-After and a retryable code; and each service
 * logs one line per failed request, with its request id, without a stack at
 * the info level.
 */

const FEEDS = graphql(`query Feeds { inventoryChanges(first: 5) { changes { deviceId } } incidentChanges(first: 5) { changes { incidentId } } }`);
const ORGANIZATIONS = graphql(`query OutagesOrganizations { organizations(first: 100) { nodes { name } } }`);

/** A stack frame, as a logged stack would show one. */
const STACK_FRAME = /\bat .+:\d+:\d+/;

function requestIdOf(response: GraphQLResponse<unknown>): string {
  const requestId = response.headers.get('x-request-id');
  if (!requestId) throw new Error('the gateway answered without x-request-id');
  return requestId;
}

describe("while identity's database is down", () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  let outage: DatabaseOutage | undefined;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({
      logLevel: 'info',
      subgraphDatabaseUrl: async (name: SubgraphName, databaseUrl: string) => {
        if (name !== 'identity') return databaseUrl;
        outage = await databaseRelay(databaseUrl);
        return outage.url;
      },
    });
    world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 1 });
    // Identity's pool holds open connections when the database goes: they are reset, not just new ones refused.
    const before = await supergraph.query(FEEDS, {}, world.asPartnerAdmin);
    expect(before.body.errors).toBeUndefined();
    await outage?.cut();
  });
  afterAll(async () => {
    await outage?.restore();
    await supergraph?.stop();
    await outage?.close();
  });

  it("gives device-telemetry's fields SUBGRAPH_UNAVAILABLE naming identity, retryable, and never FORBIDDEN", async () => {
    const response = await supergraph.query(FEEDS, {}, world.asPartnerAdmin);

    expect(response.body.data).toBeNull();
    expect(response.body.errors?.length).toBeGreaterThan(0);
    for (const error of response.body.errors ?? []) {
      expect(error).toEqual({
        message: 'The identity service is unavailable, so access cannot be checked.',
        path: expect.any(Array),
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', retryable: true, serviceName: 'identity', requestId: requestIdOf(response) },
      });
    }
    expect(JSON.stringify(response.body)).not.toMatch(/FORBIDDEN|not allowed/);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('answers a query whose only subgraph has lost its database with 503, Retry-After and SERVICE_UNAVAILABLE, retryable', async () => {
    const response = await supergraph.query(ORGANIZATIONS, {}, world.asPartnerAdmin);

    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.body).toEqual({
      data: null,
      errors: [
        {
          message: 'The service is unavailable for a moment (its database is down, restarting or too slow); retry shortly.',
          path: ['organizations'],
          extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, serviceName: 'identity', requestId: requestIdOf(response) },
        },
      ],
    });
    expect(JSON.stringify(response.body)).not.toMatch(/ECONNREFUSED|Connection terminated|127\.0\.0\.1|INTERNAL_SERVER_ERROR/);
  });

  it('logs one line per failed request and service, with its request id and the cause, and no stack at the info level', async () => {
    const logsBefore = supergraph.logs.length;
    const responses = [
      await supergraph.query(ORGANIZATIONS, {}, world.asPartnerAdmin),
      await supergraph.query(FEEDS, {}, world.asPartnerAdmin),
      await supergraph.query(ORGANIZATIONS, {}, world.asPartnerAdmin),
    ];
    const logged = supergraph.logs.slice(logsBefore);

    const [organizations, feeds] = responses.map(requestIdOf);
    // Besides the gateway's line for every request (request-observation.ts), one each, checked last.
    const isRequestLine = (line: string) => /^info\s+request service=gateway /.test(line);
    const linesOf = (requestId: string | undefined) => logged.filter((line) => line.includes(`requestId=${requestId}`) && !isRequestLine(line));
    const identityLine = /^warn\s+request failed service=identity requestId=\S+ code=SERVICE_UNAVAILABLE errors=1 path=\["organizations"\] error=.*(ECONNREFUSED|Connection terminated)/;
    expect(linesOf(organizations)).toEqual([expect.stringMatching(identityLine)]);
    // Identity fails to decide (its line), and device-telemetry fails to check access (its line): one each.
    const feedLines = linesOf(feeds);
    expect(feedLines).toHaveLength(2);
    expect(feedLines).toContainEqual(expect.stringMatching(/^warn\s+request failed service=identity .*code=SERVICE_UNAVAILABLE/));
    expect(feedLines).toContainEqual(
      expect.stringMatching(/^warn\s+the access check failed: identity is unavailable service=device-telemetry .*code=SUBGRAPH_UNAVAILABLE serviceName=identity/),
    );
    for (const requestId of responses.map(requestIdOf)) {
      expect(logged.filter((line) => line.includes(`requestId=${requestId}`) && isRequestLine(line))).toEqual([expect.stringMatching(/ status=\d{3} /)]);
    }
    for (const line of logged) {
      expect(line).not.toMatch(STACK_FRAME);
      expect(line).not.toContain('\n');
    }
  });

  it('answers in full again once the database is back', async () => {
    await outage?.restore();
    try {
      const response = await supergraph.query(ORGANIZATIONS, {}, world.asPartnerAdmin);

      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.organizations.nodes.map((organization) => organization.name)).toContain(world.partner.name);
    } finally {
      await outage?.cut();
    }
  });
});

describe('the failures PostgreSQL and node-postgres raise', () => {
  const databaseUrl = (): string => process.env.DATABASE_URL ?? '';

  it('counts a refused connection, a terminated session and a statement timeout as passing failures, a wrong query not', async () => {
    const refused = new Client({ connectionString: (await closedPortUrl()).replace(/^http:\/\/([^/]+)\/graphql$/, 'postgres://postgres@$1/postgres') });
    const connectError = await refused.connect().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(connectError).toMatchObject({ code: 'ECONNREFUSED' });

    const client = new Client({ connectionString: databaseUrl() });
    await client.connect();
    try {
      await client.query('SET statement_timeout = 50');
      const timeout = await client.query('SELECT pg_sleep(1)').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(timeout).toMatchObject({ code: '57014' });
      const wrong = await client.query('SELECT no_such_column FROM pg_class').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(wrong).toMatchObject({ code: '42703' });
      const terminated = await client.query('SELECT pg_terminate_backend(pg_backend_pid())').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(terminated).toMatchObject({ code: '57P01' });

      expect([connectError, timeout, terminated].map(isTransientFailure)).toEqual([true, true, true]);
      expect(isTransientFailure(wrong)).toBe(false);
      expect(isTransientFailure({ originalError: { driverError: timeout } })).toBe(true);
    } finally {
      await client.end().catch(() => undefined);
    }
  });
});

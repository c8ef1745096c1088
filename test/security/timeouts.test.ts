import { randomUUID } from 'node:crypto';
import { generateEd25519KeyPair, SUBGRAPH_NAMES } from '@partnergraph/core';
import { readSubgraphConfig } from '@partnergraph/subgraph-kit';
import { bearerHeaders } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/*
 * Requests that would hold the gateway or the database for as long as an
 * attacker likes: a subgraph that does not answer is cut off after
 * SUBGRAPH_TIMEOUT_MS, and PostgreSQL cancels any statement of any subgraph
 * that runs longer than DATABASE_STATEMENT_TIMEOUT_MS. Here a transaction the
 * test holds locks identity's organizations, so identity's SQL waits on it.
 */

const ORGANIZATIONS = '{ organizations { nodes { name } } }';

/** Runs `work` while a transaction holds an exclusive lock on identity's organization table. */
async function whileOrganizationsLocked<T>(supergraph: InProcessSupergraph, work: () => Promise<T>): Promise<T> {
  const runner = supergraph.subgraphs.identity.database.dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    await runner.query('LOCK TABLE identity.organization IN ACCESS EXCLUSIVE MODE');
    return await work();
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; milliseconds: number }> {
  const started = performance.now();
  const result = await work();
  return { result, milliseconds: performance.now() - started };
}

describe('a subgraph that does not answer in time', () => {
  let supergraph: InProcessSupergraph;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: { SUBGRAPH_TIMEOUT_MS: '500' } });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('is cut off after SUBGRAPH_TIMEOUT_MS: the client gets SUBGRAPH_UNAVAILABLE, not a request held open (slow subgraph)', async () => {
    const headers = await bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });

    const { result, milliseconds } = await whileOrganizationsLocked(supergraph, () => timed(() => supergraph.query(ORGANIZATIONS, {}, headers)));

    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    expect(result.body.errors?.[0]?.extensions?.serviceName).toBe('identity');
    expect(milliseconds).toBeGreaterThanOrEqual(450);
    expect(milliseconds).toBeLessThan(5_000);
  });
});

describe('a statement that runs too long', () => {
  let supergraph: InProcessSupergraph;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ subgraphs: { statementTimeoutMs: 1500 } });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it.each(SUBGRAPH_NAMES)('runs on connections of %s that carry the statement timeout', async (name) => {
    const [setting] = await supergraph.subgraphs[name].database.dataSource.query<{ statement_timeout: string }[]>('SHOW statement_timeout');

    expect(setting?.statement_timeout).toBe('1500ms');
  });

  it('is cancelled by PostgreSQL after DATABASE_STATEMENT_TIMEOUT_MS; the client gets 503 SERVICE_UNAVAILABLE, retryable, and the log says why (slow query)', async () => {
    const headers = await bearerHeaders(supergraph, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });

    const { result, milliseconds } = await whileOrganizationsLocked(supergraph, () => timed(() => supergraph.query(ORGANIZATIONS, {}, headers)));

    expect(result.body.errors?.map((error) => [error.extensions?.code, error.extensions?.retryable])).toEqual([['SERVICE_UNAVAILABLE', true]]);
    expect(result.status).toBe(503);
    expect(result.headers.get('retry-after')).toBe('5');
    expect(JSON.stringify(result.body)).not.toMatch(/statement|timeout|cancel/i);
    // Well before the gateway's own 10 s subgraph timeout.
    expect(milliseconds).toBeGreaterThanOrEqual(1400);
    expect(milliseconds).toBeLessThan(8_000);
    const requestId = result.headers.get('x-request-id');
    expect(supergraph.logs.some((line) => line.includes(`requestId=${requestId}`) && line.includes('canceling statement due to statement timeout'))).toBe(
      true,
    );
  });

  it('is DATABASE_STATEMENT_TIMEOUT_MS in every subgraph’s configuration, 10 s unless set', () => {
    const required = { DATABASE_URL: 'postgres://127.0.0.1/partnergraph', INTERNAL_TOKEN_PUBLIC_KEY: generateEd25519KeyPair().publicKeyPem };

    expect(readSubgraphConfig(required, { port: 4001 }).statementTimeoutMs).toBe(10_000);
    expect(readSubgraphConfig({ ...required, DATABASE_STATEMENT_TIMEOUT_MS: '2500' }, { port: 4001 }).statementTimeoutMs).toBe(2_500);
  });
});

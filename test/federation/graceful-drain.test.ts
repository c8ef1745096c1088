import { randomUUID } from 'node:crypto';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { bearerHeaders } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Stopping without resetting a kept-alive connection: a request running when
 * the gateway stops is answered (with Connection: close), and one a client
 * sends on an open keep-alive connection just after is answered 503
 * SERVICE_STOPPING with Retry-After and Connection: close, not reset.
 */

const ORGANIZATIONS = JSON.stringify({ query: graphql(`query GracefulDrainOrganizations { organizations { nodes { name } } }`) });

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
  reusedSocket: boolean;
}

function post(agent: Agent, url: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'],
          reusedSocket: sent.reusedSocket,
        }),
      );
      res.on('error', reject);
    });
    sent.on('error', reject);
    sent.end(ORGANIZATIONS);
  });
}

const freeSocketCount = (agent: Agent): number => Object.values(agent.freeSockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);

describe('a gateway that stops while clients hold keep-alive connections', () => {
  let supergraph: InProcessSupergraph | undefined;
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ gatewayEnvironment: { SHUTDOWN_LINGER_MS: '1500' } });
  });
  afterAll(async () => {
    agent.destroy();
    await supergraph?.stop();
  });

  it('answers the running request with Connection: close and a request on an open connection 40 ms later with 503 SERVICE_STOPPING, then closes them', async () => {
    const running = supergraph!;
    const headers = await bearerHeaders(running, { organizationId: randomUUID(), role: 'ADMIN', mfa: false });
    const warm = await Promise.all([post(agent, running.gatewayUrl, headers), post(agent, running.gatewayUrl, headers)]);
    expect(warm.map((answer) => answer.status)).toEqual([200, 200]);
    expect(freeSocketCount(agent)).toBe(2);

    // Identity's SQL waits on this lock, so the next request is still running when the gateway stops.
    const lock = running.subgraphs.identity.database.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE identity.organization IN ACCESS EXCLUSIVE MODE');
    const inFlight = post(agent, running.gatewayUrl, headers);
    await waitFor('the request to wait on the lock', async () => {
      // Not on the lock's own connection: pg_stat_activity stays as it was for the rest of a transaction.
      const [waiting] = await running.subgraphs['device-telemetry'].database.dataSource.query(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%organization%' AND datname = current_database()",
      );
      return (waiting as { count: number }).count > 0 ? true : undefined;
    });

    supergraph = undefined;
    const stopping = running.stop();
    await new Promise((resolve) => setTimeout(resolve, 40));
    const late = await post(agent, running.gatewayUrl, headers);
    await lock.rollbackTransaction();
    await lock.release();
    const answered = await inFlight;
    await stopping;

    expect(late.reusedSocket).toBe(true);
    expect(late.status).toBe(503);
    expect(late.headers.connection).toBe('close');
    expect(late.headers['retry-after']).toBe('1');
    expect(late.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'SERVICE_STOPPING', retryable: true, requestId: expect.any(String) }]);

    expect(answered.status).toBe(200);
    expect(answered.headers.connection).toBe('close');
    expect(answered.body).toEqual({ data: { organizations: { nodes: [] } } });
    expect(freeSocketCount(agent)).toBe(0);
  });
});

describe('a subgraph that stops while the gateway holds a keep-alive connection to it', () => {
  let supergraph: InProcessSupergraph;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ subgraphs: { shutdownLingerMs: 1500 } });
  });
  afterAll(async () => {
    agent.destroy();
    await supergraph?.stop();
  });

  const get = (url: string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const sent = request(url, { agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'],
            reusedSocket: sent.reusedSocket,
          }),
        );
      });
      sent.on('error', reject);
      sent.end();
    });

  it('answers a request on the open connection 40 ms after stop with 503 SERVICE_STOPPING and Connection: close', async () => {
    const identity = supergraph.subgraphs.identity;
    const live = new URL('/health/live', identity.url).toString();
    expect((await get(live)).status).toBe(200);

    const stopping = identity.server.stop();
    await new Promise((resolve) => setTimeout(resolve, 40));
    const late = await get(live);
    await stopping;
    await identity.database.dataSource.destroy();

    expect(late.reusedSocket).toBe(true);
    expect(late.status).toBe(503);
    expect(late.headers.connection).toBe('close');
    expect(late.headers['retry-after']).toBe('1');
    expect(late.body.errors?.map((error) => error.extensions)).toEqual([{ code: 'SERVICE_STOPPING', retryable: true }]);
    expect(identity.server.httpServer.listening).toBe(false);
  });
});

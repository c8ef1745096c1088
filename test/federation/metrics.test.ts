import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { OutboxEmailEntity } from '@partnergraph/subgraph-kit';
import { bearerHeaders, seedWorld, type SeededWorld } from '../support/fixtures';
import { postGraphQL } from '../support/http';
import { createTestAccessTokenIssuer, startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { subscribeOverWebSocket, webSocketClient } from '../support/live-clients';
import { scrape, type Scrape } from '../support/metrics';
import { freePorts, REPOSITORY_ROOT } from '../support/processes';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Metrics (issue 16): every service serves Prometheus metrics on a port of
 * its own, and what the alert rules and the dashboard read is there. Runs the
 * in-process supergraph with every metrics endpoint on, and reads them over
 * HTTP as Prometheus does.
 */

const DEVICES = graphql(`
  query MetricsDevices { organizations { nodes { id devices { nodes { id name firmwareRevision } } } } }
`);
const LICENCES = graphql(`
  query MetricsLicences { organizations { nodes { id subscriptions { id product } } } }
`);
const RECORD = graphql(`
  mutation MetricsRecordReadings($readings: [ReadingInput!]!) { recordReadings(readings: $readings) { recorded duplicates } }
`);
const WATCH = graphql(`
  subscription MetricsWatchIncidents { incidentEvents { cursor kind } }
`);

const SERVICES = ['gateway', 'identity', 'subscriptions', 'device-telemetry'] as const;
type Service = (typeof SERVICES)[number];

describe('metrics', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;
  const urls = {} as Record<Service, string>;
  const read = (service: Service): Promise<Scrape> => scrape(urls[service]);

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ metrics: true, logLevel: 'info' });
    world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 1 });
    urls.gateway = supergraph.gatewayMetricsUrl ?? '';
    for (const name of ['identity', 'subscriptions', 'device-telemetry'] as const) urls[name] = supergraph.subgraphs[name].metricsUrl ?? '';
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  it('each service serves them on its own port, labelled with its name, with Node’s default metrics; the gateway’s public URL does not', async () => {
    for (const service of SERVICES) {
      const metrics = await read(service);
      expect(metrics.names).toContain('partnergraph_graphql_requests_total');
      expect(metrics.names).toContain('process_cpu_seconds_total');
      expect(metrics.find('process_cpu_seconds_total')[0]?.labels.service).toBe(service);
    }
    const { status, body } = await postGraphQL(supergraph.gatewayUrl.replace(/\/graphql$/, '/metrics'), { query: '{ __typename }' });
    expect(status).toBe(404);
    expect(body.errors?.[0]?.extensions?.code).toBe('ROUTE_NOT_FOUND');
  });

  it('counts a query by operation name and type with its duration, its subgraph fetches, and the subgraphs’ requests and statements', async () => {
    const [gatewayBefore, telemetryBefore] = await Promise.all([read('gateway'), read('device-telemetry')]);
    const { body } = await supergraph.query(DEVICES, {}, world.asPartnerAdmin);
    expect(body.errors).toBeUndefined();
    const [gateway, telemetry] = await Promise.all([read('gateway'), read('device-telemetry')]);

    const operation = { operation_name: 'MetricsDevices', operation_type: 'query' };
    expect(gateway.value('partnergraph_graphql_requests_total', { ...operation, outcome: 'ok' })).toBe(1);
    expect(gateway.value('partnergraph_graphql_request_duration_seconds_count', operation)).toBe(1);
    expect(gateway.value('partnergraph_graphql_request_duration_seconds_bucket', { ...operation, le: '+Inf' })).toBe(1);
    expect(gateway.value('partnergraph_graphql_request_duration_seconds_sum', operation)).toBeGreaterThan(0);
    for (const subgraph of ['identity', 'device-telemetry']) {
      const fetched = (metrics: Scrape) => metrics.value('partnergraph_subgraph_fetch_duration_seconds_count', { subgraph, outcome: 'ok' });
      expect({ subgraph, fetched: fetched(gateway) - fetched(gatewayBefore) >= 1 }).toEqual({ subgraph, fetched: true });
    }
    // The gateway names each subgraph operation after the client's (MetricsDevices__device_telemetry__1).
    const planned = telemetry.find('partnergraph_graphql_requests_total').filter((sample) => sample.labels.operation_name?.startsWith('MetricsDevices__'));
    expect(planned.length).toBeGreaterThanOrEqual(1);
    const statements = (metrics: Scrape) => metrics.value('partnergraph_db_statement_duration_seconds_count', { outcome: 'ok' });
    expect(statements(telemetry)).toBeGreaterThan(statements(telemetryBefore));
    expect(telemetry.value('partnergraph_db_pool_max_connections')).toBe(4);
    expect(telemetry.find('partnergraph_db_pool_connections').map((sample) => sample.labels.state).sort()).toEqual(['busy', 'idle']);
    expect(telemetry.value('partnergraph_db_pool_waiting_requests')).toBe(0);
  });

  it('counts errors by code and tells the client’s from ours; an operation that never resolved is (unknown)', async () => {
    const invalid = await postGraphQL(supergraph.gatewayUrl, { query: '{ organizations { nodes { noSuchField } } }' }, world.asPartnerAdmin);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const gateway = await read('gateway');
    expect(gateway.value('partnergraph_graphql_requests_total', { operation_name: '(unknown)', operation_type: 'unknown', outcome: 'client_error' })).toBe(1);
    expect(gateway.value('partnergraph_graphql_errors_total', { operation_name: '(unknown)', code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
  });

  it('counts refused access tokens by reason', async () => {
    const stranger = await createTestAccessTokenIssuer();
    const { accessToken: foreign } = await stranger.issueForUser({ userId: randomUUID(), organizationId: world.partner.id, role: 'ADMIN', mfa: true });
    for (const authorization of ['Basic c2VjcmV0', 'Bearer not.a.token', `Bearer ${foreign}`]) {
      const { status } = await supergraph.query(DEVICES, {}, { authorization });
      expect(status).toBe(401);
    }
    const gateway = await read('gateway');
    const reasons = Object.fromEntries(gateway.find('partnergraph_authentication_failures_total').map((sample) => [sample.labels.reason, sample.value]));
    expect(reasons).toEqual({ malformed_header: 1, malformed_token: 1, unknown_key: 1 });
  });

  it('counts a denial by the capability the field policy asks for, once per request', async () => {
    const customerAdmin = await bearerHeaders(supergraph, { organizationId: world.customers[0]!.id, role: 'ADMIN', mfa: true });
    const sensorId = world.devices[0]!.sensors[0]!.id;
    const { body } = await supergraph.query(RECORD, { readings: [{ sensorId, at: new Date().toISOString(), value: 1 }] }, customerAdmin);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const telemetry = await read('device-telemetry');
    expect(telemetry.find('partnergraph_access_denials_total').map(({ labels, value }) => ({ capability: labels.capability, value }))).toEqual([
      { capability: 'recordReadings', value: 1 },
    ]);
    expect(telemetry.value('partnergraph_graphql_errors_total', { code: 'FORBIDDEN' })).toBe(1);
  });

  it('counts the readings the collector ingests, recorded and duplicate', async () => {
    const { accessToken } = await supergraph.accessTokens.issueForCollector({ collectorId: 'metrics-collector' });
    const sensorId = world.devices[1]!.sensors[0]!.id;
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const readings = [
      { sensorId, at: at(2), value: 21.5 },
      { sensorId, at: at(1), value: 21.7 },
      { sensorId, at: at(2), value: 21.5 },
    ];
    const { body } = await supergraph.query(RECORD, { readings }, { authorization: `Bearer ${accessToken}` });
    expect(body.data?.recordReadings).toEqual({ recorded: 2, duplicates: 1 });
    const telemetry = await read('device-telemetry');
    expect(telemetry.value('partnergraph_readings_ingested_total', { result: 'recorded' })).toBe(2);
    expect(telemetry.value('partnergraph_readings_ingested_total', { result: 'duplicate' })).toBe(1);
  });

  it('reads the email outbox’s backlog at each scrape: pending, given up, and the oldest pending one’s age', async () => {
    const outbox = supergraph.subgraphs.identity.database.dataSource.getRepository(OutboxEmailEntity);
    const email = { toAddress: 'metrics@example.test', subject: 'metrics', body: 'metrics' };
    await outbox.insert([
      { ...email, createdAt: new Date(Date.now() - 3_600_000), attempts: 0 },
      { ...email, createdAt: new Date(), attempts: 2 },
      { ...email, createdAt: new Date(Date.now() - 7_200_000), attempts: 10, lastError: '550 refused' },
    ]);
    const identity = await read('identity');
    expect(identity.value('partnergraph_outbox_emails', { state: 'pending' })).toBe(2);
    expect(identity.value('partnergraph_outbox_emails', { state: 'failed' })).toBe(1);
    const age = identity.value('partnergraph_outbox_oldest_pending_age_seconds');
    expect(age).toBeGreaterThanOrEqual(3_600);
    expect(age).toBeLessThan(3_700);
    const subscriptions = await read('subscriptions');
    expect(subscriptions.value('partnergraph_outbox_emails', { state: 'pending' })).toBe(0);
    expect(subscriptions.value('partnergraph_outbox_oldest_pending_age_seconds')).toBe(0);
    expect((await read('device-telemetry')).names).not.toContain('partnergraph_outbox_emails');
  });

  it('reports how long identity has used each signing key it holds, from when it first ran with it', async () => {
    const fresh = await read('identity');
    for (const key of ['access_token', 'internal_token']) {
      expect(fresh.find('partnergraph_signing_key_age_seconds', { key })).toHaveLength(1);
      expect(fresh.value('partnergraph_signing_key_age_seconds', { key })).toBeLessThan(600);
    }
    await supergraph.subgraphs.identity.database.dataSource.query(
      `UPDATE identity.signing_key SET first_used_at = now() - interval '85 days' WHERE purpose = 'access_token'`,
    );
    const aged = await read('identity');
    expect(aged.value('partnergraph_signing_key_age_seconds', { key: 'access_token' })).toBeGreaterThan(85 * 86_400 - 60);
    expect(aged.value('partnergraph_signing_key_age_seconds', { key: 'internal_token' })).toBeLessThan(600);
  });

  it('counts the subscriptions open at the gateway; a feed’s runs are not counted as requests', async () => {
    const gatewayRequests = async () => (await read('gateway')).value('partnergraph_graphql_requests_total');
    const before = await gatewayRequests();
    const client = webSocketClient(supergraph.gatewayUrl, world.asPartnerAdmin.authorization);
    const watching = subscribeOverWebSocket(client, 'incidentEvents', WATCH);
    try {
      await waitFor('the subscription to be counted', async () => ((await read('gateway')).value('partnergraph_subscriptions_open') === 1 ? true : undefined), {
        timeoutMs: 10_000,
        intervalMs: 100,
      });
      // The feed has run by now (its first run answers where it stands), through Apollo Server in-process.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await gatewayRequests()).toBe(before);
    } finally {
      watching.stop();
      await client.dispose();
    }
    await waitFor('the subscription to be no longer counted', async () => ((await read('gateway')).value('partnergraph_subscriptions_open') === 0 ? true : undefined), {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  });

  it('counts rate-limit refusals at a gateway that limits', async () => {
    const [port] = await freePorts(1);
    const replica = await supergraph.startGatewayReplica({ RATE_LIMIT_PER_MINUTE: '1', METRICS_PORT: String(port) });
    const first = await replica.query(DEVICES, {}, world.asPartnerAdmin);
    const second = await replica.query(DEVICES, {}, world.asPartnerAdmin);
    expect([first.status, second.status]).toEqual([200, 429]);
    const metrics = await scrape(`http://127.0.0.1:${port}/metrics`);
    expect(metrics.value('partnergraph_rate_limit_rejections_total', { limit: 'graphql' })).toBe(1);
    await replica.stop();
  });

  it('every metric the alert rules and the dashboard read is one the services serve', async () => {
    const served = new Set<string>();
    for (const service of SERVICES) for (const name of (await read(service)).names) served.add(name);
    const rules = parseYaml(await readFile(join(REPOSITORY_ROOT, 'ops', 'prometheus', 'alerts.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string }[] }[];
    };
    const dashboard = JSON.parse(await readFile(join(REPOSITORY_ROOT, 'ops', 'grafana', 'partnergraph-red.json'), 'utf8')) as {
      panels: { title: string; targets?: { expr: string }[] }[];
      templating: { list: { definition: string }[] };
    };
    const expressions = [
      ...rules.groups.flatMap((group) => group.rules.map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr }))),
      ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: `panel ${panel.title}`, expr: target.expr }))),
      ...dashboard.templating.list.map((variable) => ({ where: 'dashboard variable', expr: variable.definition })),
    ];
    expect(expressions.length).toBeGreaterThan(20);
    const missing = expressions.flatMap(({ where, expr }) =>
      [...expr.matchAll(/\b(?:partnergraph|process|nodejs)_\w+/g)]
        .map(([name]) => name)
        .filter((name) => !served.has(name) && !served.has(name.replace(/_(bucket|sum|count)$/, '')))
        .map((name) => `${where}: ${name}`),
    );
    expect(missing).toEqual([]);
  });

  // Last: it stops a subgraph.
  it('counts a request our side failed as a server error, and the subgraph fetches that failed', async () => {
    await supergraph.stopSubgraph('subscriptions');
    const { body } = await supergraph.query(LICENCES, {}, world.asPartnerAdmin);
    expect(body.errors?.map((error) => error.extensions?.code)).toContain('SUBGRAPH_UNAVAILABLE');
    const gateway = await read('gateway');
    expect(gateway.value('partnergraph_graphql_requests_total', { operation_name: 'MetricsLicences', outcome: 'server_error' })).toBe(1);
    expect(gateway.value('partnergraph_graphql_errors_total', { operation_name: 'MetricsLicences', code: 'SUBGRAPH_UNAVAILABLE' })).toBe(1);
    expect(gateway.value('partnergraph_subgraph_fetch_duration_seconds_count', { subgraph: 'subscriptions', outcome: 'failed' })).toBeGreaterThanOrEqual(1);
  });
});

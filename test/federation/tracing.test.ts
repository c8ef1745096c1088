import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { context, createContextKey, propagation, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { generateEd25519KeyPair } from '@partnergraph/core';
import { InMemorySpanExporter, SpanKind, type ReadableSpan } from '@partnergraph/observability';
import { countStatements, seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { freePorts, NODE_ARGS, REPOSITORY_ROOT } from '../support/processes';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 16's traces: the partner dashboard as one trace across the gateway,
 * device-telemetry, identity (its access checks) and PostgreSQL, recorded by
 * an in-memory exporter each service is given (ratio 1, as the OTLP exporter
 * would receive them), with no global OpenTelemetry state.
 */

const DASHBOARD = graphql(`
  query TracedPartnerDashboard($from: String!, $to: String!) {
    organizations {
      nodes {
        id
        name
        openIncidentCount
        devices(first: 20) {
          nodes { id name ipAddress openIncidentCount sensors { id type latest { at value } history(from: $from, to: $to, maxPoints: 12) { bucketSeconds } } }
        }
      }
    }
  }
`);

/** Values no span may carry: they are the variables' (TRACE_RECORDED_VARIABLES names none). */
const VARIABLES = { from: '2025-12-31T22:59:59.123Z', to: '2026-01-01T01:00:00.456Z' };
const CLIENT_TRACE_ID = '5e1f0c3b9a7d4e26b8c0f1a2d3e4f5a6';
const CLIENT_SPAN_ID = '7a1b2c3d4e5f6071';
const clientTraceparent = (traceId: string, sampled = true) => `00-${traceId}-${CLIENT_SPAN_ID}-${sampled ? '01' : '00'}`;
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;
const execFileAsync = promisify(execFile);

interface SpanNode {
  span: ReadableSpan;
  service: string;
  children: SpanNode[];
}

describe('the partner dashboard, traced', () => {
  const exporter = new InMemorySpanExporter();
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ traceExporter: exporter, logLevel: 'info' });
    world = await seedWorld(supergraph, { customers: 2, devicesPerCustomer: 2, sensorsPerDevice: 2 });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const serviceOf = (span: ReadableSpan) => String(span.resource.attributes['service.name']);
  /** The trace's spans as a tree, from the gateway's request span (whose parent is the client's). */
  const treeOf = (traceId: string): SpanNode => {
    const spans = spansOf(traceId);
    const nodes = new Map(spans.map((span) => [span.spanContext().spanId, { span, service: serviceOf(span), children: [] as SpanNode[] }]));
    const roots: SpanNode[] = [];
    for (const node of nodes.values()) {
      const parent = nodes.get(node.span.parentSpanContext?.spanId ?? '');
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    for (const node of nodes.values()) node.children.sort((a, b) => compareTimes(a.span.startTime, b.span.startTime));
    expect(roots).toHaveLength(1);
    return roots[0]!;
  };
  /** Sends the dashboard as the partner's admin with a client's traceparent; waits until the gateway's request span has ended. */
  const dashboard = async (traceId: string, options: { sampled?: boolean; gateway?: Pick<InProcessSupergraph, 'query'> } = {}) => {
    const response = await (options.gateway ?? supergraph).query(DASHBOARD, VARIABLES, {
      ...world.asPartnerAdmin,
      traceparent: clientTraceparent(traceId, options.sampled),
    });
    expect(response.body.errors).toBeUndefined();
    return response;
  };
  const requestSpanOf = (traceId: string) =>
    waitFor('the gateway’s request span', () => spansOf(traceId).find((span) => span.parentSpanContext?.spanId === CLIENT_SPAN_ID));
  /** A subgraph's span ends when its answer has gone, a moment after the gateway read it. */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100));

  describe('at ratio 1', () => {
    let tree: SpanNode;
    let statements: Record<string, number>;

    beforeAll(async () => {
      statements = await countStatements(supergraph, async () => {
        await dashboard(CLIENT_TRACE_ID);
        await requestSpanOf(CLIENT_TRACE_ID);
        await settled();
      });
      tree = treeOf(CLIENT_TRACE_ID);
    });

    const all = (node: SpanNode = tree): SpanNode[] => [node, ...node.children.flatMap((child) => all(child))];
    const named = (name: string, within: SpanNode = tree) => all(within).filter((node) => node.span.name === name);
    const only = (name: string, within: SpanNode = tree): SpanNode => {
      const found = named(name, within);
      expect(found.map((node) => node.span.name)).toEqual([name]);
      return found[0]!;
    };

    it('is one trace continuing the client’s traceparent, from the gateway’s request span', () => {
      expect(tree.span.parentSpanContext?.spanId).toBe(CLIENT_SPAN_ID);
      expect(tree.service).toBe('gateway');
      expect(tree.span.kind).toBe(SpanKind.SERVER);
      expect(tree.span.name).toBe('query TracedPartnerDashboard');
      expect(tree.span.attributes).toMatchObject({
        'graphql.operation.name': 'TracedPartnerDashboard',
        'graphql.operation.type': 'query',
        'http.request.method': 'POST',
        'url.path': '/graphql',
        'http.response.status_code': 200,
      });
      expect(all().every((node) => node.span.spanContext().traceId === CLIENT_TRACE_ID)).toBe(true);
    });

    it('has the gateway’s phases under the request, and one CLIENT span per subgraph fetch under graphql.execute', () => {
      expect(tree.children.map((node) => node.span.name)).toEqual(['graphql.parse', 'graphql.validate', 'graphql.plan', 'graphql.execute']);
      const execute = only('graphql.execute');
      const fetches = execute.children.map((node) => [node.span.name, node.span.kind, node.span.attributes['subgraph.name']]);
      expect(fetches.sort()).toEqual([
        ['subgraph device-telemetry', SpanKind.CLIENT, 'device-telemetry'],
        ['subgraph identity', SpanKind.CLIENT, 'identity'],
      ]);
      for (const fetch of execute.children) expect(fetch.span.attributes['http.response.status_code']).toBe(200);
    });

    it('continues each fetch in the subgraph’s operation span, named after the operation the gateway sent', () => {
      for (const subgraph of ['identity', 'device-telemetry']) {
        const fetch = only(`subgraph ${subgraph}`);
        expect(fetch.children).toHaveLength(1);
        const operation = fetch.children[0]!;
        expect(operation.service).toBe(subgraph);
        expect(operation.span.kind).toBe(SpanKind.SERVER);
        expect(operation.span.name).toMatch(/^query TracedPartnerDashboard__/);
        expect(operation.span.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'http.response.status_code': 200 });
      }
    });

    it('puts device-telemetry’s access check under its batch, with identity’s spans under the check', () => {
      const operation = only('subgraph device-telemetry').children[0]!;
      const batch = only('dataloader.batch accessDecisions', operation);
      expect(operation.children).toContain(batch);
      // The partner and its two customers, asked in one batch.
      expect(batch.span.attributes['dataloader.batch.size']).toBe(3);
      const [check] = batch.children;
      expect(check?.span).toMatchObject({ name: 'access check', kind: SpanKind.CLIENT });
      expect(check?.span.attributes).toMatchObject({ 'partnergraph.access_check.field': 'accessDecisions', 'partnergraph.access_check.organizations': 3 });
      const identity = check?.children ?? [];
      expect(identity.map((node) => [node.service, node.span.kind, node.span.name])).toEqual([['identity', SpanKind.SERVER, 'query AccessDecisions']]);
      expect(named('SELECT', identity[0]).length).toBeGreaterThan(0);
    });

    it('has a span per DataLoader batch with its size, over the statements the batch issued', () => {
      const operation = only('subgraph device-telemetry').children[0]!;
      const batches = operation.children.filter((node) => node.span.name.startsWith('dataloader.batch '));
      expect(batches.map((node) => node.span.name)).toEqual(
        expect.arrayContaining(['dataloader.batch devicePages', 'dataloader.batch sensorsByDevice', 'dataloader.batch openIncidentCountByDevice']),
      );
      for (const batch of batches) expect(batch.span.attributes['dataloader.batch.size']).toEqual(expect.any(Number));
      // The partner's and its two customers' pages in one batch, one statement; four devices' sensors likewise (their latest readings ride on the sensors' rows).
      expect(only('dataloader.batch devicePages', operation).span.attributes['dataloader.batch.size']).toBe(3);
      expect(only('dataloader.batch sensorsByDevice', operation).span.attributes['dataloader.batch.size']).toBe(4);
      const devicePages = only('dataloader.batch devicePages', operation);
      expect(devicePages.children.map((node) => node.span.name)).toEqual(['SELECT']);
      expect(devicePages.children[0]?.span.attributes['db.query.text']).toMatch(/FROM telemetry\.device\b/);
    });

    it('has a CLIENT span per PostgreSQL statement, as many as each subgraph ran, under a batch or the operation of its own service', () => {
      const statementSpans = all().filter((node) => node.span.attributes['db.system.name'] === 'postgresql');
      const perService = (service: string) => statementSpans.filter((node) => node.service === service).length;
      expect({ identity: perService('identity'), 'device-telemetry': perService('device-telemetry') }).toEqual({
        identity: statements.identity,
        'device-telemetry': statements['device-telemetry'],
      });
      const parents = new Map(all().flatMap((node) => node.children.map((child) => [child, node] as const)));
      for (const statement of statementSpans) {
        const parent = parents.get(statement)!;
        expect(statement.span.kind).toBe(SpanKind.CLIENT);
        expect(statement.span.name).toBe(statement.span.attributes['db.operation.name']);
        expect(statement.span.attributes['db.query.text']).toEqual(expect.stringMatching(/\$1\b/));
        expect(parent.service).toBe(statement.service);
        expect(parent.span.kind === SpanKind.SERVER || parent.span.name.startsWith('dataloader.batch ')).toBe(true);
      }
    });

    it('carries no token, no internal token and no variable value in any span', () => {
      const token = (world.asPartnerAdmin.authorization ?? '').replace(/^Bearer /, '');
      expect(token).toMatch(JWT);
      const recorded = JSON.stringify(
        all().map(({ span }) => [span.name, span.attributes, span.status, span.events, span.links, span.resource.attributes]),
      );
      expect(recorded).not.toContain(token);
      expect(recorded).not.toMatch(JWT);
      expect(recorded).not.toMatch(/authorization|bearer/i);
      for (const value of Object.values(VARIABLES)) expect(recorded).not.toContain(value);
      for (const customer of world.customers) expect(recorded).not.toContain(customer.id);
    });
  });

  it('records a variable the allow-list names, on the gateway’s request span, and no other', async () => {
    const replica = await supergraph.startGatewayReplica({ TRACE_RECORDED_VARIABLES: 'from' });
    const traceId = '6e1f0c3b9a7d4e26b8c0f1a2d3e4f5a7';
    await dashboard(traceId, { gateway: replica });
    const span = await requestSpanOf(traceId);
    await settled();

    expect(span.attributes['graphql.variables.from']).toBe(VARIABLES.from);
    const recorded = JSON.stringify(spansOf(traceId).map((each) => each.attributes));
    expect(recorded.split(VARIABLES.from)).toHaveLength(2);
    expect(recorded).not.toContain(VARIABLES.to);
  });

  it('records nothing anywhere at ratio 0, whatever the client’s sampled flag, and the subgraphs sample nothing either', async () => {
    const replica = await supergraph.startGatewayReplica({ OTEL_TRACES_SAMPLER_ARG: '0' });
    const before = exporter.getFinishedSpans().length;

    const response = await dashboard('7e1f0c3b9a7d4e26b8c0f1a2d3e4f5a8', { gateway: replica, sampled: true });
    const requestId = response.headers.get('x-request-id');
    await waitFor('the request’s log line', () => supergraph.logs.find((line) => line.includes(`requestId=${requestId}`)));
    await settled();

    // The subgraphs (ratio 1 for traces they start) saw the gateway's unsampled traceparent and recorded nothing.
    expect(exporter.getFinishedSpans().slice(before)).toEqual([]);
    // The client's trace id still names the request in the log.
    expect(supergraph.logs.find((line) => line.includes(`requestId=${requestId}`))).toContain('traceId=7e1f0c3b9a7d4e26b8c0f1a2d3e4f5a8');
  });

  it('starts a trace of its own when the client sends no traceparent or a malformed one', async () => {
    const before = new Set(exporter.getFinishedSpans());
    await supergraph.query(DASHBOARD, VARIABLES, { ...world.asPartnerAdmin, traceparent: '00-not-a-trace-01' });
    const root = await waitFor('a new request span', () =>
      exporter.getFinishedSpans().find((span) => !before.has(span) && span.name === 'query TracedPartnerDashboard'),
    );

    expect(root.parentSpanContext).toBeUndefined();
    expect(root.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('registers nothing with the global OpenTelemetry API: no tracer provider, propagator or context manager', () => {
    const key = createContextKey('probe');

    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(propagation.fields()).toEqual([]);
    expect(context.with(ROOT_CONTEXT.setValue(key, 1), () => context.active().getValue(key))).toBeUndefined();
  });
});

/** Starts the gateway's tracing from its config, as index.ts does, records one request span and shuts down: in a process of its own (the OTLP exporter loads its HTTP agent with a dynamic import jest's sandbox refuses). */
const EXPORT_ONE_SPAN = `
const { readGatewayConfig } = require('@partnergraph/gateway/config');
const { createTracing } = require('@partnergraph/observability');
const { createLogger } = require('@partnergraph/core');
const tracing = createTracing(readGatewayConfig(process.env).tracing, { service: 'gateway', callerDecidesSampling: false, logger: createLogger({ level: 'info', format: 'text' }) });
tracing?.startRequest('POST /graphql', {}, {}).end(200);
void (tracing ? tracing.shutdown() : Promise.resolve()).then(() => process.stdout.write(tracing ? 'on' : 'off'));
`;

describe('OTLP export', () => {
  const received: { method: string | undefined; path: string | undefined; body: string }[] = [];
  const collector = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ method: req.method, path: req.url, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  let endpoint: string;
  const exportOneSpan = async (environment: Record<string, string>) => {
    const { stdout, stderr } = await execFileAsync(process.execPath, [...NODE_ARGS, '-e', EXPORT_ONE_SPAN], {
      cwd: REPOSITORY_ROOT,
      env: { PATH: process.env.PATH, INTERNAL_TOKEN_PRIVATE_KEY: generateEd25519KeyPair().privateKeyPem, ...environment },
      timeout: 20_000,
    });
    return { stdout, stderr };
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => collector.close(resolve));
  });

  it('sends nothing anywhere without OTEL_EXPORTER_OTLP_ENDPOINT: tracing is off', async () => {
    expect((await exportOneSpan({})).stdout).toBe('off');
    expect(received).toEqual([]);
  });

  it('sends spans as OTLP/HTTP JSON to OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces, under OTEL_SERVICE_NAME', async () => {
    expect((await exportOneSpan({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'gateway-eu' })).stdout).toBe('on');

    expect(received.map(({ method, path }) => [method, path])).toEqual([['POST', '/v1/traces']]);
    const exported = JSON.stringify(JSON.parse(received[0]?.body ?? '{}'));
    expect(exported).toContain('{"key":"service.name","value":{"stringValue":"gateway-eu"}}');
    expect(exported).toContain('"name":"POST /graphql"');
  });

  it('drops what a collector that does not answer was sent, and says so at warn', async () => {
    const [closedPort] = await freePorts(1);

    // The exporter's own OTEL_EXPORTER_OTLP_TIMEOUT bounds its retries.
    const { stdout, stderr } = await exportOneSpan({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closedPort}`, OTEL_EXPORTER_OTLP_TIMEOUT: '1000' });

    expect(stdout).toBe('on');
    expect(stderr).toMatch(/^warn\s+spans could not be exported to the OTLP endpoint and were dropped spans=1 error=.*ECONNREFUSED/m);
  });
});

function compareTimes(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

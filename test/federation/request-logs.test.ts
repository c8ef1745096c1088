import { InMemorySpanExporter } from '@partnergraph/observability';
import { seedWorld, type SeededWorld } from '../support/fixtures';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';
import { waitFor } from '../support/wait-for';
import { graphql } from '../generated/operations';

/*
 * Issue 16's logs: the gateway logs one line per request at info, with the
 * ids an operator follows it by (request id, trace id) and never a token;
 * the subgraphs log theirs at debug; the warnings and errors about a request
 * carry the same ids.
 */

const CUSTOMER_DEVICES = graphql(`
  query RequestLogsCustomerDevices {
    organizations { nodes { id name devices(first: 5) { nodes { id name } } } }
  }
`);

const ANONYMOUS_TYPENAME = graphql(`
  query RequestLogsTypename {
    __typename
  }
`);

const TRACE_ID = /^[0-9a-f]{32}$/;

describe('the request log', () => {
  let supergraph: InProcessSupergraph;
  let world: SeededWorld;

  beforeAll(async () => {
    supergraph = await startInProcessSupergraph({ traceExporter: new InMemorySpanExporter(), logLevel: 'debug' });
    world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
  });
  afterAll(async () => {
    await supergraph?.stop();
  });

  /** The lines about one request, once the gateway's own line (written when the answer has gone) is there. */
  const linesOf = (requestId: string | null) =>
    waitFor(`the request line of ${requestId}`, () => {
      const lines = supergraph.logs.filter((line) => line.includes(`requestId=${requestId} `) || line.endsWith(`requestId=${requestId}`));
      return lines.some((line) => line.startsWith('info  request service=gateway ')) ? lines : undefined;
    });
  const gatewayLineOf = async (requestId: string | null) => {
    const lines = (await linesOf(requestId)).filter((line) => line.startsWith('info  request service=gateway '));
    expect(lines).toHaveLength(1);
    return fieldsOf(lines[0]!);
  };
  const token = () => (world.asPartnerAdmin.authorization ?? '').replace(/^Bearer /, '');

  it('logs one line at info for a signed-in request: operation, caller, status, duration, request and trace ids', async () => {
    const response = await supergraph.query(CUSTOMER_DEVICES, {}, world.asPartnerAdmin);
    const requestId = response.headers.get('x-request-id');

    const fields = await gatewayLineOf(requestId);

    expect(fields).toEqual({
      service: 'gateway',
      requestId,
      traceId: expect.stringMatching(TRACE_ID),
      path: '/graphql',
      operationName: 'RequestLogsCustomerDevices',
      operationType: 'query',
      principal: 'user',
      organizationId: world.partner.id,
      status: '200',
      durationMs: expect.stringMatching(/^\d+(\.\d)?$/),
    });
  });

  it('logs the subgraphs’ requests at debug, under the same request and trace ids', async () => {
    const response = await supergraph.query(CUSTOMER_DEVICES, {}, world.asPartnerAdmin);
    const requestId = response.headers.get('x-request-id');
    const lines = await linesOf(requestId);
    const { traceId } = fieldsOf(lines.find((line) => line.startsWith('info  request service=gateway '))!);

    const subgraphLines = lines.filter((line) => line.startsWith('debug request ')).map(fieldsOf);
    expect(subgraphLines.map((fields) => fields.service).sort()).toEqual(['device-telemetry', 'identity', 'identity']);
    for (const fields of subgraphLines) {
      expect(fields).toMatchObject({ requestId, traceId, principal: 'user', status: '200', durationMs: expect.stringMatching(/^\d/) });
    }
    // Identity's second line is device-telemetry's access check, asked under the gateway's token for it.
    expect(subgraphLines.map((fields) => fields.operationName)).toContain('AccessDecisions');
  });

  it('logs the refused and the anonymous alike, and never a token', async () => {
    // Refused before its operation is resolved: the line names the operationName the client sent.
    const refused = await fetch(supergraph.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token().slice(0, -4)}AAAA` },
      body: JSON.stringify({ query: String(CUSTOMER_DEVICES), operationName: 'RequestLogsCustomerDevices' }),
    });
    const anonymous = await supergraph.query(ANONYMOUS_TYPENAME, {});
    const unknownPath = await fetch(new URL('/no-such-path', supergraph.gatewayUrl));

    expect(await gatewayLineOf(refused.headers.get('x-request-id'))).toMatchObject({ status: '401', operationName: 'RequestLogsCustomerDevices' });
    expect(await gatewayLineOf(refused.headers.get('x-request-id'))).not.toHaveProperty('principal');
    expect(await gatewayLineOf(anonymous.headers.get('x-request-id'))).toMatchObject({ status: '200', principal: 'anonymous' });
    expect(await gatewayLineOf(unknownPath.headers.get('x-request-id'))).toMatchObject({ status: '404', path: '/no-such-path' });
    expect(supergraph.logs.join('\n')).not.toContain(token().split('.')[2]);
  });

  it('logs no line for health checks', async () => {
    const before = supergraph.logs.length;
    await fetch(new URL('/health/ready', supergraph.gatewayUrl));
    await fetch(new URL('/health/live', supergraph.gatewayUrl));
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(supergraph.logs.slice(before).filter((line) => line.includes('path=/health'))).toEqual([]);
  });

  it('names the request and its trace on the error a failed subgraph fetch logs', async () => {
    await supergraph.stopSubgraph('device-telemetry');
    const response = await supergraph.query(CUSTOMER_DEVICES, {}, world.asPartnerAdmin);
    const requestId = response.headers.get('x-request-id');
    const lines = await linesOf(requestId);
    const { traceId } = await gatewayLineOf(requestId);

    const failure = lines.find((line) => line.startsWith('error subgraph request failed '));
    expect(failure && fieldsOf(failure)).toMatchObject({ subgraph: 'device-telemetry', code: 'SUBGRAPH_UNAVAILABLE', requestId, traceId });
  });
});

/** A text log line's `key=value` fields (values as written, quoted ones unquoted). */
function fieldsOf(line: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, key, quoted, plain] of line.matchAll(/ (\w+)=(?:("(?:[^"\\]|\\.)*")|(\S+))/g)) {
    fields[key!] = quoted === undefined ? plain! : (JSON.parse(quoted) as string);
  }
  return fields;
}

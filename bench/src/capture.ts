import type { SubgraphName } from '@partnergraph/core';
import type { Caller, GraphQLBody, Step } from './load-job';
import type { RecordedCall, RecordingProxy } from './recording-proxy';

/**
 * One operation sent once through a gateway whose subgraphs (and whose
 * subgraphs' access checks) sit behind recording proxies: its response,
 * every subgraph request it caused and the SQL statements they ran.
 */
export interface CapturedOperation {
  status: number;
  responseBytes: number;
  data: unknown;
  calls: RecordedCall[];
  /** Requests the gateway sent to subgraphs. */
  gatewayRequests: number;
  /** Requests subgraphs sent to identity for access decisions. */
  accessChecks: number;
  /** SQL statements of all of them. */
  statements: number;
  /** Bytes the subgraphs sent back to the gateway. */
  subgraphResponseBytes: number;
  /** TCP connections opened to the subgraphs for it (by the gateway and by the subgraphs' access checks): 0 when kept-alive ones were reused. */
  newConnections: number;
  milliseconds: number;
}

export function send(gatewayUrl: string, body: GraphQLBody, caller: Caller): Promise<Response> {
  return fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${caller.accessToken}` },
    body: JSON.stringify(body),
  });
}

/** Sends `warmup` first, unrecorded (query plans, connections), then `body`, recorded. */
export async function captureOperation(
  gatewayUrl: string,
  proxies: readonly RecordingProxy[],
  body: GraphQLBody,
  caller: Caller,
  warmup: GraphQLBody = body,
): Promise<CapturedOperation> {
  await (await send(gatewayUrl, warmup, caller)).text();
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const proxy of proxies) proxy.take();
  const started = performance.now();
  const response = await send(gatewayUrl, body, caller);
  const text = await response.text();
  const milliseconds = performance.now() - started;
  // Access checks end before the subgraph answers; a moment lets the proxies finish writing down their last response.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const taken = proxies.map((proxy) => proxy.take());
  const calls = taken.flatMap((entry) => entry.calls).sort((a, b) => a.startedMs - b.startedMs);
  const parsed = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (response.status !== 200 || parsed.errors) {
    throw new Error(`${gatewayUrl} answered ${response.status} to ${body.operationName ?? body.query.slice(0, 60)}: ${text.slice(0, 500)}`);
  }
  const fromGateway = calls.filter((call) => call.from === 'gateway');
  return {
    status: response.status,
    responseBytes: Buffer.byteLength(text),
    data: parsed.data,
    calls,
    gatewayRequests: fromGateway.length,
    accessChecks: calls.length - fromGateway.length,
    statements: calls.reduce((sum, call) => sum + call.statements, 0),
    subgraphResponseBytes: fromGateway.reduce((sum, call) => sum + call.responseBytes, 0),
    newConnections: taken.reduce((sum, entry) => sum + entry.connections, 0),
    milliseconds,
  };
}

/**
 * The requests our gateway sent for a captured operation, to replay straight
 * to the subgraphs in the order it sent them, with internal tokens signed as
 * it signs them. Variables the benchmark generates per operation must reach
 * the subgraph unchanged, or the replay would not be the same work.
 */
export function replaySteps(
  captured: CapturedOperation,
  subgraphUrls: Record<SubgraphName, string>,
  clientVariables: Record<string, unknown>,
  generated: readonly string[],
): Step[] {
  const steps = captured.calls
    .filter((call) => call.from === 'gateway')
    .map((call): Step => {
      const variables = call.body.variables ?? {};
      const takes = generated.filter((name) => name in variables);
      for (const name of takes) {
        if (JSON.stringify(variables[name]) !== JSON.stringify(clientVariables[name])) {
          throw new Error(`the gateway changed the variable ${name} on its way to ${call.subgraph}; the operation cannot be replayed`);
        }
      }
      return { url: subgraphUrls[call.subgraph], body: call.body, credentials: { kind: 'internal', audience: call.subgraph }, generated: takes };
    });
  const missing = generated.filter((name) => !steps.some((step) => step.generated.includes(name)));
  if (missing.length > 0) throw new Error(`no subgraph request carries the variables ${missing.join(', ')}; the operation cannot be replayed`);
  return steps;
}

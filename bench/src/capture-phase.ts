import { captureOperation, replaySteps, type CapturedOperation } from './capture';
import type { Caller } from './load-job';
import type { OperationDefinition, OperationKey } from './operation-definitions';
import type { PreparedOperation } from './plan';
import type { RecordingProxy } from './recording-proxy';
import type { CaptureRow } from './report';
import type { Service, SubgraphUrls } from './services';

/**
 * Every operation once through our capture gateway (and the dashboard and
 * the small query through Hive Gateway's), behind the recording proxies:
 * what each costs in subgraph requests and SQL statements, and the requests
 * the direct calls replay against the load stack's subgraphs.
 */
export type CapturedOperationSet = Map<OperationKey, PreparedOperation & { caller: Caller; captured: CapturedOperation }>;

export interface CapturePhase {
  operations: CapturedOperationSet;
  rows: CaptureRow[];
  /** SQL statements per operation, by `<operation key>:<gateway>` (ours, hive-js, hive-rust). */
  statements: Map<string, number>;
}

/** What the capture tables show: the capture, with the requests and statements summed per subgraph. */
export function captureRow(operation: string, gateway: string, captured: CapturedOperation): CaptureRow {
  const bySubgraph: CaptureRow['bySubgraph'] = {};
  for (const call of captured.calls) {
    const entry = (bySubgraph[call.subgraph] ??= { requests: 0, statements: 0, milliseconds: 0 });
    entry.requests += 1;
    entry.statements += call.statements;
    entry.milliseconds += call.endedMs - call.startedMs;
  }
  return {
    operation,
    gateway,
    responseBytes: captured.responseBytes,
    gatewayRequests: captured.gatewayRequests,
    accessChecks: captured.accessChecks,
    statements: captured.statements,
    subgraphResponseBytes: captured.subgraphResponseBytes,
    newConnections: captured.newConnections,
    bySubgraph,
    milliseconds: captured.milliseconds,
  };
}

const ON_HIVE: readonly OperationKey[] = ['dashboard', 'organizations'];

export async function captureOperations(options: {
  definitions: readonly OperationDefinition[];
  ours: Service;
  hive: ReadonlyMap<string, Service>;
  proxies: readonly RecordingProxy[];
  /** Where the direct calls go: the load stack's subgraphs. */
  directUrls: SubgraphUrls;
}): Promise<CapturePhase> {
  const phase: CapturePhase = { operations: new Map(), rows: [], statements: new Map() };
  for (const definition of options.definitions) {
    const captured = await captureOperation(options.ours.url, options.proxies, definition.body, definition.caller, definition.warmup);
    phase.rows.push(captureRow(definition.title, 'ours', captured));
    phase.statements.set(`${definition.key}:ours`, captured.statements);
    phase.operations.set(definition.key, {
      id: definition.key,
      title: definition.title,
      body: definition.body,
      latencyMs: captured.milliseconds,
      generated: definition.generated,
      directSteps: replaySteps(captured, options.directUrls, definition.body.variables ?? {}, definition.generated),
      variables: definition.variables,
      readingsPerOperation: definition.readingsPerOperation,
      caller: definition.caller,
      captured,
    });
    if (!ON_HIVE.includes(definition.key)) continue;
    for (const [id, service] of options.hive) {
      const onHive = await captureOperation(service.url, options.proxies, definition.body, definition.caller);
      phase.rows.push(captureRow(definition.title, id, onHive));
      phase.statements.set(`${definition.key}:${id}`, onHive.statements);
    }
  }
  return phase;
}

/** The captured operation, which the plan cannot do without. */
export function capturedOperation(phase: CapturePhase, key: OperationKey): PreparedOperation & { caller: Caller; captured: CapturedOperation } {
  const found = phase.operations.get(key);
  if (!found) throw new Error(`${key} was not captured`);
  return found;
}

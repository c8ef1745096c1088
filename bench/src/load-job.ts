import type { Principal, SubgraphName } from '@partnergraph/core';

/**
 * What the benchmark hands a load worker (one child process per round) and
 * what it gets back. A job is plain JSON: it travels in a file.
 */
export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** How a request says who calls: the caller's access token (to a gateway), or internal tokens as the gateway signs them (to a subgraph). */
export type Credentials = { kind: 'access-token' } | { kind: 'internal'; audience: SubgraphName };

/** One HTTP request of an operation. */
export interface Step {
  url: string;
  body: GraphQLBody;
  credentials: Credentials;
  /** The generated variables (see VariableSource) this request takes, by name. */
  generated: readonly string[];
}

/** Variables that must differ from one operation to the next. */
export type VariableSource =
  | { kind: 'none' }
  /** `key`, `customerId` and `startDate` for redeemLicenseKey: each key is used once. */
  | { kind: 'license-keys'; keys: readonly string[]; customerIds: readonly string[]; startDate: string }
  /** `readings` for recordReadings: a block of sensors, each with readings at instants no other operation uses. */
  | {
      kind: 'readings';
      sensorIds: readonly string[];
      sensorsPerOperation: number;
      readingsPerSensor: number;
      firstInstantMs: number;
      spacingMs: number;
    };

export interface Caller {
  principal: Principal;
  accessToken: string;
}

export interface HttpLoad {
  /** `autocannon` for operations of one request; `chain` runs an operation's requests one after another on keep-alive connections. */
  engine: 'autocannon' | 'chain';
  steps: readonly Step[];
  /** Operations take turns through them: one caller, or many different principals. */
  callers: readonly Caller[];
  variables: VariableSource;
  connections: number;
  /** Each connection sends this many operations, one after the other, then stops: nothing is left in flight. */
  operationsPerConnection: number;
  /** For internal credentials: the gateway's private key, in a file readable by its owner only. */
  internalTokenPrivateKeyFile?: string;
}

/** One SQL statement run over and over, to compare with what the API does. */
export interface SqlLoad {
  engine: 'sql';
  databaseUrl: string;
  sql: string;
  parameters: readonly (string | number)[];
  connections: number;
  operationsPerConnection: number;
}

export type LoadJob = HttpLoad | SqlLoad;

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  /** Operations completed, whatever their outcome; a chain counts once. */
  operations: number;
  /** From `go` to the last answer. */
  elapsedMs: number;
  /** Milliseconds per operation. */
  latencyMs: Latency;
  errors: { non2xx: number; graphql: number; network: number; timeouts: number };
  /** Operations whose every response was 2xx without GraphQL errors. */
  succeeded: number;
  /** Operations that could not start because the job's unique variables ran out. */
  exhausted: boolean;
  /** Unique variables used, so the next round starts after them. */
  variablesUsed: number;
  bytesReceived: number;
}

/** The worker says it is ready (`ready`), waits for `go` on stdin, runs the load and prints the result as one JSON line. */
export const WORKER_READY = 'ready';
export const WORKER_GO = 'go';

export function percentiles(samples: number[]): Latency {
  if (samples.length === 0) return { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  return {
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    max: sorted[sorted.length - 1] ?? 0,
  };
}

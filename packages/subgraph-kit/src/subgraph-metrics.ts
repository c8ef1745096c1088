import type { ApolloServerPlugin } from '@apollo/server';
import type { EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { createMetricsRegistry, Counter, Gauge, Histogram, requestMetricsPlugin, type Metric, type Registry } from '@partnergraph/observability';
import type { Logger } from '@partnergraph/core';
import type { BaseContext } from './context';
import type { Database } from './database';
import { DEFAULT_RETRY_POLICY } from './email-delivery';

/** For a subgraph's own metrics (SubgraphDefinition.metrics): created with `registers: []`, the kit registers them. */
export { Counter, Gauge, type Metric } from '@partnergraph/observability';

/** Seconds: most statements take well under a millisecond; DATABASE_STATEMENT_TIMEOUT_MS is 10 s by default. */
export const STATEMENT_DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10];

/** What a subgraph reports when METRICS_PORT is set (docs/operations.md, Metrics). */
export interface SubgraphMetrics {
  registry: Registry;
  /** Apollo Server plugin: requests by operation name and type, durations, error codes. */
  requests: ApolloServerPlugin<BaseContext>;
  /** Counts a field the shield refused for want of `capability`, once per request and capability. */
  accessDenied(capability: string, context: object): void;
}

export interface SubgraphMetricsOptions {
  name: string;
  /** Initialized (migrated): its statements are timed from now on, and its pool read at each scrape. */
  database: Database;
  /** The schema-qualified email outbox table whose backlog is read at each scrape (identity's, subscriptions'). */
  emailOutbox?: string;
  /** The subgraph's own metrics (SubgraphDefinition.metrics), registered beside the kit's. */
  own?: readonly Metric[];
  logger: Logger;
  /** Node's default metrics; off in tests that start several services in one process. */
  defaultMetrics?: boolean;
}

export function createSubgraphMetrics(options: SubgraphMetricsOptions): SubgraphMetrics {
  const registry = createMetricsRegistry(options.name, { defaultMetrics: options.defaultMetrics });
  const denials = new Counter({
    name: 'partnergraph_access_denials_total',
    help: 'Requests in which the shield refused a field, by the capability the field policy asks for ((unlisted): a field the policy does not list).',
    labelNames: ['capability'] as const,
    registers: [registry],
  });
  timeStatements(options.database, registry);
  watchPool(options.database, registry);
  if (options.emailOutbox !== undefined) watchOutbox(options.database, options.emailOutbox, registry, options.logger);
  for (const metric of options.own ?? []) registry.registerMetric(metric);
  const deniedIn = new WeakMap<object, Set<string>>();
  return {
    registry,
    requests: requestMetricsPlugin(registry),
    accessDenied(capability, context) {
      let counted = deniedIn.get(context);
      if (!counted) {
        counted = new Set();
        deniedIn.set(context, counted);
      }
      if (counted.has(capability)) return;
      counted.add(capability);
      denials.inc({ capability });
    },
  };
}

/**
 * Times every statement from TypeORM's before-query to its after-query event
 * (a TypeORM subscriber, added to the initialized data source: initialize
 * replaces the list). A query runner runs its statements one after the other,
 * so each one's start is taken in order.
 */
function timeStatements(database: Database, registry: Registry): void {
  const { dataSource } = database;
  if (!dataSource.isInitialized) throw new Error('statements can be timed only once the database is initialized (migrateDatabase)');
  const durations = new Histogram({
    name: 'partnergraph_db_statement_duration_seconds',
    help: 'SQL statement durations, from sending to the answer (waiting for a connection not included), by outcome (ok, error).',
    labelNames: ['outcome'] as const,
    buckets: STATEMENT_DURATION_BUCKETS,
    registers: [registry],
  });
  const started = new WeakMap<QueryRunner, number[]>();
  const timer: EntitySubscriberInterface = {
    beforeQuery({ queryRunner }) {
      const starts = started.get(queryRunner);
      if (starts) starts.push(performance.now());
      else started.set(queryRunner, [performance.now()]);
    },
    afterQuery({ queryRunner, success }) {
      const start = started.get(queryRunner)?.shift();
      if (start !== undefined) durations.observe({ outcome: success ? 'ok' : 'error' }, (performance.now() - start) / 1000);
    },
  };
  dataSource.subscribers.push(timer);
}

/** The counts node-postgres's pool keeps, read from TypeORM's driver at scrape time. */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max: number };
}

function watchPool(database: Database, registry: Registry): void {
  const poolOf = (): PoolCounts | undefined => (database.dataSource.driver as unknown as { master?: PoolCounts }).master;
  new Gauge({
    name: 'partnergraph_db_pool_connections',
    help: 'Connections in the PostgreSQL pool, by state (busy: running a statement or held by a transaction; idle).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = poolOf();
      if (!pool) return;
      this.set({ state: 'busy' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'partnergraph_db_pool_max_connections',
    help: 'The most connections the pool opens (DATABASE_POOL_SIZE).',
    registers: [registry],
    collect() {
      const pool = poolOf();
      if (pool) this.set(pool.options.max);
    },
  });
  new Gauge({
    name: 'partnergraph_db_pool_waiting_requests',
    help: 'Requests for a connection waiting because every connection of the pool is busy.',
    registers: [registry],
    collect() {
      const pool = poolOf();
      if (pool) this.set(pool.waitingCount);
    },
  });
}

/** The backlog of an email outbox, by one indexed statement (email_outbox_unsent) at each scrape. */
interface OutboxBacklog {
  pending: number;
  failed: number;
  oldest_pending_seconds: number | null;
}

function watchOutbox(database: Database, table: string, registry: Registry, logger: Logger): void {
  const statement = `
    SELECT count(*) FILTER (WHERE attempts < $1)::int AS pending,
           count(*) FILTER (WHERE attempts >= $1)::int AS failed,
           extract(epoch FROM now() - min(created_at) FILTER (WHERE attempts < $1))::float8 AS oldest_pending_seconds
      FROM ${table}
     WHERE sent_at IS NULL`;
  let reading: Promise<OutboxBacklog | undefined> | undefined;
  // Both gauges of one scrape share one statement.
  const read = (): Promise<OutboxBacklog | undefined> =>
    (reading ??= database.dataSource
      .query<OutboxBacklog[]>(statement, [DEFAULT_RETRY_POLICY.maxAttempts])
      .then(
        (rows) => rows[0],
        (error: unknown) => {
          logger.warn('the email outbox backlog could not be read for metrics', { error });
          return undefined;
        },
      )
      .finally(() => {
        reading = undefined;
      }));
  new Gauge({
    name: 'partnergraph_outbox_emails',
    help: 'Unsent emails in the outbox, by state (pending: to be sent or retried; failed: given up after the last attempt, for an operator).',
    labelNames: ['state'] as const,
    registers: [registry],
    async collect() {
      const backlog = await read();
      this.reset();
      if (!backlog) return;
      this.set({ state: 'pending' }, backlog.pending);
      this.set({ state: 'failed' }, backlog.failed);
    },
  });
  new Gauge({
    name: 'partnergraph_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest pending email in the outbox (0 when none is pending; NaN when the outbox could not be read).',
    registers: [registry],
    async collect() {
      const backlog = await read();
      this.set(backlog ? (backlog.oldest_pending_seconds ?? 0) : NaN);
    },
  });
}

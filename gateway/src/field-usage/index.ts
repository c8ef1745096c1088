import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@partnergraph/core';
import { boundedLabel, Counter, MAX_OPERATION_NAMES, type Registry } from '@partnergraph/observability';
import type { GatewayContext } from '../context';
import { clientNameOf } from '../trusted-documents/policy';
import { cachedOperationFields } from './operation-fields';
import { openUsageStore, type UsageStore } from './usage-store';
import { UsageTally } from './usage-tally';

export { operationFields } from './operation-fields';
export { openUsageStore, type UsageLine, type UsageStore } from './usage-store';
export { COORDINATE, parsePeriod, usageReport } from './usage-report';

/** Distinct client names counted; later ones are `(other)`. */
export const MAX_CLIENT_NAMES = 50;
/** Longer client names are cut to this many characters. */
const CLIENT_NAME_LENGTH = 100;

export interface FieldUsageRecorder {
  /** Apollo Server plugin: counts each executed operation against its client name, operation name and fields. */
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Writes the counts so far to the usage store (every FIELD_USAGE_FLUSH_INTERVAL_MS, and at stop). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Which fields and operations each client uses (docs/operations.md, Field
 * usage): per executed operation, the client's name (`apollographql-client-name`
 * or `x-client-name`, as trusted documents read it) and the operation's name
 * are counted against the fields its document selects, worked out once per
 * document. Counts are exposed to Prometheus when `registry` is given and
 * added, every `flushIntervalMs`, to hourly rows in PostgreSQL when a
 * database URL is; with neither there is nothing to record.
 */
export async function setUpFieldUsage(
  config: { fieldUsage: boolean; fieldUsageDatabaseUrl: string | undefined; fieldUsageFlushIntervalMs: number },
  registry: Registry | undefined,
  logger: Logger,
): Promise<FieldUsageRecorder | undefined> {
  if (!config.fieldUsage || (!config.fieldUsageDatabaseUrl && !registry)) return undefined;
  const store: UsageStore | undefined = config.fieldUsageDatabaseUrl ? await openUsageStore({ url: config.fieldUsageDatabaseUrl, logger }) : undefined;
  const tally = new UsageTally({ rows: store !== undefined, totals: registry !== undefined });
  if (registry) exposeTotals(tally, registry);
  const fieldsOf = cachedOperationFields();
  const clientLabel = boundedLabel(MAX_CLIENT_NAMES);
  const operationLabel = boundedLabel(MAX_OPERATION_NAMES);

  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> =>
    (flushing = flushing.then(async () => {
      if (!store) return;
      const rows = tally.takeRows();
      try {
        await store.add(rows);
      } catch (error) {
        tally.putBack(rows);
        logger.warn('field usage could not be written; kept for the next attempt', { error });
      }
    }));
  const timer = store ? setInterval(() => void flush(), config.fieldUsageFlushIntervalMs) : undefined;
  timer?.unref();

  return {
    plugin: {
      async requestDidStart({ request }) {
        // Operations run in-process (the live feeds' runs) are not what a client sent.
        if (!request.http) return;
        const clientName = clientLabel(clientNameOf(request.http.headers).slice(0, CLIENT_NAME_LENGTH));
        return {
          async executionDidStart({ schema, queryHash, document, operation, operationName }) {
            tally.record(clientName, operationLabel(operationName ?? '(anonymous)'), fieldsOf(schema, queryHash, document, operation));
          },
        };
      },
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
      await store?.close();
    },
  };
}

/** Prometheus reads the running totals, folded at each scrape. */
function exposeTotals(tally: UsageTally, registry: Registry): void {
  const shown = (clientName: string): string => clientName || '(none)';
  new Counter({
    name: 'partnergraph_client_operations_total',
    help: 'Operations executed, by client name ((none): no client name header) and operation name.',
    labelNames: ['client_name', 'operation_name'] as const,
    registers: [registry],
    collect() {
      tally.fold();
      this.reset();
      for (const { clientName, operationName, count } of tally.operationTotals.values()) {
        this.inc({ client_name: shown(clientName), operation_name: operationName }, count);
      }
    },
  });
  new Counter({
    name: 'partnergraph_field_usage_total',
    help: 'Executed operations that selected a field (Type.field) or gave an argument (Type.field(argument:)), by client name and operation name.',
    labelNames: ['client_name', 'operation_name', 'field'] as const,
    registers: [registry],
    collect() {
      tally.fold();
      this.reset();
      for (const { clientName, operationName, field, count } of tally.fieldTotals.values()) {
        this.inc({ client_name: shown(clientName), operation_name: operationName, field }, count);
      }
    },
  });
}

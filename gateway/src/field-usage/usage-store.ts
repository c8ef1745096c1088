import type { Logger } from '@partnergraph/core';
import { openGatewayDatabase } from '../gateway-storage';
import type { UsageRows } from './usage-tally';

/** Who used a field or an operation over a period: one line per client and operation. */
export interface UsageLine {
  clientName: string;
  operationName: string;
  count: number;
  firstSeenHour: Date;
  lastSeenAt: Date;
}

export interface UsageStore {
  /** Adds the counts to their hours' rows, in one transaction (every replica adds to the same rows). */
  add(rows: UsageRows): Promise<void>;
  /** Who selected `field` (`Type.field` or `Type.field(argument:)`) since `since`, most used first. */
  fieldUsage(field: string, since: Date): Promise<UsageLine[]>;
  /** Every client's operations since `since`, most used first. */
  operationUsage(since: Date): Promise<UsageLine[]>;
  close(): Promise<void>;
}

/** An aggregate over a period: its rows are no table's (docs/architecture.md, Reaching the database). */
type UsageLineRow = { client_name: string; operation_name: string; count: string; first_hour: Date; last_seen_at: Date };

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const [x, y] = [a[index]!, b[index]!];
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

const toLine = (row: UsageLineRow): UsageLine => ({
  clientName: row.client_name,
  operationName: row.operation_name,
  count: Number(row.count),
  firstSeenHour: row.first_hour,
  lastSeenAt: row.last_seen_at,
});

/** The gateway's usage counts in its PostgreSQL schema `gateway` (migrated here, with the persisted documents' table). */
export async function openUsageStore(options: { url: string; logger: Logger; applicationName?: string }): Promise<UsageStore> {
  const database = await openGatewayDatabase({
    url: options.url,
    poolSize: 2,
    statementTimeoutMs: 10_000,
    applicationName: options.applicationName ?? 'partnergraph-gateway-usage',
    logger: options.logger,
  });
  const { dataSource } = database;
  return {
    async add(rows) {
      if (rows.operations.length === 0 && rows.fields.length === 0) return;
      // In key order, so that replicas adding to the same rows at once wait for each other instead of deadlocking.
      const operations = [...rows.operations].sort((a, b) => compareKeys([a.hour.getTime(), a.clientName, a.operationName], [b.hour.getTime(), b.clientName, b.operationName]));
      const fields = [...rows.fields].sort((a, b) =>
        compareKeys([a.field, a.hour.getTime(), a.clientName, a.operationName], [b.field, b.hour.getTime(), b.clientName, b.operationName]),
      );
      await dataSource.transaction(async (manager) => {
        if (operations.length > 0) {
          await manager.query(
            `INSERT INTO gateway.operation_usage AS u (hour, client_name, operation_name, count, last_seen_at)
             SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[])
             ON CONFLICT (hour, client_name, operation_name)
             DO UPDATE SET count = u.count + excluded.count, last_seen_at = greatest(u.last_seen_at, excluded.last_seen_at)`,
            [
              operations.map((row) => row.hour),
              operations.map((row) => row.clientName),
              operations.map((row) => row.operationName),
              operations.map((row) => row.count),
              operations.map((row) => row.lastSeenAt),
            ],
          );
        }
        if (fields.length > 0) {
          await manager.query(
            `INSERT INTO gateway.field_usage AS u (field, hour, client_name, operation_name, count, last_seen_at)
             SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::bigint[], $6::timestamptz[])
             ON CONFLICT (field, hour, client_name, operation_name)
             DO UPDATE SET count = u.count + excluded.count, last_seen_at = greatest(u.last_seen_at, excluded.last_seen_at)`,
            [
              fields.map((row) => row.field),
              fields.map((row) => row.hour),
              fields.map((row) => row.clientName),
              fields.map((row) => row.operationName),
              fields.map((row) => row.count),
              fields.map((row) => row.lastSeenAt),
            ],
          );
        }
      });
    },
    async fieldUsage(field, since) {
      const rows = await dataSource.query<UsageLineRow[]>(
        `SELECT client_name, operation_name, sum(count) AS count, min(hour) AS first_hour, max(last_seen_at) AS last_seen_at
           FROM gateway.field_usage
          WHERE field = $1 AND hour >= date_trunc('hour', $2::timestamptz)
          GROUP BY client_name, operation_name
          ORDER BY sum(count) DESC, client_name, operation_name`,
        [field, since],
      );
      return rows.map(toLine);
    },
    async operationUsage(since) {
      const rows = await dataSource.query<UsageLineRow[]>(
        `SELECT client_name, operation_name, sum(count) AS count, min(hour) AS first_hour, max(last_seen_at) AS last_seen_at
           FROM gateway.operation_usage
          WHERE hour >= date_trunc('hour', $1::timestamptz)
          GROUP BY client_name, operation_name
          ORDER BY sum(count) DESC, client_name, operation_name`,
        [since],
      );
      return rows.map(toLine);
    },
    async close() {
      await dataSource.destroy();
    },
  };
}

import type { DataSource, EntityManager, QueryRunner, ReplicationMode } from 'typeorm';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
  endSpan,
  failureOf,
  SpanKind,
  type RequestTrace,
} from '@partnergraph/observability';
import type { Database } from './database';
import type { DatabaseReader } from './database-reader';

/** Longer statements are cut in their span (a CTE with a long select list is a few kilobytes). */
const MAX_STATEMENT_LENGTH = 4096;

/**
 * The database as one sampled request sees it: the same pool, entities and
 * statement count, through a DataSource of its own whose every statement
 * is a span of the request's trace (CLIENT, `db.system.name` postgresql,
 * `db.query.text` the parameterised SQL as written, never a parameter's
 * value; named after its operation, `SELECT`). The subgraph's loaders and
 * resolvers get it from its createContext instead of the shared database,
 * so each statement knows its request without AsyncLocalStorage. A
 * statement's span is put under the span current when its query runner is
 * made (see RequestTrace.within: a DataLoader batch's, for the statements
 * it issues at once) and covers its wait for a pooled connection too.
 *
 * TypeORM makes every query runner through the DataSource a repository,
 * query builder, entity manager or transaction belongs to, so a view whose
 * `createQueryRunner` wraps the runner's `query` and whose own `manager` is
 * bound to the view sees them all. Unsampled requests use the shared
 * database as it is.
 */
export function databaseForTrace(database: Database, trace: RequestTrace): Database {
  const shared = database.dataSource;
  const view: DataSource = Object.create(shared);
  Object.defineProperty(view, 'manager', { value: shared.createEntityManager.call(view) satisfies EntityManager });
  view.createQueryRunner = (mode?: ReplicationMode): QueryRunner => traceStatements(shared.createQueryRunner.call(view, mode), trace);
  // Reads that a replica may answer are spans alike, whichever server answers them.
  const reader: DatabaseReader = {
    ...database.reader,
    query: (sql, parameters, options) => traced(trace, trace.currentSpan, sql, () => database.reader.query(sql, parameters, options)),
  };
  return { ...database, dataSource: view, reader, trace };
}

function traceStatements(runner: QueryRunner, trace: RequestTrace): QueryRunner {
  const parent = trace.currentSpan;
  const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  runner.query = ((sql: string, parameters?: unknown[], structured?: boolean) =>
    traced(trace, parent, sql, () => query(sql, parameters, structured))) as QueryRunner['query'];
  return runner;
}

/** Runs one statement as a span of the trace, under `parent`. */
async function traced<T>(trace: RequestTrace, parent: RequestTrace['currentSpan'], sql: string, run: () => Promise<T>): Promise<T> {
  const operation = operationOf(sql);
  const span = trace.startSpan(operation, {
    kind: SpanKind.CLIENT,
    parent,
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
      [ATTR_DB_OPERATION_NAME]: operation,
      [ATTR_DB_QUERY_TEXT]: sql.length > MAX_STATEMENT_LENGTH ? `${sql.slice(0, MAX_STATEMENT_LENGTH)}…` : sql,
    },
  });
  try {
    const result = await run();
    endSpan(span);
    return result;
  } catch (error) {
    const failure = failureOf(error);
    if (/^[0-9A-Z]{5}$/.test(failure)) span?.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, failure);
    endSpan(span, failure);
    throw error;
  }
}

/** The statement's first keyword (`SELECT`, `WITH`, `INSERT`, `START`…): its span's name and `db.operation.name`. */
function operationOf(sql: string): string {
  return /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type ColumnType, type EntitySchema, type Logger as TypeOrmLogger, type MixedList } from 'typeorm';
import { isTransientFailure, type Logger } from '@partnergraph/core';
import type { RequestTrace } from '@partnergraph/observability';
import { createDatabaseReader, type DatabaseReader, type ReadReplicaOptions } from './database-reader';

/**
 * Each subgraph owns one PostgreSQL schema, reached through TypeORM with
 * migrations only (`synchronize` stays off). Every SQL statement is counted, in
 * total and per request, so tests and benchmarks can assert batching exactly.
 */
/** What a subgraph keeps in PostgreSQL: its own schema, its entities and the migrations that build them. */
export interface SubgraphStorage {
  name: string;
  /** The PostgreSQL schema this subgraph owns. */
  schema: string;
  entities: MixedList<EntitySchema>;
  migrations: MixedList<new () => unknown>;
}

export interface DatabaseOptions {
  url: string;
  storage: SubgraphStorage;
  poolSize: number;
  statementTimeoutMs: number;
  applicationName: string;
  logger: Logger;
  /** A streaming replica that may answer `reader`'s statements (DATABASE_READ_URL); none: the primary answers them. */
  readReplica?: ReadReplicaOptions;
}

/**
 * Counts SQL statements: in total, and per HTTP request for requests run
 * through `runRequest`. The per-request count rides on AsyncLocalStorage,
 * which switches on Node's promise hooks for the whole process: every promise
 * then costs a hook call, which nearly doubled device-telemetry's CPU time on a
 * 500-device dashboard. So it is opt-in (SQL_STATEMENTS_PER_REQUEST).
 */
export class StatementCounter {
  private totalCount = 0;
  private readonly scope = new AsyncLocalStorage<{ count: number }>();

  get total(): number {
    return this.totalCount;
  }

  record(): void {
    this.totalCount += 1;
    const current = this.scope.getStore();
    if (current) current.count += 1;
  }

  /** Runs `handle` (an HTTP request's handling) with a fresh per-request count. */
  runRequest<T>(handle: () => T): T {
    return this.scope.run({ count: 0 }, handle);
  }

  /** Runs `work` outside any request: what it issues (background work begun by a request) counts in the total only. */
  outsideRequests<T>(work: () => T): T {
    return this.scope.exit(work);
  }

  /** Statements issued so far by the current request, or undefined outside one. */
  currentRequestCount(): number | undefined {
    return this.scope.getStore()?.count;
  }
}

export interface Database {
  /** The primary: every write, and every read that must see them. */
  dataSource: DataSource;
  /**
   * Reads that may lag a little behind the primary (a sensor's history): the
   * read replica answers them when one is configured and fresh enough, the
   * primary otherwise (see DatabaseReader).
   */
  reader: DatabaseReader;
  statements: StatementCounter;
  schema: string;
  /** Set on a sampled request's view of the database (databaseForTrace): its statements are spans, its loaders' batches too (tracedBatch). */
  trace?: RequestTrace;
}

/**
 * PostgreSQL's xid8, a 64-bit transaction id as `pg_current_xact_id()` gives
 * it, as an entity column's type (device-telemetry's change log orders its
 * feeds by one). TypeORM's driver does not name it, so createDatabase lets the
 * driver accept it; migrations build the tables, and node-postgres reads the
 * value as text.
 */
export const XID8: ColumnType = 'xid8' as string as ColumnType;

export function createDatabase(options: DatabaseOptions): Database {
  const statements = new StatementCounter();
  const logger = new CountingLogger(statements, options.logger);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.storage.schema,
    entities: options.storage.entities,
    migrations: options.storage.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL 13 and later; installing extensions from three processes at once races.
    installExtensions: false,
    applicationName: options.applicationName,
    poolSize: options.poolSize,
    extra: { statement_timeout: options.statementTimeoutMs },
    logger,
  });
  dataSource.driver.supportedDataTypes.push(XID8);
  const reader = createDatabaseReader({
    primary: dataSource,
    replica: options.readReplica,
    statements,
    typeOrmLogger: logger,
    poolSize: options.poolSize,
    statementTimeoutMs: options.statementTimeoutMs,
    applicationName: options.applicationName,
    logger: options.logger,
  });
  return { dataSource, reader, statements, schema: options.storage.schema };
}

/** Closes the primary's pool and the read replica's. */
export async function closeDatabase(database: Database): Promise<void> {
  await database.reader.close();
  if (database.dataSource.isInitialized) await database.dataSource.destroy();
}

/**
 * Creates the schema and applies pending migrations. An advisory lock keeps two
 * processes that start together from migrating the same schema at once.
 */
export async function migrateDatabase(database: Database): Promise<string[]> {
  const { dataSource, schema } = database;
  if (!dataSource.isInitialized) await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`partnergraph:migrate:${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [`partnergraph:migrate:${schema}`]);
    await runner.release();
  }
}

class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly statements: StatementCounter,
    private readonly logger: Logger,
  ) {}

  logQuery(): void {
    this.statements.record();
  }

  logQueryError(error: string | Error, query: string): void {
    // A passing failure (the database down) is logged once per request, with its request id, by internalErrorLogging.
    if (isTransientFailure(error)) this.logger.debug('SQL statement failed', { error, query });
    else this.logger.error('SQL statement failed', { error, query });
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn('slow SQL statement', { milliseconds: time, query });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

import type { Logger } from '@partnergraph/core';
import { closeDatabase, createDatabase, migrateDatabase, type Database, type SubgraphStorage } from '@partnergraph/subgraph-kit';
import { usageMigrations } from './field-usage/migrations';
import { FieldUsageEntity, OperationUsageEntity } from './field-usage/usage-entities';
import { persistedDocumentMigrations } from './trusted-documents/migrations';
import { PersistedDocumentEntity } from './trusted-documents/persisted-document-entity';

/**
 * The gateway's own PostgreSQL schema, `gateway`: published documents and
 * usage counts. Whichever opens it first (the document store, the usage
 * store, `npm run usage`) applies every migration.
 */
export const gatewayStorage: SubgraphStorage = {
  name: 'gateway',
  schema: 'gateway',
  entities: [PersistedDocumentEntity, FieldUsageEntity, OperationUsageEntity],
  migrations: [...persistedDocumentMigrations, ...usageMigrations],
};

/** The `gateway` schema, migrated, through a pool of its own; closed again if the migration fails. */
export async function openGatewayDatabase(options: {
  url: string;
  logger: Logger;
  applicationName: string;
  poolSize: number;
  statementTimeoutMs: number;
}): Promise<Database> {
  const database = createDatabase({ ...options, storage: gatewayStorage });
  try {
    await migrateDatabase(database);
  } catch (error) {
    await closeDatabase(database);
    throw error;
  }
  return database;
}

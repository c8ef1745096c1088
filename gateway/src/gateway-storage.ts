import type { SubgraphStorage } from '@partnergraph/subgraph-kit';
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

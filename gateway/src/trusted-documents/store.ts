import type { Logger } from '@partnergraph/core';
import { openGatewayDatabase } from '../gateway-storage';
import type { PersistedDocument } from './manifest';

/** How long a lookup that found nothing is trusted: a manifest published later works within this time, on every replica. */
export const MISS_TTL_MS = 2_000;
/** Found documents kept in memory per gateway (a document never changes: its id is its hash). */
const MAX_CACHED_DOCUMENTS = 10_000;
const MAX_CACHED_MISSES = 10_000;

export interface DocumentStore {
  /** The document `id` published for `clientName`, or undefined. */
  find(clientName: string, id: string): Promise<PersistedDocument | undefined>;
  /** Publishes `documents` for `clientName`; those already there are left as they are. Returns how many were new. */
  publish(clientName: string, documents: readonly PersistedDocument[]): Promise<number>;
  close(): Promise<void>;
}

/** A Map that forgets its oldest entry past `limit`. */
function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as string);
}

/**
 * The gateway's persisted documents, in its own PostgreSQL schema `gateway`
 * (migrated here, as each subgraph migrates its own), so every replica sees a
 * manifest published once. Lookups are cached in memory by (client, id);
 * misses for MISS_TTL_MS only.
 */
export async function openDocumentStore(options: { url: string; logger: Logger; applicationName?: string }): Promise<DocumentStore> {
  const database = await openGatewayDatabase({
    url: options.url,
    poolSize: 4,
    statementTimeoutMs: 5_000,
    applicationName: options.applicationName ?? 'partnergraph-gateway',
    logger: options.logger,
  });
  const found = new Map<string, PersistedDocument>();
  const missed = new Map<string, number>();
  const keyOf = (clientName: string, id: string): string => `${clientName}\n${id}`;

  return {
    async find(clientName, id) {
      const key = keyOf(clientName, id);
      const cached = found.get(key);
      if (cached) return cached;
      if ((missed.get(key) ?? 0) > Date.now()) return undefined;
      const rows: { body: string; operation_name: string | null }[] = await database.dataSource.query(
        'SELECT body, operation_name FROM gateway.persisted_document WHERE client_name = $1 AND id = $2',
        [clientName, id],
      );
      const row = rows[0];
      if (!row) {
        remember(missed, key, Date.now() + MISS_TTL_MS, MAX_CACHED_MISSES);
        return undefined;
      }
      const document: PersistedDocument = { id, body: row.body, operationName: row.operation_name };
      missed.delete(key);
      remember(found, key, document, MAX_CACHED_DOCUMENTS);
      return document;
    },
    async publish(clientName, documents) {
      if (documents.length === 0) return 0;
      const inserted: unknown[] = await database.dataSource.query(
        `INSERT INTO gateway.persisted_document (client_name, id, body, operation_name)
         SELECT $1, id, body, operation_name FROM unnest($2::text[], $3::text[], $4::text[]) AS d(id, body, operation_name)
         ON CONFLICT (client_name, id) DO NOTHING
         RETURNING id`,
        [clientName, documents.map((d) => d.id), documents.map((d) => d.body), documents.map((d) => d.operationName)],
      );
      return inserted.length;
    },
    async close() {
      await database.dataSource.destroy();
    },
  };
}

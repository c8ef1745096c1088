import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Logger } from '@partnergraph/core';
import type { GatewayContext } from '../context';
import type { TrustedDocumentsPolicy } from './policy';
import { resolvePersistedDocuments } from './resolve-by-id';
import { openDocumentStore } from './store';
import { trustedDocumentsPolicy } from './trusted-documents-policy';

export { ManifestError, documentId, parseManifest, type PersistedDocument } from './manifest';
export { openDocumentStore, type DocumentStore } from './store';

export interface TrustedDocuments {
  /** Express middleware for /graphql, after the JSON body parser: runs documents sent by id. */
  resolveById: RequestHandler;
  /** Apollo Server plugin: applies TRUSTED_DOCUMENTS to each operation. */
  plugin: ApolloServerPlugin<GatewayContext>;
  close(): Promise<void>;
}

/**
 * Persisted documents and the per-client policy: with a database URL the
 * gateway migrates its `gateway` schema and reads published documents from
 * it; without one, requests by id are PERSISTED_QUERY_NOT_SUPPORTED (the
 * config refuses TRUSTED_DOCUMENTS modes other than `any` then).
 */
export async function setUpTrustedDocuments(
  config: { persistedDocumentsDatabaseUrl: string | undefined; trustedDocuments: TrustedDocumentsPolicy },
  logger: Logger,
): Promise<TrustedDocuments> {
  const store = config.persistedDocumentsDatabaseUrl
    ? await openDocumentStore({ url: config.persistedDocumentsDatabaseUrl, logger })
    : undefined;
  return {
    resolveById: resolvePersistedDocuments({ store, logger }),
    plugin: trustedDocumentsPolicy({ policy: config.trustedDocuments, store, logger }),
    close: async () => store?.close(),
  };
}

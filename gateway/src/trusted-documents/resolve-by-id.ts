import type { RequestHandler } from 'express';
import type { Logger } from '@partnergraph/core';
import { sendError } from '../http-errors';
import { requestIdOf } from '../request-id';
import { isDocumentId } from './manifest';
import { clientNameOf } from './policy';
import type { DocumentStore } from './store';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id a request names: Apollo's `extensions.persistedQuery.sha256Hash`, or GraphQL over HTTP's `documentId` (`sha256:` prefix optional). */
function requestedId(body: Record<string, unknown>): { named: boolean; id: unknown } {
  const persistedQuery = isRecord(body.extensions) ? body.extensions.persistedQuery : undefined;
  if (isRecord(persistedQuery)) return { named: true, id: persistedQuery.sha256Hash };
  if (body.documentId !== undefined) {
    const id = body.documentId;
    return { named: true, id: typeof id === 'string' && id.startsWith('sha256:') ? id.slice('sha256:'.length) : id };
  }
  return { named: false, id: undefined };
}

/** Takes the id off the request: Apollo Server, whose own (per-process) persisted queries are off, would refuse it. */
function forgetId(body: Record<string, unknown>): void {
  if (isRecord(body.extensions)) delete body.extensions.persistedQuery;
  delete body.documentId;
}

/**
 * A POST that names its document by id and sends no `query` runs the document
 * published under that id for its client name: the text is put in `query`
 * before Apollo Server reads the request. An id that is not published is
 * PERSISTED_QUERY_NOT_FOUND (Apollo Client's persisted-queries link then
 * sends the full text); without a store, PERSISTED_QUERY_NOT_SUPPORTED (the
 * link stops sending ids). A request with both text and id runs its text (the
 * policy, trusted-documents-policy.ts, judges the text's own hash).
 */
export function resolvePersistedDocuments(options: { store: DocumentStore | undefined; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    const body: unknown = req.body;
    if (!isRecord(body)) {
      next();
      return;
    }
    const { named, id } = requestedId(body);
    if (!named) {
      next();
      return;
    }
    forgetId(body);
    if (typeof body.query === 'string' && body.query.length > 0) {
      next();
      return;
    }
    const requestId = requestIdOf(res);
    const { store, logger } = options;
    if (!store) {
      logger.info('request refused', { requestId, code: 'PERSISTED_QUERY_NOT_SUPPORTED' });
      sendError(res, 'PERSISTED_QUERY_NOT_SUPPORTED', 'This gateway keeps no persisted documents: send the full query.');
      return;
    }
    const clientName = clientNameOf(req.headers);
    const notFound = (): void => {
      logger.info('request refused', { requestId, code: 'PERSISTED_QUERY_NOT_FOUND', client: clientName });
      sendError(res, 'PERSISTED_QUERY_NOT_FOUND', 'No document with that id is published for this client name: send the full query.');
    };
    if (!isDocumentId(id) || clientName === '') {
      notFound();
      return;
    }
    store.find(clientName, id).then(
      (document) => {
        if (!document) {
          notFound();
          return;
        }
        body.query = document.body;
        next();
      },
      (error: unknown) => {
        logger.warn('persisted document lookup failed', { requestId, error });
        res.set('Retry-After', '1');
        sendError(res, 'SERVICE_UNAVAILABLE', 'The persisted documents cannot be read now; retry shortly.');
      },
    );
  };
}

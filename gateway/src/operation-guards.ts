import type { Request, RequestHandler } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import { httpErrorResponse, type Logger } from '@partnergraph/core';
import { sendError } from './http-errors';
import { requestIdOf } from './request-id';

const BATCHING_MESSAGE = 'Send one operation per request: batched requests are not supported.';
/** The most error results a refused batch gets back, so that a body of a million `{}` is not answered with a million errors. */
const MAX_BATCH_RESULTS = 100;

/**
 * What the gateway refuses before Apollo Server parses anything: a JSON array
 * of operations (HTTP batching, which would multiply every other limit) and an
 * operation longer than `maxTokens` GraphQL tokens.
 *
 * A batch is answered as a batching client reads an answer (Apollo Client's
 * BatchHttpLink expects a JSON array, one result per operation): status 400 and
 * an array holding, for each operation sent (at least one, at most
 * MAX_BATCH_RESULTS), the same BATCHING_NOT_SUPPORTED error result; none of them runs.
 */
export function guardOperations(options: { maxTokens: number; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body)) {
      options.logger.info('request refused', { requestId: requestIdOf(res), code: 'BATCHING_NOT_SUPPORTED' });
      const { status, body } = httpErrorResponse('BATCHING_NOT_SUPPORTED', BATCHING_MESSAGE, { requestId: requestIdOf(res) });
      res.status(status).json(Array.from({ length: Math.min(MAX_BATCH_RESULTS, Math.max(1, req.body.length)) }, () => body));
      return;
    }
    const query = queryOf(req);
    if (query !== undefined && exceedsTokens(query, options.maxTokens)) {
      options.logger.info('request refused', { requestId: requestIdOf(res), code: 'TOO_MANY_TOKENS' });
      sendError(res, 'TOO_MANY_TOKENS', `The operation is longer than ${options.maxTokens} tokens.`, { limit: options.maxTokens });
      return;
    }
    next();
  };
}

function queryOf(req: Request): string | undefined {
  const source: unknown = req.method === 'GET' ? req.query : req.body;
  const query = typeof source === 'object' && source !== null && 'query' in source ? source.query : undefined;
  return typeof query === 'string' ? query : undefined;
}

/** Counts tokens as GraphQL's lexer reads them (comments are not tokens), stopping at the first one over. */
function exceedsTokens(query: string, maxTokens: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let count = 1; lexer.advance().kind !== TokenKind.EOF; count += 1) {
      if (count > maxTokens) return true;
    }
  } catch {
    // Not GraphQL: Apollo Server answers GRAPHQL_PARSE_FAILED.
  }
  return false;
}

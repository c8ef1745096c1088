import type { Request, RequestHandler } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';
import type { Logger } from '@partnergraph/core';
import { sendError } from './http-errors';
import { requestIdOf } from './request-id';

/**
 * What the gateway refuses before Apollo Server parses anything: a JSON array
 * of operations (HTTP batching, which would multiply every other limit) and an
 * operation longer than `maxTokens` GraphQL tokens.
 */
export function guardOperations(options: { maxTokens: number; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body)) {
      options.logger.info('request refused', { requestId: requestIdOf(res), code: 'BATCHING_NOT_SUPPORTED' });
      sendError(res, 'BATCHING_NOT_SUPPORTED', 'Send one operation per request: batched requests are not supported.');
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

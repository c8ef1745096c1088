import type { ErrorRequestHandler, Response } from 'express';
import { httpErrorResponse, requestBodyRefusal, SAFE_INTERNAL_MESSAGE, type ErrorCode, type Logger } from '@partnergraph/core';
import { requestIdOf } from './request-id';

/** Answers with a GraphQL-shaped error before GraphQL runs: the code's status, a message for people, the request id. */
export function sendError(res: Response, code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): void {
  const { status, body } = httpErrorResponse(code, message, { ...extensions, requestId: requestIdOf(res) });
  res.status(status).json(body);
}

/**
 * The last error handler: a body the parsers would not read gets its code
 * (REQUEST_BODY_TOO_LARGE, REQUEST_BODY_INVALID); anything else is logged and
 * becomes INTERNAL_SERVER_ERROR. Never express's HTML page, which shows the
 * stack outside production.
 */
export function answerRequestErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = requestIdOf(res);
    const refusal = requestBodyRefusal(error, { requestId });
    if (refusal) {
      logger.info('request refused', { requestId, code: refusal.body.errors[0]?.extensions?.code });
      res.status(refusal.status).json(refusal.body);
      return;
    }
    logger.error('request failed', { requestId, error });
    sendError(res, 'INTERNAL_SERVER_ERROR', SAFE_INTERNAL_MESSAGE);
  };
}

import type { NextFunction, Request, Response } from 'express';
import { InternalTokenError, type InternalTokenVerifier, type Logger, type Principal } from '@partnergraph/core';

/** Set on `res.locals` once the internal token has been verified. */
export interface VerifiedCall {
  principal: Principal;
}

/**
 * Refuses, with HTTP 401 and before any GraphQL runs, every request that does
 * not carry a valid internal token for this subgraph. Nothing reaches the
 * schema (`_service` and `_entities` included) without one.
 */
export function requireInternalToken(verifier: InternalTokenVerifier, logger: Logger) {
  return async (req: Request, res: Response<unknown, Partial<VerifiedCall>>, next: NextFunction): Promise<void> => {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) {
      refuse(res, 'this service accepts only requests signed by the gateway');
      return;
    }
    try {
      res.locals.principal = await verifier.verify(token);
      next();
    } catch (error) {
      if (!(error instanceof InternalTokenError)) throw error;
      logger.warn('refused a request with an invalid internal token', {
        reason: error.message,
        requestId: req.headers['x-request-id'],
      });
      refuse(res, 'this service accepts only requests signed by the gateway');
    }
  };
}

function refuse(res: Response, message: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="partnergraph-internal"')
    .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

import type { NextFunction, Request, Response } from 'express';
import { IDENTITY_TOKEN_HEADER, InternalTokenError, type InternalCall, type InternalTokenVerifier, type Logger } from '@partnergraph/core';

/** Set on `res.locals` once the internal token has been verified. */
export interface VerifiedCall {
  call: InternalCall;
  /** The gateway's token for identity's access check, forwarded as it came; identity verifies it. */
  identityToken: string | undefined;
}

/**
 * Refuses, with HTTP 401 and before any GraphQL runs, every request that does
 * not carry a valid internal token for this subgraph. Nothing reaches the
 * schema (`_service` and `_entities` included) without one.
 */
export function requireInternalToken(verifier: InternalTokenVerifier, logger: Logger) {
  return async (req: Request, res: Response<unknown, Partial<VerifiedCall>>, next: NextFunction): Promise<void> => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      refuse(res, 'this service accepts only requests signed by the gateway');
      return;
    }
    try {
      res.locals.call = await verifier.verify(token);
      res.locals.identityToken = singleHeader(req.headers[IDENTITY_TOKEN_HEADER]);
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

function bearerToken(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function refuse(res: Response, message: string): void {
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="partnergraph-internal"')
    .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';

const current = new AsyncLocalStorage<string>();

/**
 * Gives every request an id of its own: in the `x-request-id` response header,
 * in `res.locals`, in every error's extensions and on every log line about it.
 */
export const assignRequestId: RequestHandler = (_req, res, next) => {
  const requestId = randomUUID();
  res.locals.requestId = requestId;
  res.set('x-request-id', requestId);
  next();
};

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId);
}

/** Runs `handle` as part of the request `res` answers, so that `currentRequestId()` names it (Apollo Server's formatError sees no request). */
export function withRequestIdOf<T>(res: Response, handle: () => T): T {
  return current.run(requestIdOf(res), handle);
}

export function currentRequestId(): string | undefined {
  return current.getStore();
}

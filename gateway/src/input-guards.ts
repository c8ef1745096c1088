import type { Request, RequestHandler } from 'express';
import { variablesProblem, type ErrorCode, type Logger, type VariableLimits } from '@partnergraph/core';
import { sendError } from './http-errors';
import { requestIdOf } from './request-id';

/**
 * Refuses, before Apollo Server reads them, variables nested deeper or holding
 * more values than `limits` allows (VARIABLES_TOO_DEEP, VARIABLES_TOO_LARGE:
 * a few thousand levels overflow the stack of whatever walks them
 * recursively), or holding a string with invalid characters
 * (INVALID_CHARACTERS) or a number that is not finite (BAD_USER_INPUT). Reads
 * the variables of a POST body and of a GET query string alike; variables that
 * are not JSON are left to Apollo Server, which refuses them.
 */
export function guardVariables(options: { limits: VariableLimits; logger: Logger }): RequestHandler {
  return (req, res, next) => {
    const variables = variablesOf(req);
    const problem = variables === undefined ? undefined : variablesProblem(variables, options.limits);
    if (!problem) {
      next();
      return;
    }
    const code = problem.extensions.code as ErrorCode;
    options.logger.info('request refused', { requestId: requestIdOf(res), code });
    const limit = problem.extensions.limit;
    sendError(res, code, problem.message, limit === undefined ? {} : { limit });
  };
}

function variablesOf(req: Request): unknown {
  if (req.method !== 'GET') {
    const body: unknown = req.body;
    return typeof body === 'object' && body !== null && 'variables' in body ? body.variables : undefined;
  }
  const raw: unknown = req.query.variables;
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

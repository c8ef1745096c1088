import { types } from 'node:util';
import type { GraphQLFormattedError } from 'graphql';
import { codeExtensions } from './errors';

/**
 * Failures that pass: the database down, restarting or out of connections, a
 * connection cut, a statement timed out. A request that met one may succeed
 * when retried, so the client gets SERVICE_UNAVAILABLE with `retryable: true`
 * instead of INTERNAL_SERVER_ERROR (the original error is logged).
 */

/** Node's socket errors for a server that cannot be reached or dropped the connection. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);

/**
 * PostgreSQL's SQLSTATEs of a passing failure: 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections, 57014
 * query_canceled (statement_timeout), and class 08, connection exceptions.
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014']);
const SQLSTATE_CLASSES = ['08'];

/** Errors node-postgres and its pool raise without a code, and TypeORM's for a data source that is not connected. */
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not currently accepting connections|Query read timeout/i;
const ERROR_NAMES = new Set(['ConnectionIsNotSetError', 'CannotExecuteNotConnectedError', 'CannotGetEntityManagerNotConnectedError']);

/**
 * At most this many wrappers (GraphQLError.originalError, graphql's NonErrorThrown.thrownValue for an error of
 * another realm, TypeORM's driverError, Error.cause) are looked through.
 */
const MAX_DEPTH = 8;

function isTransientItself(error: object): boolean {
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || SQLSTATE_CLASSES.some((prefix) => /^[0-9A-Z]{5}$/.test(code) && code.startsWith(prefix)))) {
    return true;
  }
  if (!types.isNativeError(error)) return false;
  return ERROR_NAMES.has(error.name) || ERROR_NAMES.has(error.constructor.name) || MESSAGES.test(error.message);
}

/** The passing failure behind `error` (itself or what it wraps), or undefined when it is none. */
export function findTransientFailure(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    if (isTransientItself(current)) return current;
    const wrapper = current as { originalError?: unknown; thrownValue?: unknown; driverError?: unknown; cause?: unknown };
    current = wrapper.originalError ?? wrapper.thrownValue ?? wrapper.driverError ?? wrapper.cause;
  }
  return undefined;
}

export function isTransientFailure(error: unknown): boolean {
  return findTransientFailure(error) !== undefined;
}

export const SERVICE_UNAVAILABLE_MESSAGE = 'The service is unavailable for a moment (its database is down, restarting or too slow); retry shortly.';

/**
 * A subgraph's formatError step: an error that has no code of ours and comes
 * from a passing failure becomes SERVICE_UNAVAILABLE, retryable; anything else
 * is left for maskError.
 */
export function classifyTransientFailure(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  if (!isTransientFailure(error)) return formatted;
  return { ...formatted, message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { ...formatted.extensions, ...codeExtensions('SERVICE_UNAVAILABLE') } };
}

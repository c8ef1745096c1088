import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';
import { SAFE_INTERNAL_MESSAGE, isErrorCode } from './errors';
import { findTransientFailure, isTransientFailure } from './transient-errors';

/**
 * Codes whose messages are written for clients: ours, plus the ones Apollo
 * Server raises while parsing and validating a request.
 */
const CLIENT_SAFE_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * A code as subgraphs write them (ORDER_LOCKED). The gateway passes a
 * subgraph's code on, as plain @apollo/gateway does, so clients of any
 * subgraph can tell its errors apart; the message is still masked unless the
 * code is ours.
 */
const SUBGRAPH_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** GraphQL's "Did you mean …?" hints, which spell out the schema to whoever guesses at it. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

export interface MaskOptions {
  /** Drops "Did you mean …?" from messages: on wherever introspection is off (production). */
  hideSuggestions?: boolean;
}

/**
 * What a client may see of an error: its message when the code says the message
 * was written for clients, otherwise a fixed message with INTERNAL_SERVER_ERROR
 * (or, for a subgraph's error, the subgraph's code).
 * Stack traces and other extensions are dropped either way; `path` and
 * `locations` are kept so a client can tell which field failed.
 */
export function maskError(error: GraphQLFormattedError, options: MaskOptions = {}): GraphQLFormattedError {
  const code = error.extensions?.code;
  const safe = isClientSafe(error);
  const { path, locations } = error;
  const serviceName = error.extensions?.serviceName;
  const extensions = safe
    ? pickPublicExtensions(error.extensions ?? {})
    : {
        code: typeof serviceName === 'string' && typeof code === 'string' && SUBGRAPH_CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR',
        ...(typeof serviceName === 'string' ? { serviceName } : {}),
      };
  const message = options.hideSuggestions ? error.message.replace(SUGGESTION, '') : error.message;
  return {
    message: safe ? message : SAFE_INTERNAL_MESSAGE,
    ...(locations ? { locations } : {}),
    ...(path ? { path } : {}),
    extensions,
  };
}

/** Extensions a client may rely on; everything else (stacktrace, exception details) stays on the server. */
const PUBLIC_EXTENSIONS = [
  'code',
  'serviceName',
  'field',
  'retryAfterSeconds',
  // A failure that passes (an outage, a timeout): the same request may succeed when retried.
  'retryable',
  // A refused operation: the gateway's limit it went over.
  'limit',
  // recordReadings: which reading of the batch was refused, the earliest instant accepted (the retention's start),
  // the sensors that do not exist, the batch size allowed.
  'index',
  'earliest',
  'unknownSensorIds',
  'unknownSensorCount',
  'maxReadings',
  // recordAlarms: likewise, for alarms and their devices.
  'unknownDeviceIds',
  'unknownDeviceCount',
  'maxAlarms',
];

function pickPublicExtensions(extensions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => PUBLIC_EXTENSIONS.includes(key)));
}

/** True when the error's message was written for clients: ours, or Apollo Server's about the request. */
function isClientSafe(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && (isErrorCode(code) || CLIENT_SAFE_CODES.has(code));
}

/** True when the error's message would be replaced for the client: worth logging in full. */
export function isInternalError(error: GraphQLFormattedError): boolean {
  return !isClientSafe(error);
}

/**
 * An Apollo Server plugin (typed by shape, so this package needs no server)
 * that logs, with the request's logger (which carries its request id), every
 * error whose message the client will not see, with the original error; the
 * passing failures of one request (an outage reaches every field at once) as
 * one warning with their count.
 */
export function internalErrorLogging<TContext>(loggerFor: (context: TContext) => Logger) {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }: { errors: readonly GraphQLError[]; contextValue: TContext }) {
          const logger = loggerFor(contextValue);
          const transient = errors.filter((error) => isTransientFailure(error) && isInternalError(error.toJSON()));
          const [first] = transient;
          if (first) {
            logger.warn('request failed', { code: 'SERVICE_UNAVAILABLE', errors: transient.length, path: first.path, error: findTransientFailure(first) });
          }
          for (const error of errors) {
            if (!transient.includes(error) && isInternalError(error.toJSON())) logger.error('request failed', { error: error.originalError ?? error, path: error.path });
          }
        },
      };
    },
  };
}

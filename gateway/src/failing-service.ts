import type { GraphQLFormattedError } from 'graphql';

/**
 * The gateway names, in `serviceName`, the subgraph whose answer held an
 * error; when that subgraph's error already named another service (device-
 * telemetry could not ask identity: SUBGRAPH_UNAVAILABLE naming identity), the
 * service that failed is the one the client is told about.
 */
export function withFailingService(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const downstream = typeof error === 'object' && error !== null && 'originalError' in error ? error.originalError : undefined;
  const extensions = typeof downstream === 'object' && downstream !== null && 'extensions' in downstream ? downstream.extensions : undefined;
  const named = typeof extensions === 'object' && extensions !== null && 'serviceName' in extensions ? extensions.serviceName : undefined;
  if (typeof named !== 'string' || named === formatted.extensions?.serviceName) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, serviceName: named } };
}

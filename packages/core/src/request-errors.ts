import type { GraphQLFormattedError } from 'graphql';
import { codeExtensions, ERROR_CODES, type ErrorCode } from './errors';

/** An error answered before GraphQL runs, shaped like GraphQL's own: a status and `{ errors: [...] }`. */
export interface HttpErrorResponse {
  status: number;
  body: { errors: GraphQLFormattedError[] };
}

export function httpErrorResponse(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): HttpErrorResponse {
  return { status: ERROR_CODES[code].status, body: { errors: [{ message, extensions: { ...extensions, ...codeExtensions(code) } }] } };
}

/** body-parser's error types for a body it would not read, each with what the client is told. */
const BODY_REFUSALS: Record<string, { code: ErrorCode; message: string }> = {
  'entity.too.large': { code: 'REQUEST_BODY_TOO_LARGE', message: 'The request body is larger than this service accepts.' },
  'parameters.too.many': { code: 'REQUEST_BODY_TOO_LARGE', message: 'The request body holds more parameters than this service accepts.' },
  'entity.parse.failed': { code: 'REQUEST_BODY_INVALID', message: 'The request body is not valid JSON.' },
  'charset.unsupported': { code: 'REQUEST_BODY_INVALID', message: 'The request body must be UTF-8.' },
  'encoding.unsupported': { code: 'REQUEST_BODY_INVALID', message: 'The request body must be uncompressed, gzip or deflate.' },
  'request.size.invalid': { code: 'REQUEST_BODY_INVALID', message: 'The request body does not match its Content-Length.' },
  'request.aborted': { code: 'REQUEST_BODY_INVALID', message: 'The request body was cut short.' },
};

/**
 * The answer to an error the HTTP layer raised while reading a request body
 * (by body-parser's error type, or its 4xx status for a body that did not
 * decompress), or undefined for any other error: the caller logs it and
 * answers INTERNAL_SERVER_ERROR. The parser's own message, which may quote the
 * body or name the library, is never sent.
 */
export function requestBodyRefusal(error: unknown, extensions: Record<string, unknown> = {}): HttpErrorResponse | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const type = 'type' in error ? error.type : undefined;
  const status = 'status' in error ? error.status : undefined;
  const refusal =
    typeof type === 'string' && Object.hasOwn(BODY_REFUSALS, type)
      ? BODY_REFUSALS[type]
      : typeof status === 'number' && status >= 400 && status < 500
        ? { code: status === 413 ? 'REQUEST_BODY_TOO_LARGE' : 'REQUEST_BODY_INVALID', message: 'The request body could not be read.' } as const
        : undefined;
  return refusal && httpErrorResponse(refusal.code, refusal.message, extensions);
}

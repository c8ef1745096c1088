import { GraphQLError } from 'graphql';

/**
 * Every error code a client can see, defined once with what it means and the
 * HTTP status it maps to. Clients branch on `extensions.code`; messages are for
 * people and may change, codes may not.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, description: 'The request carries no valid credentials for what it asks.' },
  FORBIDDEN: { status: 403, description: 'The caller is known but may not do this.' },
  NOT_FOUND: { status: 404, description: 'Nothing with that id exists for this caller.' },
  BAD_USER_INPUT: { status: 400, description: 'An argument is malformed or out of range; nothing was written.' },
  INVALID_CREDENTIALS: { status: 401, description: 'The email and password do not match an account.' },
  MFA_CODE_REQUIRED: { status: 401, description: 'The account has multi-factor authentication: send the current TOTP code.' },
  INVALID_CLIENT: {
    status: 401,
    description: 'The API client id and secret do not match a standing API credential.',
  },
  INVALID_MFA_CODE: { status: 401, description: 'The TOTP code is wrong, expired or already used.' },
  MFA_UNAVAILABLE: {
    status: 503,
    description: 'The TOTP code cannot be checked now (the key its secret is sealed under is missing); use a recovery code or retry later.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    description: 'Too many failed sign-ins: the account is locked for a while (see retryAfterSeconds).',
  },
  REFRESH_TOKEN_INVALID: { status: 401, description: 'The refresh token is unknown, expired or revoked: sign in again.' },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    description: 'A spent refresh token was presented again: every session from that sign-in has been ended.',
  },
  INVITATION_NOT_FOUND: { status: 404, description: 'The invitation link is not one we sent (or is for something else).' },
  INVITATION_USED: { status: 409, description: 'The invitation link has already been used; each works once.' },
  INVITATION_EXPIRED: { status: 410, description: 'The invitation link has expired; ask for a new one.' },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    description:
      'The account must enrol an authenticator (TOTP) before any session: sign-in has emailed an enrolment link; an invitation or a new partner account needs a code from startInvitationMfaEnrolment or startPartnerAccountMfaEnrolment.',
  },
  MFA_ENROLMENT_NOT_STARTED: {
    status: 409,
    description: 'No enrolment was started for this invitation or sign-up, or it expired (30 minutes): start it again.',
  },
  MFA_ENROLMENT_LINK_NOT_FOUND: { status: 404, description: 'The MFA enrolment link is not one we sent.' },
  MFA_ENROLMENT_LINK_USED: { status: 409, description: 'The MFA enrolment link has already been used; each works once.' },
  MFA_ENROLMENT_LINK_EXPIRED: { status: 410, description: 'The MFA enrolment link has expired (24 hours): sign in again for a new one.' },
  EMAIL_TAKEN: { status: 409, description: 'An account with that email already exists.' },
  PARTNER_ID_UNUSABLE_NAME: {
    status: 400,
    description: 'The organization name leaves too little once reduced to Latin letters and digits: choose a Partner ID.',
  },
  PARTNER_ID_INVALID: {
    status: 400,
    description: 'A Partner ID is 2 to 40 uppercase letters and digits in words joined by single underscores.',
  },
  PARTNER_ID_TAKEN: { status: 409, description: 'Another partner has that Partner ID.' },
  PARTNER_ID_CHANGE_PENDING: {
    status: 409,
    description: 'The organization already has a Partner ID change request waiting for an operator.',
  },
  PARTNER_ID_CHANGE_DECIDED: { status: 409, description: 'That Partner ID change request has already been decided.' },
  LICENSE_KEY_MALFORMED: {
    status: 400,
    description: 'A licence key is 25 letters and digits (five groups of five); this is not one.',
  },
  LICENSE_KEY_CHECK_FAILED: {
    status: 400,
    description: "The licence key's check characters do not match: a character is mistyped or two are swapped.",
  },
  LICENSE_KEY_UNKNOWN: { status: 404, description: 'No licence key like this one was issued.' },
  LICENSE_KEY_ALREADY_REDEEMED: { status: 409, description: 'That licence key has been redeemed; each redeems once.' },
  VOUCHER_UNKNOWN: { status: 404, description: 'No voucher with that code was issued (or the code is mistyped).' },
  VOUCHER_ALREADY_REDEEMED: { status: 409, description: 'That voucher has been redeemed; each redeems once.' },
  INSUFFICIENT_CREDITS: { status: 409, description: 'The credit balance does not cover the cost (see creditPrices).' },
  START_DATE_IN_PAST: { status: 400, description: 'A subscription starts today (UTC) or later.' },
  START_DATE_TOO_FAR: { status: 400, description: 'A subscription starts at most 365 days from today.' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 409,
    description: 'That idempotency key was used for a different request; use a new key for a new request.',
  },
  READING_BATCH_TOO_LARGE: { status: 413, description: 'A recordReadings batch holds at most 10,000 readings: send it in parts.' },
  READING_TIME_INVALID: {
    status: 400,
    description:
      "A reading is not timed as an ISO 8601 instant with an offset, from `earliest` (2000, or the start of the raw readings' retention) to five minutes from now.",
  },
  READING_VALUE_NOT_FINITE: { status: 400, description: 'A reading value is not a finite number.' },
  READING_SENSOR_UNKNOWN: { status: 400, description: 'A reading names a sensor that does not exist (see unknownSensorIds).' },
  ALARM_BATCH_TOO_LARGE: { status: 413, description: 'A recordAlarms batch holds at most 1,000 alarms: send it in parts.' },
  ALARM_TIME_INVALID: {
    status: 400,
    description: 'An alarm is not timed as an ISO 8601 instant with an offset, from 2000 to five minutes from now (see index).',
  },
  ALARM_DEVICE_UNKNOWN: { status: 400, description: 'An alarm names a device that does not exist (see unknownDeviceIds).' },
  SENSOR_NOT_FOUND: { status: 404, description: 'No sensor with that id exists for this caller.' },
  HISTORY_RANGE_INVALID: {
    status: 400,
    description: 'A history range is two ISO 8601 instants with offsets, `from` before `to`, at most ten years apart.',
  },
  MAX_POINTS_INVALID: { status: 400, description: 'maxPoints is from 1 to 2000.' },
  INCIDENT_NOT_FOUND: { status: 404, description: 'No incident with that id exists for this caller.' },
  MONTH_INVALID: { status: 400, description: 'A month is written YYYY-MM and cannot be in the future.' },
  IP_ADDRESS_HIDDEN: {
    status: 403,
    description: 'The caller sees IP addresses cut to their last two segments, so it may not filter or order devices by them.',
  },
  IP_NETWORK_INVALID: {
    status: 400,
    description: 'An IP network is an IPv4 or IPv6 address with an optional prefix length and no bits set beyond it (10.1.0.0/16).',
  },
  CURSOR_INVALID: { status: 400, description: 'A change-feed cursor is not one that feed returned: start again without one.' },
  QUERY_TOO_DEEP: { status: 400, description: 'The operation nests fields deeper than the gateway allows (see limit); nothing ran.' },
  TOO_MANY_ALIASES: { status: 400, description: 'The operation uses more aliases than the gateway allows (see limit); nothing ran.' },
  TOO_MANY_TOKENS: { status: 400, description: 'The operation is longer, in GraphQL tokens, than the gateway allows (see limit); nothing ran.' },
  TOO_MANY_DIRECTIVES: { status: 400, description: 'The operation uses more directives than the gateway allows (see limit); nothing ran.' },
  QUERY_TOO_COSTLY: {
    status: 400,
    description: 'The answer could hold more objects than the gateway allows (see limit): ask for smaller pages; nothing ran.',
  },
  BATCHING_NOT_SUPPORTED: { status: 400, description: 'A request carries one operation: send a JSON object, not an array of them (a batch is answered with an array, one error result per operation).' },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 404,
    description:
      'The request named a document by id (extensions.persistedQuery.sha256Hash or documentId) that is not published for its client name: send the full query (Apollo Client\'s persisted-queries link does), or publish the manifest.',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    status: 400,
    description: 'This gateway keeps no persisted documents (no PERSISTED_DOCUMENTS_DATABASE_URL or DATABASE_URL), or the request used GET: send the full query by POST.',
  },
  PERSISTED_DOCUMENT_REQUIRED: {
    status: 403,
    description: 'The client name (apollographql-client-name or x-client-name) runs only published documents (TRUSTED_DOCUMENTS) and this operation is not one of them; nothing ran.',
  },
  REQUEST_BODY_TOO_LARGE: { status: 413, description: 'The request body is larger than the service accepts (BODY_LIMIT).' },
  REQUEST_BODY_INVALID: {
    status: 400,
    description: 'The request body is not a JSON object in UTF-8, sent as is or compressed with gzip, deflate or br.',
  },
  INVALID_CHARACTERS: {
    status: 400,
    description:
      'A text value holds a control character (other than tab, line feed or carriage return) or a lone UTF-16 surrogate, or a name holds bidirectional formatting characters (see field); nothing ran.',
  },
  VARIABLES_TOO_DEEP: { status: 400, description: 'The variables nest objects and lists deeper than the gateway allows (see limit); nothing ran.' },
  VARIABLES_TOO_LARGE: { status: 400, description: 'The variables hold more values than the gateway allows (see limit); nothing ran.' },
  OPERATION_NAME_INVALID: {
    status: 400,
    description: 'The document holds several operations and operationName names none of them (or is missing); nothing ran.',
  },
  OPERATION_NOT_SUPPORTED: {
    status: 400,
    description:
      'A subscription sent as a plain HTTP request (subscribe over WebSocket with graphql-ws at /graphql, or over SSE at /graphql/stream), or one this gateway has no live feed for; nothing ran.',
  },
  TOKEN_EXPIRED: {
    status: 401,
    description: 'The access token of a subscription expired: it ended; renew the token in-band before expiry, or subscribe again from the last cursor.',
  },
  SUBSCRIPTION_ACCESS_REVOKED: {
    status: 403,
    description:
      'Access a subscription relied on was revoked or narrowed (a grant, an API credential, administrator access): the subscription ended, and nothing committed after the change was sent.',
  },
  TOO_MANY_SUBSCRIPTIONS: {
    status: 429,
    description: 'The connection or the caller has as many subscriptions open as allowed (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION, _PER_CALLER); end one first.',
  },
  SUBSCRIBER_TOO_SLOW: {
    status: 429,
    description: 'The subscriber read its events too slowly and the connection was closed rather than buffered without bound; reconnect from the last cursor.',
  },
  ROUTE_NOT_FOUND: { status: 404, description: 'No route at that path: GraphQL is at /graphql, tokens at /oauth/token.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'The path does not answer that HTTP method; the Allow header lists those it does.' },
  RATE_LIMITED: {
    status: 429,
    description: 'The caller sent more requests than its rate allows: retry after the Retry-After header (retryAfterSeconds).',
  },
  SUBGRAPH_UNAVAILABLE: {
    status: 502,
    description: 'A service behind the gateway did not answer (serviceName says which); the fields it owns are null. retryable: true.',
    retryable: true,
  },
  SERVICE_STARTING: { status: 503, description: 'The gateway has not loaded its supergraph yet; retry shortly.', retryable: true },
  SERVICE_UNAVAILABLE: {
    status: 503,
    description: 'A database or service this request needs is down or timed out for a moment; retry after Retry-After. retryable: true.',
    retryable: true,
  },
  SERVICE_STOPPING: {
    status: 503,
    description: 'This replica is shutting down and closes the connection; retry (another replica answers). retryable: true.',
    retryable: true,
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    description: 'Something failed on our side; the request id in the logs says what.',
  },
} as const satisfies Record<string, { status: number; description: string; retryable?: true }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** True for the codes of a failure that passes (an outage, a timeout, a restart): the same request may succeed when retried. */
export function isRetryableCode(code: unknown): boolean {
  return isErrorCode(code) && 'retryable' in ERROR_CODES[code];
}

/** The extensions every error of `code` carries: the code, and `retryable: true` for a failure that passes. */
export function codeExtensions(code: ErrorCode): { code: ErrorCode; retryable?: true } {
  return isRetryableCode(code) ? { code, retryable: true } : { code };
}

/** The one way to build an error a client may see. */
export function clientError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, ...codeExtensions(code) } });
}

export const SAFE_INTERNAL_MESSAGE = 'Internal server error';

import express, { type Request, type Response, type Router } from 'express';
import { ANONYMOUS, ERROR_CODES, hasInvalidCharacters, isErrorCode, type InternalTokenSigner, type Logger } from '@partnergraph/core';
import type { TokenRateLimiter } from './token-rate-limit';

/**
 * `POST /oauth/token`: the OAuth 2.0 client credentials grant (RFC 6749 §4.4)
 * for a partner's API credentials. The client authenticates with HTTP Basic
 * or with `client_id` and `client_secret` in the form body; identity checks
 * the secret and signs the access token. Answers follow RFC 6749 §5.
 */
export function tokenEndpoint(options: {
  /** Identity's GraphQL URL, once the supergraph has named it. */
  identityUrl: () => string | undefined;
  signer: InternalTokenSigner;
  logger: Logger;
  timeoutMs: number;
  bodyLimit: string;
  /** TOKEN_RATE_LIMIT_PER_MINUTE per client id and per address; none when it is 0. */
  rateLimiter?: TokenRateLimiter;
}): Router {
  const router = express.Router();
  router.post(
    '/oauth/token',
    express.urlencoded({ extended: false, limit: options.bodyLimit }),
    express.json({ limit: options.bodyLimit }),
    async (req: Request, res: Response) => {
      res.set({ 'cache-control': 'no-store', pragma: 'no-cache' });
      const requestId = String(res.locals.requestId);
      const addressWait = await options.rateLimiter?.takeAddress(req.ip, requestId);
      if (addressWait !== undefined) return slowDown(res, addressWait);
      const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
      const grantType = body.grant_type;
      if (grantType === undefined) return oauthError(res, 400, 'invalid_request', 'grant_type is required.');
      if (grantType !== 'client_credentials') {
        return oauthError(res, 400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.');
      }
      const client = clientCredentialsOf(req.headers.authorization, body);
      if (client === 'ambiguous') return oauthError(res, 400, 'invalid_request', 'Authenticate the client one way only.');
      if (client === null) return oauthError(res, 401, 'invalid_client', 'Client authentication is required.');
      if (hasInvalidCharacters(client.clientId) || hasInvalidCharacters(client.clientSecret)) {
        return oauthError(res, 400, 'invalid_request', 'The client id or secret holds control characters or lone surrogates.');
      }
      const clientWait = await options.rateLimiter?.takeClient(client.clientId, requestId);
      if (clientWait !== undefined) return slowDown(res, clientWait);

      const identityUrl = options.identityUrl();
      if (identityUrl === undefined) return oauthError(res, 503, 'temporarily_unavailable', 'The gateway is starting.');
      let answer: { data?: { exchangeClientCredentials?: { accessToken: string; expiresIn: number } }; errors?: { extensions?: { code?: unknown } }[] };
      try {
        const response = await fetch(identityUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await options.signer.sign(ANONYMOUS, 'identity')}`,
            'x-request-id': requestId,
          },
          body: JSON.stringify({
            query: 'mutation($id: String!, $secret: String!) { exchangeClientCredentials(clientId: $id, clientSecret: $secret) { accessToken expiresIn } }',
            variables: { id: client.clientId, secret: client.clientSecret },
          }),
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        answer = (await response.json()) as typeof answer;
      } catch (error) {
        options.logger.error('the token endpoint could not reach identity', { requestId, error });
        return oauthError(res, 503, 'temporarily_unavailable', 'The identity service is unavailable.');
      }
      const token = answer.data?.exchangeClientCredentials;
      if (token) {
        res.json({ access_token: token.accessToken, token_type: 'Bearer', expires_in: token.expiresIn });
        return;
      }
      if (answer.errors?.some((error) => error.extensions?.code === 'INVALID_CLIENT')) {
        res.set('www-authenticate', 'Basic realm="partnergraph"');
        return oauthError(res, 401, 'invalid_client', 'The client id and secret do not match a standing API credential.');
      }
      if (answer.errors?.some(({ extensions }) => isErrorCode(extensions?.code) && ERROR_CODES[extensions.code].status < 500)) {
        return oauthError(res, 400, 'invalid_request', 'The client id or secret is malformed.');
      }
      options.logger.error('identity refused a client credentials exchange', { requestId, errors: JSON.stringify(answer.errors) });
      return oauthError(res, 500, 'server_error', 'Something failed on our side; the request id in the logs says what.');
    },
  );
  return router;
}

/** From `Authorization: Basic` (form-encoded id and secret, RFC 6749 §2.3.1) or from the body; not both. */
function clientCredentialsOf(
  authorization: string | undefined,
  body: Record<string, unknown>,
): { clientId: string; clientSecret: string } | 'ambiguous' | null {
  const inBody =
    typeof body.client_id === 'string' && typeof body.client_secret === 'string'
      ? { clientId: body.client_id, clientSecret: body.client_secret }
      : null;
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization?.trim() ?? '');
  if (!basic?.[1]) return authorization === undefined ? inBody : 'ambiguous';
  if (inBody) return 'ambiguous';
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator <= 0) return null;
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, separator).replace(/\+/g, ' ')),
      clientSecret: decodeURIComponent(decoded.slice(separator + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return null;
  }
}

function oauthError(res: Response, status: number, error: string, description: string): void {
  res.status(status).json({ error, error_description: description });
}

/** 429 with Retry-After: OAuth's `slow_down`, with the catalogue's code beside it. */
function slowDown(res: Response, retryAfterSeconds: number): void {
  res.set('retry-after', String(retryAfterSeconds));
  res.status(429).json({
    error: 'slow_down',
    error_description: `Too many token requests: retry in ${retryAfterSeconds} s.`,
    code: 'RATE_LIMITED',
    retryAfterSeconds,
  });
}

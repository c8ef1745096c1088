import { clientError, isRetryableCode, readConfig, settings, type AccessDecision, type Environment, type Logger } from '@partnergraph/core';
import { SettledLoader } from './settled-loader';

/** Where a subgraph asks identity for access decisions; docs/operations.md's configuration table lists these. */
export function readAccessCheckConfig(environment: Environment) {
  return readConfig(
    {
      identityUrl: {
        variable: 'IDENTITY_URL',
        setting: settings.url({ protocols: ['http:', 'https:'], default: 'http://127.0.0.1:4001/graphql' }),
      },
      timeoutMs: { variable: 'ACCESS_CHECK_TIMEOUT_MS', setting: settings.integer({ min: 100, max: 60_000, default: 5_000 }) },
    },
    environment,
  );
}

export type AccessCheckConfig = ReturnType<typeof readAccessCheckConfig>;

/** Per request: one call to identity for every organization id asked in the same tick, each id asked once; answered decisions can be peeked at. */
export type AccessDecisionLoader = SettledLoader<string, AccessDecision>;

const DECISION_FIELDS =
  'organizationId relation read write acknowledgeIncidents manageSubscriptions credits ipAddresses applications unmonitoredEquipment apiDeviceData asOf';

const ACCESS_DECISIONS_QUERY = /* GraphQL */ `
  query AccessDecisions($organizationIds: [ID!]!) {
    accessDecisions(organizationIds: $organizationIds) { ${DECISION_FIELDS} }
  }
`;

const READABLE_ORGANIZATIONS_QUERY = /* GraphQL */ `
  query ReadableOrganizations {
    readableOrganizations { ${DECISION_FIELDS} }
  }
`;

interface IdentityRequest {
  identityToken: string | undefined;
  requestId: string;
  logger: Logger;
}

/** Identity answers for at most this many organizations per call. */
const MAX_BATCH_SIZE = 1000;

/**
 * Asks identity what the principal of this request may do with organizations,
 * forwarding the access-check token the gateway signed for identity. The
 * organization id is always the one stored with the data, never one a client
 * or a representation supplied. Created per request and never shared, so a
 * revoked grant is seen on the very next request.
 */
export function createAccessDecisionLoader(config: AccessCheckConfig, request: IdentityRequest): AccessDecisionLoader {
  return new SettledLoader<string, AccessDecision>(
    async (organizationIds) => {
      const decisions = await askIdentity(config, request, 'accessDecisions', ACCESS_DECISIONS_QUERY, { organizationIds });
      return organizationIds.map((id, index) => {
        const decision = decisions[index];
        if (decision?.organizationId !== id) {
          request.logger.error('the access check failed: identity answered access decisions out of order', { index });
          throw identityUnavailable();
        }
        return decision;
      });
    },
    { maxBatchSize: MAX_BATCH_SIZE },
  );
}

/**
 * Per request, asked at most once: the decisions for every organization whose
 * data the caller may read (its own, and the customers whose grant stands), for
 * feeds that span organizations. Each decision also primes `access`.
 */
export function createReadableOrganizations(
  config: AccessCheckConfig,
  request: IdentityRequest,
  access: AccessDecisionLoader,
): () => Promise<AccessDecision[]> {
  let asked: Promise<AccessDecision[]> | undefined;
  return () => {
    asked ??= askIdentity(config, request, 'readableOrganizations', READABLE_ORGANIZATIONS_QUERY, {}).then((decisions) => {
      for (const decision of decisions) access.prime(decision.organizationId, decision);
      return decisions;
    });
    return asked;
  };
}

async function askIdentity(
  config: AccessCheckConfig,
  request: IdentityRequest,
  field: 'accessDecisions' | 'readableOrganizations',
  query: string,
  variables: Record<string, unknown>,
): Promise<AccessDecision[]> {
  const { identityToken, requestId, logger } = request;
  if (identityToken === undefined) {
    throw clientError('FORBIDDEN', 'This request carries no access check token from the gateway.');
  }
  let response: Response;
  try {
    response = await fetch(config.identityUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${identityToken}`, 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (error) {
    logger.warn('the access check could not reach identity', { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity', error });
    throw identityUnavailable();
  }
  const body = (await response.json().catch(() => undefined)) as
    | { data?: Partial<Record<typeof field, AccessDecision[]>>; errors?: { extensions?: { code?: unknown } }[] }
    | undefined;
  const decisions = body?.data?.[field];
  if (!response.ok || !decisions || body?.errors) {
    // Identity could not decide (its database is down, it failed): the check cannot be made, which is not a "no".
    const codes = (body?.errors ?? []).map((error) => error.extensions?.code);
    const passing = codes.length > 0 && codes.every(isRetryableCode);
    const fields = { status: response.status, codes: codes.join(',') || undefined, code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity' };
    if (passing) logger.warn('the access check failed: identity is unavailable', fields);
    else logger.error('the access check failed: identity answered no decisions', fields);
    throw identityUnavailable();
  }
  return decisions;
}

function identityUnavailable() {
  return clientError('SUBGRAPH_UNAVAILABLE', 'The identity service is unavailable, so access cannot be checked.', { serviceName: 'identity' });
}

import { ConfigError, readConfig, settings, subgraphVariableStem, type Environment } from '@partnergraph/core';

/**
 * How the gateway reaches one subgraph the supergraph names. Every subgraph is
 * served; its settings come from variables named after it
 * (`SUBGRAPH_<NAME>_<SETTING>`, the name in capitals with every run of other
 * characters as `_`: `device-telemetry` → `SUBGRAPH_DEVICE_TELEMETRY_URL`).
 */
export interface SubgraphRoute {
  name: string;
  url: string;
  /** Each request carries an internal token whose audience is the subgraph's name. */
  sign: boolean;
  /** Each request also carries a token for identity's access check, which subgraphs built with the kit forward. */
  accessCheck: boolean;
  /** Headers of the client's request passed on as they came (lower case). */
  forwardHeaders: readonly string[];
  timeoutMs: number;
}

/** The prefix of a subgraph's variables. */
export function subgraphVariablePrefix(name: string): string {
  return `SUBGRAPH_${subgraphVariableStem(name)}_`;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
/** Headers the HTTP client sets itself, or that would undo what the gateway sends. */
const NEVER_FORWARDED = new Set(['host', 'connection', 'content-length', 'content-type', 'transfer-encoding', 'keep-alive', 'upgrade', 'x-request-id']);

export interface RouteDefaults {
  timeoutMs: number;
  /** The older one-variable overrides (IDENTITY_URL, SUBSCRIPTIONS_URL, DEVICE_TELEMETRY_URL), by subgraph name. */
  urls: Readonly<Record<string, string | undefined>>;
}

/**
 * The route to subgraph `name`: its URL from `SUBGRAPH_<NAME>_URL` (or the
 * older override, or the supergraph's routing URL); whether to sign
 * (`_SIGN`, default true) and to add identity's access-check token
 * (`_ACCESS_CHECK`, default: when signing, for every subgraph but identity);
 * the client headers to forward (`_FORWARD_HEADERS`, none by default; never
 * `authorization` to a subgraph that gets our token); its timeout
 * (`_TIMEOUT_MS`, default SUBGRAPH_TIMEOUT_MS). Throws ConfigError naming
 * every variable that is wrong.
 */
export function readSubgraphRoute(name: string, supergraphUrl: string | undefined, environment: Environment, defaults: RouteDefaults): SubgraphRoute {
  const prefix = subgraphVariablePrefix(name);
  const raw = readConfig(
    {
      url: { variable: `${prefix}URL`, setting: settings.optionalUrl({ protocols: ['http:', 'https:'] }) },
      sign: { variable: `${prefix}SIGN`, setting: settings.boolean(true) },
      accessCheck: { variable: `${prefix}ACCESS_CHECK`, setting: settings.optionalString() },
      forwardHeaders: { variable: `${prefix}FORWARD_HEADERS`, setting: settings.list([]) },
      timeoutMs: { variable: `${prefix}TIMEOUT_MS`, setting: settings.integer({ min: 100, max: 120_000, default: defaults.timeoutMs }) },
    },
    environment,
  );
  const problems: string[] = [];
  const url = raw.url ?? defaults.urls[name] ?? supergraphUrl;
  if (url === undefined) problems.push(`${prefix}URL: the supergraph gives no routing URL for subgraph "${name}", so this must be set`);
  const accessCheck = raw.accessCheck === undefined ? raw.sign && name !== 'identity' : parseBoolean(raw.accessCheck);
  if (accessCheck === undefined) problems.push(`${prefix}ACCESS_CHECK: expected true or false, got ${JSON.stringify(raw.accessCheck)}`);
  if (accessCheck && !raw.sign) problems.push(`${prefix}ACCESS_CHECK: a subgraph that gets no internal token (${prefix}SIGN=false) gets no access-check token either`);
  const forwardHeaders = raw.forwardHeaders.map((header) => header.toLowerCase());
  for (const header of forwardHeaders) {
    if (!HEADER_NAME.test(header) || NEVER_FORWARDED.has(header)) problems.push(`${prefix}FORWARD_HEADERS: "${header}" cannot be forwarded`);
    if (header === 'authorization' && raw.sign) {
      problems.push(`${prefix}FORWARD_HEADERS: "authorization" carries the internal token to a subgraph that is signed for`);
    }
  }
  if (problems.length > 0 || url === undefined || accessCheck === undefined) throw new ConfigError(problems);
  return { name, url, sign: raw.sign, accessCheck, forwardHeaders, timeoutMs: raw.timeoutMs };
}

/** The subgraph names a supergraph's `join__Graph` enum declares. */
export function subgraphNamesOf(supergraphSdl: string): string[] {
  return [...supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** Variables that look like a subgraph's settings but name none of `names`: worth a warning, since they do nothing. */
export function unusedSubgraphVariables(names: readonly string[], environment: Environment): string[] {
  const prefixes = names.map(subgraphVariablePrefix);
  return Object.keys(environment)
    .filter((variable) => /^SUBGRAPH_.+_(URL|SIGN|ACCESS_CHECK|FORWARD_HEADERS|TIMEOUT_MS)$/.test(variable))
    .filter((variable) => !prefixes.some((prefix) => variable.startsWith(prefix)))
    .sort();
}

function parseBoolean(raw: string): boolean | undefined {
  const value = raw.trim();
  return value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : undefined;
}

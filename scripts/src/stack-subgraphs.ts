import { join, relative, sep } from 'node:path';
import { ConfigError, readConfig, settings, subgraphVariableStem, type Environment } from '@partnergraph/core';
import { readCompositionConfig, type SubgraphEntry } from './composition';
import { REPOSITORY_ROOT } from './stack-config';

export const SUPERGRAPH_CONFIG_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.yaml');

/** A subgraph of this repository that `npm start` runs. */
export interface StackSubgraph {
  name: string;
  /** Its entry point, subgraphs/<dir>/src/index.ts. */
  entry: string;
  port: number;
  /** Where it serves Prometheus metrics (METRICS_PORT); 0: none. */
  metricsPort: number;
}

/** The variable that moves a subgraph's port: `device-telemetry` → DEVICE_TELEMETRY_PORT (as IDENTITY_PORT for identity). */
export function portVariableOf(name: string): string {
  return `${subgraphVariableStem(name)}_PORT`;
}

/** The variable that moves a subgraph's metrics port: `device-telemetry` → DEVICE_TELEMETRY_METRICS_PORT. */
export function metricsPortVariableOf(name: string): string {
  return `${subgraphVariableStem(name)}_METRICS_PORT`;
}

/** A subgraph's default metrics port: 5400 above its routing URL's port (identity 4001 → 9401), as the gateway's 9400 is above 4000. */
const METRICS_PORT_OFFSET = 5400;

/** The gateway's variable for a subgraph's URL (gateway/src/subgraph-routes.ts): `site-notes` → SUBGRAPH_SITE_NOTES_URL. */
export function gatewayUrlVariableOf(name: string): string {
  return `SUBGRAPH_${subgraphVariableStem(name)}_URL`;
}

/** The directory under subgraphs/ that holds the entry's schema file, or null for a subgraph that lives elsewhere. */
function directoryOf(entry: SubgraphEntry): string | null {
  const parts = relative(REPOSITORY_ROOT, entry.schemaPath).split(sep);
  return parts.length === 3 && parts[0] === 'subgraphs' && parts[2] === 'schema.graphql' ? (parts[1] ?? null) : null;
}

function routingPort(entry: SubgraphEntry): number | undefined {
  const url = new URL(entry.routingUrl);
  return url.port === '' ? undefined : Number(url.port);
}

/**
 * Every subgraph schema/supergraph.yaml lists whose schema file is
 * subgraphs/<dir>/schema.graphql, identity first (the others ask it for
 * access decisions), each on the port of its routing URL unless
 * <NAME>_PORT says otherwise. Subgraphs that live elsewhere are not ours to
 * start: the gateway reaches them at their routing URL.
 */
export async function readStackSubgraphs(environment: Environment, configPath = SUPERGRAPH_CONFIG_PATH): Promise<StackSubgraph[]> {
  const { subgraphs } = await readCompositionConfig(configPath);
  const local = subgraphs.flatMap((entry) => {
    const directory = directoryOf(entry);
    return directory === null ? [] : [{ entry, directory }];
  });
  const ports = readConfig(
    Object.fromEntries(
      local.map(({ entry }) => [entry.name, { variable: portVariableOf(entry.name), setting: settings.port(routingPort(entry)) }]),
    ),
    environment,
  ) as Record<string, number>;
  const metricsPorts = readConfig(
    Object.fromEntries(
      local.map(({ entry }) => {
        const routing = routingPort(entry);
        const fallback = routing !== undefined && routing + METRICS_PORT_OFFSET <= 65535 ? routing + METRICS_PORT_OFFSET : 0;
        return [entry.name, { variable: metricsPortVariableOf(entry.name), setting: settings.port(fallback) }];
      }),
    ),
    environment,
  ) as Record<string, number>;
  const found = local.map(({ entry, directory }) => ({
    name: entry.name,
    entry: join(REPOSITORY_ROOT, 'subgraphs', directory, 'src', 'index.ts'),
    port: ports[entry.name] ?? 0,
    metricsPort: metricsPorts[entry.name] ?? 0,
  }));
  if (!found.some((subgraph) => subgraph.name === 'identity')) {
    throw new ConfigError([`${relative(process.cwd(), configPath)}: no identity subgraph under subgraphs/identity, and every other subgraph asks it for access decisions`]);
  }
  const taken = new Map<number, string>();
  const problems: string[] = [];
  for (const subgraph of found) {
    const other = taken.get(subgraph.port);
    if (other !== undefined) problems.push(`${portVariableOf(subgraph.name)}: ${subgraph.name} and ${other} would both listen on port ${subgraph.port}`);
    taken.set(subgraph.port, subgraph.name);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return [...found.filter((subgraph) => subgraph.name === 'identity'), ...found.filter((subgraph) => subgraph.name !== 'identity')];
}

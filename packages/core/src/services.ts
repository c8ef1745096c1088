/** The subgraphs, by the name the supergraph and the internal token's audience use. */
export const SUBGRAPH_NAMES = ['identity', 'subscriptions', 'device-telemetry'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}

/** The subgraphs, by the name the supergraph and the internal token's audience use. */
export const SUBGRAPH_NAMES = ['identity', 'subscriptions', 'device-telemetry'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/**
 * A subgraph's name as configuration variables spell it: in capitals, every
 * run of other characters as `_` (`device-telemetry` → DEVICE_TELEMETRY).
 * The gateway reads SUBGRAPH_<stem>_URL and its siblings; `npm start` reads
 * <stem>_PORT.
 */
export function subgraphVariableStem(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export function isSubgraphName(value: string): value is SubgraphName {
  return (SUBGRAPH_NAMES as readonly string[]).includes(value);
}

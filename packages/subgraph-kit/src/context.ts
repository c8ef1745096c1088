import type { Logger, Principal } from '@partnergraph/core';

/** What every resolver gets, in every subgraph; each subgraph adds its loaders. */
export interface BaseContext {
  principal: Principal;
  requestId: string;
  logger: Logger;
}

import type { InternalTokenScope, Logger, Principal } from '@partnergraph/core';

/** What every resolver gets, in every subgraph; each subgraph adds its loaders. */
export interface BaseContext {
  principal: Principal;
  /** What the internal token lets this request run (see INTERNAL_TOKEN_SCOPES). */
  tokenScope: InternalTokenScope;
  /** The gateway's access-check token for identity, if the gateway sent one (see createAccessDecisionLoader). */
  identityToken: string | undefined;
  requestId: string;
  logger: Logger;
}

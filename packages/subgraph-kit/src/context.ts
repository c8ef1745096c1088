import type { InternalTokenScope, Logger, Principal } from '@partnergraph/core';
import type { RequestTrace } from '@partnergraph/observability';

/** What every resolver gets, in every subgraph; each subgraph adds its loaders. */
export interface BaseContext {
  principal: Principal;
  /** What the internal token lets this request run (see INTERNAL_TOKEN_SCOPES). */
  tokenScope: InternalTokenScope;
  /** The gateway's access-check token for identity, if the gateway sent one (see createAccessDecisionLoader). */
  identityToken: string | undefined;
  requestId: string;
  /** Carries the request's requestId, and its traceId when tracing is on. */
  logger: Logger;
  /** The request's trace, when tracing is on (sampled or not: an unsampled one still hands its trace context on). */
  trace?: RequestTrace;
}

/** An entity another subgraph owns, which this one only adds fields to: all it holds of it is the id. */
export interface EntityReference {
  id: string;
}

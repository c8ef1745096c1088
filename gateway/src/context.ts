import type { Principal } from '@partnergraph/core';
import type { RequestObservation } from './request-observation';

export interface GatewayContext {
  principal: Principal;
  requestId: string;
  /** The HTTP request's log line and trace (request-observation.ts); none for the operations live subscriptions run. */
  observation?: RequestObservation;
}

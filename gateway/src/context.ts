import type { Principal } from '@partnergraph/core';

export interface GatewayContext {
  principal: Principal;
  requestId: string;
}

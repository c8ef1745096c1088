import { createHash } from 'node:crypto';
import type { AccessDecision } from '@partnergraph/core';

/**
 * A live feed's scope key (the `scope` of its page) for one organization it
 * covers and how the caller stands to it: when a grant is revoked or
 * narrowed, its key goes missing and the gateway ends the subscriptions that
 * started with it. Opaque, and short: a partner covers hundreds of customers.
 */
export function scopeKey(decision: AccessDecision): string {
  return createHash('sha256').update(`${decision.organizationId}:${decision.relation}`).digest('base64url').slice(0, 16);
}

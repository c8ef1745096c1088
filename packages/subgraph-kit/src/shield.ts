import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
import type { GraphQLSchema } from 'graphql';
import { clientError } from '@partnergraph/core';

/**
 * Deny by default: a field without a rule is refused with FORBIDDEN.
 * `_service` and `_entities` are allowed here because the internal-token check
 * already refused every call that did not come from the gateway; the entity
 * types they reach are guarded by the same type rules as on root fields.
 */
export function applyShield(schema: GraphQLSchema, rules: Record<string, IRules>): GraphQLSchema {
  const query = (rules.Query ?? {}) as Record<string, IRules>;
  const permissions = shield(
    { ...rules, Query: { ...query, _service: allow, _entities: allow }, _Service: allow },
    {
      fallbackRule: deny,
      fallbackError: () => clientError('FORBIDDEN', 'You are not allowed to see or do this.'),
      allowExternalErrors: true,
      debug: false,
    },
  );
  return applyMiddleware(schema, permissions);
}

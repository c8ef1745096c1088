import { applyMiddleware } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { clientError } from '@partnergraph/core';
import { capabilityOfField } from './policy-rules';

/** Told of each refused field, with the capability its policy entry names (see capabilityOfField) and the request's context. */
export type DenialListener = (capability: string, context: object) => void;

/**
 * Deny by default: a field without a rule is refused with FORBIDDEN. A rule
 * that throws (identity or the database could not be asked) is not a "no":
 * its error becomes the field's error (SUBGRAPH_UNAVAILABLE naming identity,
 * SERVICE_UNAVAILABLE for the database), never FORBIDDEN. graphql-shield's
 * `debug` is the switch that does this: without it a rule's exception is
 * turned into `false`, a denial.
 * `onDenied` hears each refusal (the denial metric); the allowed path is untouched.
 * `_service` and `_entities` are allowed here because the internal-token check
 * already refused every call that did not come from the gateway; the entity
 * types they reach are guarded by the same type rules as on root fields.
 */
export function applyShield(schema: GraphQLSchema, rules: Record<string, IRules>, onDenied?: DenialListener): GraphQLSchema {
  const query = (rules.Query ?? {}) as Record<string, IRules>;
  const everyRule = { ...rules, Query: { ...query, _service: allow, _entities: allow }, _Service: allow };
  const permissions = shield(
    everyRule,
    {
      fallbackRule: deny,
      fallbackError: (thrown, _parent, _args, context, info) => {
        // Shield calls this with nothing thrown when a rule said no (a rule's exception is rethrown: debug below).
        if (onDenied && thrown === null) onDenied(capabilityOfField(rules, info.parentType.name, info.fieldName), context as object);
        return clientError('FORBIDDEN', 'You are not allowed to see or do this.');
      },
      allowExternalErrors: true,
      // Rethrow a rule's exception as the field's error instead of denying (see above); shield's debug does nothing else.
      debug: true,
    },
  );
  const shielded = applyMiddleware(schema, permissions);
  unwrapAllowedFields(schema, shielded, everyRule);
  return shielded;
}

/**
 * A field whose rule is `allow` keeps its own resolver: shield's wrapper would
 * only turn it into a promise (a plain property read becomes an async call,
 * thousands of times on a large page) to learn what `allow` already says.
 * Every other field, and every field without a rule, stays wrapped.
 */
function unwrapAllowedFields(original: GraphQLSchema, shielded: GraphQLSchema, rules: Record<string, IRules>): void {
  for (const [typeName, typeRules] of Object.entries(rules)) {
    const originalType = original.getType(typeName);
    const shieldedType = shielded.getType(typeName);
    if (!isObjectType(originalType) || !isObjectType(shieldedType)) continue;
    const originalFields = originalType.getFields();
    const shieldedFields = shieldedType.getFields();
    const allowed =
      typeRules === allow
        ? Object.keys(shieldedFields)
        : Object.entries(typeRules as Record<string, unknown>).flatMap(([field, rule]) => (rule === allow ? [field] : []));
    for (const field of allowed) {
      const target = shieldedFields[field];
      if (target) target.resolve = originalFields[field]?.resolve;
    }
  }
}

import { allow, deny, shield, type IRule, type IRules } from 'graphql-shield';
import { defaultFieldResolver, isIntrospectionType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { clientError } from '@partnergraph/core';
import { parentDecider } from './access-rules';
import { capabilityOfField } from './policy-rules';

/** Told of each refused field, with the capability its policy entry names (see capabilityOfField) and the request's context. */
export type DenialListener = (capability: string, context: object) => void;

/**
 * graphql-shield's options, for the rules evaluated through shield itself. A
 * rule that throws (identity or the database could not be asked) is not a
 * "no": with `debug` its exception becomes the field's error
 * (SUBGRAPH_UNAVAILABLE naming identity, SERVICE_UNAVAILABLE for the database),
 * never FORBIDDEN; without it shield would turn it into `false`, a denial.
 */
const SHIELD_OPTIONS = {
  fallbackRule: deny,
  fallbackError: () => forbidden(),
  allowExternalErrors: true,
  debug: true,
  hashFunction: () => {
    throw new Error("a rule with cache 'strict' reached applyShield, which refuses them at start-up");
  },
};

const forbidden = () => clientError('FORBIDDEN', 'You are not allowed to see or do this.');

/** A rule of any kind shield knows (a rule, `and`/`or`/…, `allow`, `deny`); its package exports no name for the union. */
type ShieldRule = Pick<IRule, 'resolve'>;
type Verdict = boolean | Error;
type Decide = (parent: unknown, args: Record<string, unknown>, context: ShieldContext, info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => Verdict | Promise<Verdict>;
/** What graphql-shield keeps per request for its `contextual` caches. */
interface ShieldContext {
  _shield?: { cache: Record<string, unknown> };
}

/**
 * Deny by default: a field without a rule is refused with FORBIDDEN.
 * `_service` and `_entities` are allowed here because the internal-token check
 * already refused every call that did not come from the gateway; the entity
 * types they reach are guarded by the same type rules as on root fields.
 *
 * The rules are graphql-shield's, validated by shield against the schema; the
 * policy is compiled into the schema's resolvers once, at start, instead of
 * through graphql-middleware, which made every guarded field a promise and
 * ran shield's rule machinery per field: on a 500-device dashboard, tens of
 * thousands of promises. Here a field whose rule is `allow` keeps its own
 * resolver; a parentRule (the access checks of devices, sensors and the
 * like) is decided per object, synchronously once the decision is known; any
 * other rule goes through shield's own `rule.resolve`. The field's resolver
 * runs only on `true`; `false` is FORBIDDEN, an Error the rule returned is
 * the field's error. `onDenied` hears each `false` (the denial metric), with
 * the capability worked out at start; the allowed path does not call it.
 */
export function applyShield(schema: GraphQLSchema, rules: Record<string, IRules>, onDenied?: DenialListener): GraphQLSchema {
  const query = (rules.Query ?? {}) as Record<string, IRules>;
  const everyRule: Record<string, IRules> = { ...rules, Query: { ...query, _service: allow, _entities: allow }, _Service: allow };
  // Throws at start-up on a rule for a type or field the schema lacks, as shield does.
  shield(everyRule as IRules, SHIELD_OPTIONS).generate(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const [fieldName, field] of Object.entries(type.getFields())) {
      const fieldRule = ruleOf(everyRule[type.name], fieldName);
      if (fieldRule === (allow as ShieldRule)) continue;
      const capability = capabilityOfField(rules, type.name, fieldName);
      const denied = onDenied && ((context: object) => onDenied(capability, context));
      field.resolve = guarded(compile(fieldRule, `${type.name}.${fieldName}`), field.resolve ?? defaultFieldResolver, denied);
    }
  }
  return schema;
}

/** The rule shield would give the field: the type's rule, or the field's, else the type's `*`, else deny. */
function ruleOf(typeRules: IRules | undefined, field: string): ShieldRule {
  if (typeRules === undefined) return deny;
  if (isRule(typeRules)) return typeRules;
  const fieldRules = typeRules as Record<string, ShieldRule | undefined>;
  return fieldRules[field] ?? fieldRules['*'] ?? deny;
}

function isRule(rules: IRules): rules is ShieldRule & IRules {
  return typeof (rules as { resolve?: unknown }).resolve === 'function';
}

function compile(fieldRule: ShieldRule, coordinate: string): Decide {
  if (fieldRule === (deny as ShieldRule)) return () => false;
  const decider = parentDecider(fieldRule as IRule);
  if (decider) return (parent, _args, context) => decider(parent as object, context);
  if ((fieldRule as { cache?: unknown }).cache === 'strict') throw new Error(`${coordinate}: rules with cache 'strict' are not supported; use parentRule or 'contextual'`);
  return (parent, args, context, info) => {
    context._shield ??= { cache: {} };
    return fieldRule.resolve(parent as object, args, context as never, info, SHIELD_OPTIONS as never).then(asVerdict);
  };
}

function guarded(
  decide: Decide,
  resolve: GraphQLFieldResolver<unknown, ShieldContext>,
  denied: ((context: object) => void) | undefined,
): GraphQLFieldResolver<unknown, ShieldContext> {
  const refuseIn = (verdict: Verdict, context: ShieldContext): never => {
    if (verdict === false) denied?.(context);
    return refuse(verdict);
  };
  return (parent, args, context, info) => {
    const verdict = decide(parent, args, context, info);
    if (verdict === true) return resolve(parent, args, context, info);
    if (verdict instanceof Promise) return verdict.then((settled) => (settled === true ? resolve(parent, args, context, info) : refuseIn(settled, context)));
    return refuseIn(verdict, context);
  };
}

/** As shield reads a rule's result: an Error or a message is the field's error, anything but `true` a denial. */
function asVerdict(result: boolean | string | Error): Verdict {
  return typeof result === 'string' ? new Error(result) : result;
}

function refuse(verdict: Verdict): never {
  throw verdict instanceof Error ? verdict : forbidden();
}

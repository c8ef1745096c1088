import { allow, and, type IRule, type IRules } from 'graphql-shield';
import { capabilityRule, isFieldKind, type Capability, type CapabilityTable, type FieldAccess, type FieldPolicy } from '@partnergraph/core';
import { callerRule, ruleForCapability } from './access-rules';

/** Rules built by rulesFromPolicy → `Type.field` → the capabilities its entry names, joined by `+` (for denial metrics). */
const capabilitiesOfRules = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The capability a field of `rules` asks for, as the denial metric labels it:
 * `(unlisted)` for a field its policy does not list (the shield's fallback
 * denies it), `(unknown)` for rules not built by rulesFromPolicy.
 */
export function capabilityOfField(rules: object, typeName: string, fieldName: string): string {
  const capabilities = capabilitiesOfRules.get(rules);
  if (!capabilities) return '(unknown)';
  return capabilities.get(`${typeName}.${fieldName}`) ?? '(unlisted)';
}

/** One field's rule: a capability's check, or all of several. */
type FieldRule = IRule | ReturnType<typeof and>;

/** How a subgraph checks the capabilities its field policy names. */
export interface PolicyChecks<TCapability extends string = Capability> {
  /** For `owner` capabilities: the organization that owns an object of each type. */
  owners?: Readonly<Record<string, (parent: never) => string>>;
  /** An `owner` capability whose check needs more than the owner's decision (unmonitored equipment, a user's own record), per type. */
  ownerChecks?: Readonly<Record<string, Partial<Record<TCapability, IRule>>>>;
  /** For `target` and `anyOrganization` capabilities: the rule of each `Type.field` that finds the organization from its arguments. */
  fieldChecks?: Readonly<Record<string, IRule>>;
  /**
   * The subgraph's capability table (defineCapabilities), when its policy
   * names capabilities of its own; the core access policy otherwise.
   */
  capabilities?: CapabilityTable<TCapability>;
}


/**
 * The shield rules of every field a subgraph's policy lists: kinds are
 * allowed (their resolvers or parent fields decide), capabilities are checked
 * against the access matrix for the caller's standing, the owning
 * organization or the one an argument names. A field the policy does not list
 * gets no rule, so applyShield denies it. Throws, at start-up, on a capability
 * with no way to check it and on a check no field uses.
 */
export function rulesFromPolicy<TCapability extends string>(
  policy: FieldPolicy<TCapability>,
  checks: PolicyChecks<NoInfer<TCapability>> & { capabilities: CapabilityTable<TCapability> },
): Record<string, IRules>;
/** A policy that names only the core table's capabilities. */
export function rulesFromPolicy(policy: FieldPolicy, checks: PolicyChecks): Record<string, IRules>;
export function rulesFromPolicy(policy: FieldPolicy<string>, checks: PolicyChecks<string>): Record<string, IRules> {
  const unused = new Set([
    ...Object.keys(checks.fieldChecks ?? {}),
    ...Object.entries(checks.ownerChecks ?? {}).flatMap(([typeName, byCapability]) => Object.keys(byCapability).map((capability) => `${typeName}:${capability}`)),
  ]);
  const plainOwnerRules = new Map<string, IRule>();
  const callerRules = new Map<string, IRule>();

  const ownerRule = (typeName: string, field: string, capability: string, needsOwnCheck: boolean): IRule => {
    const own = checks.ownerChecks?.[typeName]?.[capability];
    if (own) {
      unused.delete(`${typeName}:${capability}`);
      return own;
    }
    const owner = checks.owners?.[typeName];
    if (!owner || needsOwnCheck) {
      throw new Error(`${typeName}.${field} needs ${capability} of its owner, but no ${needsOwnCheck ? 'ownerChecks' : 'owner'} entry says how for ${typeName}`);
    }
    const key = `${typeName}:${capability}`;
    let built = plainOwnerRules.get(key);
    if (!built) {
      built = ruleForCapability(capability, owner as (parent: object) => string, checks.capabilities);
      plainOwnerRules.set(key, built);
    }
    return built;
  };

  const ruleFor = (typeName: string, field: string, access: FieldAccess<string>): FieldRule => {
    if (isFieldKind(access)) return allow;
    const { owner, caller, target, anyOrganization, orSelf } = capabilityRule(access);
    const parts: FieldRule[] = [];
    if (owner) parts.push(ownerRule(typeName, field, owner, orSelf === true));
    if (caller) {
      let built = callerRules.get(caller);
      if (!built) {
        built = callerRule(caller, checks.capabilities);
        callerRules.set(caller, built);
      }
      parts.push(built);
    }
    if (target || anyOrganization) {
      const check = checks.fieldChecks?.[`${typeName}.${field}`];
      if (!check) throw new Error(`${typeName}.${field} needs ${target ?? anyOrganization} of an organization its arguments name, but no fieldChecks entry says how`);
      unused.delete(`${typeName}.${field}`);
      parts.push(check);
    }
    const [only, ...more] = parts;
    if (!only) throw new Error(`${typeName}.${field} names no capability`);
    return more.length === 0 ? only : and(only, ...more);
  };

  const rules: Record<string, Record<string, FieldRule>> = {};
  const capabilities = new Map<string, string>();
  for (const [typeName, fields] of Object.entries(policy)) {
    const typeRules: Record<string, FieldRule> = {};
    for (const [field, access] of Object.entries(fields)) {
      typeRules[field] = ruleFor(typeName, field, access);
      if (!isFieldKind(access)) {
        const { owner, caller, target, anyOrganization } = capabilityRule(access);
        capabilities.set(`${typeName}.${field}`, [...new Set([owner, caller, target, anyOrganization].filter((name) => name !== undefined))].join('+'));
      }
    }
    rules[typeName] = typeRules;
  }
  if (unused.size > 0) throw new Error(`checks that no field of the policy uses: ${[...unused].join(', ')}`);
  capabilitiesOfRules.set(rules, capabilities);
  return rules;
}

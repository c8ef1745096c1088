import { rule, type IRule } from 'graphql-shield';
import {
  ACCESS_POLICY,
  ownOrganizationOf,
  tableAllows,
  standingWithoutOrganization,
  type AccessDecision,
  type AccessRelation,
  type Capability,
  type CapabilityTable,
  type Principal,
} from '@partnergraph/core';
import type { AccessDecisionLoader } from './access-decisions';
import type { BaseContext } from './context';

/** The context of a subgraph that asks identity for access decisions. */
export interface AccessCheckedContext extends BaseContext {
  access: AccessDecisionLoader;
}

/** A decision about a parent object: a boolean when it is known now, a promise otherwise. */
export type ParentDecision = boolean | Promise<boolean>;

/** The synchronous side of each parentRule, for applyShield (see parentDecider). */
const parentDeciders = new WeakMap<IRule, (parent: object, context: object) => ParentDecision>();

/** How applyShield decides a parentRule without shield's promise per field; undefined for any other rule. */
export function parentDecider(rule: IRule): ((parent: object, context: object) => ParentDecision) | undefined {
  return parentDeciders.get(rule);
}

/**
 * A shield rule about the parent object alone (not the field's arguments),
 * decided once per object per request: the six fields asked of one device
 * share one decision. Decisions live in a WeakMap keyed by the request's
 * context, so they end with the request and never reach another one. (Shield's
 * own caches do not fit: `contextual` reuses one parent's answer for the next,
 * `strict` hashes the whole parent object on every field.) A decision that
 * is known (`decide` answered synchronously, or its promise has settled) is
 * kept as a boolean, so later fields of the object are decided without a
 * promise.
 */
export function parentRule<TParent extends object, TContext extends object>(decide: (parent: TParent, context: TContext) => ParentDecision): IRule {
  const decisions = new WeakMap<TContext, WeakMap<TParent, ParentDecision>>();
  const decideOnce = (parent: TParent, context: TContext): ParentDecision => {
    let ofRequest = decisions.get(context);
    if (!ofRequest) {
      ofRequest = new WeakMap();
      decisions.set(context, ofRequest);
    }
    const known = ofRequest.get(parent);
    if (known !== undefined) return known;
    const decided = decide(parent, context);
    if (typeof decided === 'boolean') {
      ofRequest.set(parent, decided);
      return decided;
    }
    const settled = ofRequest;
    const pending = decided.then((value) => {
      settled.set(parent, value);
      return value;
    });
    ofRequest.set(parent, pending);
    return pending;
  };
  const built = rule({ cache: 'no_cache' })((parent: TParent, _args, context: TContext) => decideOnce(parent, context));
  parentDeciders.set(built, decideOnce as (parent: object, context: object) => ParentDecision);
  return built;
}

/**
 * The access decision for an organization: the one already answered when
 * there is one (no promise), else identity's, batched with the request's
 * other asks.
 */
export function withDecision<T>(access: AccessDecisionLoader, organizationId: string, use: (decision: AccessDecision) => T | Promise<T>): T | Promise<T> {
  const known = access.peek(organizationId);
  return known === undefined ? access.load(organizationId).then(use) : use(known);
}

/** A rule that decides from identity's access decision for the organization that owns the parent object (see parentRule). */
export function organizationRule<TParent extends object>(
  organizationIdOf: (parent: TParent) => string,
  allows: (decision: AccessDecision, principal: Principal, parent: TParent) => boolean,
): IRule {
  return parentRule((parent: TParent, { access, principal }: AccessCheckedContext) =>
    withDecision(access, organizationIdOf(parent), (decision) => allows(decision, principal, parent)),
  );
}

/** The core access matrix, as a table of any capability names (a subgraph's own table includes it). */
const CORE_CAPABILITIES: CapabilityTable<string> = ACCESS_POLICY;

/** `capabilities` with `capability` in it; throws at start-up otherwise (a subgraph's own capability with no table given). */
function checkedTable<TCapability extends string>(capability: TCapability, capabilities: CapabilityTable<TCapability>): CapabilityTable<TCapability> {
  if ((capabilities as CapabilityTable<string>)[capability] === undefined) {
    throw new Error(`capability ${capability} is in neither the core access policy nor the capabilities given (defineCapabilities)`);
  }
  return capabilities;
}

/**
 * The access matrix's `capability` for the organization that owns the parent
 * object: the core table's, or that of `capabilities` (a subgraph's own, from
 * defineCapabilities).
 */
export function ruleForCapability<TParent extends object, TCapability extends string = Capability>(
  capability: TCapability,
  organizationIdOf: (parent: TParent) => string,
  capabilities: CapabilityTable<TCapability> = CORE_CAPABILITIES,
): IRule {
  const table = checkedTable(capability, capabilities);
  return organizationRule(organizationIdOf, (decision) => tableAllows(table, capability, decision.relation));
}

/** How the caller stands on its own: to its own organization, or as the principal it is when it has none. */
async function callerRelation({ access, principal }: AccessCheckedContext): Promise<AccessRelation> {
  const standing = standingWithoutOrganization(principal);
  if (standing !== null) return standing;
  const own = ownOrganizationOf(principal);
  return own === null ? 'NONE' : (await access.load(own)).relation;
}

/** The access matrix's `capability` (of the core table or of `capabilities`) for the caller's own standing (see callerRelation). */
export function callerRule<TCapability extends string = Capability>(
  capability: TCapability,
  capabilities: CapabilityTable<TCapability> = CORE_CAPABILITIES,
): IRule {
  const table = checkedTable(capability, capabilities);
  return rule({ cache: 'contextual' })(async (_parent, _args, context: AccessCheckedContext) =>
    tableAllows(table, capability, await callerRelation(context)),
  );
}

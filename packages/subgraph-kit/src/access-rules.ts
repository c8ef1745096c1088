import { rule, type IRule } from 'graphql-shield';
import {
  allows,
  ownOrganizationOf,
  standingWithoutOrganization,
  type AccessDecision,
  type AccessRelation,
  type Capability,
  type Principal,
} from '@partnergraph/core';
import type { AccessDecisionLoader } from './access-decisions';
import type { BaseContext } from './context';

/** The context of a subgraph that asks identity for access decisions. */
export interface AccessCheckedContext extends BaseContext {
  access: AccessDecisionLoader;
}

/**
 * A shield rule that decides from identity's access decision for the
 * organization that owns the parent object. `no_cache`: shield's contextual
 * cache would reuse one parent's answer for the next; the per-request
 * DataLoader already asks identity once per organization.
 */
export function organizationRule<TParent>(
  organizationIdOf: (parent: TParent) => string,
  allows: (decision: AccessDecision, principal: Principal, parent: TParent) => boolean,
): IRule {
  return rule({ cache: 'no_cache' })(async (parent: TParent, _args, { access, principal }: AccessCheckedContext) =>
    allows(await access.load(organizationIdOf(parent)), principal, parent),
  );
}

/** The access matrix's `capability` for the organization that owns the parent object. */
export function ruleForCapability<TParent>(capability: Capability, organizationIdOf: (parent: TParent) => string): IRule {
  return organizationRule(organizationIdOf, (decision) => allows(capability, decision.relation));
}

/** How the caller stands on its own: to its own organization, or as the principal it is when it has none. */
async function callerRelation({ access, principal }: AccessCheckedContext): Promise<AccessRelation> {
  const standing = standingWithoutOrganization(principal);
  if (standing !== null) return standing;
  const own = ownOrganizationOf(principal);
  return own === null ? 'NONE' : (await access.load(own)).relation;
}

/** The access matrix's `capability` for the caller's own standing (see callerRelation). */
export function callerRule(capability: Capability): IRule {
  return rule({ cache: 'contextual' })(async (_parent, _args, context: AccessCheckedContext) =>
    allows(capability, await callerRelation(context)),
  );
}

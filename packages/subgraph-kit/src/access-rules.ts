import { rule, type IRule } from 'graphql-shield';
import type { AccessDecision, Principal } from '@partnergraph/core';
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

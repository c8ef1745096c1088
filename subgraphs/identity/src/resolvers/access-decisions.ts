import { clientError, ownOrganizationOf } from '@partnergraph/core';
import { isUuid } from '@partnergraph/subgraph-kit';
import { decideMany } from '../access-decisions';
import type { IdentityContext } from '../context';
import type { QueryAccessDecisionsArgs } from '../generated/resolvers-types';

const MAX_ORGANIZATIONS = 1000;

/** The caller's decision for each organization asked, in order (see decideMany). */
export async function accessDecisions(_parent: unknown, { organizationIds }: QueryAccessDecisionsArgs, context: IdentityContext) {
  if (organizationIds.length > MAX_ORGANIZATIONS) {
    throw clientError('BAD_USER_INPUT', `At most ${MAX_ORGANIZATIONS} organizations per call.`, { field: 'organizationIds' });
  }
  return decideMany(organizationIds, context);
}

/**
 * The caller's decisions for every organization whose data it may read: its
 * own, and for a partner user or API client the customers whose grant to the
 * partner stands (then narrowed by decideAccess: MFA, API access, the
 * credential's customers). For feeds that span organizations.
 */
export async function readableOrganizations(_parent: unknown, _args: unknown, context: IdentityContext) {
  const actingOrganizationId = ownOrganizationOf(context.principal);
  if (actingOrganizationId === null || !isUuid(actingOrganizationId)) return [];
  const rows = await context.database.dataSource.query<{ id: string }[]>(
    `SELECT $1::uuid AS id
     UNION
     SELECT customer_organization_id FROM identity.partner_grant WHERE partner_organization_id = $1::uuid AND revoked_at IS NULL`,
    [actingOrganizationId],
  );
  const decisions = await decideMany(
    rows.map((row) => row.id),
    context,
  );
  return decisions.filter((decision) => decision.read);
}

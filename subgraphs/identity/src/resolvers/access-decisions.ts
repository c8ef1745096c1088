import { clientError } from '@partnergraph/core';
import { isUuid } from '@partnergraph/subgraph-kit';
import { actingPartnerOf, decideAccess } from '../access-decision';
import type { IdentityContext } from '../context';
import type { OrganizationKind } from '../organization';

const MAX_ORGANIZATIONS = 1000;

interface OrganizationWithGrant {
  id: string;
  kind: OrganizationKind;
  /** Null when the acting partner holds no standing grant from this organization. */
  administrator: boolean | null;
  apiDeviceData: boolean | null;
}

/**
 * One statement for the organizations and the acting partner's standing
 * grants to them, whatever the number of ids; one more for an API client's
 * credential.
 */
export async function accessDecisions(_parent: unknown, { organizationIds }: { organizationIds: string[] }, context: IdentityContext) {
  if (organizationIds.length > MAX_ORGANIZATIONS) {
    throw clientError('BAD_USER_INPUT', `At most ${MAX_ORGANIZATIONS} organizations per call.`, { field: 'organizationIds' });
  }
  return decide(organizationIds, context);
}

/**
 * The caller's decisions for every organization whose data it may read: its
 * own, and for a partner user or API client the customers whose grant to the
 * partner stands (then narrowed by decideAccess: MFA, API access, the
 * credential's customers). For feeds that span organizations.
 */
export async function readableOrganizations(_parent: unknown, _args: unknown, context: IdentityContext) {
  const actingOrganizationId = actingPartnerOf(context.principal);
  if (actingOrganizationId === null || !isUuid(actingOrganizationId)) return [];
  const rows = await context.database.dataSource.query<{ id: string }[]>(
    `SELECT $1::uuid AS id
     UNION
     SELECT customer_organization_id FROM identity.partner_grant WHERE partner_organization_id = $1::uuid AND revoked_at IS NULL`,
    [actingOrganizationId],
  );
  const decisions = await decide(
    rows.map((row) => row.id),
    context,
  );
  return decisions.filter((decision) => decision.read);
}

async function decide(organizationIds: readonly string[], { principal, database, apiCredentialScope }: IdentityContext) {
  const ids = [...new Set(organizationIds.filter(isUuid))];
  const rows =
    ids.length === 0
      ? []
      : await database.dataSource.query<OrganizationWithGrant[]>(
          `SELECT organization.id, organization.kind, grant_row.administrator, grant_row.api_device_data AS "apiDeviceData"
           FROM identity.organization
           LEFT JOIN identity.partner_grant grant_row
             ON grant_row.customer_organization_id = organization.id
            AND grant_row.partner_organization_id = $2::uuid
            AND grant_row.revoked_at IS NULL
           WHERE organization.id = ANY($1::uuid[])`,
          [ids, actingPartnerOf(principal)],
        );
  const found = new Map(rows.map((row) => [row.id, row]));
  const credential = await apiCredentialScope();
  return organizationIds.map((id) => {
    const row = found.get(id);
    const grant =
      row && row.administrator !== null && row.apiDeviceData !== null
        ? { administrator: row.administrator, apiDeviceData: row.apiDeviceData }
        : null;
    return decideAccess(principal, id, row ?? null, grant, credential);
  });
}

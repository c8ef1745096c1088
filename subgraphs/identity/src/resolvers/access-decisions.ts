import { clientError } from '@partnergraph/core';
import { isUuid } from '@partnergraph/subgraph-kit';
import { actingPartnerOf, decideAccess } from '../access-decision';
import type { IdentityContext } from '../context';
import type { PartnerGrant } from '../partner-grant';

const MAX_ORGANIZATIONS = 1000;

/** One statement for the organizations and one for the acting partner's standing grants, whatever the number of ids. */
export async function accessDecisions(
  _parent: unknown,
  { organizationIds }: { organizationIds: string[] },
  { principal, loaders, database }: IdentityContext,
) {
  if (organizationIds.length > MAX_ORGANIZATIONS) {
    throw clientError('BAD_USER_INPUT', `At most ${MAX_ORGANIZATIONS} organizations per call.`, { field: 'organizationIds' });
  }
  const partner = actingPartnerOf(principal);
  const ids = organizationIds.filter(isUuid);
  const [organizations, grants] = await Promise.all([
    Promise.all(organizationIds.map((id) => loaders.organizationById.load(id))),
    partner && ids.length > 0
      ? database.dataSource.query<Pick<PartnerGrant, 'customerOrganizationId' | 'administrator' | 'apiDeviceData'>[]>(
          `SELECT customer_organization_id AS "customerOrganizationId", administrator, api_device_data AS "apiDeviceData"
           FROM identity.partner_grant
           WHERE partner_organization_id = $1 AND customer_organization_id = ANY($2::uuid[]) AND revoked_at IS NULL`,
          [partner, ids],
        )
      : [],
  ]);
  const grantOf = new Map(grants.map((grant) => [grant.customerOrganizationId, grant]));
  return organizationIds.map((id, index) => decideAccess(principal, id, organizations[index] ?? null, grantOf.get(id) ?? null));
}

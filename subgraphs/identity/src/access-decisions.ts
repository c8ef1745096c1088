import DataLoader from 'dataloader';
import { ownOrganizationOf, type AccessDecision, type Principal } from '@partnergraph/core';
import { isUuid, type AccessDecisionLoader, type Database } from '@partnergraph/subgraph-kit';
import { decideAccess } from './access-decision';
import type { ApiCredentialScope } from './api-credentials';
import type { OrganizationKind } from './organization';

interface OrganizationWithGrants {
  id: string;
  kind: OrganizationKind;
  /** Null when the acting partner holds no standing grant from this organization. */
  administrator: boolean | null;
  apiDeviceData: boolean | null;
  /** The caller's own organization has granted this one access, standing or not. */
  grantedByCaller: boolean;
}

export interface DecisionInputs {
  principal: Principal;
  database: Database;
  apiCredentialScope: () => Promise<ApiCredentialScope | null>;
}

/**
 * The caller's decision for each organization, in order: one statement for the
 * organizations and the grants between them and the caller's organization,
 * whatever the number of ids; one more for an API client's credential.
 */
export async function decideMany(organizationIds: readonly string[], { principal, database, apiCredentialScope }: DecisionInputs): Promise<AccessDecision[]> {
  const ids = [...new Set(organizationIds.filter(isUuid))];
  const rows =
    ids.length === 0
      ? []
      : await database.dataSource.query<OrganizationWithGrants[]>(
          `SELECT organization.id, organization.kind, grant_row.administrator, grant_row.api_device_data AS "apiDeviceData",
                  EXISTS (SELECT 1 FROM identity.partner_grant granted
                          WHERE granted.partner_organization_id = organization.id AND granted.customer_organization_id = $2::uuid)
                    AS "grantedByCaller"
           FROM identity.organization
           LEFT JOIN identity.partner_grant grant_row
             ON grant_row.customer_organization_id = organization.id
            AND grant_row.partner_organization_id = $2::uuid
            AND grant_row.revoked_at IS NULL
           WHERE organization.id = ANY($1::uuid[])`,
          [ids, ownOrganizationOf(principal)],
        );
  const found = new Map(rows.map((row) => [row.id, row]));
  const credential = await apiCredentialScope();
  return organizationIds.map((id) => {
    const row = found.get(id);
    const grant =
      row && row.administrator !== null && row.apiDeviceData !== null
        ? { administrator: row.administrator, apiDeviceData: row.apiDeviceData }
        : null;
    return decideAccess(principal, id, row ?? null, grant, credential, row?.grantedByCaller ?? false);
  });
}

/**
 * Per request, identity's own rules ask for decisions the way the other
 * subgraphs do (the kit's organizationRule reads `access`), without the
 * round trip: each organization once, nothing kept beyond the request.
 */
export function createLocalAccessDecisionLoader(inputs: DecisionInputs): AccessDecisionLoader {
  return new DataLoader<string, AccessDecision>((organizationIds) => decideMany(organizationIds, inputs), { maxBatchSize: 1000 });
}

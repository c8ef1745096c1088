import { decisionFor, ownOrganizationOf, relationOf, type AccessDecision, type Principal } from '@partnergraph/core';
import { isUuid, selectRows, SettledLoader, type AccessDecisionLoader, type Database } from '@partnergraph/subgraph-kit';
import type { ApiCredentialScope } from './api-credentials';
import { OrganizationEntity, type Organization, type OrganizationKind } from './organization';
import type { PartnerGrant } from './partner-grant';

/**
 * The access matrix for one organization (`organization` null when it does
 * not exist): how the principal stands to it (relationOf), then that column of
 * the table (access-policy.ts in core). `grant` is the standing grant from
 * that organization to the principal's partner organization, if any;
 * `credential` an API client's credential as it stands now;
 * `grantedByCallersOrganization` whether a customer user's organization ever
 * granted this partner organization access.
 */
export function decideAccess(
  principal: Principal,
  organizationId: string,
  organization: { kind: OrganizationKind } | null,
  grant: Pick<PartnerGrant, 'administrator' | 'apiDeviceData'> | null,
  credential: ApiCredentialScope | null = null,
  grantedByCallersOrganization = false,
): AccessDecision {
  const relation = relationOf(principal, organization && { id: organizationId, kind: organization.kind }, {
    grant,
    credential,
    grantedByCallersOrganization,
  });
  return decisionFor(organizationId, relation);
}

/** Beside each organization: the grants between it and the caller's organization. */
interface GrantsWithCaller {
  /** Null when the acting partner holds no standing grant from this organization. */
  administrator: boolean | null;
  apiDeviceData: boolean | null;
  /** The caller's own organization has granted this one access, standing or not. */
  grantedByCaller: boolean;
  /** The statement's horizon (AccessDecision.asOf). */
  asOf: string;
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
      : await selectRows<Organization, GrantsWithCaller>(
          database.dataSource,
          OrganizationEntity,
          (columns) => `SELECT ${columns}, grant_row.administrator, grant_row.api_device_data AS "apiDeviceData",
                  EXISTS (SELECT 1 FROM identity.partner_grant granted
                          WHERE granted.partner_organization_id = organization.id AND granted.customer_organization_id = $2::uuid)
                    AS "grantedByCaller",
                  pg_snapshot_xmin(pg_current_snapshot())::text AS "asOf"
           FROM identity.organization
           LEFT JOIN identity.partner_grant grant_row
             ON grant_row.customer_organization_id = organization.id
            AND grant_row.partner_organization_id = $2::uuid
            AND grant_row.revoked_at IS NULL
           WHERE organization.id = ANY($1::uuid[])`,
          [ids, ownOrganizationOf(principal)],
          'organization',
        );
  const found = new Map(rows.map((row) => [row.id, row]));
  const asOf = rows[0]?.asOf;
  const credential = await apiCredentialScope();
  return organizationIds.map((id) => {
    const row = found.get(id);
    const grant =
      row && row.administrator !== null && row.apiDeviceData !== null
        ? { administrator: row.administrator, apiDeviceData: row.apiDeviceData }
        : null;
    const decision = decideAccess(principal, id, row ?? null, grant, credential, row?.grantedByCaller ?? false);
    return asOf === undefined ? decision : { ...decision, asOf };
  });
}

/**
 * Per request, identity's own rules ask for decisions the way the other
 * subgraphs do (the kit's organizationRule reads `access`), without the
 * round trip: each organization once, nothing kept beyond the request.
 */
export function createLocalAccessDecisionLoader(inputs: DecisionInputs): AccessDecisionLoader {
  return new SettledLoader<string, AccessDecision>((organizationIds) => decideMany(organizationIds, inputs), { maxBatchSize: 1000 });
}

/** An organization whose data the caller may read, before the decision narrows the list. */
interface ReadableCandidate {
  id: string;
}

/**
 * The caller's decisions for every organization whose data it may read: its
 * own, and for a partner user or API client the customers whose grant to the
 * partner stands (then narrowed by decideAccess: MFA, API access, the
 * credential's customers). For feeds that span organizations.
 */
export async function readableOrganizationDecisions(inputs: DecisionInputs): Promise<AccessDecision[]> {
  const actingOrganizationId = ownOrganizationOf(inputs.principal);
  if (actingOrganizationId === null || !isUuid(actingOrganizationId)) return [];
  const rows = await inputs.database.dataSource.query<ReadableCandidate[]>(
    `SELECT $1::uuid AS id
     UNION
     SELECT customer_organization_id FROM identity.partner_grant WHERE partner_organization_id = $1::uuid AND revoked_at IS NULL`,
    [actingOrganizationId],
  );
  const decisions = await decideMany(
    rows.map((row) => row.id),
    inputs,
  );
  return decisions.filter((decision) => decision.read);
}

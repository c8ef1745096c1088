import DataLoader from 'dataloader';
import { allows, ownOrganizationOf, relationOf, type Principal, type RelationFacts } from '@partnergraph/core';
import { isUuid, selectRows, tracedBatch, type Database } from '@partnergraph/subgraph-kit';
import type { ApiCredentialScope } from './api-credentials';
import type { Loaders } from './loaders';
import { PartnerGrantEntity } from './partner-grant';

/**
 * Which organizations a caller may know of (id, name, kind, Partner ID): the
 * access matrix's knowOrganization row (access-policy.ts in core), read for
 * how the caller stands to each:
 * - their own (for an API client, its partner's);
 * - customers whose data they may read (a standing grant, and MFA for partner
 *   users, API device-data access for API clients);
 * - for a customer's users, every partner the customer has ever granted
 *   access, so that the access history names them;
 * - every organization, for platform operators (support).
 * Anyone else knows of none.
 */
export type OrganizationVisibilityLoader = DataLoader<string, boolean>;

const NO_FACTS: RelationFacts = { grant: null, credential: null, grantedByCallersOrganization: false };

/**
 * Per request, one statement for the grants between the caller's organization
 * and every organization asked in the same tick. `signedInOrganizationId` is
 * the organization of a session opened in this very request (signIn), which
 * its answer names before any token says so; `apiCredentialScope` an API
 * client's credential.
 */
export function createOrganizationVisibilityLoader(
  database: Database,
  loaders: Loaders,
  principal: Principal,
  caller: { signedInOrganizationId(): Promise<string | null>; apiCredentialScope(): Promise<ApiCredentialScope | null> },
): OrganizationVisibilityLoader {
  return new DataLoader<string, boolean>(tracedBatch(database, 'organizationVisibility', async (organizationIds) => {
    const organizations = await Promise.all(organizationIds.map((id) => loaders.organizationById.load(id)));
    const knows = (index: number, facts: RelationFacts = NO_FACTS) => {
      const organization = organizations[index];
      return allows('knowOrganization', relationOf(principal, organization ? { id: organization.id, kind: organization.kind } : null, facts));
    };
    const session = await caller.signedInOrganizationId();
    // A session opened in this very request knows its own organization before a token says so.
    const isSessions = (id: string, index: number) => id === session && Boolean(organizations[index]);
    const own = ownOrganizationOf(principal);
    if (own === null) return organizationIds.map((id, index) => isSessions(id, index) || knows(index));
    const credential = await caller.apiCredentialScope();
    const ids = organizationIds.filter((id) => isUuid(id) && id !== own);
    const relations =
      ids.length === 0
        ? []
        : await selectRows(
            database.dataSource,
            PartnerGrantEntity,
            (columns) => `SELECT ${columns} FROM identity.partner_grant
             WHERE (partner_organization_id = $1 AND customer_organization_id = ANY($2::uuid[]))
                OR (customer_organization_id = $1 AND partner_organization_id = ANY($2::uuid[]))`,
            [own, ids],
          );
    return organizationIds.map((id, index) => {
      if (isSessions(id, index)) return true;
      const asPartner = relations.find((relation) => relation.customerOrganizationId === id && relation.revokedAt === null);
      return knows(index, {
        grant: asPartner ?? null,
        credential,
        grantedByCallersOrganization: relations.some((relation) => relation.partnerOrganizationId === id),
      });
    });
  }));
}

/**
 * What `Query.organizations` lists, the same rules as above in a form one
 * SQL statement can apply: the caller's own organization (not for an API
 * client, which reads customers' device data), plus the customers whose data
 * they may read. A customer's partners are not listed; they are reached
 * through `partnerAccess`.
 */
export type OrganizationListScope =
  | 'all'
  | 'none'
  | {
      ownOrganizationId: string;
      readsCustomers: boolean;
      /** An API client: customers that grant API device-data access, within its credential's customers. */
      apiClientId: string | null;
    };

export function organizationListScope(principal: Principal): OrganizationListScope {
  switch (principal.kind) {
    case 'operator':
      return 'all';
    case 'user':
      // decideAccess: partner users read customers only in a session opened with MFA.
      return { ownOrganizationId: principal.organizationId, readsCustomers: principal.mfa, apiClientId: null };
    case 'api-client':
      return { ownOrganizationId: principal.partnerOrganizationId, readsCustomers: true, apiClientId: principal.clientId };
    default:
      return 'none';
  }
}

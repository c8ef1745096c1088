import { selectRows, type Database, type PageRequest } from '@partnergraph/subgraph-kit';
import { OrganizationEntity, type Organization } from './organization';
import type { OrganizationListScope } from './organization-visibility';

/**
 * Who may appear on a caller's organization list ($1 the caller's own
 * organization, $2 an API client's id or null): their own organization (not
 * an API client's), and when they read customers, every customer with a
 * standing grant to it (for an API client, one that grants API device-data
 * access and is within its credential's customers).
 */
const OWN = `(organization.id = $1 AND CAST($2 AS text) IS NULL)`;
const READABLE_CUSTOMER = `(organization.kind = 'CUSTOMER' AND EXISTS (
    SELECT 1 FROM identity.partner_grant grant_row
     WHERE grant_row.partner_organization_id = $1 AND grant_row.customer_organization_id = organization.id
       AND grant_row.revoked_at IS NULL AND (grant_row.api_device_data OR CAST($2 AS text) IS NULL))
  AND (CAST($2 AS text) IS NULL OR EXISTS (
    SELECT 1 FROM identity.api_credential credential
     WHERE credential.client_id = $2 AND credential.partner_organization_id = $1
       AND credential.revoked_at IS NULL
       AND (credential.customer_organization_ids IS NULL OR organization.id = ANY(credential.customer_organization_ids)))))`;

/**
 * One page of the organizations a caller may list, by name then id, in one
 * statement of a fixed text per kind of caller (PostgreSQL's plan cache and
 * the statement spans see a handful of shapes); one row more than the page
 * when there is a next one.
 */
export async function listOrganizations(database: Database, scope: Exclude<OrganizationListScope, 'none'>, page: PageRequest): Promise<Organization[]> {
  const parameters: unknown[] = [];
  const conditions: string[] = [];
  if (scope !== 'all') {
    parameters.push(scope.ownOrganizationId, scope.apiClientId);
    conditions.push(scope.readsCustomers ? `(${OWN} OR ${READABLE_CUSTOMER})` : OWN);
  }
  if (page.after) {
    parameters.push(page.after[0], page.after[1]);
    conditions.push(`(organization.name, organization.id) > ($${parameters.length - 1}, $${parameters.length}::uuid)`);
  }
  parameters.push(page.limit + 1);
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return selectRows(
    database.dataSource,
    OrganizationEntity,
    (columns) => `SELECT ${columns} FROM identity.organization organization ${where} ORDER BY organization.name, organization.id LIMIT $${parameters.length}`,
    parameters,
    'organization',
  );
}

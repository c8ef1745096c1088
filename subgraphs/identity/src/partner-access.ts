import DataLoader from 'dataloader';
import { clientError, type UserPrincipal } from '@partnergraph/core';
import { groupBy, isUuid, selectRows, tracedBatch, type Database } from '@partnergraph/subgraph-kit';
import { partnerAccessEvents, recordAuditEvents } from './audit-log';
import { PartnerGrantEntity, PartnerGrantEventEntity, type PartnerGrant, type PartnerGrantEvent } from './partner-grant';

/** Per request: standing grants of many organizations (either side) and customers' histories, one statement each. */
export function createPartnerAccessLoaders(database: Database) {
  return {
    standingGrantsOf: new DataLoader<string, PartnerGrant[]>(tracedBatch(database, 'standingGrantsOf', async (organizationIds) => {
      const ids = organizationIds.filter(isUuid);
      const rows =
        ids.length === 0
          ? []
          : await selectRows(
              database.dataSource,
              PartnerGrantEntity,
              (columns) => `SELECT ${columns} FROM identity.partner_grant
               WHERE revoked_at IS NULL AND (customer_organization_id = ANY($1::uuid[]) OR partner_organization_id = ANY($1::uuid[]))
               ORDER BY granted_at, customer_organization_id, partner_organization_id`,
              [ids],
            );
      return organizationIds.map((id) =>
        rows.filter((grant) => grant.customerOrganizationId === id || grant.partnerOrganizationId === id),
      );
    })),
    historyOf: new DataLoader<string, PartnerGrantEvent[]>(tracedBatch(database, 'historyOf', async (customerIds) => {
      const ids = customerIds.filter(isUuid);
      const rows =
        ids.length === 0
          ? []
          : await selectRows(
              database.dataSource,
              PartnerGrantEventEntity,
              (columns) => `SELECT ${columns} FROM identity.partner_grant_event
               WHERE customer_organization_id = ANY($1::uuid[]) ORDER BY at DESC, id`,
              [ids],
            );
      const byCustomer = groupBy(rows, (event) => event.customerOrganizationId);
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    })),
  };
}

export type PartnerAccessLoaders = ReturnType<typeof createPartnerAccessLoaders>;

interface Change {
  partnerOrganizationId: string;
  administrator: boolean;
  apiDeviceData: boolean;
}

/**
 * Changes a standing grant and records the change, in one statement, and in
 * the audit log of both organizations, in the same transaction: either all
 * happens or nothing. The customer is always the caller's organization.
 */
export async function setPartnerAccess(database: Database, actor: UserPrincipal, change: Change): Promise<PartnerGrant> {
  if (!isUuid(change.partnerOrganizationId)) throw noStandingGrant();
  return database.dataSource.transaction(async (manager) => {
    const [grant] = await selectRows(
      manager,
      PartnerGrantEntity,
      (columns) => `WITH changed AS (
         UPDATE identity.partner_grant SET administrator = $3, api_device_data = $4
         WHERE customer_organization_id = $1 AND partner_organization_id = $2 AND revoked_at IS NULL
         RETURNING *
       ), recorded AS (
         INSERT INTO identity.partner_grant_event
           (customer_organization_id, partner_organization_id, actor_user_id, action, administrator, api_device_data)
         SELECT customer_organization_id, partner_organization_id, $5, 'CHANGED', administrator, api_device_data FROM changed
       )
       SELECT ${columns} FROM changed`,
      [actor.organizationId, change.partnerOrganizationId, change.administrator, change.apiDeviceData, actor.userId],
    );
    if (!grant) throw noStandingGrant();
    await recordAuditEvents(manager, partnerAccessEvents('PARTNER_ACCESS_CHANGED', actor, grant));
    return grant;
  });
}

/** Ends a standing grant and records it, as setPartnerAccess does; the partner loses access on its next request. */
export async function revokePartnerAccess(
  database: Database,
  actor: UserPrincipal,
  partnerOrganizationId: string,
): Promise<true> {
  if (!isUuid(partnerOrganizationId)) throw noStandingGrant();
  return database.dataSource.transaction(async (manager) => {
    const [grant] = await selectRows(
      manager,
      PartnerGrantEntity,
      (columns) => `WITH revoked AS (
         UPDATE identity.partner_grant SET revoked_at = now()
         WHERE customer_organization_id = $1 AND partner_organization_id = $2 AND revoked_at IS NULL
         RETURNING *
       ), recorded AS (
         INSERT INTO identity.partner_grant_event
           (customer_organization_id, partner_organization_id, actor_user_id, action, administrator, api_device_data)
         SELECT customer_organization_id, partner_organization_id, $3, 'REVOKED', administrator, api_device_data FROM revoked
       )
       SELECT ${columns} FROM revoked`,
      [actor.organizationId, partnerOrganizationId, actor.userId],
    );
    if (!grant) throw noStandingGrant();
    await recordAuditEvents(manager, partnerAccessEvents('PARTNER_ACCESS_REVOKED', actor, grant));
    return true as const;
  });
}

function noStandingGrant() {
  return clientError('NOT_FOUND', 'Your organization has not granted that partner access.');
}

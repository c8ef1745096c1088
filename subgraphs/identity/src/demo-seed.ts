import type { OrganizationRole } from '@partnergraph/core';
import type { Database } from '@partnergraph/subgraph-kit';
import { hashPassword } from './credentials/password';
import { OrganizationEntity, type OrganizationKind } from './organization';
import { UserAccountEntity } from './user-account';

export interface DemoOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  partnerId: string | null;
}

/** Inserts the demo organizations; rows that already exist are left as they are. */
export async function seedDemoOrganizations(database: Database, organizations: readonly DemoOrganization[]): Promise<void> {
  await database.dataSource
    .createQueryBuilder()
    .insert()
    .into(OrganizationEntity)
    .values(organizations.map((organization) => ({ ...organization })))
    .orIgnore()
    .execute();
}

export interface DemoUser {
  id: string;
  organizationId: string;
  email: string;
  displayName: string;
  role: OrganizationRole;
  password: string;
  /** Base32 TOTP secret, for accounts with multi-factor authentication enrolled. */
  totpSecret: string | null;
}

/** Inserts the demo users with their passwords hashed; users that already exist are left as they are. */
export async function seedDemoUsers(database: Database, users: readonly DemoUser[]): Promise<void> {
  const rows = await Promise.all(
    users.map(async ({ password, ...user }) => ({ ...user, passwordHash: await hashPassword(password) })),
  );
  await database.dataSource.createQueryBuilder().insert().into(UserAccountEntity).values(rows).orIgnore().execute();
}

export interface DemoGrant {
  customerOrganizationId: string;
  partnerOrganizationId: string;
  administrator: boolean;
  apiDeviceData: boolean;
}

/** Inserts standing partner access, each with its APPROVED event (no actor: the platform recorded it). */
export async function seedDemoGrants(database: Database, grants: readonly DemoGrant[]): Promise<void> {
  if (grants.length === 0) return;
  await database.dataSource.query(
    `WITH granted AS (
       INSERT INTO identity.partner_grant (customer_organization_id, partner_organization_id, administrator, api_device_data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::boolean[])
       ON CONFLICT DO NOTHING
       RETURNING *
     )
     INSERT INTO identity.partner_grant_event (customer_organization_id, partner_organization_id, action, administrator, api_device_data)
     SELECT customer_organization_id, partner_organization_id, 'APPROVED', administrator, api_device_data FROM granted`,
    [
      grants.map((grant) => grant.customerOrganizationId),
      grants.map((grant) => grant.partnerOrganizationId),
      grants.map((grant) => grant.administrator),
      grants.map((grant) => grant.apiDeviceData),
    ],
  );
}

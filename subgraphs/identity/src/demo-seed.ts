import type { Database } from '@partnergraph/subgraph-kit';
import { OrganizationEntity, type OrganizationKind } from './organization';

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

import type { Database } from '@partnergraph/subgraph-kit';
import { SubscriptionLicenseEntity } from './subscription-license';

export interface DemoSubscriptionLicense {
  id: string;
  organizationId: string;
  product: string;
  deviceAllowance: number;
  trial: boolean;
  /** ISO date (YYYY-MM-DD). */
  startsOn: string;
  /** ISO date (YYYY-MM-DD), after `startsOn`. */
  endsOn: string;
}

/** Inserts the demo licences; rows that already exist are left as they are. */
export async function seedDemoSubscriptions(database: Database, licenses: readonly DemoSubscriptionLicense[]): Promise<void> {
  await database.dataSource
    .createQueryBuilder()
    .insert()
    .into(SubscriptionLicenseEntity)
    .values(licenses.map((license) => ({ ...license })))
    .orIgnore()
    .execute();
}

import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createByIdLoader, groupBy, isUuid, selectRows, tracedBatch, type Database } from '@partnergraph/subgraph-kit';
import { CreditBalanceEntity } from './credit-balance';
import { CreditMovementEntity, type CreditMovement } from './credit-movement';
import { SubscriptionLicenseEntity, type SubscriptionLicense } from './subscription-license';

/** One organization's newest credit movements; the same `first` for many organizations shares one statement. */
export interface MovementPageKey {
  organizationId: string;
  first: number;
}

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const licenses = database.dataSource.getRepository(SubscriptionLicenseEntity);

  const licenseById = createByIdLoader<SubscriptionLicense>(database, 'licenseById', (ids) => licenses.findBy({ id: In(ids) }));

  const licensesByOrganization = new DataLoader<string, SubscriptionLicense[]>(tracedBatch(database, 'licensesByOrganization', async (organizationIds) => {
    const valid = organizationIds.filter(isUuid);
    const found =
      valid.length > 0
        ? await licenses.find({ where: { organizationId: In(valid) }, order: { startsOn: 'DESC', id: 'ASC' } })
        : [];
    for (const license of found) licenseById.prime(license.id, license);
    const byOrganization = groupBy(found, (license) => license.organizationId);
    return organizationIds.map((id) => byOrganization.get(id) ?? []);
  }));

  const creditBalanceOf = new DataLoader<string, number>(tracedBatch(database, 'creditBalanceOf', async (organizationIds) => {
    const valid = organizationIds.filter(isUuid);
    const rows = valid.length === 0 ? [] : await database.dataSource.getRepository(CreditBalanceEntity).findBy({ organizationId: In(valid) });
    const balances = new Map(rows.map((row) => [row.organizationId, row.balance]));
    return organizationIds.map((id) => balances.get(id) ?? 0);
  }));

  const creditMovements = new DataLoader<MovementPageKey, CreditMovement[], string>(
    tracedBatch(database, 'creditMovements', async (keys) => {
      const pages = new Map<string, CreditMovement[]>();
      const groups = groupBy(keys.filter((key) => isUuid(key.organizationId)), (key) => String(key.first));
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { first } = group[0];
          const rows = await selectRows(
            database.dataSource,
            CreditMovementEntity,
            (columns) => `SELECT ${columns} FROM (
               SELECT *, row_number() OVER (PARTITION BY organization_id ORDER BY id DESC) AS position
               FROM subscriptions.credit_ledger WHERE organization_id = ANY($1::uuid[])
             ) AS ranked
             WHERE position <= $2 ORDER BY organization_id, position`,
            [group.map((key) => key.organizationId), first],
          );
          for (const [organizationId, movements] of groupBy(rows, (row) => row.organizationId)) {
            pages.set(movementPageKey({ organizationId, first }), movements);
          }
        }),
      );
      return keys.map((key) => pages.get(movementPageKey(key)) ?? []);
    }),
    { cacheKeyFn: movementPageKey },
  );

  return { licenseById, licensesByOrganization, creditBalanceOf, creditMovements };
}

export type Loaders = ReturnType<typeof createLoaders>;

function movementPageKey(key: MovementPageKey): string {
  return JSON.stringify([key.organizationId, key.first]);
}

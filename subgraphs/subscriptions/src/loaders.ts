import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { createByIdLoader, groupBy, isUuid, type Database } from '@partnergraph/subgraph-kit';
import { SubscriptionLicenseEntity, type SubscriptionLicense } from './subscription-license';

/** Created per request: nothing loaded for one caller is ever seen by another. */
export function createLoaders(database: Database) {
  const licenses = database.dataSource.getRepository(SubscriptionLicenseEntity);

  const licenseById = createByIdLoader<SubscriptionLicense>((ids) => licenses.findBy({ id: In(ids) }));

  const licensesByOrganization = new DataLoader<string, SubscriptionLicense[]>(async (organizationIds) => {
    const valid = organizationIds.filter(isUuid);
    const found =
      valid.length > 0
        ? await licenses.find({ where: { organizationId: In(valid) }, order: { startsOn: 'DESC', id: 'ASC' } })
        : [];
    for (const license of found) licenseById.prime(license.id, license);
    const byOrganization = groupBy(found, (license) => license.organizationId);
    return organizationIds.map((id) => byOrganization.get(id) ?? []);
  });

  return { licenseById, licensesByOrganization };
}

export type Loaders = ReturnType<typeof createLoaders>;

import { isUuid, parsePageArgs, toConnection, type PageArgs } from '@partnergraph/subgraph-kit';
import type { IdentityContext } from '../context';
import { accessDecisions } from './access-decisions';
import { OrganizationEntity } from '../organization';

export const Query = {
  accessDecisions,

  async organizations(_parent: unknown, args: PageArgs, { database, loaders }: IdentityContext) {
    const page = parsePageArgs(args, (key) => key.length === 2 && isUuid(key[1] ?? ''));
    const query = database.dataSource
      .getRepository(OrganizationEntity)
      .createQueryBuilder('organization')
      .orderBy('organization.name')
      .addOrderBy('organization.id')
      .limit(page.limit + 1);
    if (page.after) {
      const [name, id] = page.after;
      query.where('(organization.name, organization.id) > (:name, :id)', { name, id });
    }
    const rows = await query.getMany();
    for (const row of rows) loaders.organizationById.prime(row.id, row);
    return toConnection(rows, page.limit, (row) => [row.name, row.id]);
  },

  organization(_parent: unknown, { id }: { id: string }, { loaders }: IdentityContext) {
    return loaders.organizationById.load(id);
  },

  async viewer(_parent: unknown, _args: unknown, { principal, loaders }: IdentityContext) {
    if (principal.kind !== 'user') return { user: null, mfa: false };
    return { user: await loaders.userById.load(principal.userId), mfa: principal.mfa };
  },
};

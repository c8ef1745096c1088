import { clientError } from '@partnergraph/core';
import { isUuid, parsePageArgs, toConnection } from '@partnergraph/subgraph-kit';
import { decideMany, readableOrganizationDecisions } from '../access-decisions';
import type { QueryResolvers } from '../generated/resolvers-types';
import { listOrganizations } from '../organization-list';
import { organizationListScope } from '../organization-visibility';
import { suggestPartnerId } from '../partner-accounts';

const MAX_DECIDED_ORGANIZATIONS = 1000;

export const Query: QueryResolvers = {
  /** The caller's decision for each organization asked, in order (see decideMany). */
  accessDecisions(_parent, { organizationIds }, context) {
    if (organizationIds.length > MAX_DECIDED_ORGANIZATIONS) {
      throw clientError('BAD_USER_INPUT', `At most ${MAX_DECIDED_ORGANIZATIONS} organizations per call.`, { field: 'organizationIds' });
    }
    return decideMany(organizationIds, context);
  },

  readableOrganizations(_parent, _args, context) {
    return readableOrganizationDecisions(context);
  },

  /** The caller's own organization (not for API clients) and the customers whose data they may read, in one statement. */
  async organizations(_parent, args, { database, loaders, organizationVisibility, principal }) {
    const page = parsePageArgs(args, (key) => key.length === 2 && isUuid(key[1] ?? ''));
    const scope = organizationListScope(principal);
    if (scope === 'none') return toConnection([], page.limit, () => []);
    const rows = await listOrganizations(database, scope, page);
    for (const row of rows) {
      loaders.organizationById.prime(row.id, row);
      organizationVisibility.prime(row.id, true);
    }
    return toConnection(rows, page.limit, (row) => [row.name, row.id]);
  },

  /** Null for an organization the caller may not know of, exactly as for one that does not exist. */
  async organization(_parent, { id }, { loaders, organizationVisibility }) {
    return (await organizationVisibility.load(id)) ? loaders.organizationById.load(id) : null;
  },

  suggestPartnerId(_parent, { organizationName }, { database }) {
    return suggestPartnerId(database, organizationName);
  },

  pendingPartnerIdChangeRequests(_parent, _args, { partnerIdChanges }) {
    return partnerIdChanges.pending();
  },

  async viewer(_parent, _args, { principal, loaders }) {
    if (principal.kind !== 'user') return { user: null, mfa: false };
    return { user: await loaders.userById.load(principal.userId), mfa: principal.mfa };
  },
};

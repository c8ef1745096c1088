import { isUuid, parsePageArgs, type PageArgs } from '@partnergraph/subgraph-kit';
import type { DeviceTelemetryContext } from '../context';

/** Identity owns organizations; this subgraph only adds fields to them. */
export const Organization = {
  __resolveReference(reference: { id: string }) {
    return { id: reference.id };
  },

  devices(organization: { id: string }, args: PageArgs, { loaders }: DeviceTelemetryContext) {
    const page = parsePageArgs(args, (key) => key.length === 2 && isUuid(key[1] ?? ''));
    return loaders.devicePages.load({ organizationId: organization.id, page });
  },
};

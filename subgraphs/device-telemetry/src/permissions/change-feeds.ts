import { rule, type IRule } from 'graphql-shield';
import type { DeviceTelemetryContext } from '../context';

/**
 * The change feeds' read, of any organization: people and API clients with at
 * least one organization to read (a user always has their own); the feed then
 * holds only those organizations' changes. Anonymous callers, the collector
 * and operators read no organization, and are refused without asking identity.
 */
export const mayFollowChanges: IRule = rule({ cache: 'no_cache' })(
  async (_parent, _args, { principal, readableOrganizations }: DeviceTelemetryContext) =>
    (principal.kind === 'user' || principal.kind === 'api-client') && (await readableOrganizations()).length > 0,
);

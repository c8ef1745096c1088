import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DeviceTelemetryContext } from '../context';
import { mergeByType } from '../merge-by-type';
import { changeFeedResolvers } from './change-feeds';
import { incidentResolvers } from './incidents';
import { inventoryResolvers } from './inventory';
import { readingResolvers } from './readings';

export const resolvers = mergeByType<unknown>([
  inventoryResolvers,
  readingResolvers,
  incidentResolvers,
  changeFeedResolvers,
]) as GraphQLResolverMap<DeviceTelemetryContext>;

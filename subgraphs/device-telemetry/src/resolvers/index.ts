import type { Resolvers } from '../generated/resolvers-types';
import { mergeByType } from '../merge-by-type';
import { changeFeedResolvers } from './change-feeds';
import { incidentResolvers } from './incidents';
import { inventoryResolvers } from './inventory';
import { readingResolvers } from './readings';

export const resolvers: Resolvers = mergeByType([inventoryResolvers, readingResolvers, incidentResolvers, changeFeedResolvers]);

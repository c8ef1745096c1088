import type { Resolvers } from '../generated/resolvers-types';
import { Device, Job } from './device';
import { Location } from './location';
import { Organization } from './organization';

export const inventoryResolvers: Resolvers = { Organization, Device, Location, Job };

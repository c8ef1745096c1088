import { Device, Job } from './device';
import { Location } from './location';
import { Organization } from './organization';

export const inventoryResolvers = { Organization, Device, Location, Job };

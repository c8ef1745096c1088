import { Device } from './device';
import { Organization } from './organization';

export const resolvers = { Organization, Device };

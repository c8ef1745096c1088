import { Organization } from './organization';
import { Query } from './query';

export const resolvers = { Query, Organization };

import { Mutation } from './mutation';
import { Organization } from './organization';
import { Query } from './query';
import { User } from './user';

export const resolvers = { Query, Mutation, Organization, User };

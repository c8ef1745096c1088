import type { Resolvers } from '../generated/resolvers-types';
import { CreditMovement } from './credit-movement';
import { Mutation } from './mutation';
import { Organization } from './organization';
import { Query } from './query';
import { SubscriptionLicense } from './subscription-license';

export const resolvers: Resolvers = { Query, Mutation, Organization, SubscriptionLicense, CreditMovement };

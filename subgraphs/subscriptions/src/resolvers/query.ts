import type { QueryResolvers } from '../generated/resolvers-types';
import { CREDIT_PRICES } from '../prices';

export const Query: QueryResolvers = {
  creditPrices: () => Object.entries(CREDIT_PRICES).map(([product, creditsPerDeviceMonth]) => ({ product, creditsPerDeviceMonth })),
};

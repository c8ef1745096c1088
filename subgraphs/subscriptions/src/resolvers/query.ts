import { CREDIT_PRICES } from '../prices';

export const Query = {
  creditPrices: () => Object.entries(CREDIT_PRICES).map(([product, creditsPerDeviceMonth]) => ({ product, creditsPerDeviceMonth })),
};

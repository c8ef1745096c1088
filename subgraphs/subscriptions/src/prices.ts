/**
 * The published price table: what activating, renewing and amending a
 * licence costs in credits, per device for each month of the term. Served as
 * Query.creditPrices; every charge is computed from it and nowhere else.
 */
export const CREDIT_PRICES: Readonly<Record<string, number>> = Object.freeze({
  'IT Expert': 2,
  'IT Advisor': 1,
});

export function creditsPerDeviceMonth(product: string): number | undefined {
  return Object.hasOwn(CREDIT_PRICES, product) ? CREDIT_PRICES[product] : undefined;
}

/** A new licence, or a renewal: every device for every month. */
export function termCost(product: string, devices: number, months: number): number {
  return (creditsPerDeviceMonth(product) ?? 0) * devices * months;
}

/**
 * An amendment: the added devices for the months the licence still runs
 * (started months count whole), then every device for the added months.
 */
export function amendmentCost(product: string, current: { devices: number; remainingMonths: number }, add: { devices: number; months: number }): number {
  return termCost(product, add.devices, current.remainingMonths) + termCost(product, current.devices + add.devices, add.months);
}

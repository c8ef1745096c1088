import { bucketUnits, planHistory } from './history';

const DAY = 86_400_000;
/** Raw readings kept since long before the ranges planned here. */
const KEPT_SINCE = new Date('2020-01-01T00:00:00Z');
const codeOf = (work: () => unknown): unknown => {
  try {
    work();
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
  return undefined;
};
/** How many epoch-aligned buckets of `seconds` the range [from, to) touches. */
const bucketsTouched = (from: Date, to: Date, seconds: number) =>
  Math.floor((to.getTime() - 1) / (seconds * 1000)) - Math.floor(from.getTime() / (seconds * 1000)) + 1;

describe('planHistory', () => {
  const from = '2025-01-01T00:00:00Z';
  const after = (ms: number) => new Date(Date.parse(from) + ms).toISOString();

  it.each([
    ['one hour', 3_600_000, 500, 'RAW', 60],
    ['one day', DAY, 500, 'RAW', 180],
    ['two days', 2 * DAY, 2000, 'RAW', 120],
    ['just over two days', 2 * DAY + 60_000, 2000, 'HOURLY', 3600],
    ['30 days', 30 * DAY, 500, 'HOURLY', 7200],
    ['90 days', 90 * DAY, 2000, 'HOURLY', 3600 * 2],
    ['one year', 365 * DAY, 500, 'DAILY', 86_400],
    ['one year in 100 points', 365 * DAY, 100, 'DAILY', 4 * 86_400],
    ['ten years', 3652 * DAY, 2000, 'DAILY', 2 * 86_400],
  ])('plans %s at the resolution and bucket width the range calls for', (_case, rangeMs, maxPoints, resolution, bucketSeconds) => {
    const plan = planHistory({ from, to: after(rangeMs), maxPoints }, KEPT_SINCE);
    expect(plan).toMatchObject({ resolution, bucketSeconds });
    expect(bucketsTouched(plan.from, plan.to, plan.bucketSeconds)).toBeLessThanOrEqual(maxPoints);
  });

  it.each([
    ['one hour', 3_600_000, 500, 3600],
    ['one day', DAY, 500, 3600],
    ['two days', 2 * DAY, 10, 5 * 3600],
  ])('plans %s that begins before the raw readings kept from the hourly rollups', (_case, rangeMs, maxPoints, bucketSeconds) => {
    const plan = planHistory({ from, to: after(rangeMs), maxPoints }, new Date(Date.parse(from) + 1));
    expect(plan).toMatchObject({ resolution: 'HOURLY', table: 'reading_hourly', bucketSeconds });
    expect(planHistory({ from, to: after(rangeMs), maxPoints }, new Date(from))).toMatchObject({ resolution: 'RAW' });
  });

  it('widens the buckets when unaligned ends would make one too many', () => {
    // 10 minutes from 00:00:30 touches 11 one-minute buckets.
    const plan = planHistory({ from: '2025-01-01T00:00:30Z', to: '2025-01-01T00:10:30Z', maxPoints: 10 }, KEPT_SINCE);
    expect(plan.bucketSeconds).toBe(120);
    expect(bucketsTouched(plan.from, plan.to, plan.bucketSeconds)).toBeLessThanOrEqual(10);
  });

  it.each([
    ['from equal to to', from, from],
    ['from after to', after(60_000), from],
    ['an unparsable from', 'last week', from],
    ['a to without offset', from, '2025-01-02T00:00:00'],
    ['more than ten years', from, after(3653 * DAY)],
  ])('refuses %s with HISTORY_RANGE_INVALID', (_case, rangeFrom, rangeTo) => {
    expect(codeOf(() => planHistory({ from: rangeFrom, to: rangeTo, maxPoints: 500 }, KEPT_SINCE))).toBe('HISTORY_RANGE_INVALID');
  });

  it.each([0, -1, 2001])('refuses maxPoints %d with MAX_POINTS_INVALID', (maxPoints) => {
    expect(codeOf(() => planHistory({ from, to: after(DAY), maxPoints }, KEPT_SINCE))).toBe('MAX_POINTS_INVALID');
  });
});

describe('bucketUnits', () => {
  it('puts a range into one bucket when asked for one point, however it straddles boundaries', () => {
    for (const [first, last] of [
      [0, 0],
      [59, 60],
      [1_000, 1_999],
      [29_000_000, 29_002_880],
      [28_999_999, 29_000_001],
    ] as const) {
      const k = bucketUnits(first, last, 1);
      expect(Math.floor(last / k)).toBe(Math.floor(first / k));
      for (let smaller = Math.max(1, k - 50); smaller < k; smaller += 1) {
        expect(Math.floor(last / smaller)).not.toBe(Math.floor(first / smaller));
      }
    }
  });

  it('returns the smallest bucket that fits for every maxPoints on a sample of ranges', () => {
    for (const [first, last] of [
      [0, 2879],
      [17, 2896],
      [12_345, 14_000],
    ] as const) {
      for (const maxPoints of [2, 3, 7, 500, 2000]) {
        const k = bucketUnits(first, last, maxPoints);
        const touched = (size: number) => Math.floor(last / size) - Math.floor(first / size) + 1;
        expect(touched(k)).toBeLessThanOrEqual(maxPoints);
        for (let smaller = 1; smaller < k; smaller += 1) expect(touched(smaller)).toBeGreaterThan(maxPoints);
      }
    }
  });
});

import { percentiles } from './load-job';

describe('percentiles', () => {
  it('reads the nearest rank of the sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 });
  });

  it('is all zeros without samples, and the one value with one', () => {
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, mean: 0, max: 0 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, mean: 7, max: 7 });
  });
});

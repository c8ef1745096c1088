import { ConfigError } from '@partnergraph/core';
import { parseBenchOptions } from './options';

describe('npm run bench options', () => {
  it('runs three rounds of about 6 s by default, and two of 3 s with --quick', () => {
    expect(parseBenchOptions([])).toMatchObject({ quick: false, rounds: 3, roundSeconds: 6, connections: 10, portBase: 4100, busyShare: 0.1, only: null });
    expect(parseBenchOptions(['--quick'])).toMatchObject({ quick: true, rounds: 2, roundSeconds: 3 });
    expect(parseBenchOptions(['--quick', '--rounds', '4', '--only', 'dashboard, sensor-year'])).toMatchObject({ rounds: 4, only: ['dashboard', 'sensor-year'] });
  });

  it('names the option and what it takes when a value is wrong, and refuses unknown options', () => {
    expect(() => parseBenchOptions(['--rounds', '0'])).toThrow('--rounds must be a whole number from 1 to 20, not "0"');
    expect(() => parseBenchOptions(['--connections', 'ten'])).toThrow(ConfigError);
    expect(() => parseBenchOptions(['--fast'])).toThrow(/Unknown option '--fast'/);
  });
});

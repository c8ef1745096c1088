import { percentiles, type LoadResult } from './load-job';
import { roundOrder, roundsOf, summarize, warmUpShare, type Comparison, type RoundResult } from './rounds';
import { NO_VARIABLES } from './variable-pools';

function round(
  target: string,
  values: { operations: number; succeeded: number; elapsedMs: number; p50: number; gatewayCpuMs: number },
  number = 1,
): RoundResult {
  const load: LoadResult = {
    operations: values.operations,
    elapsedMs: values.elapsedMs,
    latencyMs: { ...percentiles([]), p50: values.p50 },
    errors: { non2xx: values.operations - values.succeeded, graphql: 0, network: 0, timeouts: 0 },
    succeeded: values.succeeded,
    exhausted: false,
    variablesUsed: 0,
    bytesReceived: 0,
  };
  return {
    target,
    round: number,
    attempts: 1,
    drained: true,
    foreignShare: 0,
    disturbed: false,
    busiestOthers: [],
    operationsPerConnection: 1,
    load,
    cpuMs: { gateway: values.gatewayCpuMs, subgraphs: 0, postgres: 0, loadWorker: 0 },
    gatewayPeakRssBytes: 1000,
  };
}

const comparison: Comparison = {
  id: 'c',
  title: 'c',
  traffic: 't',
  engine: 'autocannon',
  connections: 10,
  variables: NO_VARIABLES,
  readingsPerOperation: 1000,
  targets: [{ id: 'ours', title: 'ours', expectedLatencyMs: 1, job: () => ({ engine: 'sql', databaseUrl: '', sql: '', parameters: [], connections: 1, operationsPerConnection: 1 }) }],
};

describe('a target’s summary', () => {
  const summary = summarize(comparison, [
    round('ours', { operations: 100, succeeded: 100, elapsedMs: 10_000, p50: 50, gatewayCpuMs: 1000 }, 1),
    round('ours', { operations: 200, succeeded: 200, elapsedMs: 10_000, p50: 60, gatewayCpuMs: 2000 }, 3),
    round('ours', { operations: 100, succeeded: 50, elapsedMs: 5_000, p50: 80, gatewayCpuMs: 3000 }, 2),
  ])[0];

  it('counts successful operations per second, the median round', () => {
    expect(summary?.operationsPerSecond).toBe(10);
    expect(summary?.readingsPerSecond).toBe(10_000);
    expect(summary?.latencyMs.p50).toBe(60);
  });

  it('keeps each round’s rate by round number, for ratios of rounds run side by side', () => {
    expect(summary?.roundRates).toEqual([10, 10, 20]);
  });

  it('takes the CPU time per operation over all rounds, and every failed operation as an error', () => {
    expect(summary?.cpuMsPerOperation.gateway).toBe(15);
    expect(summary?.errors).toBe(50);
    expect(summary?.operations).toBe(400);
  });
});

describe('the rounds of a comparison', () => {
  it('reverses the targets’ order every other round, so that each pair of rounds runs side by side', () => {
    expect([1, 2, 3, 4].map((number) => roundOrder(['a', 'b'], number).join(''))).toEqual(['ab', 'ba', 'ab', 'ba']);
  });

  it('runs the run’s rounds, or more where the comparison asks for them', () => {
    expect(roundsOf({}, { rounds: 3 })).toBe(3);
    expect(roundsOf({ rounds: 7 }, { rounds: 3 })).toBe(7);
    expect(roundsOf({ rounds: 2 }, { rounds: 3 })).toBe(3);
  });
});

describe('the warm-up burst before each round', () => {
  it('sends a quarter of the round’s operations per connection, at least one', () => {
    expect(warmUpShare(20)).toBe(5);
    expect(warmUpShare(2)).toBe(1);
    expect(warmUpShare(1)).toBe(1);
  });
});

import { evaluateGoals, pairedRateCheck, type GoalCheck } from './goals';
import type { TargetSummary } from './rounds';

function summary(id: string, values: { rate: number; p50?: number; gatewayCpu?: number | null; readings?: number; roundRates?: number[] }): TargetSummary {
  return {
    id,
    title: id,
    rounds: 3,
    disturbedRounds: 0,
    operationsPerSecond: values.rate,
    roundRates: values.roundRates ?? [values.rate, values.rate, values.rate],
    readingsPerSecond: values.readings ?? null,
    latencyMs: { p50: values.p50 ?? 100, p95: 200, p99: 300 },
    errors: 0,
    operations: 100,
    cpuMsPerOperation: { gateway: values.gatewayCpu === undefined ? 10 : values.gatewayCpu, subgraphs: 5, postgres: 1, loadWorker: 1 },
    gatewayPeakRssBytes: 1,
    foreignShare: 0,
  };
}

const statements = { small: { devices: 60, statements: 8 }, large: { devices: 500, statements: 8 } };
const result = (checks: GoalCheck[], goal: string) => checks.find((check) => check.goal === goal)?.result;

describe('the targets of issue 7', () => {
  it('passes the floor only within 0.9× the direct calls’ rate and 1.15× their p50', () => {
    const evaluate = (rate: number, p50: number) =>
      evaluateGoals({
        summaries: new Map([['dashboard', [summary('ours', { rate, p50 }), summary('direct', { rate: 10, p50: 100, gatewayCpu: null })]]]),
        dashboardStatements: statements,
      });
    expect(result(evaluate(9, 115), 'dashboard RPS through the gateway vs direct calls')).toBe('PASS');
    expect(result(evaluate(9, 115), 'dashboard p50 through the gateway vs direct calls')).toBe('PASS');
    expect(result(evaluate(8.9, 116), 'dashboard RPS through the gateway vs direct calls')).toBe('MISS');
    expect(result(evaluate(8.9, 116), 'dashboard p50 through the gateway vs direct calls')).toBe('MISS');
  });

  it('compares our rate with every Hive Gateway mode measured, and our CPU per request with the Rust planner’s', () => {
    const checks = evaluateGoals({
      summaries: new Map([
        [
          'dashboard',
          [
            summary('ours', { rate: 5, gatewayCpu: 20 }),
            summary('hive-js', { rate: 4, gatewayCpu: 40 }),
            summary('hive-rust', { rate: 6, gatewayCpu: 10 }),
            summary('hive-rust-nodedup', { rate: 2, gatewayCpu: 30 }),
          ],
        ],
      ]),
      dashboardStatements: statements,
    });
    expect(result(checks, 'dashboard RPS vs Hive Gateway, JS planner (identical requests)')).toBe('PASS');
    expect(result(checks, 'dashboard RPS vs Hive Gateway, Rust planner (identical requests)')).toBe('MISS');
    expect(result(checks, 'dashboard RPS vs Hive Gateway, JS planner, no dedup (identical requests)')).toBeUndefined();
    expect(result(checks, 'gateway CPU per dashboard request vs Hive Gateway, Rust planner (identical requests)')).toBe('MISS');
    expect(result(checks, 'gateway CPU per dashboard request vs Hive Gateway, Rust planner, no dedup (identical requests)')).toBe('PASS');
  });

  it('allows shield at most 1.5× the rate without it, and misses statement counts that grow with the data', () => {
    const evaluate = (withShield: number) =>
      evaluateGoals({
        summaries: new Map([['shield', [summary('shield-on', { rate: withShield }), summary('shield-off', { rate: 15 })]]]),
        dashboardStatements: { small: { devices: 60, statements: 8 }, large: { devices: 500, statements: 9 } },
      });
    const goal = 'shield overhead on a page of 500 devices (RPS without shield / with)';
    expect(result(evaluate(10), goal)).toBe('PASS');
    expect(result(evaluate(9.9), goal)).toBe('MISS');
    expect(result(evaluateGoals({ summaries: new Map(), dashboardStatements: statements }), goal)).toBeUndefined();
    expect(result(evaluate(10), 'SQL statements per dashboard request as the data grows')).toBe('MISS');
  });

  it('wants the year from the rollups ten times faster than from the raw rows, and 50,000 readings a second', () => {
    const checks = evaluateGoals({
      summaries: new Map([
        [
          'sensor-year',
          [
            summary('ours', { rate: 10, p50: 20 }),
            summary('rollup-sql', { rate: 100, p50: 2, gatewayCpu: null }),
            summary('raw-sql', { rate: 1, p50: 199, gatewayCpu: null }),
          ],
        ],
        ['telemetry-ingest', [summary('ours', { rate: 50, readings: 50_000 })]],
      ]),
      dashboardStatements: statements,
    });
    expect(result(checks, 'a year of one sensor as ≤ 500 buckets through the gateway vs aggregating the raw rows in SQL (p50)')).toBe('MISS');
    expect(result(checks, 'a year of one sensor as ≤ 500 buckets from the rollups in SQL vs aggregating the raw rows in SQL (p50)')).toBe('PASS');
    expect(result(checks, 'ingest through the gateway, readings per second')).toBe('PASS');
  });
});

describe('the observability overhead (issue 16)', () => {
  it('takes the median of the rounds’ ratios, so that one slow round of either side does not decide', () => {
    const observed = summary('observed', { rate: 9.6, roundRates: [10, 9.6, 8, 10.2, 9.9] });
    const unobserved = summary('ours', { rate: 10, roundRates: [10.2, 10, 10, 9.4, 10.3] });
    const check = pairedRateCheck('overhead', observed, unobserved, 0.95);
    expect(check.ratio).toBeCloseTo(9.9 / 10.3, 6);
    expect(check.result).toBe('PASS');
    expect(check.measured).toContain('median of 5 paired rounds');
  });

  it('misses when most rounds lose more than 5 %', () => {
    const observed = summary('observed', { rate: 9, roundRates: [9, 9.2, 10] });
    const unobserved = summary('ours', { rate: 10, roundRates: [10, 10, 10] });
    expect(pairedRateCheck('overhead', observed, unobserved, 0.95).result).toBe('MISS');
  });

  it('is read from the observability comparison’s two stacks', () => {
    const checks = evaluateGoals({
      summaries: new Map([['observability', [summary('ours', { rate: 10, roundRates: [10, 10] }), summary('observed', { rate: 9, roundRates: [9.4, 9.6] })]]]),
      dashboardStatements: statements,
    });
    const check = checks.find((candidate) => candidate.goal.startsWith('dashboard RPS with metrics on'));
    expect(check?.ratio).toBeCloseTo(0.95, 6);
    expect(check?.result).toBe('PASS');
  });
});

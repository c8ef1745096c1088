import { evaluateIssue18Goals } from './issue18-goals';
import type { TargetSummary } from './rounds';

function summary(
  id: string,
  values: { rate: number; p50?: number; cpu?: { gateway: number | null; subgraphs: number; postgres: number } },
): TargetSummary {
  return {
    id,
    title: id,
    rounds: 3,
    disturbedRounds: 0,
    operationsPerSecond: values.rate,
    roundRates: [values.rate],
    readingsPerSecond: null,
    latencyMs: { p50: values.p50 ?? 100, p95: 200, p99: 300 },
    errors: 0,
    operations: 100,
    cpuMsPerOperation: { ...(values.cpu ?? { gateway: 10, subgraphs: 40, postgres: 10 }), loadWorker: 1 },
    gatewayPeakRssBytes: 1,
    foreignShare: 0,
  };
}

const goal = (checks: ReturnType<typeof evaluateIssue18Goals>, prefix: string) => checks.find((check) => check.goal.startsWith(prefix));

describe('the targets of issue 18', () => {
  const dashboard = (ours: number, baseline: number, rust: number, cpu: { gateway: number; subgraphs: number; postgres: number }) =>
    evaluateIssue18Goals(
      new Map([
        [
          'dashboard-principals',
          [
            summary('ours', { rate: ours, cpu }),
            summary('hive-rust', { rate: rust, cpu: { gateway: 20, subgraphs: 40, postgres: 10 } }),
            summary('baseline', { rate: baseline, cpu: { gateway: 70, subgraphs: 200, postgres: 40 } }),
            summary('floor', { rate: 200, cpu: { gateway: null, subgraphs: 0, postgres: 4.5 } }),
          ],
        ],
      ]),
    );

  it('wants 3× today’s rate and Hive Gateway’s Rust planner beaten in rate and gateway CPU, from many principals', () => {
    const passing = dashboard(30, 10, 29, { gateway: 20, subgraphs: 50, postgres: 30 });
    expect(goal(passing, '1. dashboard RPS vs today’s code')).toMatchObject({ ratio: 3, result: 'PASS', measured: '30.0 vs 10.0 op/s' });
    expect(goal(passing, '1. dashboard RPS vs Hive Gateway, Rust planner')?.result).toBe('PASS');
    expect(goal(passing, '1. gateway CPU per dashboard vs Hive Gateway, Rust planner')?.result).toBe('PASS');
    const missing = dashboard(29.9, 10, 30, { gateway: 20.1, subgraphs: 50, postgres: 30 });
    expect(goal(missing, '1. dashboard RPS vs today’s code')?.result).toBe('MISS');
    expect(goal(missing, '1. dashboard RPS vs Hive Gateway, Rust planner')?.result).toBe('MISS');
    expect(goal(missing, '1. gateway CPU per dashboard vs Hive Gateway, Rust planner')?.result).toBe('MISS');
  });

  it('adds gateway, subgraphs and PostgreSQL CPU per dashboard against 100 ms, with today’s and the floor’s beside it', () => {
    const at100 = goal(dashboard(30, 10, 29, { gateway: 20, subgraphs: 50, postgres: 30 }), '2. whole-stack CPU');
    expect(at100).toMatchObject({ ratio: 1, result: 'PASS' });
    expect(at100?.measured).toBe('20.0 + 50.0 + 30.0 = 100.0 ms (today’s code 310.0 ms; floor 4.5 ms of PostgreSQL)');
    expect(goal(dashboard(30, 10, 29, { gateway: 20, subgraphs: 50, postgres: 30.5 }), '2. whole-stack CPU')?.result).toBe('MISS');
  });

  it('has no line for a target whose comparison did not run', () => {
    expect(evaluateIssue18Goals(new Map())).toEqual([]);
    const withoutBaseline = evaluateIssue18Goals(new Map([['dashboard-principals', [summary('ours', { rate: 10 })]]]));
    expect(withoutBaseline.map((check) => check.goal)).toEqual(['2. whole-stack CPU per dashboard: gateway + subgraphs + PostgreSQL (many principals)']);
  });

  it('wants the small query at 1,500/s and within 1.2× a direct call’s p50, and a year of one sensor within 10 ms', () => {
    const fixedCost = (rate: number, p50: number, yearP50: number) =>
      evaluateIssue18Goals(
        new Map([
          ['organization-names', [summary('ours', { rate, p50 }), summary('direct', { rate: 3000, p50: 5, cpu: { gateway: null, subgraphs: 1, postgres: 0.1 } })]],
          ['sensor-year', [summary('ours', { rate: 100, p50: yearP50 })]],
        ]),
      );
    const passing = fixedCost(1500, 6, 10);
    expect(goal(passing, '3. small query through the gateway')).toMatchObject({ result: 'PASS', measured: '1,500 op/s' });
    expect(goal(passing, '3. small query p50')).toMatchObject({ ratio: 1.2, result: 'PASS' });
    expect(goal(passing, '3. a year of one sensor')?.result).toBe('PASS');
    const missing = fixedCost(1499, 6.1, 10.1);
    expect(goal(missing, '3. small query through the gateway')?.result).toBe('MISS');
    expect(goal(missing, '3. small query p50')?.result).toBe('MISS');
    expect(goal(missing, '3. a year of one sensor')?.result).toBe('MISS');
  });
});

import { check, format, gatewayCpuCheck, rateCheck, type GoalCheck } from './goals';
import type { TargetSummary } from './rounds';

/**
 * Issue 18's targets that a benchmark run measures (two cores, ratios from
 * one run, many principals unless said): 1. the many-principals dashboard
 * at 3× the rate of today's code (the baseline commit on its own stack) and
 * ahead of Hive Gateway's Rust planner in rate and gateway CPU; 2. the whole
 * stack's CPU per dashboard at most 100 ms, beside the one-statement floor's;
 * 3. the small query's fixed cost: 1,500/s through the gateway, its p50 at
 * most 1.2× a direct call to identity, and a year of one sensor within 10 ms
 * p50. Items 4–6 are tests, not benchmark figures.
 */
export const ISSUE_18 = {
  baselineRateRatio: 3,
  wholeStackCpuMs: 100,
  smallQueryPerSecond: 1_500,
  smallQueryP50Ratio: 1.2,
  sensorYearP50Ms: 10,
} as const;

type Summaries = ReadonlyMap<string, readonly TargetSummary[]>;

const find = (summaries: Summaries, comparison: string, target: string): TargetSummary | undefined =>
  summaries.get(comparison)?.find((summary) => summary.id === target);

/** Gateway, subgraphs and PostgreSQL CPU per operation; null without a gateway. */
export function wholeStackCpuMs(summary: TargetSummary): number | null {
  const { gateway, subgraphs, postgres } = summary.cpuMsPerOperation;
  return gateway === null ? null : gateway + subgraphs + postgres;
}

function dashboardGoals(summaries: Summaries): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const ours = find(summaries, 'dashboard-principals', 'ours');
  if (!ours) return checks;
  const baseline = find(summaries, 'dashboard-principals', 'baseline');
  if (baseline && baseline.operationsPerSecond > 0) {
    checks.push(rateCheck('1. dashboard RPS vs today’s code (its own stack, many principals)', ours, baseline, ISSUE_18.baselineRateRatio));
  }
  const rust = find(summaries, 'dashboard-principals', 'hive-rust');
  if (rust && rust.operationsPerSecond > 0) {
    checks.push(rateCheck('1. dashboard RPS vs Hive Gateway, Rust planner (many principals)', ours, rust, 1));
  }
  const ourCpu = ours.cpuMsPerOperation.gateway;
  const rustCpu = rust?.cpuMsPerOperation.gateway;
  if (ourCpu !== null && rustCpu !== null && rustCpu !== undefined && rustCpu > 0) {
    checks.push(gatewayCpuCheck('1. gateway CPU per dashboard vs Hive Gateway, Rust planner (many principals)', ourCpu, rustCpu));
  }
  const whole = wholeStackCpuMs(ours);
  if (whole !== null) {
    const { gateway, subgraphs, postgres } = ours.cpuMsPerOperation;
    const baselineWhole = baseline ? wholeStackCpuMs(baseline) : null;
    const floor = find(summaries, 'dashboard-principals', 'floor');
    const beside = [
      ...(baselineWhole === null ? [] : [`today’s code ${format(baselineWhole)} ms`]),
      ...(floor ? [`floor ${format(floor.cpuMsPerOperation.postgres)} ms of PostgreSQL`] : []),
    ];
    checks.push(
      check(
        '2. whole-stack CPU per dashboard: gateway + subgraphs + PostgreSQL (many principals)',
        `${format(gateway ?? 0)} + ${format(subgraphs)} + ${format(postgres)} = ${format(whole)} ms${beside.length > 0 ? ` (${beside.join('; ')})` : ''}`,
        whole / ISSUE_18.wholeStackCpuMs,
        `≤ 1.00 (${ISSUE_18.wholeStackCpuMs} ms)`,
        whole <= ISSUE_18.wholeStackCpuMs,
      ),
    );
  }
  return checks;
}

function fixedCostGoals(summaries: Summaries): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const ours = find(summaries, 'organization-names', 'ours');
  const direct = find(summaries, 'organization-names', 'direct');
  if (ours) {
    const ratio = ours.operationsPerSecond / ISSUE_18.smallQueryPerSecond;
    checks.push(
      check(
        '3. small query through the gateway, different principals',
        `${format(ours.operationsPerSecond, 0)} op/s`,
        ratio,
        `≥ 1.00 (${ISSUE_18.smallQueryPerSecond.toLocaleString('en-US')}/s)`,
        ratio >= 1,
      ),
    );
  }
  if (ours && direct && direct.latencyMs.p50 > 0) {
    const ratio = ours.latencyMs.p50 / direct.latencyMs.p50;
    checks.push(
      check(
        '3. small query p50 through the gateway vs a direct call to identity, different principals',
        `${format(ours.latencyMs.p50, 2)} vs ${format(direct.latencyMs.p50, 2)} ms`,
        ratio,
        `≤ ${format(ISSUE_18.smallQueryP50Ratio, 2)}`,
        ratio <= ISSUE_18.smallQueryP50Ratio,
      ),
    );
  }
  const year = find(summaries, 'sensor-year', 'ours');
  if (year) {
    const ratio = year.latencyMs.p50 / ISSUE_18.sensorYearP50Ms;
    checks.push(
      check(
        '3. a year of one sensor through the gateway, p50 end to end',
        `${format(year.latencyMs.p50)} ms`,
        ratio,
        `≤ 1.00 (${ISSUE_18.sensorYearP50Ms} ms)`,
        ratio <= 1,
      ),
    );
  }
  return checks;
}

/** The checks whose comparisons ran; a target that was not measured has no line. */
export function evaluateIssue18Goals(summaries: Summaries): GoalCheck[] {
  return [...dashboardGoals(summaries), ...fixedCostGoals(summaries)];
}

import { median, type TargetSummary } from './rounds';
import { HIVE_MODES } from './services';

/**
 * Issue #7's targets for a 2-core machine, each a ratio from one run, and
 * whether this run meets it.
 */
export interface GoalCheck {
  goal: string;
  measured: string;
  ratio: number;
  required: string;
  result: 'PASS' | 'MISS';
}

export interface GoalInputs {
  summaries: ReadonlyMap<string, readonly TargetSummary[]>;
  dashboardStatements: { small: { devices: number; statements: number }; large: { devices: number; statements: number } };
}

export const INGEST_TARGET_READINGS_PER_SECOND = 50_000;
export const format = (value: number, digits = 1): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function find(inputs: GoalInputs, comparison: string, target: string): TargetSummary | undefined {
  return inputs.summaries.get(comparison)?.find((summary) => summary.id === target);
}

/** One rate (op/s) over another's: met at `atLeast` times it or more. */
export function rateCheck(goal: string, ours: TargetSummary, other: TargetSummary, atLeast: number): GoalCheck {
  const ratio = ours.operationsPerSecond / other.operationsPerSecond;
  return check(goal, `${format(ours.operationsPerSecond)} vs ${format(other.operationsPerSecond)} op/s`, ratio, `≥ ${format(atLeast, 2)}`, ratio >= atLeast);
}

/**
 * One rate over another's, round by round: the median of each round's ratio.
 * Two like targets (the same stack with and without a feature) differ by less
 * than the machine's drift between rounds; a round's pair ran side by side, so
 * its ratio sees the feature and little of the drift.
 */
export function pairedRateCheck(goal: string, ours: TargetSummary, other: TargetSummary, atLeast: number): GoalCheck {
  const pairs = Math.min(ours.roundRates.length, other.roundRates.length);
  const ratios = Array.from({ length: pairs }, (_, index) => (ours.roundRates[index] ?? 0) / (other.roundRates[index] ?? 1));
  const ratio = median(ratios);
  return check(
    goal,
    `${format(ours.operationsPerSecond)} vs ${format(other.operationsPerSecond)} op/s; median of ${pairs} paired rounds (${ratios.map((value) => format(value, 2)).join(', ')})`,
    ratio,
    `≥ ${format(atLeast, 2)}`,
    pairs > 0 && ratio >= atLeast,
  );
}

/** Our gateway's CPU per operation over another gateway's: met when no more. */
export function gatewayCpuCheck(goal: string, ourCpuMs: number, otherCpuMs: number): GoalCheck {
  const ratio = ourCpuMs / otherCpuMs;
  return check(goal, `${format(ourCpuMs)} vs ${format(otherCpuMs)} ms`, ratio, '≤ 1.00', ratio <= 1);
}

export function check(goal: string, measured: string, ratio: number, required: string, passes: boolean): GoalCheck {
  return { goal, measured, ratio, required, result: passes ? 'PASS' : 'MISS' };
}

export function evaluateGoals(inputs: GoalInputs): GoalCheck[] {
  const checks: GoalCheck[] = [];
  const direct = find(inputs, 'dashboard', 'direct');
  const ours = find(inputs, 'dashboard', 'ours');
  if (ours && direct) {
    checks.push(
      check(
        'dashboard RPS through the gateway vs direct calls',
        `${format(ours.operationsPerSecond)} vs ${format(direct.operationsPerSecond)} op/s`,
        ours.operationsPerSecond / direct.operationsPerSecond,
        '≥ 0.90',
        ours.operationsPerSecond / direct.operationsPerSecond >= 0.9,
      ),
      check(
        'dashboard p50 through the gateway vs direct calls',
        `${format(ours.latencyMs.p50)} vs ${format(direct.latencyMs.p50)} ms`,
        ours.latencyMs.p50 / direct.latencyMs.p50,
        '≤ 1.15',
        ours.latencyMs.p50 / direct.latencyMs.p50 <= 1.15,
      ),
    );
  }
  for (const [comparison, traffic] of [
    ['dashboard', 'identical requests'],
    ['dashboard-principals', 'many principals'],
  ] as const) {
    const ourSummary = find(inputs, comparison, 'ours');
    for (const mode of HIVE_MODES) {
      const hive = find(inputs, comparison, mode.id);
      if (!ourSummary || !hive) continue;
      checks.push(rateCheck(`dashboard RPS vs ${mode.title} (${traffic})`, ourSummary, hive, 1));
    }
    for (const mode of HIVE_MODES.filter((candidate) => candidate.routerRuntime)) {
      const hive = find(inputs, comparison, mode.id);
      const ourCpu = ourSummary?.cpuMsPerOperation.gateway;
      const hiveCpu = hive?.cpuMsPerOperation.gateway;
      if (ourCpu === null || ourCpu === undefined || hiveCpu === null || hiveCpu === undefined || hiveCpu === 0) continue;
      checks.push(gatewayCpuCheck(`gateway CPU per dashboard request vs ${mode.title} (${traffic})`, ourCpu, hiveCpu));
    }
  }
  const unobserved = find(inputs, 'observability', 'ours');
  const observed = find(inputs, 'observability', 'observed');
  if (unobserved && observed) {
    checks.push(pairedRateCheck('dashboard RPS with metrics on and tracing at 10 % vs both off (many principals)', observed, unobserved, 0.95));
  }
  const shieldOn = find(inputs, 'shield', 'shield-on');
  const shieldOff = find(inputs, 'shield', 'shield-off');
  if (shieldOn && shieldOff) {
    const ratio = shieldOff.operationsPerSecond / shieldOn.operationsPerSecond;
    checks.push(
      check(
        'shield overhead on a page of 500 devices (RPS without shield / with)',
        `${format(shieldOff.operationsPerSecond)} vs ${format(shieldOn.operationsPerSecond)} op/s`,
        ratio,
        '≤ 1.50',
        ratio <= 1.5,
      ),
    );
  }
  const { small, large } = inputs.dashboardStatements;
  checks.push(
    check(
      'SQL statements per dashboard request as the data grows',
      `${small.statements} at ${small.devices} devices, ${large.statements} at ${large.devices} devices`,
      large.statements / small.statements,
      '= 1.00',
      large.statements === small.statements,
    ),
  );
  const raw = find(inputs, 'sensor-year', 'raw-sql');
  // The same buckets from the rollups: through the whole API, and the rollup statement alone (the storage's own share).
  for (const [target, label] of [
    ['ours', 'through the gateway'],
    ['rollup-sql', 'from the rollups in SQL'],
  ] as const) {
    const rollups = find(inputs, 'sensor-year', target);
    if (!rollups || !raw) continue;
    const ratio = raw.latencyMs.p50 / rollups.latencyMs.p50;
    checks.push(
      check(
        `a year of one sensor as ≤ 500 buckets ${label} vs aggregating the raw rows in SQL (p50)`,
        `${format(rollups.latencyMs.p50)} vs ${format(raw.latencyMs.p50)} ms`,
        ratio,
        '≥ 10.00',
        ratio >= 10,
      ),
    );
  }
  const ingest = find(inputs, 'telemetry-ingest', 'ours');
  if (ingest?.readingsPerSecond !== null && ingest?.readingsPerSecond !== undefined) {
    const ratio = ingest.readingsPerSecond / INGEST_TARGET_READINGS_PER_SECOND;
    checks.push(
      check(
        'ingest through the gateway, readings per second',
        `${format(ingest.readingsPerSecond, 0)} readings/s`,
        ratio,
        `≥ 1.00 (${INGEST_TARGET_READINGS_PER_SECOND.toLocaleString('en-US')}/s)`,
        ratio >= 1,
      ),
    );
  }
  return checks;
}

import type { LoadJob, LoadResult, VariableSource } from './load-job';
import { commandLine, cpuTicks, everyProcessTicks, machineTime, peakRssBytes, ticksToMs } from './process-stats';
import type { Service } from './services';
import { startWorker } from './worker-process';

/**
 * Runs a comparison: every target in turn, round after round, the order
 * reversed every other round (A B, B A, A B …), so that a slow drift of the
 * machine affects all alike and each round's pair ran side by side; each
 * round right after a short burst of the same target that is not kept. A round is one load
 * worker process running a closed loop: each connection sends its share of
 * operations one after the other, sized from the target's last round (the
 * first kept one from a sizing round that is not kept) to take about the
 * round's length. It ends with the last answer, so the CPU time
 * read from /proc between `go` and that answer is exactly what the round's
 * operations cost. A round in which other processes used more than the
 * allowed share of the machine is run again.
 */
export interface Target {
  id: string;
  title: string;
  /**
   * The gateway process whose CPU time and memory are measured (its pid read at each round: the baseline's
   * runs only during its comparison); none when the load goes straight to the subgraphs or to SQL.
   */
  gateway?: Pick<Service, 'pid'>;
  /** One operation's latency on its own, to size the first round. */
  expectedLatencyMs: number;
  job(variables: VariableSource, operationsPerConnection: number): LoadJob;
}

/** Variables that must not repeat: each round gets fresh ones. */
export interface VariablePool {
  /** Variables for `count` operations; may prepare more (outside the measured time). */
  take(count: number): Promise<VariableSource>;
  used(count: number): void;
}

export interface Comparison {
  id: string;
  title: string;
  /** What the traffic is, in a sentence. */
  traffic: string;
  /** How the load is made, for the report (autocannon, chained requests, SQL). */
  engine: string;
  connections: number;
  variables: VariablePool;
  /** Readings one operation records (ingest), else 0. */
  readingsPerOperation: number;
  targets: Target[];
  /** Rounds per target when this comparison needs more than the run's (a small difference between like targets); never fewer. */
  rounds?: number;
  /** Processes that run during this comparison only (issue 18's baseline stack): started before its first round, stopped after its last. */
  ownStack?: { start(): Promise<void>; stop(): Promise<void> };
}

export interface RoundResult {
  target: string;
  round: number;
  attempts: number;
  /** Whether the processes were quiet when the round began (false: still busy with an earlier round's work after a minute). */
  drained: boolean;
  /** Other processes' share of the machine during the round. */
  foreignShare: number;
  /** Accepted although other processes loaded the machine (retries used up). */
  disturbed: boolean;
  /** The other processes that used the most CPU during the round. */
  busiestOthers: { command: string; cpuMs: number }[];
  operationsPerConnection: number;
  load: LoadResult;
  cpuMs: { gateway: number | null; subgraphs: number; postgres: number; loadWorker: number };
  gatewayPeakRssBytes: number | null;
}

export interface RoundSettings {
  /** Retries left for the whole run: on a machine that stays busy, rounds are kept (and marked) rather than retried forever. */
  retryBudget: { remaining: number };
  rounds: number;
  roundSeconds: number;
  maxRetries: number;
  busyShare: number;
  workDir: string;
  inherited: Record<string, string>;
}

export interface ProcessAccounting {
  /** Every process the benchmark started and still runs (gateways, subgraphs). */
  servicePids(): number[];
  /** The subgraphs among them (those of a stack that runs only during its comparison too). */
  subgraphPids(): number[];
  postgresPids(): number[];
}

const sumTicks = (pids: readonly number[], ticks: Map<number, number>): number => pids.reduce((sum, pid) => sum + (ticks.get(pid) ?? 0), 0);

function readTicks(pids: readonly number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, cpuTicks(pid)]));
}

function delta(after: Map<number, number>, before: Map<number, number>): Map<number, number> {
  return new Map([...after].map(([pid, ticks]) => [pid, Math.max(0, ticks - (before.get(pid) ?? ticks))]));
}

/** At most this long is waited for the processes to finish what an earlier round left them (a gateway's timed-out subgraph requests run on). */
const DRAIN_TIMEOUT_MS = 60_000;
const DRAIN_SAMPLE_MS = 500;
/** Quiet: the benchmark's processes together used less than this share of one core over a sample. */
const QUIET_SHARE = 0.05;

/** Resolves once the benchmark's own processes are quiet, so that no round pays for the one before it; false after the timeout. */
async function drain(accounting: ProcessAccounting): Promise<boolean> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const pids = [...accounting.servicePids(), ...accounting.postgresPids()];
    const before = readTicks(pids);
    await new Promise((resolve) => setTimeout(resolve, DRAIN_SAMPLE_MS));
    const used = ticksToMs(sumTicks(pids, delta(readTicks(pids), before)));
    if (used < DRAIN_SAMPLE_MS * QUIET_SHARE) return true;
  }
  return false;
}

async function measureRound(
  target: Target,
  comparison: Comparison,
  settings: RoundSettings,
  accounting: ProcessAccounting,
  operationsPerConnection: number,
): Promise<Omit<RoundResult, 'round' | 'attempts' | 'disturbed'>> {
  const variables = await comparison.variables.take(operationsPerConnection * comparison.connections);
  const [worker, drained] = await Promise.all([
    startWorker(target.job(variables, operationsPerConnection), settings.workDir, settings.inherited),
    drain(accounting),
  ]);
  const postgres = accounting.postgresPids();
  const ours = [...new Set([...accounting.servicePids(), ...postgres, worker.pid, process.pid])];
  const machineBefore = machineTime();
  const everyBefore = everyProcessTicks();
  const before = readTicks(ours);
  const load = await worker.go();
  // Connections opened during the round (pools grow as they need) are PostgreSQL processes that did all their work in it.
  const postgresAfter = accounting.postgresPids();
  const opened = postgresAfter.filter((pid) => !before.has(pid));
  const spent = new Map([...delta(readTicks(ours), before), ...readTicks(opened)]);
  const machineAfter = machineTime();
  ours.push(...opened);
  postgres.push(...opened);
  const oursSet = new Set(ours);
  const busiestOthers = [...everyProcessTicks()]
    .filter(([pid]) => !oursSet.has(pid))
    .map(([pid, ticks]) => ({ pid, ticks: ticks - (everyBefore.get(pid) ?? 0) }))
    .filter((entry) => entry.ticks > 0)
    .sort((a, b) => b.ticks - a.ticks)
    .slice(0, 3)
    .map((entry) => ({ command: commandLine(entry.pid).slice(0, 80) || `pid ${entry.pid}`, cpuMs: ticksToMs(entry.ticks) }));
  comparison.variables.used(load.variablesUsed);
  if (load.exhausted) throw new Error(`${comparison.id}: the round ran out of unique variables (licence keys); the benchmark issues too few`);
  const total = machineAfter.total - machineBefore.total;
  const foreign = machineAfter.busy - machineBefore.busy - sumTicks(ours, spent);
  return {
    target: target.id,
    drained,
    foreignShare: total > 0 ? Math.max(0, foreign / total) : 0,
    busiestOthers,
    operationsPerConnection,
    load,
    cpuMs: {
      gateway: target.gateway ? ticksToMs(spent.get(target.gateway.pid) ?? 0) : null,
      subgraphs: ticksToMs(sumTicks(accounting.subgraphPids(), spent)),
      postgres: ticksToMs(sumTicks(postgres, spent)),
      loadWorker: ticksToMs(spent.get(worker.pid) ?? 0),
    },
    gatewayPeakRssBytes: target.gateway ? (peakRssBytes(target.gateway.pid) ?? null) : null,
  };
}

/** Operations per second of a round: all of them, answered or failed. */
export const operationRate = (load: LoadResult): number => (load.elapsedMs > 0 ? (load.operations * 1000) / load.elapsedMs : 0);

/** Successful operations per second: answered 2xx without GraphQL errors. */
export const successRate = (load: LoadResult): number => (load.elapsedMs > 0 ? (load.succeeded * 1000) / load.elapsedMs : 0);

/** Operations each connection sends so that a round at `rate` lasts about `seconds`; at least one. */
const shareFor = (rate: number, seconds: number, connections: number): number => Math.max(1, Math.round((rate * seconds) / connections));

/**
 * Operations per connection of the burst, not kept, that each round is run
 * right after: a target idle through the other targets' rounds starts cold
 * (its pools' idle connections closed, V8's heap shrunk), and its first
 * seconds cost more than its steady state. Without the burst, whichever
 * target ran second after a switch read 10–15 % slower than the same target
 * run twice in a row (the observability comparison of 2026-12-08 01:35).
 */
export const warmUpShare = (share: number): number => Math.max(1, Math.round(share / 4));

/** The rounds a comparison runs: the run's, or more where the comparison asks for them. */
export const roundsOf = (comparison: Pick<Comparison, 'rounds'>, settings: Pick<RoundSettings, 'rounds'>): number =>
  Math.max(settings.rounds, comparison.rounds ?? 0);

/** The targets in the order of a round: as listed in odd rounds, reversed in even ones. */
export const roundOrder = <T>(targets: readonly T[], round: number): T[] => (round % 2 === 1 ? [...targets] : [...targets].reverse());

export async function runComparison(
  comparison: Comparison,
  settings: RoundSettings,
  accounting: ProcessAccounting,
  say: (line: string) => void,
): Promise<RoundResult[]> {
  // Each target's sizing round guesses from one operation's latency on its own, which under load is far off (deduplication,
  // warm caches), and a round of ten operations is mostly warm-up: it is not kept, and sizes the first kept round.
  // Later rounds go by the target's last round.
  const shares = new Map(
    comparison.targets.map((target) => [target.id, shareFor(1000 / Math.max(target.expectedLatencyMs, 1), settings.roundSeconds, comparison.connections)]),
  );
  for (const target of comparison.targets) {
    const { load } = await measureRound(target, comparison, settings, accounting, shares.get(target.id) ?? 1);
    shares.set(target.id, shareFor(operationRate(load), settings.roundSeconds, comparison.connections));
    say(`${comparison.id} · ${target.id} · sizing round (not kept): ${successRate(load).toFixed(1)} op/s, ${load.operations} operations`);
  }
  const results: RoundResult[] = [];
  const rounds = roundsOf(comparison, settings);
  for (let round = 1; round <= rounds; round += 1) {
    for (const target of roundOrder(comparison.targets, round)) {
      for (let attempt = 1; ; attempt += 1) {
        await measureRound(target, comparison, settings, accounting, warmUpShare(shares.get(target.id) ?? 1));
        const measured = await measureRound(target, comparison, settings, accounting, shares.get(target.id) ?? 1);
        const { load } = measured;
        shares.set(target.id, shareFor(operationRate(load), settings.roundSeconds, comparison.connections));
        const busy = measured.foreignShare > settings.busyShare;
        const failed = load.operations - load.succeeded;
        const line =
          `${comparison.id} · ${target.id} · round ${round}/${rounds}: ${successRate(load).toFixed(1)} op/s, ` +
          `p50 ${load.latencyMs.p50.toFixed(1)} ms, ${load.operations} operations in ${(load.elapsedMs / 1000).toFixed(1)} s` +
          `${failed > 0 ? `, ${failed} failed` : ''}, other load ${(measured.foreignShare * 100).toFixed(0)} %` +
          `${measured.drained ? '' : ', begun while still busy with the previous round'}`;
        if (busy && attempt <= settings.maxRetries && settings.retryBudget.remaining > 0) {
          settings.retryBudget.remaining -= 1;
          const others = measured.busiestOthers.map((other) => `${other.command} ${Math.round(other.cpuMs)} ms`).join('; ');
          say(`${line}: the machine was busy (${others}), again`);
          continue;
        }
        say(busy ? `${line}: busy, kept after ${attempt} attempts` : line);
        results.push({ ...measured, round, attempts: attempt, disturbed: busy });
        break;
      }
    }
  }
  return results;
}

export interface TargetSummary {
  id: string;
  title: string;
  rounds: number;
  disturbedRounds: number;
  /** Successful operations per second (the median round). */
  operationsPerSecond: number;
  /** Successful operations per second of each kept round, by round number (1 first). */
  roundRates: number[];
  /** For ingest: readings recorded per second (successful operations only). */
  readingsPerSecond: number | null;
  latencyMs: { p50: number; p95: number; p99: number };
  errors: number;
  operations: number;
  cpuMsPerOperation: { gateway: number | null; subgraphs: number; postgres: number; loadWorker: number };
  gatewayPeakRssBytes: number | null;
  foreignShare: number;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Per target: the median round for rates and latencies, totals for errors and CPU time per operation, the peak for memory. */
export function summarize(comparison: Comparison, results: readonly RoundResult[]): TargetSummary[] {
  return comparison.targets.map((target) => {
    const rounds = results.filter((result) => result.target === target.id);
    const operations = rounds.reduce((sum, round) => sum + round.load.operations, 0);
    const perOperation = (pick: (round: RoundResult) => number | null): number | null => {
      const values = rounds.map(pick);
      if (values.some((value) => value === null)) return null;
      return operations > 0 ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) / operations : 0;
    };
    const rssValues = rounds.map((round) => round.gatewayPeakRssBytes).filter((value): value is number => value !== null);
    return {
      id: target.id,
      title: target.title,
      rounds: rounds.length,
      disturbedRounds: rounds.filter((round) => round.disturbed).length,
      operationsPerSecond: median(rounds.map((round) => successRate(round.load))),
      roundRates: [...rounds].sort((a, b) => a.round - b.round).map((round) => successRate(round.load)),
      readingsPerSecond:
        comparison.readingsPerOperation > 0 ? median(rounds.map((round) => successRate(round.load) * comparison.readingsPerOperation)) : null,
      latencyMs: {
        p50: median(rounds.map((round) => round.load.latencyMs.p50)),
        p95: median(rounds.map((round) => round.load.latencyMs.p95)),
        p99: median(rounds.map((round) => round.load.latencyMs.p99)),
      },
      errors: rounds.reduce(
        (sum, round) => sum + round.load.errors.non2xx + round.load.errors.graphql + round.load.errors.network + round.load.errors.timeouts,
        0,
      ),
      operations,
      cpuMsPerOperation: {
        gateway: perOperation((round) => round.cpuMs.gateway),
        subgraphs: perOperation((round) => round.cpuMs.subgraphs) ?? 0,
        postgres: perOperation((round) => round.cpuMs.postgres) ?? 0,
        loadWorker: perOperation((round) => round.cpuMs.loadWorker) ?? 0,
      },
      gatewayPeakRssBytes: rssValues.length > 0 ? Math.max(...rssValues) : null,
      foreignShare: median(rounds.map((round) => round.foreignShare)),
    };
  });
}

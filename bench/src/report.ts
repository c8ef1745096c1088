import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProfileSummary } from './cpu-profile';
import type { DataSize } from './data-set';
import type { GoalCheck } from './goals';
import type { RoundResult, TargetSummary } from './rounds';

/** Everything one run measured; written as JSON, and as Markdown for people. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  quick: boolean;
  command: string;
  machine: {
    cores: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    postgres: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  source: { commit: string; uncommittedPaths: string[] };
  settings: { rounds: number; roundSeconds: number; connections: number; busyPercent: number; maxRetries: number };
  dataSet: {
    size: DataSize;
    simulator: string[];
    seedingSeconds: number;
    dashboard: { responseBytes: number; devices: number; organizations: number };
  };
  captures: CaptureRow[];
  /** Each service of the load stack's peak resident memory over the run (VmHWM), for capacity planning. */
  peakRssBytes: Record<string, number | null>;
  /** What the observed stack sent its sink over the whole run: proof that its metrics and traces were on. */
  observability: { otlpExports: number; otlpBytes: number; scrapes: number; failedScrapes: number };
  comparisons: ComparisonResults[];
  /** Issue #7's targets. */
  goals: GoalCheck[];
  /** Issue 18's targets (issue18-goals.ts). */
  issue18Goals: GoalCheck[];
  /** Issue 18's baseline, when its comparison ran: the commit, and what setting it up took. */
  baseline: BaselineFacts | null;
  profile: ProfileSummary[] | null;
}

export interface BaselineFacts {
  commit: string;
  /** Materialising the commit's tree (git archive, npm ci, npm run build), or finding it complete. */
  tree: { cached: boolean; seconds: number };
  /** Its database: made and filled by its own simulator, while ours was filled. */
  database: { seconds: number; simulator: string[] };
  /** Starting its four processes and checking its dashboard, before its comparison. */
  startSeconds: number;
}

export interface CaptureRow {
  operation: string;
  gateway: string;
  responseBytes: number;
  gatewayRequests: number;
  accessChecks: number;
  statements: number;
  subgraphResponseBytes: number;
  newConnections: number;
  /** Requests, SQL statements and time spent (ms, from the proxy's view) per subgraph. */
  bySubgraph: Record<string, { requests: number; statements: number; milliseconds: number }>;
  /** From the gateway receiving the request to its answer, as the client saw it. */
  milliseconds: number;
}

export interface ComparisonResults {
  id: string;
  title: string;
  traffic: string;
  engine: string;
  connections: number;
  summaries: TargetSummary[];
  /** SQL statements one operation runs, per target, from the captures (null where none was captured). */
  statementsPerOperation: Record<string, number | null>;
  rounds: RoundResult[];
}

const number = (value: number, digits = 1): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const integer = (value: number): string => value.toLocaleString('en-US', { maximumFractionDigits: 0 });

export function bytes(value: number): string {
  if (value >= 1024 * 1024 * 1024) return `${number(value / 1024 ** 3)} GiB`;
  if (value >= 1024 * 1024) return `${number(value / 1024 ** 2)} MiB`;
  if (value >= 1024) return `${number(value / 1024, 0)} KiB`;
  return `${value} B`;
}

const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

export function goalsTable(goals: readonly GoalCheck[]): string {
  return table(
    ['target', 'measured', 'ratio', 'required', 'result'],
    goals.map((goal) => [goal.goal, goal.measured, number(goal.ratio, 2), goal.required, `**${goal.result}**`]),
  );
}

/** One line on what ran where, for the top of the Markdown and docs/performance.md. */
export function runLine(results: BenchResults): string {
  const { machine, settings, dataSet, source } = results;
  const disturbed = results.comparisons.flatMap((comparison) => comparison.rounds).filter((round) => round.disturbed).length;
  const allRounds = results.comparisons.flatMap((comparison) => comparison.rounds);
  const retried = allRounds.filter((round) => round.attempts > 1).length;
  return (
    `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC · \`${results.command}\` · ${machine.cores} cores (${machine.cpuModel}), ` +
    `${bytes(machine.memoryBytes)} · Node ${machine.node} · ${machine.postgres} · commit ${source.commit}` +
    `${source.uncommittedPaths.length > 0 ? ` with ${source.uncommittedPaths.length} uncommitted files` : ''} · ` +
    `${settings.rounds} rounds of ${settings.roundSeconds} s per target (more where a comparison asks), alternating with the order reversed every other round, ${settings.connections} connections · ` +
    `load average ${machine.loadAverageAtStart.map((value) => number(value, 2)).join('/')} at the start; ` +
    `${retried} of ${allRounds.length} rounds retried and ${disturbed} kept although other processes used more than ${settings.busyPercent} % of the machine · ` +
    `data: ${integer(dataSet.size.customers)} customers, ${integer(dataSet.size.devices)} devices, ${integer(dataSet.size.sensors)} sensors, ` +
    `${integer(dataSet.size.readings)} readings, ${integer(dataSet.size.incidents)} incidents, database ${bytes(dataSet.size.databaseBytes)}; ` +
    `partner dashboard ${bytes(dataSet.dashboard.responseBytes)} (${dataSet.dashboard.organizations} organizations, ${dataSet.dashboard.devices} devices)`
  );
}

/** What issue 18's baseline is and what setting it up cost this run. */
export function baselineLine(baseline: BaselineFacts): string {
  return (
    `“Today’s code” is commit ${baseline.commit} on its own gateway, subgraphs and database: its tree ` +
    `${baseline.tree.cached ? `was already built (${number(baseline.tree.seconds)} s to check)` : `was made in ${number(baseline.tree.seconds)} s (git archive, npm ci, npm run build)`}, ` +
    `its database filled by its own simulator in ${number(baseline.database.seconds)} s beside ours, and its stack started and checked in ` +
    `${number(baseline.startSeconds)} s.`
  );
}

function comparisonSection(comparison: ComparisonResults): string {
  const rows = comparison.summaries.map((summary) => {
    const statements = comparison.statementsPerOperation[summary.id];
    return [
      summary.title,
      number(summary.operationsPerSecond),
      ...(summary.readingsPerSecond === null ? [] : [integer(summary.readingsPerSecond)]),
      number(summary.latencyMs.p50),
      number(summary.latencyMs.p95),
      number(summary.latencyMs.p99),
      `${summary.errors} / ${integer(summary.operations)}`,
      summary.cpuMsPerOperation.gateway === null ? '–' : number(summary.cpuMsPerOperation.gateway, 2),
      number(summary.cpuMsPerOperation.subgraphs, 2),
      number(summary.cpuMsPerOperation.postgres, 2),
      number(summary.cpuMsPerOperation.loadWorker, 2),
      summary.gatewayPeakRssBytes === null ? '–' : bytes(summary.gatewayPeakRssBytes),
      statements === null || statements === undefined ? '–' : String(statements),
      `${summary.rounds}${summary.disturbedRounds > 0 ? ` (${summary.disturbedRounds} busy)` : ''}`,
    ];
  });
  const ingest = comparison.summaries.some((summary) => summary.readingsPerSecond !== null);
  const header = [
    'target',
    'op/s',
    ...(ingest ? ['readings/s'] : []),
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors / ops',
    'gateway CPU ms/op',
    'subgraphs CPU ms/op',
    'PostgreSQL CPU ms/op',
    'load worker CPU ms/op',
    'gateway peak RSS',
    'SQL statements/op',
    'rounds',
  ];
  return [`### ${comparison.title}`, '', `${comparison.traffic} · ${comparison.engine}, ${comparison.connections} connection${comparison.connections === 1 ? '' : 's'}`, '', table(header, rows)].join(
    '\n',
  );
}

function capturesSection(captures: readonly CaptureRow[]): string {
  return table(
    [
      'operation',
      'gateway',
      'response',
      'subgraph requests',
      'access checks',
      'new connections',
      'SQL statements',
      'per subgraph: requests/statements/ms',
      'from subgraphs',
      'ms in all',
    ],
    captures.map((capture) => [
      capture.operation,
      capture.gateway,
      bytes(capture.responseBytes),
      String(capture.gatewayRequests),
      String(capture.accessChecks),
      String(capture.newConnections),
      String(capture.statements),
      Object.entries(capture.bySubgraph)
        .map(([subgraph, counts]) => `${subgraph} ${counts.requests}/${counts.statements}/${integer(counts.milliseconds)}`)
        .join(', '),
      bytes(capture.subgraphResponseBytes),
      integer(capture.milliseconds),
    ]),
  );
}

function profileSection(profiles: readonly ProfileSummary[]): string {
  return profiles
    .map((profile) =>
      [
        `### ${profile.process}: ${profile.operation}`,
        '',
        `${number(profile.sampledMs / 1000)} s of CPU sampled while ${profile.process} served only this (self time; the profiled process is not one of the measured ones).`,
        '',
        table(
          ['package', 'share'],
          profile.byPackage.map((entry) => [entry.name, `${number(entry.share * 100)} %`]),
        ),
        '',
        table(
          ['function', 'share'],
          profile.byFunction.map((entry) => [`\`${entry.name}\``, `${number(entry.share * 100)} %`]),
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

export function renderMarkdown(results: BenchResults): string {
  return [
    `# Benchmark ${results.startedAt.slice(0, 10)}${results.quick ? ' (quick)' : ''}`,
    '',
    runLine(results),
    '',
    '## Targets (issue #7)',
    '',
    goalsTable(results.goals),
    '',
    '## Targets (issue 18)',
    '',
    goalsTable(results.issue18Goals),
    '',
    ...(results.baseline ? [baselineLine(results.baseline), ''] : []),
    '## Results',
    '',
    'Each round is a closed loop: every connection sends its share of operations one after the other (sized from the target’s last ' +
      'round, the first from a sizing round that is not kept, to take about the round’s length) and the round ends with the last answer, so nothing is left running. op/s counts ' +
      'successful operations (2xx without GraphQL errors) over the round, the median of the rounds; so are the latencies. CPU time ' +
      'per operation is the processes’ CPU time during the rounds over their operations. ' +
      '“busy” rounds were kept after the retries although other processes loaded the machine.',
    '',
    ...results.comparisons.flatMap((comparison) => [comparisonSection(comparison), '']),
    '## Subgraph requests and SQL statements per operation',
    '',
    'Each operation sent once through a gateway whose subgraph requests (and the subgraphs’ access checks with identity) pass recording proxies; ' +
      'the statements are what the subgraphs report in `x-sql-statements`; times are single requests on a machine otherwise running the benchmark’s idle processes.',
    '',
    capturesSection(results.captures),
    '',
    ...(results.profile ? ['## Where the CPU goes', '', profileSection(results.profile), ''] : []),
    `Peak resident memory of the load stack’s services over the run: ${Object.entries(results.peakRssBytes)
      .map(([service, bytes]) => `${service} ${bytes === null ? '–' : `${number(bytes / 1024 ** 2)} MiB`}`)
      .join(', ')}.`,
    '',
    `The observed stack’s sink took ${results.observability.otlpExports.toLocaleString('en-US')} OTLP exports ` +
      `(${number(results.observability.otlpBytes / 1024)} KiB) and ${results.observability.scrapes.toLocaleString('en-US')} metrics scrapes ` +
      `(${results.observability.failedScrapes} failed) over the run.`,
    '',
    `Data set: ${results.dataSet.simulator.map((line) => `\`${line}\``).join('; ')} (${number(results.dataSet.seedingSeconds)} s in all).`,
    '',
  ].join('\n');
}

export const LATEST_START = '<!-- bench:latest:start -->';
export const LATEST_END = '<!-- bench:latest:end -->';

/** docs/performance.md's copy of the latest targets table, between its markers; nothing else on the page is touched. */
export async function updatePerformancePage(performancePagePath: string, results: BenchResults): Promise<void> {
  const page = await readFile(performancePagePath, 'utf8');
  const start = page.indexOf(LATEST_START);
  const end = page.indexOf(LATEST_END);
  if (start < 0 || end < start) throw new Error(`${performancePagePath} has no ${LATEST_START} … ${LATEST_END} section for the latest results`);
  const generated = [
    LATEST_START,
    '',
    runLine(results),
    '',
    'Issue #7:',
    '',
    goalsTable(results.goals),
    '',
    'Issue 18:',
    '',
    goalsTable(results.issue18Goals),
    '',
    ...(results.baseline ? [baselineLine(results.baseline), ''] : []),
    LATEST_END,
  ].join('\n');
  await writeFile(performancePagePath, page.slice(0, start) + generated + page.slice(end + LATEST_END.length));
}

/**
 * A full run is kept as `<date>-<time>.json` and `.md`, copied to latest.md,
 * and its targets go into docs/performance.md; a quick run is written as `*.tmp` files,
 * which git ignores.
 */
export async function writeResults(directory: string, performancePagePath: string, results: BenchResults): Promise<string[]> {
  const stamp = results.startedAt.slice(0, 16).replace('T', '-').replace(':', '');
  const suffix = results.quick ? '-quick' : '';
  const extension = results.quick ? '.tmp' : '';
  await mkdir(directory, { recursive: true });
  const jsonPath = join(directory, `${stamp}${suffix}.json${extension}`);
  const markdownPath = join(directory, `${stamp}${suffix}.md${extension}`);
  await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(markdownPath, renderMarkdown(results));
  if (results.quick) return [jsonPath, markdownPath];
  const latest = join(directory, 'latest.md');
  await copyFile(markdownPath, latest);
  await updatePerformancePage(performancePagePath, results);
  return [jsonPath, markdownPath, latest, performancePagePath];
}

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@partnergraph/core';
import { assertPortFree } from '@partnergraph/scripts/free-port';
import { runCommand } from '@partnergraph/scripts/run-command';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';
import { DEMO_PARTNER } from '@partnergraph/scripts/demo-data';
import { BASELINE_DATABASE, openBaselineDatabase, seedBaselineDatabase } from './baseline-database';
import { BaselineStack } from './baseline-stack';
import { prepareBaselineTree } from './baseline-tree';
import { createCallers } from './callers';
import { runChildCommand } from './child-command';
import { captureOperation, send } from './capture';
import { capturedOperation, captureOperations, type CapturePhase } from './capture-phase';
import { readBenchEnvironment } from './config';
import { DATA_SET_SIZES, measureDataSize, openBenchDatabase, query, readFacts, simulate, type DataSetSize } from './data-set';
import { dashboardFloor } from './dashboard-floor';
import { dashboardShape } from './dashboard-shape';
import { evaluateGoals } from './goals';
import { historyBaselines } from './history-baselines';
import { evaluateIssue18Goals } from './issue18-goals';
import { createStackKeys } from './keys';
import { licenseKeyIssuer } from './license-keys';
import { DASHBOARD_BODY, defineOperations, yearRange, type OperationKey } from './operation-definitions';
import { parseBenchOptions } from './options';
import { PEERS_DIRECTORY, peersInstallReason } from './peers';
import { planComparisons, type PlanInputs } from './plan';
import { benchPorts, everyPort } from './ports';
import { postgresProcessLister } from './postgres-processes';
import { peakRssBytes } from './process-stats';
import { profileDeviceTelemetry, profileOurGateway } from './profiling';
import { writeResults, type BenchResults, type ComparisonResults } from './report';
import { runComparison, summarize, type ProcessAccounting, type RoundResult, type RoundSettings, type TargetSummary } from './rounds';
import { machineFacts, sourceFacts } from './run-facts';
import { startCaptureHive, startCaptureStack, startLoadStack, stopCaptureStack, type Tracker } from './stacks';
import { stopWorkers } from './worker-process';

/**
 * `npm run bench`: builds, seeds a data set of its own, starts the stack as
 * production runs it beside Hive Gateway, captures what each operation costs
 * in subgraph requests and SQL statements, drives load from separate worker
 * processes in alternating rounds, and writes the figures under
 * bench/results/ (see docs/performance.md).
 */
const PARTNER_USERS = 20;
/** Rounds of every partner user's dashboard that each side of the observability comparison serves before it is measured. */
const OBSERVABILITY_WARM_UP_ROUNDS = 20;
/** Which capture's statement count a comparison's operation has. */
const OPERATION_OF: Record<string, OperationKey> = {
  dashboard: 'dashboard',
  'dashboard-principals': 'dashboard',
  'organization-names': 'organizations',
  'device-page': 'devicePage',
  'inventory-page': 'inventory',
  'sensor-year': 'sensorYear',
  'license-redemption': 'redeem',
  'telemetry-ingest': 'ingest',
  shield: 'dashboard',
};

const benchStarted = performance.now();
const say = (line: string): void => {
  const seconds = Math.floor((performance.now() - benchStarted) / 1000);
  process.stdout.write(`bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')} ${line}\n`);
};

/** Per target of a comparison, the SQL statements one operation runs, from the captures. */
function statementsPerOperation(comparisonId: string, targets: readonly { id: string }[], captures: CapturePhase): Record<string, number | null> {
  const key = OPERATION_OF[comparisonId] ?? comparisonId;
  return Object.fromEntries(
    targets.map((target) => {
      if (target.id === 'raw-sql' || target.id === 'rollup-sql' || target.id === 'floor') return [target.id, 1];
      // The dashboard's device-telemetry request alone: its own statements.
      if (target.id === 'shield-on' || target.id === 'shield-off') {
        const calls = capturedOperation(captures, 'dashboard').captured.calls;
        return [target.id, calls.filter((call) => call.from === 'gateway' && call.subgraph === 'device-telemetry').reduce((sum, call) => sum + call.statements, 0)];
      }
      // Direct calls replay our gateway's requests; Hive's deduplication does not change what one request costs.
      const gateway = target.id === 'direct' ? 'ours' : target.id.replace(/-nodedup$/, '');
      return [target.id, captures.statements.get(`${key}:${gateway}`) ?? null];
    }),
  );
}

runCommand('bench', async () => {
  const options = parseBenchOptions(process.argv.slice(2));
  const environment = readBenchEnvironment();
  const startedAt = new Date();
  const logger = createLogger({ level: 'warn', format: 'text', fields: { service: 'bench' } });
  const workDir = await mkdtemp(join(tmpdir(), 'partnergraph-bench-'));
  const serviceLog = createWriteStream(join(workDir, 'services.log'));
  const log = (name: string) => (line: string) => {
    serviceLog.write(`${name.padEnd(18)}| ${line}\n`);
  };
  const ports = benchPorts(options.portBase);
  for (const port of everyPort(ports)) await assertPortFree(port, '--port-base');
  say(`work files and service logs: ${workDir}`);

  if (options.skipBuild) say('skipping npm run build (--skip-build): the dist/ folders must be current');
  else {
    say('npm run build');
    await runChildCommand('npm', ['run', 'build'], { ...environment.inherited, TURBO_TELEMETRY_DISABLED: '1', APOLLO_TELEMETRY_DISABLED: '1' }, log('build'));
  }
  const peersReason = peersInstallReason();
  if (peersReason !== null) {
    // In its folder rather than with --prefix, which would also move npm's global configuration (a CA file set there) to bench/peers/etc/npmrc.
    say(`npm ci in bench/peers (Hive Gateway, outside the workspace: ${peersReason})`);
    await runChildCommand('npm', ['ci', '--no-audit', '--no-fund'], environment.inherited, log('peers'), PEERS_DIRECTORY);
  }
  // Issue 18's baseline runs in the many-principals dashboard comparison only.
  const baselineTree =
    options.only === null || options.only.includes('dashboard-principals')
      ? await prepareBaselineTree({ inherited: environment.inherited, log: log('baseline-setup'), say })
      : null;
  if (baselineTree) {
    say(`baseline ${baselineTree.commit}: ${baselineTree.cached ? 'its built tree is there' : 'its tree is made'} (${baselineTree.seconds.toFixed(1)} s)`);
  }

  const running: { name: string; stop(): Promise<void> }[] = [];
  const tracker: Tracker = {
    track(service) {
      running.push(service);
      return service;
    },
    async stop(service) {
      await service.stop();
      running.splice(running.indexOf(service), 1);
    },
  };
  // A signal and the failure it causes both stop everything: the second waits for the first.
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      stopWorkers();
      for (const service of running.splice(0).reverse()) await service.stop();
    })());
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  process.once('SIGTERM', () => void stopAll().finally(() => process.exit(143)));

  const database = await openBenchDatabase(environment, logger);
  // Stopped last, after every service that uses it.
  tracker.track({ name: 'database', stop: () => database.close(options.keepDatabase) });
  let succeeded = false;
  try {
    const seedingStarted = performance.now();
    const simulator: string[] = [];
    const seed = async (size: DataSetSize): Promise<void> => {
      const command = `npm run simulate -- --customers ${size.customers} --devices ${size.devices} --sensors ${size.sensors} --days ${size.days}`;
      say(command);
      simulator.push(`${command}: ${await simulate(environment, database.url, size)}`);
    };
    const baselineDatabase = baselineTree ? await openBaselineDatabase(database.serverUrl) : null;
    if (baselineDatabase) tracker.track({ name: 'baseline-database', stop: () => baselineDatabase.close(options.keepDatabase) });
    await seed(DATA_SET_SIZES.small);

    const keys = await createStackKeys(workDir);
    const callers = await createCallers(keys.accessToken, PARTNER_USERS);
    const context = { databaseUrl: database.url, keys, environment, log };

    say('starting the capture stack: subgraphs and gateways behind recording proxies');
    const captureStack = await startCaptureStack(context, ports, tracker);
    const smallDashboard = await captureOperation(captureStack.ours.url, captureStack.proxies, DASHBOARD_BODY, callers.partnerAdmin);

    say(`seeding the full data set while the load stack and Hive Gateway start${baselineTree ? ` and the baseline ${baselineTree.commit}'s simulator fills its database` : ''}`);
    const seedBaseline = async () => {
      if (!baselineTree || !baselineDatabase) return null;
      const baselineStarted = performance.now();
      const simulator = await seedBaselineDatabase(environment, baselineDatabase.url, baselineTree.root);
      return { simulator, seconds: (performance.now() - baselineStarted) / 1000 };
    };
    // All run to the end before any failure is reported, so nothing is left starting in the background.
    const [seeded, started, baselineSeeded] = await Promise.allSettled([
      seed(DATA_SET_SIZES.large).then(() => seed(DATA_SET_SIZES.year)),
      startLoadStack(context, ports, tracker).then(async (stack) => {
        await startCaptureHive(context, ports, captureStack, tracker);
        return stack;
      }),
      seedBaseline(),
    ]);
    if (seeded.status === 'rejected') throw seeded.reason;
    if (started.status === 'rejected') throw started.reason;
    if (baselineSeeded.status === 'rejected') throw baselineSeeded.reason;
    const stack = started.value;
    const seedingSeconds = (performance.now() - seedingStarted) / 1000;

    const facts = await readFacts(database.url, logger);
    const size = await measureDataSize(database.url, logger);
    say(
      `data set: ${size.customers} customers, ${size.devices} devices, ${size.sensors} sensors, ${size.readings.toLocaleString('en-US')} readings, ` +
        `${size.incidents} incidents, ${(size.databaseBytes / 1024 ** 2).toFixed(0)} MiB`,
    );

    say('capturing each operation once');
    const now = Date.now();
    const definitions = await defineOperations({ facts, callers, issueKeys: licenseKeyIssuer(stack.ours.url, callers.operator), now });
    const captures = await captureOperations({
      definitions,
      ours: captureStack.ours,
      hive: captureStack.hive,
      proxies: captureStack.proxies,
      directUrls: stack.subgraphUrls,
    });
    const operation = (key: OperationKey) => capturedOperation(captures, key);
    const largeDashboard = operation('dashboard').captured;
    const dashboard = { responseBytes: largeDashboard.responseBytes, ...dashboardShape(largeDashboard.data) };
    const history = await historyBaselines({ databaseUrl: database.url, logger, facts, year: yearRange(now), answer: operation('sensorYear').captured.data });
    say(`a year of the year sensor's device: ${history.buckets} buckets of ${history.bucketSeconds} s, ${history.readings.toLocaleString('en-US')} readings`);
    const floor = await dashboardFloor({ databaseUrl: database.url, logger, partnerOrganizationId: DEMO_PARTNER.id, dashboard });
    say(`the floor statement returns the dashboard's ${dashboard.organizations} organizations and ${dashboard.devices} devices (${floor.latencyMs.toFixed(1)} ms once)`);
    const baselineStack =
      baselineTree && baselineDatabase
        ? new BaselineStack({
            context: { ...context, databaseUrl: baselineDatabase.url },
            root: baselineTree.root,
            commit: baselineTree.commit,
            ports: ports.baseline,
            tracker,
            dashboard: { body: DASHBOARD_BODY, caller: callers.partnerAdmin, devices: dashboard.devices },
          })
        : null;
    say('stopping the capture stack');
    await stopCaptureStack(captureStack, tracker);

    const planInputs: PlanInputs = {
      connections: options.connections,
      ours: stack.ours,
      observed: stack.observed.ours,
      unobserved: stack.unobserved.ours,
      deviceTelemetry: { shielded: stack.subgraphUrls['device-telemetry'], unshielded: stack.unshieldedDeviceTelemetry.url },
      hive: stack.hive,
      internalTokenPrivateKeyFile: keys.internalTokenPrivateKeyFile,
      partnerAdmin: callers.partnerAdmin,
      partnerUsers: callers.partnerUsers,
      operations: {
        dashboard: operation('dashboard'),
        organizations: operation('organizations'),
        devicePage: operation('devicePage'),
        inventory: operation('inventory'),
        sensorYear: operation('sensorYear'),
        redeem: operation('redeem'),
        ingest: operation('ingest'),
      },
      databaseUrl: database.url,
      history,
      baseline: baselineStack && baselineTree ? { stack: baselineStack, commit: baselineTree.commit } : null,
      dashboardFloor: floor,
    };
    const comparisons = planComparisons(planInputs).filter((comparison) => options.only === null || options.only.includes(comparison.id));

    // JIT and query-plan caches: every gateway answers each read operation it will serve twice before the first round.
    say('warming up the gateways');
    const warmUp = async (url: string, key: OperationKey): Promise<void> => {
      const prepared = operation(key);
      for (let attempt = 0; attempt < 2; attempt += 1) await (await send(url, prepared.body, prepared.caller)).text();
    };
    for (const key of ['dashboard', 'organizations', 'devicePage', 'inventory', 'sensorYear'] as const) await warmUp(stack.ours.url, key);
    // The observability comparison weighs two stacks of its own against each other, both first brought to the same
    // steady state: each serves every partner user's dashboard OBSERVABILITY_WARM_UP_ROUNDS times (V8 has compiled the
    // hot paths by then, and both heaps have grown alike).
    if (comparisons.some((comparison) => comparison.id === 'observability')) {
      for (const url of [stack.unobserved.ours.url, stack.observed.ours.url]) {
        for (let round = 0; round < OBSERVABILITY_WARM_UP_ROUNDS; round += 1) {
          await Promise.all(callers.partnerUsers.map(async (caller) => (await send(url, operation('dashboard').body, caller)).text()));
        }
      }
    }
    for (const service of stack.hive.values()) {
      for (const key of ['dashboard', 'organizations'] as const) await warmUp(service.url, key);
    }

    const subgraphPids = [
      ...Object.values(stack.subgraphs),
      stack.unshieldedDeviceTelemetry,
      ...Object.values(stack.observed.subgraphs),
      ...Object.values(stack.unobserved.subgraphs),
    ].map((service) => service.pid);
    const accounting: ProcessAccounting = {
      servicePids: () => [
        stack.ours.pid,
        stack.observed.ours.pid,
        stack.unobserved.ours.pid,
        ...subgraphPids,
        ...[...stack.hive.values()].map((service) => service.pid),
        ...(baselineStack?.pids().services ?? []),
      ],
      subgraphPids: () => [...subgraphPids, ...(baselineStack?.pids().subgraphs ?? [])],
      postgresPids: await postgresProcessLister(database.url, logger, baselineDatabase ? [BASELINE_DATABASE] : []),
    };
    const plannedRounds = comparisons.reduce((sum, comparison) => sum + comparison.targets.length * options.rounds, 0);
    const settings: RoundSettings = {
      retryBudget: { remaining: Math.ceil(plannedRounds / 4) },
      rounds: options.rounds,
      roundSeconds: options.roundSeconds,
      maxRetries: options.maxRetries,
      busyShare: options.busyShare,
      workDir,
      inherited: environment.inherited,
    };
    const comparisonResults: ComparisonResults[] = [];
    const summaries = new Map<string, TargetSummary[]>();
    for (const comparison of comparisons) {
      say(`${comparison.title}: ${comparison.targets.map((target) => target.id).join(', ')}`);
      if (comparison.ownStack) {
        say(`${comparison.id}: starting the processes that run during it only`);
        await comparison.ownStack.start();
      }
      let rounds: RoundResult[];
      try {
        rounds = await runComparison(comparison, settings, accounting, say);
      } finally {
        await comparison.ownStack?.stop();
      }
      const summary = summarize(comparison, rounds);
      summaries.set(comparison.id, summary);
      comparisonResults.push({
        id: comparison.id,
        title: comparison.title,
        traffic: comparison.traffic,
        engine: comparison.engine,
        connections: comparison.connections,
        summaries: summary,
        statementsPerOperation: statementsPerOperation(comparison.id, comparison.targets, captures),
        rounds,
      });
    }

    const profile: BenchResults['profile'] = options.profile ? [] : null;
    if (profile) {
      for (const profiled of ['dashboard', 'organizations'] as const) {
        const summaries = await profileOurGateway({
          context,
          planInputs,
          operation: profiled,
          port: ports.profiled[profiled],
          subgraphUrls: stack.subgraphUrls,
          directory: workDir,
          settings,
          accounting,
          tracker,
          say,
        });
        profile.push(...summaries);
      }
      profile.push(
        ...(await profileDeviceTelemetry({
          context,
          planInputs,
          port: ports.profiled.deviceTelemetry,
          identityUrl: stack.subgraphUrls.identity,
          directory: workDir,
          settings,
          accounting,
          tracker,
          say,
        })),
      );
    }

    const [postgresVersion] = await query<{ version: string }>(database.url, logger, 'SELECT version()');
    const goals = evaluateGoals({
      summaries,
      dashboardStatements: {
        small: { devices: dashboardShape(smallDashboard.data).devices, statements: smallDashboard.statements },
        large: { devices: dashboard.devices, statements: largeDashboard.statements },
      },
    });
    const issue18Goals = evaluateIssue18Goals(summaries);
    const results: BenchResults = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      quick: options.quick,
      command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: { ...machineFacts(postgresVersion?.version ?? 'unknown'), loadAverageAtEnd: loadavg() },
      source: sourceFacts(),
      settings: {
        rounds: options.rounds,
        roundSeconds: options.roundSeconds,
        connections: options.connections,
        busyPercent: Math.round(options.busyShare * 100),
        maxRetries: options.maxRetries,
      },
      dataSet: { size, simulator, seedingSeconds, dashboard },
      captures: captures.rows,
      peakRssBytes: Object.fromEntries(
        [['gateway', stack.ours] as const, ...Object.entries(stack.subgraphs)].map(([service, running]) => [service, peakRssBytes(running.pid) ?? null]),
      ),
      observability: {
        otlpExports: stack.observed.sink.exports().requests,
        otlpBytes: stack.observed.sink.exports().bytes,
        scrapes: stack.observed.sink.scrapes().done,
        failedScrapes: stack.observed.sink.scrapes().failed,
      },
      comparisons: comparisonResults,
      goals,
      issue18Goals,
      baseline:
        baselineTree && baselineSeeded.value && baselineStack?.startSeconds !== null && baselineStack?.startSeconds !== undefined
          ? {
              commit: baselineTree.commit,
              tree: { cached: baselineTree.cached, seconds: baselineTree.seconds },
              database: baselineSeeded.value,
              startSeconds: baselineStack.startSeconds,
            }
          : null,
      profile,
    };
    const written = await writeResults(join(REPOSITORY_ROOT, 'bench', 'results'), join(REPOSITORY_ROOT, 'docs', 'performance.md'), results);
    for (const goal of [...goals, ...issue18Goals]) say(`${goal.result.padEnd(7)} ${goal.goal}: ${goal.measured} (ratio ${goal.ratio.toFixed(2)}, ${goal.required})`);
    say(`written: ${written.join(', ')}`);
    say(`finished in ${((Date.now() - startedAt.getTime()) / 60_000).toFixed(1)} min`);
    succeeded = true;
  } finally {
    await stopAll();
    serviceLog.end();
    // Kept after a failure (the services' logs) and when profiling (the profiles).
    if (succeeded && !options.profile) await rm(workDir, { recursive: true, force: true });
    else say(`kept ${workDir}`);
  }
});

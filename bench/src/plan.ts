import type { BaselineStack } from './baseline-stack';
import type { DashboardFloor } from './dashboard-floor';
import type { HistoryBaselines } from './history-baselines';
import type { Caller, GraphQLBody, HttpLoad, Step } from './load-job';
import type { Comparison, Target, VariablePool } from './rounds';
import { HIVE_MODES, type HiveMode, type Service } from './services';
import { NO_VARIABLES } from './variable-pools';

/**
 * The comparisons of one run, in the order they run: read-only traffic
 * first, then licence redemption and ingest, which write.
 */
export interface PreparedOperation {
  id: string;
  title: string;
  body: GraphQLBody;
  /** How long it took through our gateway on its own (captured), to size the first rounds. */
  latencyMs: number;
  /** Variables that differ per operation (see VariableSource), by name. */
  generated: readonly string[];
  /** The same work straight to the subgraphs: the requests our gateway sent for it. */
  directSteps: readonly Step[];
  variables: VariablePool;
  /** Readings one operation records (ingest), else 0. */
  readingsPerOperation: number;
}

export interface PlanInputs {
  connections: number;
  ours: Service;
  /** Our gateway over its own subgraphs, all with metrics on and tracing at 10 % (stacks.ts, the observed stack). */
  observed: Service;
  /** The same with metrics and tracing off, started and warmed up as the observed stack was (the unobserved stack). */
  unobserved: Service;
  /** The load stack's device-telemetry and its twin without graphql-shield. */
  deviceTelemetry: { shielded: string; unshielded: string };
  hive: ReadonlyMap<HiveMode['id'], Service>;
  internalTokenPrivateKeyFile: string;
  partnerAdmin: Caller;
  partnerUsers: readonly Caller[];
  operations: {
    dashboard: PreparedOperation;
    organizations: PreparedOperation;
    devicePage: PreparedOperation & { caller: Caller };
    inventory: PreparedOperation & { caller: Caller };
    sensorYear: PreparedOperation & { caller: Caller };
    redeem: PreparedOperation;
    ingest: PreparedOperation & { caller: Caller };
  };
  databaseUrl: string;
  /** What the year history is compared with: the same buckets from the raw readings, and from the rollups without the API. */
  history: HistoryBaselines;
  /** Issue 18's baseline (the commit before it, as a stack of its own), when the many-principals dashboard comparison runs. */
  baseline: { stack: BaselineStack; commit: string } | null;
  /** Issue 18's floor: the partner dashboard as one SQL statement. */
  dashboardFloor: DashboardFloor;
}

type Engine = HttpLoad['engine'];

function httpJob(options: { engine: Engine; steps: readonly Step[]; callers: readonly Caller[]; connections: number; keyFile?: string }) {
  return (variables: HttpLoad['variables'], operationsPerConnection: number): HttpLoad => ({
    engine: options.engine,
    steps: options.steps,
    callers: options.callers,
    variables,
    connections: options.connections,
    operationsPerConnection,
    ...(options.keyFile ? { internalTokenPrivateKeyFile: options.keyFile } : {}),
  });
}

function gatewayTarget(
  id: string,
  title: string,
  service: Pick<Service, 'url' | 'pid'>,
  operation: PreparedOperation,
  callers: readonly Caller[],
  engine: Engine,
  connections: number,
): Target {
  const step: Step = { url: service.url, body: operation.body, credentials: { kind: 'access-token' }, generated: operation.generated };
  return { id, title, gateway: service, expectedLatencyMs: operation.latencyMs, job: httpJob({ engine, steps: [step], callers, connections }) };
}

function directTarget(operation: PreparedOperation, callers: readonly Caller[], engine: Engine, inputs: PlanInputs): Target {
  return {
    id: 'direct',
    title: `subgraphs directly (${operation.directSteps.length} request${operation.directSteps.length === 1 ? '' : 's'} in plan order)`,
    expectedLatencyMs: operation.latencyMs,
    job: httpJob({ engine, steps: operation.directSteps, callers, connections: inputs.connections, keyFile: inputs.internalTokenPrivateKeyFile }),
  };
}

function sqlTarget(
  id: string,
  title: string,
  statement: { sql: string; parameters: readonly (string | number)[]; latencyMs: number },
  connections: number,
  inputs: PlanInputs,
): Target {
  const { databaseUrl } = inputs;
  const { sql, parameters } = statement;
  return {
    id,
    title,
    expectedLatencyMs: statement.latencyMs,
    job: (_variables, operationsPerConnection) => ({ engine: 'sql', databaseUrl, sql, parameters, connections, operationsPerConnection }),
  };
}

function hiveTargets(inputs: PlanInputs, operation: PreparedOperation, callers: readonly Caller[], modes: readonly HiveMode['id'][]): Target[] {
  return HIVE_MODES.filter((mode) => modes.includes(mode.id)).map((mode) => {
    const service = inputs.hive.get(mode.id);
    if (!service) throw new Error(`${mode.id} is not running`);
    return gatewayTarget(mode.id, mode.title, service, operation, callers, 'autocannon', inputs.connections);
  });
}

/** Ours against the floor: one engine for both, chained requests when the plan has more than one. */
function floorComparison(id: string, title: string, traffic: string, operation: PreparedOperation, callers: readonly Caller[], inputs: PlanInputs): Comparison {
  const engine: Engine = operation.directSteps.length > 1 ? 'chain' : 'autocannon';
  return {
    id,
    title,
    traffic,
    engine: engine === 'chain' ? 'chained keep-alive requests (node:http)' : 'autocannon',
    connections: inputs.connections,
    variables: operation.variables,
    readingsPerOperation: operation.readingsPerOperation,
    targets: [
      gatewayTarget('ours', 'our gateway', inputs.ours, operation, callers, engine, inputs.connections),
      directTarget(operation, callers, engine, inputs),
    ],
  };
}

/** One operation against one gateway only, to profile it: not a comparison, and not reported as one. */
export function profilingLoad(service: Service, inputs: PlanInputs, operation: 'dashboard' | 'organizations'): Comparison {
  return {
    id: `profile-${operation}`,
    title: `${inputs.operations[operation].title} under --cpu-prof`,
    traffic: `the partner admin’s ${inputs.operations[operation].title}`,
    engine: 'autocannon',
    connections: inputs.connections,
    variables: NO_VARIABLES,
    readingsPerOperation: 0,
    targets: [
      gatewayTarget('profiled', 'our gateway under --cpu-prof', service, inputs.operations[operation], [inputs.partnerAdmin], 'autocannon', inputs.connections),
    ],
  };
}

/** The dashboard's one device-telemetry request as our gateway sends it, to `url`, as the partner users in turn. */
function dashboardDeviceTelemetryTarget(inputs: PlanInputs, id: string, title: string, url: string): Target {
  const { dashboard } = inputs.operations;
  const steps = dashboard.directSteps.filter((step) => step.url === inputs.deviceTelemetry.shielded);
  if (steps.length !== 1) throw new Error(`the dashboard sends device-telemetry ${steps.length} requests; its replay expects one`);
  const [step] = steps as [Step];
  return {
    id,
    title,
    expectedLatencyMs: dashboard.latencyMs,
    job: httpJob({ engine: 'autocannon', steps: [{ ...step, url }], callers: inputs.partnerUsers, connections: inputs.connections, keyFile: inputs.internalTokenPrivateKeyFile }),
  };
}

/** The dashboard's device-telemetry request against a device-telemetry under the profiler: not a comparison, and not reported as one. */
export function deviceTelemetryProfilingLoad(inputs: PlanInputs, url: string): Comparison {
  return {
    id: 'profile-device-telemetry',
    title: 'the dashboard’s device-telemetry request under --cpu-prof',
    traffic: 'the dashboard’s device-telemetry request, as the partner users in turn',
    engine: 'autocannon',
    connections: inputs.connections,
    variables: NO_VARIABLES,
    readingsPerOperation: 0,
    targets: [dashboardDeviceTelemetryTarget(inputs, 'profiled', 'device-telemetry under --cpu-prof', url)],
  };
}

/**
 * graphql-shield's cost on a page of about 500 devices: the dashboard's
 * device-telemetry request, as our gateway sends it, straight to
 * device-telemetry and to its twin without shield. Different partner users in
 * turn, so that nothing could be shared.
 */
function shieldComparison(inputs: PlanInputs): Comparison {
  return {
    id: 'shield',
    title: 'Shield overhead: the dashboard’s device-telemetry request with graphql-shield and without',
    traffic: `the dashboard’s one device-telemetry request (every organization’s devices with sensors and latest readings), as ${inputs.partnerUsers.length} partner users in turn, sent straight to device-telemetry`,
    engine: 'autocannon',
    connections: inputs.connections,
    variables: NO_VARIABLES,
    readingsPerOperation: 0,
    targets: [
      dashboardDeviceTelemetryTarget(inputs, 'shield-on', 'device-telemetry with graphql-shield', inputs.deviceTelemetry.shielded),
      dashboardDeviceTelemetryTarget(inputs, 'shield-off', 'device-telemetry without graphql-shield', inputs.deviceTelemetry.unshielded),
    ],
  };
}

/**
 * The dashboard of the partner users in turn through our gateway, Hive Gateway (JS and Rust planner), issue 18's
 * baseline (the commit before it, on its own stack and database, running during this comparison only), and the
 * floor: the same dashboard as one SQL statement.
 */
function dashboardPrincipalsComparison(inputs: PlanInputs): Comparison {
  const { operations, partnerUsers, baseline } = inputs;
  return {
    id: 'dashboard-principals',
    title: 'Partner dashboard: our gateway vs Hive Gateway, today’s code and the one-statement floor, many principals',
    traffic:
      `the dashboard of ${partnerUsers.length} different partner users in turn (nothing may be shared between them)` +
      `${baseline ? `; the baseline is commit ${baseline.commit} (issue 18’s “today”) on its own gateway, subgraphs and database` : ''}; ` +
      'the floor is the same dashboard as one SQL statement',
    engine: 'autocannon (gateways), SQL (floor)',
    connections: inputs.connections,
    variables: NO_VARIABLES,
    readingsPerOperation: 0,
    targets: [
      gatewayTarget('ours', 'our gateway', inputs.ours, operations.dashboard, partnerUsers, 'autocannon', inputs.connections),
      ...hiveTargets(inputs, operations.dashboard, partnerUsers, ['hive-js', 'hive-rust']),
      ...(baseline
        ? [
            gatewayTarget(
              'baseline',
              `today’s code (${baseline.commit}), its own stack`,
              baseline.stack.gateway,
              operations.dashboard,
              partnerUsers,
              'autocannon',
              inputs.connections,
            ),
          ]
        : []),
      sqlTarget('floor', 'floor: the dashboard as one SQL statement', inputs.dashboardFloor, inputs.connections, inputs),
    ],
    ...(baseline ? { ownStack: baseline.stack } : {}),
  };
}

/**
 * The observability comparison's rounds per side: the two stacks differ by a
 * few per cent, less than two rounds of one stack may; its goal is the median
 * of the rounds' paired ratios. An even number: as many pairs run A B as B A.
 */
export const OBSERVABILITY_ROUNDS = 8;

export function planComparisons(inputs: PlanInputs): Comparison[] {
  const { operations, partnerAdmin, partnerUsers } = inputs;
  const allHive = HIVE_MODES.map((mode) => mode.id);
  return [
    {
      id: 'dashboard',
      title: 'Partner dashboard: our gateway, the subgraphs directly, Hive Gateway',
      traffic:
        'the partner admin’s dashboard, the same request on every connection (Hive Gateway’s deduplication can share subgraph requests); ' +
        'the direct calls replay our gateway’s subgraph requests in order',
      engine: 'autocannon (gateways), chained keep-alive requests (direct calls)',
      connections: inputs.connections,
      variables: NO_VARIABLES,
      readingsPerOperation: 0,
      targets: [
        gatewayTarget('ours', 'our gateway', inputs.ours, operations.dashboard, [partnerAdmin], 'autocannon', inputs.connections),
        directTarget(operations.dashboard, [partnerAdmin], operations.dashboard.directSteps.length > 1 ? 'chain' : 'autocannon', inputs),
        ...hiveTargets(inputs, operations.dashboard, [partnerAdmin], allHive),
      ],
    },
    dashboardPrincipalsComparison(inputs),
    {
      id: 'observability',
      title: 'Observability overhead: the partner dashboard with metrics on and tracing at 10 % vs both off',
      traffic:
        `the dashboard of ${partnerUsers.length} different partner users in turn, through two stacks of their own started and warmed up alike; ` +
        'the observed one serves Prometheus metrics on each service’s own port (scraped every 5 s) and exports 10 % of traces over OTLP to a local sink',
      engine: 'autocannon',
      connections: inputs.connections,
      variables: NO_VARIABLES,
      readingsPerOperation: 0,
      rounds: OBSERVABILITY_ROUNDS,
      targets: [
        gatewayTarget('ours', 'our gateway, metrics and tracing off', inputs.unobserved, operations.dashboard, partnerUsers, 'autocannon', inputs.connections),
        gatewayTarget('observed', 'our gateway, metrics on, tracing at 10 %', inputs.observed, operations.dashboard, partnerUsers, 'autocannon', inputs.connections),
      ],
    },
    shieldComparison(inputs),
    {
      id: 'organization-names',
      title: 'A small query: { organizations { nodes { id name } } }',
      traffic: `the organization names of ${partnerUsers.length} different partner users in turn (one subgraph request)`,
      engine: 'autocannon',
      connections: inputs.connections,
      variables: NO_VARIABLES,
      readingsPerOperation: 0,
      targets: [
        gatewayTarget('ours', 'our gateway', inputs.ours, operations.organizations, partnerUsers, 'autocannon', inputs.connections),
        directTarget(operations.organizations, partnerUsers, 'autocannon', inputs),
        ...hiveTargets(inputs, operations.organizations, partnerUsers, ['hive-rust', 'hive-rust-nodedup']),
      ],
    },
    floorComparison(
      'device-page',
      'Device page with 24 hours of history',
      'a customer admin’s UPS page: its sensors’ 24 h history in 288 buckets and open incidents',
      operations.devicePage,
      [operations.devicePage.caller],
      inputs,
    ),
    floorComparison(
      'inventory-page',
      'Customer inventory page',
      'a customer admin’s inventory: 50 devices with locations and sensors, licences, sites',
      operations.inventory,
      [operations.inventory.caller],
      inputs,
    ),
    {
      id: 'sensor-year',
      title: 'A year of 5-minute readings as at most 500 buckets: rollups vs raw rows',
      traffic:
        'one request at a time: the year of the device’s sensors through our gateway, against one SQL statement computing the same buckets ' +
        'from the daily rollups, and one from the raw readings',
      engine: 'autocannon, 1 connection / SQL, 1 connection',
      connections: 1,
      variables: NO_VARIABLES,
      readingsPerOperation: 0,
      targets: [
        gatewayTarget('ours', 'our gateway (rollups)', inputs.ours, operations.sensorYear, [operations.sensorYear.caller], 'autocannon', 1),
        sqlTarget(
          'rollup-sql',
          'the rollup statement alone, in PostgreSQL',
          { sql: inputs.history.rollups, parameters: inputs.history.parameters, latencyMs: inputs.history.rollupLatencyMs },
          1,
          inputs,
        ),
        sqlTarget(
          'raw-sql',
          'raw readings aggregated in PostgreSQL',
          { sql: inputs.history.raw, parameters: inputs.history.parameters, latencyMs: inputs.history.rawLatencyMs },
          1,
          inputs,
        ),
      ],
    },
    floorComparison(
      'license-redemption',
      'Licence redemption',
      'the partner admin redeems a fresh licence key per request for the benchmark customers in turn',
      operations.redeem,
      [partnerAdmin],
      inputs,
    ),
    floorComparison(
      'telemetry-ingest',
      'Telemetry ingest',
      'the collector records batches of 1,000 readings (100 sensors × 10 minutes), each batch new',
      operations.ingest,
      [operations.ingest.caller],
      inputs,
    ),
  ];
}

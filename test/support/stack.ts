import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { operationSender, type SendOperation } from './http';
import { freePorts, NODE_ARGS, REPOSITORY_ROOT, signalProcessGroup } from './processes';
import { createTestDatabase, type TestDatabase } from './test-database';

/** What the launcher logs once the gateway answers. */
const READY_LINE = 'PartnerGraph is ready';
const READY_TIMEOUT_MS = 60_000;
/** The launcher stops services one after the other, each within seconds; this bounds the whole shutdown. */
const STOP_TIMEOUT_MS = 30_000;
/** After the launcher exits, how long to wait for the last lines still in its pipes. */
const OUTPUT_DRAIN_MS = 2_000;

export interface StackPorts {
  gateway: number;
  identity: number;
  subscriptions: number;
  deviceTelemetry: number;
  /** Where each service serves Prometheus metrics (its METRICS_PORT). */
  metrics: { gateway: number; identity: number; subscriptions: number; deviceTelemetry: number };
}

export interface StackOptions {
  /** Ports to use instead of free ones, e.g. a taken one. */
  ports?: Partial<StackPorts>;
  /** Variables added to (or, when undefined, removed from) the launcher's environment. */
  env?: Record<string, string | undefined>;
  /** The repository to start from (a copy, say); this one by default. */
  root?: string;
  /** `npm start`'s launcher (scripts/src/start.ts) by default, or `npm run start:replicas`'s. */
  launcher?: 'start' | 'start-replicas';
  /** How long it may take to be ready; 60 s by default. */
  readyTimeoutMs?: number;
}

export interface RunningStack {
  gatewayUrl: string;
  ports: StackPorts;
  /** The launcher's pid, which also leads its process group. */
  pid: number;
  /** The launcher's temporary DATA_DIR (where it keeps the dev signing keys). */
  dataDir: string;
  /** The fresh database the stack runs on. */
  databaseUrl: string;
  /** Every line the launcher and its services wrote to stdout and stderr so far. */
  output(): string[];
  /** Sends an operation to the gateway: a typed one (`graphql()` of test/generated/operations) or, for one the API schema does not allow, a string. */
  query: SendOperation;
  /** Signals the whole process group, as a terminal does on Ctrl-C. */
  signalGroup(signal: NodeJS.Signals): void;
  /**
   * Resolves with the launcher's exit code (null when a signal ended it) once
   * it has exited; rejects, after killing its process group, if it has not
   * within 30 s. Drops the database and removes DATA_DIR either way.
   */
  waitForExit(): Promise<number | null>;
  /** Sends `signal` to the launcher only, as a supervisor does, then waitForExit(). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The launcher ended before it was ready, or was not ready in time; carries what it printed. */
export class StackStartError extends Error {
  override readonly name = 'StackStartError';
  constructor(
    reason: string,
    readonly exitCode: number | null,
    readonly output: readonly string[],
  ) {
    super(`${reason}\n--- launcher output ---\n${output.join('\n')}`);
  }
}

interface Launch {
  pid: number;
  cleanUp(): Promise<void>;
}

/** Every launch of this module, until stopAllStacks() has made sure its process group is gone. */
const launches = new Set<Launch>();

/**
 * Last resort for a test file: SIGKILL every process group this module
 * started (a stopped stack's group too, in case it left something behind),
 * then drop the databases and remove the data directories. Call it in afterAll.
 * (Should the test process die without running afterAll, the launcher itself
 * notices that its parent is gone within a second and stops everything.)
 */
export async function stopAllStacks(): Promise<void> {
  const all = [...launches];
  launches.clear();
  for (const launch of all) signalProcessGroup(launch.pid, 'SIGKILL');
  await Promise.all(all.map((launch) => launch.cleanUp()));
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves with `promise`'s value, or with `fallback` once `ms` have passed. */
function within<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Runs `npm start`'s command (node with tsx on scripts/src/start.ts, from the
 * repository root; or another launcher) on a fresh database, free ports and a
 * fresh DATA_DIR, in its own process group, and resolves once it logs that
 * PartnerGraph is ready. Rejects with a StackStartError holding its output if
 * it exits first or is not ready within 60 s (or `readyTimeoutMs`).
 */
export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const free = await freePorts(8);
  const port = (index: number): number => {
    const found = free[index];
    if (found === undefined) throw new Error('the OS gave fewer than eight free ports');
    return found;
  };
  const ports: StackPorts = {
    gateway: port(0),
    identity: port(1),
    subscriptions: port(2),
    deviceTelemetry: port(3),
    metrics: { gateway: port(4), identity: port(5), subscriptions: port(6), deviceTelemetry: port(7) },
    ...options.ports,
  };
  const database: TestDatabase = await createTestDatabase();
  let dataDir: string;
  try {
    dataDir = await mkdtemp(join(tmpdir(), 'partnergraph-e2e-'));
  } catch (error) {
    await database.drop();
    throw error;
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    GATEWAY_PORT: String(ports.gateway),
    IDENTITY_PORT: String(ports.identity),
    SUBSCRIPTIONS_PORT: String(ports.subscriptions),
    DEVICE_TELEMETRY_PORT: String(ports.deviceTelemetry),
    GATEWAY_METRICS_PORT: String(ports.metrics.gateway),
    IDENTITY_METRICS_PORT: String(ports.metrics.identity),
    SUBSCRIPTIONS_METRICS_PORT: String(ports.metrics.subscriptions),
    DEVICE_TELEMETRY_METRICS_PORT: String(ports.metrics.deviceTelemetry),
    DATA_DIR: dataDir,
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const launcher = options.launcher ?? 'start';
  const command = launcher === 'start' ? 'npm start' : 'npm run start:replicas';
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  const child = spawn(process.execPath, [...NODE_ARGS, join('scripts', 'src', `${launcher}.ts`)], {
    cwd: options.root ?? REPOSITORY_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const streamsClosed = Promise.all(
    [child.stdout, child.stderr].map((stream) => {
      const reader = createInterface({ input: stream });
      reader.on('line', (line) => {
        lines.push(line);
        if (line.includes(READY_LINE)) markReady();
      });
      return new Promise<void>((resolve) => reader.once('close', () => resolve()));
    }),
  );
  const spawned = await new Promise<Error | undefined>((resolve) => {
    child.once('spawn', () => resolve(undefined));
    child.once('error', (error) => resolve(error));
  });
  if (spawned || child.pid === undefined) {
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
    throw spawned ?? new Error('the launcher has no pid');
  }
  const pid = child.pid;
  const exited = exitOf(child);

  let cleaned: Promise<void> | undefined;
  const launch: Launch = {
    pid,
    cleanUp: () =>
      (cleaned ??= (async () => {
        await within(exited, STOP_TIMEOUT_MS, undefined);
        await database.drop();
        await rm(dataDir, { recursive: true, force: true });
      })()),
  };
  launches.add(launch);

  const outcome = await within(
    Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]),
    readyTimeoutMs,
    'timeout' as const,
  );
  if (outcome !== 'ready') {
    signalProcessGroup(pid, 'SIGKILL');
    const code = await exited;
    await within(streamsClosed, OUTPUT_DRAIN_MS, undefined);
    await launch.cleanUp();
    launches.delete(launch);
    throw new StackStartError(
      outcome === 'exited'
        ? `${command} exited with code ${String(code)} before it was ready`
        : `${command} was not ready within ${readyTimeoutMs / 1000} s; killed its process group`,
      outcome === 'exited' ? code : null,
      [...lines],
    );
  }

  const waitForExit = async (): Promise<number | null> => {
    const code = await within(exited, STOP_TIMEOUT_MS, 'timeout' as const);
    if (code === 'timeout') {
      signalProcessGroup(pid, 'SIGKILL');
      await launch.cleanUp();
      throw new Error(
        `${command} had not exited within ${STOP_TIMEOUT_MS / 1000} s; killed its process group.\n` +
          `--- launcher output ---\n${lines.join('\n')}`,
      );
    }
    await launch.cleanUp();
    return code;
  };
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  return {
    gatewayUrl,
    ports,
    pid,
    dataDir,
    databaseUrl: database.url,
    output: () => [...lines],
    query: operationSender(gatewayUrl),
    signalGroup: (signal) => signalProcessGroup(pid, signal),
    waitForExit,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return waitForExit();
    },
  };
}

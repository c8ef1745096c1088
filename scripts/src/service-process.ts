import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPOSITORY_ROOT } from './stack-config';

export interface ServiceProcess {
  name: string;
  /** The operating system's id of the process, to read its CPU time and memory. */
  pid: number | undefined;
  /** Resolves with the exit code when the process ends, however it ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;
const READY_TIMEOUT_MS = 90_000;

/**
 * V8 settings every service runs with (docs/operations.md, Running in production): young
 * semi-spaces of 64 MiB instead of 16. A large answer keeps tens of thousands
 * of short-lived objects and promises alive across scavenges; with the default
 * the collector copied them over and over and took half of device-telemetry's
 * CPU on a 500-device dashboard, with this about a quarter.
 */
export const SERVICE_V8_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

/** How `npm start` runs a service: its TypeScript source through tsx. */
const SOURCE_NODE_ARGUMENTS = ['--import', 'tsx', '--conditions=@partnergraph/source'];

export interface ServiceOptions {
  name: string;
  entry: string;
  env: NodeJS.ProcessEnv;
  readyUrl: string;
  write: (line: string) => void;
  nodeArguments?: readonly string[];
  /** Passed to the entry point. */
  arguments?: readonly string[];
}

/**
 * Runs one service as a child process with SERVICE_V8_FLAGS (by default a
 * TypeScript entry point, through tsx; `nodeArguments` replaces that, e.g.
 * none for compiled JavaScript), prefixing each line it logs with its name.
 * `ready` resolves once its readiness URL answers 200, and rejects if the
 * process ends before; the caller holds the process either way, to stop it.
 */
export function spawnService(options: ServiceOptions): { service: ServiceProcess; ready: Promise<void> } {
  const nodeArguments = options.nodeArguments ?? SOURCE_NODE_ARGUMENTS;
  const child = spawn(process.execPath, [...SERVICE_V8_FLAGS, ...nodeArguments, options.entry, ...(options.arguments ?? [])], {
    cwd: REPOSITORY_ROOT,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => options.write(line));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const service: ServiceProcess = { name: options.name, pid: child.pid, exited, stop: () => stopChild(child, exited) };
  const ready = Promise.race([waitUntilReady(options.readyUrl).then(() => 'ready' as const), exited.then(() => 'exited' as const)]).then(
    (outcome) => {
      if (outcome === 'exited') throw new Error(`${options.name} stopped before it was ready (see its log above)`);
    },
  );
  return { service, ready };
}

/** spawnService, resolving with the process once it is ready. */
export async function startService(options: ServiceOptions): Promise<ServiceProcess> {
  const { service, ready } = spawnService(options);
  await ready;
  return service;
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

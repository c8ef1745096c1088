import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freeLoopbackPorts } from '@partnergraph/scripts/free-port';

/** The repository root: where a person types `npm start`. */
export const REPOSITORY_ROOT = resolve(__dirname, '..', '..');

/** The node arguments `npm start` uses for the launcher and every service it runs. */
export const NODE_ARGS: readonly string[] = ['--import', 'tsx', '--conditions=@partnergraph/source'];

const POLL_INTERVAL_MS = 100;

/** `count` distinct free ports on 127.0.0.1, below the ephemeral range, from this jest worker's slice (see freeLoopbackPorts). */
export const freePorts = (count: number): Promise<number[]> => freeLoopbackPorts(count, process.env.JEST_WORKER_ID);

export interface ProcessInfo {
  pid: number;
  ppid: number;
  command: string;
}

/** Every process descended from `rootPid` (children, their children, ...), as `ps` sees them now. */
export function descendantsOf(rootPid: number): ProcessInfo[] {
  const table = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3] ?? '' }));
  const found: ProcessInfo[] = [];
  const parents = [rootPid];
  while (parents.length > 0) {
    const parent = parents.shift();
    for (const info of table.filter((candidate) => candidate.ppid === parent)) {
      found.push(info);
      parents.push(info.pid);
    }
  }
  return found;
}

/** Whether `pid` is a running process; a zombie (exited, waiting to be reaped) does not count. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
  if (!existsSync('/proc/self/stat')) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Polls until none of `pids` runs or `timeoutMs` passes; returns those still running. */
export async function waitUntilGone(pids: readonly number[], timeoutMs: number): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  let running = pids.filter(isRunning);
  while (running.length > 0 && Date.now() < deadline) {
    await new Promise((resolveTick) => setTimeout(resolveTick, POLL_INTERVAL_MS));
    running = running.filter(isRunning);
  }
  return running;
}

/** Sends `signal` to every process in the group led by `pgid`; a group that is already empty is fine. */
export function signalProcessGroup(pgid: number, signal: NodeJS.Signals): void {
  // kill(-0) and kill(-1) would signal this process's own group or every process we may signal.
  if (!Number.isInteger(pgid) || pgid <= 1) throw new RangeError(`not a process group id: ${pgid}`);
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a TypeScript entry point the way the launcher does (node with tsx),
 * with exactly `env`, and resolves once it has exited. A process still
 * running after `timeoutMs` is killed and reported as an error with its output.
 */
export function runEntryPoint(entry: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Finished> {
  return new Promise((resolveFinished, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, entry], {
      cwd: REPOSITORY_ROOT,
      env: Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) signalProcessGroup(child.pid, 'SIGKILL');
      reject(new Error(`${entry} was still running after ${timeoutMs} ms; killed it.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close' rather than 'exit': every line it wrote has been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolveFinished({ code, signal, stdout, stderr });
    });
  });
}

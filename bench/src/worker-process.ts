import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';
import { WORKER_GO, WORKER_READY, type LoadJob, type LoadResult } from './load-job';

export interface WorkerProcess {
  pid: number;
  /** Starts the load; resolves with the worker's result once it is done. */
  go(): Promise<LoadResult>;
}

const WORKER_ENTRY = join(REPOSITORY_ROOT, 'bench', 'src', 'load-worker.ts');
let jobs = 0;
const live = new Set<ChildProcess>();

/** Ends the workers still running (the benchmark was interrupted). */
export function stopWorkers(): void {
  for (const child of live) child.kill('SIGTERM');
}

/** Starts a load worker for `job` and resolves once it has prepared everything and waits for the word. */
export async function startWorker(job: LoadJob, workDir: string, inherited: Record<string, string>): Promise<WorkerProcess> {
  jobs += 1;
  const jobFile = join(workDir, `job-${jobs}.json`);
  await writeFile(jobFile, JSON.stringify(job), { mode: 0o600 });
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@partnergraph/source', WORKER_ENTRY, jobFile], {
    cwd: REPOSITORY_ROOT,
    env: { ...inherited, APOLLO_TELEMETRY_DISABLED: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const lines = createInterface({ input: child.stdout });
  live.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    }),
  );
  const failure = (what: string) => new Error(`the load worker ${what}:\n${errors.slice(-20).join('\n')}`);
  let resolveResult: (result: LoadResult) => void = () => {};
  const result = new Promise<LoadResult>((resolve, reject) => {
    resolveResult = resolve;
    void exited.then(() => reject(failure('ended without a result')));
  });
  // The result is awaited through go(); until then an early exit is reported by the ready race below.
  result.catch(() => {});
  const ready = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      if (line === WORKER_READY) resolve();
      else if (line.startsWith('{')) resolveResult(JSON.parse(line) as LoadResult);
    });
  });
  const outcome = await Promise.race([ready.then(() => 'ready' as const), exited.then(() => 'exited' as const)]);
  if (outcome === 'exited' || child.pid === undefined) throw failure('stopped before it was ready');
  return {
    pid: child.pid,
    go() {
      child.stdin.write(`${WORKER_GO}\n`);
      return result;
    },
  };
}

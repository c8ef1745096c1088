import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';
import { runChildCommand } from './child-command';

/**
 * Issue 18's "today's code": commit 7427f1f, the last before the issue was
 * filed, as a tree of its own under bench/baseline/<commit>/ (git ignores
 * it): the commit's files from `git archive`, its own `npm ci` and its own
 * `npm run build`. A tree whose marker file names the commit is complete and
 * is used as it is; anything else there is removed and made again.
 */
export const BASELINE_COMMIT = '7427f1f';
export const BASELINE_DIRECTORY = join(REPOSITORY_ROOT, 'bench', 'baseline');
const READY_MARKER = '.bench-baseline-ready';

export interface BaselineTree {
  commit: string;
  root: string;
  /** Whether a complete tree was already there. */
  cached: boolean;
  seconds: number;
}

/** Complete when the marker written after the build names the full commit. */
export function isCompleteTree(root: string, fullCommit: string): boolean {
  const marker = join(root, READY_MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8').trim() === fullCommit;
}

function gitOutput(args: readonly string[]): Promise<string> {
  const child = spawn('git', args, { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(output.trim()) : reject(new Error(`git ${args.join(' ')} failed`))));
  });
}

/** `git archive <commit> | tar -x -C <root>`. */
function extract(commit: string, root: string): Promise<void> {
  const archive = spawn('git', ['archive', '--format=tar', commit], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const tar = spawn('tar', ['-x', '-C', root], { stdio: ['pipe', 'inherit', 'inherit'] });
  archive.stdout.pipe(tar.stdin);
  const exit = (child: ReturnType<typeof spawn>, name: string) =>
    new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} of ${commit} failed (exit ${code})`))));
    });
  return Promise.all([exit(archive, 'git archive'), exit(tar, 'tar -x')]).then(() => undefined);
}

export async function prepareBaselineTree(options: {
  inherited: Record<string, string>;
  log: (line: string) => void;
  say: (line: string) => void;
  commit?: string;
}): Promise<BaselineTree> {
  const started = performance.now();
  const fullCommit = await gitOutput(['rev-parse', '--verify', `${options.commit ?? BASELINE_COMMIT}^{commit}`]);
  const commit = fullCommit.slice(0, 7);
  const root = join(BASELINE_DIRECTORY, commit);
  if (isCompleteTree(root, fullCommit)) return { commit, root, cached: true, seconds: (performance.now() - started) / 1000 };
  options.say(`baseline ${commit}: git archive into ${root}, npm ci, npm run build (once; kept for later runs)`);
  await rm(root, { recursive: true, force: true });
  await mkdir(root, { recursive: true });
  await extract(fullCommit, root);
  await runChildCommand('npm', ['ci', '--no-audit', '--no-fund'], options.inherited, options.log, root);
  await runChildCommand('npm', ['run', 'build'], { ...options.inherited, TURBO_TELEMETRY_DISABLED: '1', APOLLO_TELEMETRY_DISABLED: '1' }, options.log, root);
  await writeFile(join(root, READY_MARKER), `${fullCommit}\n`);
  return { commit, root, cached: false, seconds: (performance.now() - started) / 1000 };
}

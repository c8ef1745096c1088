import { spawn } from 'node:child_process';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';

/** Runs a command to its end, each line it prints to `log`; rejects with its last 30 lines when it fails. */
export function runChildCommand(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  cwd = REPOSITORY_ROOT,
): Promise<void> {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) {
        lines.push(line);
        log(line);
      }
    });
  }
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed:\n${lines.slice(-30).join('\n')}`))));
  });
}

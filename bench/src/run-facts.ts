import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { REPOSITORY_ROOT } from '@partnergraph/scripts/stack-config';

/** What a result needs to say about where it was measured: the machine and the source it ran. */
export function machineFacts(postgresVersion: string) {
  const [first] = cpus();
  return {
    cores: cpus().length,
    cpuModel: first?.model.replace(/\s+/g, ' ').trim() ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    postgres: /^PostgreSQL [\d.]+/.exec(postgresVersion)?.[0] ?? postgresVersion,
    loadAverageAtStart: loadavg(),
  };
}

export function sourceFacts(): { commit: string; uncommittedPaths: string[] } {
  const git = (...args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: REPOSITORY_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', '--short', 'HEAD').trim() || 'unknown',
    uncommittedPaths: git('status', '--porcelain')
      .split('\n')
      .map((line) => line.slice(3).trim())
      .filter((path) => path !== ''),
  };
}

import { readStackConfig } from '@partnergraph/scripts/stack-config';

/**
 * What the benchmark takes from its environment: the database settings
 * `npm start` reads (DATABASE_URL, or the embedded server under DATA_DIR on
 * EMBEDDED_POSTGRES_PORT), and the few variables every child process needs
 * to run at all. Children get nothing else from it: each service's settings
 * are written out in full, and no stray token or telemetry setting leaks in.
 */
export function readBenchEnvironment(environment: NodeJS.ProcessEnv = process.env) {
  const inherited: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = environment[name];
    if (value !== undefined) inherited[name] = value;
  }
  return { stack: readStackConfig(environment), inherited };
}

export type BenchEnvironment = ReturnType<typeof readBenchEnvironment>;

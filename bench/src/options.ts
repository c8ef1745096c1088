import { parseArgs } from 'node:util';
import { ConfigError } from '@partnergraph/core';

/** What `npm run bench` is told on its command line; nothing else configures it. */
export interface BenchOptions {
  /** A short run for development: shorter rounds, fewer of them; its results are not kept as the latest. */
  quick: boolean;
  roundSeconds: number;
  /** Rounds per target in each comparison; targets alternate A B A B … */
  rounds: number;
  connections: number;
  /** The first of the ports the benchmark's processes listen on (loopback only). */
  portBase: number;
  /** How often a round taken while something else loaded the machine is run again (and at most a quarter of all rounds are). */
  maxRetries: number;
  /** Share of the machine's CPU used by other processes above which a round counts as disturbed. */
  busyShare: number;
  /** Comparisons to run (ids); all when null. */
  only: readonly string[] | null;
  /** Runs our gateway under --cpu-prof and summarizes where its CPU went. */
  profile: boolean;
  skipBuild: boolean;
  keepDatabase: boolean;
}

export const USAGE =
  'usage: npm run bench -- [--quick] [--round-seconds N] [--rounds N] [--connections N] ' +
  '[--port-base N] [--max-retries N] [--busy-percent N] [--only id,id] [--profile] [--skip-build] [--keep-database]';

const NUMBERS = {
  'round-seconds': { minimum: 1, maximum: 300 },
  rounds: { minimum: 1, maximum: 20 },
  connections: { minimum: 1, maximum: 200 },
  'port-base': { minimum: 1024, maximum: 65_000 },
  'max-retries': { minimum: 0, maximum: 10 },
  'busy-percent': { minimum: 1, maximum: 100 },
} as const;
type NumberName = keyof typeof NUMBERS;
const FLAGS = ['quick', 'profile', 'skip-build', 'keep-database'] as const;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let values: Partial<Record<NumberName | 'only', string> & Record<(typeof FLAGS)[number], boolean>>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        ...(Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' }])) as Record<NumberName, { type: 'string' }>),
        only: { type: 'string' },
        ...(Object.fromEntries(FLAGS.map((name) => [name, { type: 'boolean' }])) as Record<(typeof FLAGS)[number], { type: 'boolean' }>),
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new ConfigError([error instanceof Error ? error.message : String(error), USAGE]);
  }
  const problems: string[] = [];
  const number = (name: NumberName, fallback: number): number => {
    const text = values[name];
    if (text === undefined) return fallback;
    const { minimum, maximum } = NUMBERS[name];
    const parsed = Number(text);
    if (!Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
      problems.push(`--${name} must be a whole number from ${minimum} to ${maximum}, not "${text}"`);
      return fallback;
    }
    return parsed;
  };
  const quick = values.quick === true;
  const options: BenchOptions = {
    quick,
    roundSeconds: number('round-seconds', quick ? 3 : 6),
    rounds: number('rounds', quick ? 2 : 3),
    connections: number('connections', 10),
    portBase: number('port-base', 4100),
    maxRetries: number('max-retries', 2),
    busyShare: number('busy-percent', 10) / 100,
    only: values.only === undefined ? null : values.only.split(',').map((id) => id.trim()).filter((id) => id !== ''),
    profile: values.profile === true,
    skipBuild: values['skip-build'] === true,
    keepDatabase: values['keep-database'] === true,
  };
  if (problems.length > 0) throw new ConfigError([...problems, USAGE]);
  return options;
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run fuzz -- [--runs N] [--seed S]`: the property-based fuzz suite
 * (test/security/fuzz.test.ts) with more runs than CI's, and a seed of your
 * choosing (a fresh one by default). Needs DATABASE_URL, as the security
 * tests do. Prints the seed, so a failure can be replayed.
 */
const argumentsGiven = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const index = argumentsGiven.indexOf(`--${name}`);
  return index === -1 ? undefined : argumentsGiven[index + 1];
};
const runs = Number(option('runs') ?? 2000);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  process.stderr.write('usage: npm run fuzz -- [--runs N] [--seed S] (whole numbers)\n');
  process.exit(2);
}
process.stdout.write(`fuzzing with seed ${seed}, ${runs} runs\n`);
const started = Date.now();
const result = spawnSync('npx', ['jest', join('test', 'security', 'fuzz.test.ts'), '--selectProjects', 'security'], {
  cwd: join(__dirname, '..', '..'),
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
process.stdout.write(`seed ${seed}, ${runs} runs, ${Math.round((Date.now() - started) / 1000)} s\n`);
process.exit(result.status ?? 1);

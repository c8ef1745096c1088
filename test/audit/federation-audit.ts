import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AUDIT_GATEWAY_PORT, AUDIT_SUBGRAPHS_PORT, isAuditedGateway } from './audit-settings';

const USAGE =
  'usage: npm run audit:federation -- <federation-gateway-audit checkout> [--gateway ours|apollo] [--suite <test suite id>]\n' +
  '       (or set FEDERATION_AUDIT_DIR instead of the first argument)';

/**
 * `npm run audit:federation`: runs The Guild's federation-gateway-audit
 * (github.com/graphql-hive/federation-gateway-audit, checked out and
 * `npm install`ed outside this repository) against our gateway or against
 * plain @apollo/gateway. The audit serves its subgraphs and, per test suite,
 * runs a script that starts the gateway (audit-gateway.ts) and then queries
 * it. Everything listens on 127.0.0.1. Prints the audit's score and each
 * failed test.
 */
async function main(args: readonly string[]): Promise<number> {
  const options = parseArguments(args);
  if (!options) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const cli = join(options.auditDir, 'src', 'cli.ts');
  if (!existsSync(cli)) {
    process.stderr.write(`${options.auditDir} is not a federation-gateway-audit checkout (no src/cli.ts)\n${USAGE}\n`);
    return 2;
  }
  const workDir = await mkdtemp(join(tmpdir(), `federation-audit-${options.gateway}-`));
  try {
    const tsx = pathToFileURL(require.resolve('tsx')).href;
    const preload = pathToFileURL(join(__dirname, 'audit-preload.mjs')).href;
    const runScript = join(workDir, 'run.sh');
    await writeFile(
      runScript,
      `#!/bin/sh\nexec "${process.execPath}" --import ${tsx} --conditions=@partnergraph/source "${join(__dirname, 'audit-gateway.ts')}" ${options.gateway} "$1"\n`,
    );
    await chmod(runScript, 0o755);
    const gatewayUrl = `http://127.0.0.1:${AUDIT_GATEWAY_PORT}`;
    const health = options.gateway === 'ours' ? `${gatewayUrl}/health/ready` : `${gatewayUrl}/health`;
    const command = options.suite ? ['test-suite', '--test', options.suite] : ['test', '--write', 'results.txt'];
    const exitCode = await run(
      process.execPath,
      [
        '--import',
        tsx,
        cli,
        ...command,
        '--cwd',
        workDir,
        '--run-script',
        runScript,
        '--graphql',
        `${gatewayUrl}/graphql`,
        '--healthcheck',
        health,
        '--port',
        String(AUDIT_SUBGRAPHS_PORT),
        '--reporter',
        'dot',
      ],
      {
        cwd: options.auditDir,
        // Each suite starts a fresh gateway; on two busy cores ours takes longer than the audit's 5 s default to load.
        env: { ...process.env, GATEWAY_TIMEOUT: '30000', NODE_OPTIONS: `--import ${preload}` },
      },
    );
    await reportFailures(workDir);
    return exitCode;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function parseArguments(args: readonly string[]): { auditDir: string; gateway: 'ours' | 'apollo'; suite?: string } | undefined {
  let auditDir = process.env.FEDERATION_AUDIT_DIR;
  let gateway: 'ours' | 'apollo' = 'ours';
  let suite: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const argument = args[index];
    if (argument === '--gateway') {
      const value = args[++index];
      if (!isAuditedGateway(value)) return undefined;
      gateway = value;
    } else if (argument === '--suite') {
      suite = args[++index];
      if (!suite) return undefined;
    } else if (argument && !argument.startsWith('--')) {
      auditDir = argument;
    } else {
      return undefined;
    }
  }
  return auditDir ? { auditDir: resolve(auditDir), gateway, ...(suite ? { suite } : {}) } : undefined;
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<number> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(command, args, { ...options, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => resolveExit(code ?? 1));
  });
}

/** The audit logs each suite's run as TAP: prints each failed test with the audit's diff of its answer. */
async function reportFailures(workDir: string): Promise<void> {
  const logs = join(workDir, 'logs');
  if (!existsSync(logs)) return;
  for (const file of (await readdir(logs)).filter((name) => name.endsWith('-tests.log')).sort()) {
    const lines = (await readFile(join(logs, file), 'utf8')).split('\n');
    lines.forEach((line, index) => {
      const failed = /^\s*not ok \d+ - (\S+_\d+)$/.exec(line);
      if (!failed) return;
      const end = lines.findIndex((candidate, after) => after > index && /^\s*\.\.\.$/.test(candidate));
      process.stdout.write(`\nFAILED ${failed[1]}\n${lines.slice(index + 1, end === -1 ? undefined : end).join('\n')}\n`);
    });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

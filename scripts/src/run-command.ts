import { ConfigError, PortInUseError } from '@partnergraph/core';

/**
 * Runs a command-line script: telemetry off for everything it loads, and a
 * failure ends the process with one readable message and exit code 1.
 */
export function runCommand(name: string, command: () => Promise<void>): void {
  process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
  command().catch((error: unknown) => {
    const known = error instanceof ConfigError || error instanceof PortInUseError;
    process.stderr.write(`${name}: ${known ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

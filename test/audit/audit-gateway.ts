import { startPartnerGraphGateway, startPlainApolloGateway, type RunningGateway } from '../support/conformance-gateways';
import { AUDIT_GATEWAY_PORT, AUDIT_SUBGRAPHS_URL, isAuditedGateway } from './audit-settings';

/**
 * Started by the audit (through the run script federation-audit.ts writes)
 * once per test suite: fetches the suite's supergraph from the audit's
 * server and serves it with the gateway named in the first argument, on the
 * port the audit queries, until the audit stops it.
 */
async function main(): Promise<void> {
  const [gateway, suite] = process.argv.slice(2);
  if (!isAuditedGateway(gateway) || !suite) throw new Error('usage: audit-gateway.ts ours|apollo <test suite id>');
  const response = await fetch(`${AUDIT_SUBGRAPHS_URL}/${suite}/supergraph`);
  if (!response.ok) throw new Error(`the audit has no supergraph for ${suite}: HTTP ${response.status}`);
  const supergraphSdl = await response.text();
  const running: RunningGateway =
    gateway === 'ours'
      ? await startPartnerGraphGateway(supergraphSdl, { port: AUDIT_GATEWAY_PORT, nodeEnv: 'production' })
      : await startPlainApolloGateway(supergraphSdl, { port: AUDIT_GATEWAY_PORT });
  process.stdout.write(`${gateway} gateway serving ${suite} at ${running.url}\n`);
  const stop = (): void => {
    void running.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

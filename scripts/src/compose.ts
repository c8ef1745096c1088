import { readFile, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  CompositionConfigError,
  composeSupergraph,
  formatCompositionProblem,
  loadSubgraphSchemas,
  readCompositionConfig,
} from './composition';
import { REPOSITORY_ROOT } from './stack-config';
import { ApiBaselineError, apiSchemaOf, parseApiSchema, printApiSchema } from './api-schema';
import { AnnouncedChangesError, EMPTY_ANNOUNCEMENTS, parseAnnouncedChanges } from './announced-changes';
import { apiSchemaCheckFails, checkApiSchema, formatApiSchemaReport, type ApiSchemaReport } from './api-schema-check';
import { loadKnownOperations } from './known-operations';
import type { GraphQLSchema } from 'graphql';

/**
 * `npm run compose`: composes schema/supergraph.yaml into schema/supergraph.graphql,
 * and reports the API schema's changes against the released baseline.
 * `npm run compose:check`: writes nothing, fails when the committed file differs, when
 * the API schema has a breaking change not announced in schema/breaking-changes.yaml,
 * or when a known client operation (README, docs, schema/operations) does not validate.
 * `npm run compose -- --release`: as compose, then makes the current API schema the
 * baseline (schema/api-baseline.graphql) and empties the announced changes.
 */
const CONFIG_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.yaml');
const SUPERGRAPH_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');
const BASELINE_PATH = join(REPOSITORY_ROOT, 'schema', 'api-baseline.graphql');
const ANNOUNCEMENTS_PATH = join(REPOSITORY_ROOT, 'schema', 'breaking-changes.yaml');
const OPTIONS = ['--check', '--release'];
const USAGE = 'usage: npm run compose [-- --check | --release]';

function shownPath(path: string): string {
  return relative(process.cwd(), path);
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Replaces the file by renaming, so the gateway's file watcher never reads half of it. */
async function writeByRenaming(path: string, contents: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
}

/** The API schema's report against the committed baseline; undefined when there is no baseline yet. */
async function reportApiSchema(current: GraphQLSchema): Promise<ApiSchemaReport | undefined> {
  const baselineSdl = await readIfPresent(BASELINE_PATH);
  if (baselineSdl === undefined) return undefined;
  const announcements = await readIfPresent(ANNOUNCEMENTS_PATH);
  return checkApiSchema({
    baseline: parseApiSchema(baselineSdl, shownPath(BASELINE_PATH)),
    current,
    announced: announcements === undefined ? [] : parseAnnouncedChanges(announcements, shownPath(ANNOUNCEMENTS_PATH)),
    operations: await loadKnownOperations(REPOSITORY_ROOT),
  });
}

/** Prints the report; true when it passes. */
function printApiSchemaReport(report: ApiSchemaReport | undefined): boolean {
  if (report === undefined) {
    process.stderr.write(`compose: ${shownPath(BASELINE_PATH)} is missing; run npm run compose -- --release to create it\n`);
    return false;
  }
  const text = formatApiSchemaReport(report, { baseline: shownPath(BASELINE_PATH), announcements: shownPath(ANNOUNCEMENTS_PATH) });
  const passes = !apiSchemaCheckFails(report);
  (passes ? process.stdout : process.stderr).write(text);
  return passes;
}

/** Makes the current API schema the released baseline and empties the announced changes. */
async function release(current: GraphQLSchema, report: ApiSchemaReport | undefined): Promise<number> {
  if (report !== undefined && !printApiSchemaReport(report)) {
    process.stderr.write('compose: not released; fix or announce the above first\n');
    return 1;
  }
  await writeByRenaming(BASELINE_PATH, printApiSchema(current));
  await writeByRenaming(ANNOUNCEMENTS_PATH, EMPTY_ANNOUNCEMENTS);
  const released = report?.breaking.map(({ announcement }) => announcement) ?? [];
  process.stdout.write(`released: ${shownPath(BASELINE_PATH)} written, ${shownPath(ANNOUNCEMENTS_PATH)} emptied\n`);
  for (const announcement of released) {
    if (announcement) process.stdout.write(`  ${announcement.date} ${announcement.change}: ${announcement.note}\n`);
  }
  return 0;
}

async function compose(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => !OPTIONS.includes(arg));
  if (unknown.length > 0 || (args.includes('--check') && args.includes('--release'))) {
    process.stderr.write(`compose: ${unknown.length > 0 ? `unknown argument ${unknown.join(' ')}` : 'choose one of --check and --release'}\n${USAGE}\n`);
    return 1;
  }
  const check = args.includes('--check');
  const config = await readCompositionConfig(CONFIG_PATH);
  const outcome = composeSupergraph(await loadSubgraphSchemas(config));
  if (!outcome.ok) {
    const count = outcome.errors.length === 1 ? '1 error' : `${outcome.errors.length} errors`;
    process.stderr.write(`compose: composition failed with ${count}:\n\n${outcome.errors.map(formatCompositionProblem).join('\n\n')}\n`);
    return 1;
  }
  for (const hint of outcome.hints) process.stderr.write(`hint ${formatCompositionProblem(hint)}\n`);

  const current = apiSchemaOf(outcome.supergraphSdl);
  const report = await reportApiSchema(current);
  const contents = `${outcome.supergraphSdl}\n`;
  const committed = await readIfPresent(SUPERGRAPH_PATH);
  const target = shownPath(SUPERGRAPH_PATH);
  if (check) {
    if (committed !== contents) {
      const state = committed === undefined ? 'is missing' : 'is out of date';
      process.stderr.write(`compose: ${target} ${state}; run npm run compose\n`);
      printApiSchemaReport(report);
      return 1;
    }
    process.stdout.write(`${target} is up to date\n`);
    return printApiSchemaReport(report) ? 0 : 1;
  }
  if (committed !== contents) await writeByRenaming(SUPERGRAPH_PATH, contents);
  const names = config.subgraphs.map((subgraph) => subgraph.name).join(', ');
  const hints = outcome.hints.length === 1 ? '1 hint' : `${outcome.hints.length} hints`;
  const change = committed === contents ? 'unchanged' : 'written';
  process.stdout.write(
    `composed ${config.subgraphs.length} subgraphs (${names}) with federation ${config.federationVersion} into ${target}: ${change}, ${hints}\n`,
  );
  if (args.includes('--release')) return release(current, report);
  printApiSchemaReport(report);
  return 0;
}

compose(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    const message =
      error instanceof CompositionConfigError
        ? `${shownPath(CONFIG_PATH)}: ${error.message}`
        : error instanceof AnnouncedChangesError || error instanceof ApiBaselineError
          ? error.message
          : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`compose: ${message}\n`);
    process.exitCode = 1;
  },
);

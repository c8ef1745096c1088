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

/**
 * `npm run compose`: composes schema/supergraph.yaml into schema/supergraph.graphql.
 * `npm run compose:check`: writes nothing, fails when the committed file differs.
 */
const CONFIG_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.yaml');
const SUPERGRAPH_PATH = join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');
const USAGE = 'usage: npm run compose [-- --check]';

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

async function compose(args: readonly string[]): Promise<number> {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`compose: unknown argument ${unknown.join(' ')}\n${USAGE}\n`);
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

  const contents = `${outcome.supergraphSdl}\n`;
  const committed = await readIfPresent(SUPERGRAPH_PATH);
  const target = shownPath(SUPERGRAPH_PATH);
  if (check) {
    if (committed !== contents) {
      const state = committed === undefined ? 'is missing' : 'is out of date';
      process.stderr.write(`compose: ${target} ${state}; run npm run compose\n`);
      return 1;
    }
    process.stdout.write(`${target} is up to date\n`);
    return 0;
  }
  if (committed !== contents) await writeByRenaming(SUPERGRAPH_PATH, contents);
  const names = config.subgraphs.map((subgraph) => subgraph.name).join(', ');
  const hints = outcome.hints.length === 1 ? '1 hint' : `${outcome.hints.length} hints`;
  const change = committed === contents ? 'unchanged' : 'written';
  process.stdout.write(
    `composed ${config.subgraphs.length} subgraphs (${names}) with federation ${config.federationVersion} into ${target}: ${change}, ${hints}\n`,
  );
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
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`compose: ${message}\n`);
    process.exitCode = 1;
  },
);

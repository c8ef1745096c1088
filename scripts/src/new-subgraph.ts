import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readCompositionConfig } from './composition';
import { REPOSITORY_ROOT } from './stack-config';
import { SUPERGRAPH_CONFIG_PATH } from './stack-subgraphs';
import { nameProblem, subgraphNames } from './subgraph-template/names';
import { addSubgraphReferences } from './subgraph-template/project-references';
import { renderSubgraph } from './subgraph-template/render';

/**
 * `npm run new-subgraph -- <name>`: a fourth (fifth...) subgraph from the
 * kit, laid out as the others: its package under subgraphs/<name>/, a
 * federation test, an entry in schema/supergraph.yaml on the next free port,
 * schema/supergraph.graphql composed again, so `npm start` runs it, and its
 * resolver types generated from its codegen.json. Anything that fails leaves
 * the repository as it was (codegen writes no file when one output fails).
 */
const USAGE = 'usage: npm run new-subgraph -- <name>   (e.g. npm run new-subgraph -- site-notes)';

class UsageError extends Error {}

/** The port after the highest one the supergraph's routing URLs use. */
function nextPort(routingUrls: readonly string[]): number {
  const ports = routingUrls.map((url) => Number(new URL(url).port)).filter((port) => port > 0);
  return Math.max(4000, ...ports) + 1;
}

function compose(): void {
  execFileSync(process.execPath, ['--import', 'tsx', '--conditions=@partnergraph/source', join('scripts', 'src', 'compose.ts')], {
    cwd: REPOSITORY_ROOT,
    stdio: 'inherit',
  });
}

/**
 * `npm run codegen`, after composing: the new subgraph's resolvers import
 * their types from src/generated/resolvers-types.ts, and its federation
 * test's operation is one of the tests' typed operations, which the composed
 * API schema now allows; so `npm run codegen:check` passes as it is.
 */
function generateTypes(): void {
  execFileSync('npm', ['run', '--silent', 'codegen', '--', '--silent'], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
}

async function newSubgraph(args: readonly string[]): Promise<void> {
  const [name, ...more] = args;
  if (name === undefined || more.length > 0) throw new UsageError(USAGE);
  const problem = nameProblem(name);
  if (problem !== null) throw new UsageError(problem);
  const config = await readCompositionConfig(SUPERGRAPH_CONFIG_PATH);
  if (config.subgraphs.some((subgraph) => subgraph.name === name) || existsSync(join(REPOSITORY_ROOT, 'subgraphs', name))) {
    throw new UsageError(`a subgraph named "${name}" already exists`);
  }
  const names = subgraphNames(name);
  const files = await renderSubgraph(names, Date.now());
  const clash = files.find((file) => existsSync(join(REPOSITORY_ROOT, file.path)));
  if (clash) throw new UsageError(`${clash.path} already exists`);

  const port = nextPort(config.subgraphs.map((subgraph) => subgraph.routingUrl));
  const yaml = await readFile(SUPERGRAPH_CONFIG_PATH, 'utf8');
  const supergraphPath = join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');
  const supergraph = await readFile(supergraphPath, 'utf8');
  let tsconfigs = new Map<string, string>();
  try {
    for (const file of files) {
      await mkdir(dirname(join(REPOSITORY_ROOT, file.path)), { recursive: true });
      await writeFile(join(REPOSITORY_ROOT, file.path), file.contents);
    }
    const entry = [
      `  ${name}:`,
      `    routing_url: http://127.0.0.1:${port}/graphql`,
      '    schema:',
      `      file: ../subgraphs/${name}/schema.graphql`,
      '',
    ].join('\n');
    await writeFile(SUPERGRAPH_CONFIG_PATH, `${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${entry}`);
    tsconfigs = await addSubgraphReferences(REPOSITORY_ROOT, name);
    compose();
    generateTypes();
  } catch (error) {
    await rm(join(REPOSITORY_ROOT, 'subgraphs', name), { recursive: true, force: true });
    await rm(join(REPOSITORY_ROOT, 'test', 'federation', `${name}.test.ts`), { force: true });
    await writeFile(SUPERGRAPH_CONFIG_PATH, yaml);
    await writeFile(supergraphPath, supergraph);
    for (const [file, text] of tsconfigs) await writeFile(file, text);
    throw error;
  }

  process.stdout.write(
    [
      '',
      `Created the ${name} subgraph (port ${port}):`,
      `  subgraphs/${name}/schema.graphql            its schema: ${names.pascal}Note, Organization.${names.camel}Notes, Query.${names.camel}Note, Mutation.add${names.pascal}Note`,
      `  subgraphs/${name}/src/capabilities.ts       its own capabilities (read${names.pascal}, write${names.pascal}): which relations have them`,
      `  subgraphs/${name}/src/field-policy.ts       how each field is governed (a field without an entry is denied)`,
      `  subgraphs/${name}/src/resolvers/            resolvers; src/migrations/ its tables (schema ${names.schema}); src/demo-seed.ts its demo data`,
      `  subgraphs/${name}/codegen.json              its resolvers' context and the row type each GraphQL type maps to`,
      `  subgraphs/${name}/src/generated/            its resolver types (npm run codegen), which src/resolvers/ uses`,
      `  test/federation/${name}.test.ts   its federation test`,
      `  schema/supergraph.yaml, schema/supergraph.graphql   it is composed into the supergraph`,
      '  tsconfig.json, test/tsconfig.json   they reference its project, so `npm run typecheck` (tsc -b) checks it',
      '  test/generated/operations/   its federation test\'s mutation among the tests\' typed operations',
      '',
      'Next:',
      `  npm start                      runs it beside the others (${names.name.toUpperCase().replace(/-/g, '_')}_PORT moves it); http://localhost:4000/graphql`,
      `  npx jest subgraphs/${name} test/federation/${name}.test.ts`,
      '  npm run compose && npm run codegen   after each change to its schema.graphql (codegen also after one to its codegen.json)',
      `  add ${names.camel}FieldPolicy to the access-matrix test (test/security/access-matrix.test.ts) to keep it in the repository`,
      '',
    ].join('\n'),
  );
}

newSubgraph(process.argv.slice(2)).then(
  () => {
    process.exitCode = 0;
  },
  (error: unknown) => {
    process.stderr.write(`new-subgraph: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError && !error.message.startsWith('usage')) process.stderr.write(`${USAGE}\n`);
    process.exitCode = 1;
  },
);

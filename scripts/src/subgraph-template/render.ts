import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SubgraphNames } from './names';

/** A file the template makes: its path from the repository root, and its contents. */
export interface RenderedFile {
  path: string;
  contents: string;
}

const TEMPLATE_ROOT = __dirname;

function fill(text: string, names: SubgraphNames, timestamp: number): string {
  return text
    .replaceAll('__NAME__', names.name)
    .replaceAll('__PASCAL__', names.pascal)
    .replaceAll('__CAMEL__', names.camel)
    .replaceAll('__SCHEMA__', names.schema)
    .replaceAll('__TITLE__', names.title)
    .replaceAll('__TIMESTAMP__', String(timestamp));
}

async function templateFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return templateFiles(path);
      return Promise.resolve(entry.name.endsWith('.tmpl') ? [path] : []);
    }),
  );
  return nested.flat().sort();
}

/**
 * Every file of a new subgraph: subgraph/ becomes subgraphs/<name>/, and
 * test/federation.test.ts becomes test/federation/<name>.test.ts. Names and
 * the migration's timestamp are filled into paths and contents.
 */
export async function renderSubgraph(names: SubgraphNames, timestamp: number): Promise<RenderedFile[]> {
  const subgraphRoot = join(TEMPLATE_ROOT, 'subgraph');
  const subgraph = await Promise.all(
    (await templateFiles(subgraphRoot)).map(async (file) => ({
      path: join('subgraphs', names.name, fill(relative(subgraphRoot, file), names, timestamp).replace(/\.tmpl$/, '')),
      contents: fill(await readFile(file, 'utf8'), names, timestamp),
    })),
  );
  const federationTest = {
    path: join('test', 'federation', `${names.name}.test.ts`),
    contents: fill(await readFile(join(TEMPLATE_ROOT, 'test', 'federation.test.ts.tmpl'), 'utf8'), names, timestamp),
  };
  return [...subgraph, federationTest];
}

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The TypeScript projects that must reference a new subgraph, so that `tsc -b` at the root checks it. */
export const REFERENCING_PROJECTS = ['tsconfig.json', join('test', 'tsconfig.json')] as const;

interface ProjectConfig {
  references?: { path: string }[];
}

/** The tsconfig text with one more `{ "path": ... }` reference, formatted as the repository's tsconfig files are. */
export function withReference(text: string, path: string): string {
  const config = JSON.parse(text) as ProjectConfig;
  const references = config.references ?? [];
  if (!references.some((reference) => reference.path === path)) references.push({ path });
  config.references = references;
  return `${JSON.stringify(config, null, 2)
    .replace(/\{\n\s+"path": ("[^"]+")\n\s+\}/g, '{ "path": $1 }')
    .replace(/\[\n\s+("[^"]+")\n\s+\]/g, '[$1]')}\n`;
}

/** Adds the subgraph's project to the root and test projects; returns their previous texts, to restore on failure. */
export async function addSubgraphReferences(root: string, name: string): Promise<Map<string, string>> {
  const previous = new Map<string, string>();
  for (const project of REFERENCING_PROJECTS) {
    const file = join(root, project);
    const text = await readFile(file, 'utf8');
    previous.set(file, text);
    const fromProject = project === 'tsconfig.json' ? `./subgraphs/${name}` : `../subgraphs/${name}`;
    await writeFile(file, withReference(text, fromProject));
  }
  return previous;
}

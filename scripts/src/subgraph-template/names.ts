/**
 * The spellings of a new subgraph's name that its files use, from the name
 * `npm run new-subgraph` is given (`site-notes`).
 */
export interface SubgraphNames {
  /** As given: the subgraph's name, its directory, its package (`site-notes`). */
  name: string;
  /** Types (`SiteNotes`). */
  pascal: string;
  /** Values and fields (`siteNotes`). */
  camel: string;
  /** Its PostgreSQL schema (`site_notes`). */
  schema: string;
  /** In sentences (`Site notes`). */
  title: string;
}

/** Lowercase letters and digits in words joined by single hyphens, starting with a letter, 3 to 30 characters. */
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Names the repository already uses for something else, or that PostgreSQL, GraphQL or federation reserve. */
const RESERVED = new Set([
  'gateway',
  'core',
  'kit',
  'subgraph-kit',
  'scripts',
  'bench',
  'test',
  'tests',
  'schema',
  'supergraph',
  'packages',
  'subgraphs',
  'node-modules',
  'public',
  'information-schema',
  'query',
  'mutation',
  'subscription',
  'organization',
  'federation',
  'join',
  'link',
]);

/** Why `name` cannot be a new subgraph's name, or null when it can (existing subgraphs are checked by the caller). */
export function nameProblem(name: string): string | null {
  if (name.length < 3 || name.length > 30) return `"${name}" must be 3 to 30 characters long`;
  if (!NAME.test(name)) {
    return `"${name}" must be lowercase letters and digits, start with a letter, and join words with single hyphens (e.g. site-notes)`;
  }
  if (RESERVED.has(name) || name.startsWith('pg-')) return `"${name}" is reserved`;
  return null;
}

export function subgraphNames(name: string): SubgraphNames {
  const words = name.split('-');
  const capitalised = words.map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`);
  return {
    name,
    pascal: capitalised.join(''),
    camel: `${words[0] ?? ''}${capitalised.slice(1).join('')}`,
    schema: words.join('_'),
    title: `${capitalised[0] ?? ''}${words.slice(1).map((word) => ` ${word}`).join('')}`,
  };
}

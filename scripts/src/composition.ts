import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { GraphQLError, Source, getLocation, parse, type ASTNode, type DocumentNode } from 'graphql';
import { parse as parseYaml } from 'yaml';

/**
 * Offline composition from a rover-compatible config (`supergraph.yaml`):
 * each subgraph's routing URL and schema file, paths relative to the config.
 */
export interface SubgraphEntry {
  readonly name: string;
  readonly routingUrl: string;
  readonly schemaPath: string;
}

export interface CompositionConfig {
  readonly federationVersion: string;
  readonly subgraphs: readonly SubgraphEntry[];
}

export interface SubgraphSchema {
  readonly name: string;
  readonly url: string;
  readonly sdl: string;
  /** Where the SDL came from; error locations name it. */
  readonly file: string;
}

export interface ProblemLocation {
  readonly subgraph: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A composition error or hint, reduced to what a person needs to fix it. */
export interface CompositionProblem {
  readonly code: string | undefined;
  readonly message: string;
  readonly locations: readonly ProblemLocation[];
}

export type CompositionOutcome =
  | { readonly ok: true; readonly supergraphSdl: string; readonly hints: readonly CompositionProblem[] }
  | { readonly ok: false; readonly errors: readonly CompositionProblem[] };

export class CompositionConfigError extends Error {
  override readonly name = 'CompositionConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid composition config:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const FEDERATION_VERSION = /^=?2(\.\d+){0,2}$/;
const ROUTING_PROTOCOLS = ['http:', 'https:'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: unknown): string {
  return value === undefined || value === null ? 'it is missing' : `got ${JSON.stringify(value)}`;
}

function isRoutingUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    return ROUTING_PROTOCOLS.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function parseSubgraphEntry(name: string, entry: unknown, configDir: string, problems: string[]): SubgraphEntry | undefined {
  const at = `subgraphs.${name}`;
  if (!isRecord(entry)) {
    problems.push(`${at}: expected a mapping with routing_url and schema.file, ${shown(entry)}`);
    return undefined;
  }
  const { routing_url: routingUrl, schema } = entry;
  const file = isRecord(schema) ? schema.file : undefined;
  if (isRoutingUrl(routingUrl) && typeof file === 'string' && file.length > 0) {
    return { name, routingUrl, schemaPath: resolve(configDir, file) };
  }
  if (!isRoutingUrl(routingUrl)) {
    problems.push(`${at}.routing_url: expected an http:// or https:// URL, ${shown(routingUrl)}`);
  }
  if (typeof file !== 'string' || file.length === 0) {
    problems.push(`${at}.schema: expected { file: <SDL file, relative to this config> }, ${shown(schema)}`);
  }
  return undefined;
}

function federationVersionOf(value: unknown): string | undefined {
  const version = typeof value === 'number' ? String(value) : value;
  return typeof version === 'string' && FEDERATION_VERSION.test(version) ? version : undefined;
}

/** Validates a config's text; `configPath` is where it lives, for resolving schema files. */
export function parseCompositionConfig(text: string, configPath: string): CompositionConfig {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new CompositionConfigError([`not valid YAML: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (!isRecord(document)) {
    throw new CompositionConfigError([`expected a mapping with federation_version and subgraphs, ${shown(document)}`]);
  }
  const problems: string[] = [];
  const federationVersion = federationVersionOf(document.federation_version);
  if (federationVersion === undefined) {
    problems.push(`federation_version: expected a Federation 2 version such as =2.14.4, ${shown(document.federation_version)}`);
  }
  const subgraphs: SubgraphEntry[] = [];
  if (!isRecord(document.subgraphs) || Object.keys(document.subgraphs).length === 0) {
    problems.push(`subgraphs: expected a mapping from each subgraph's name to its routing_url and schema.file, ${shown(document.subgraphs)}`);
  } else {
    for (const [name, entry] of Object.entries(document.subgraphs)) {
      const subgraph = parseSubgraphEntry(name, entry, dirname(configPath), problems);
      if (subgraph) subgraphs.push(subgraph);
    }
  }
  if (problems.length > 0 || federationVersion === undefined) throw new CompositionConfigError(problems);
  return { federationVersion, subgraphs };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  return error instanceof Error ? error.message : String(error);
}

export async function readCompositionConfig(configPath: string): Promise<CompositionConfig> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    throw new CompositionConfigError([`cannot read ${configPath}: ${describeReadError(error)}`]);
  }
  return parseCompositionConfig(text, configPath);
}

/** Reads every subgraph's SDL file; all unreadable files are reported together. */
export async function loadSubgraphSchemas(config: CompositionConfig): Promise<SubgraphSchema[]> {
  const problems: string[] = [];
  const schemas = await Promise.all(
    config.subgraphs.map(async ({ name, routingUrl, schemaPath }) => {
      const file = relative(process.cwd(), schemaPath);
      try {
        return { name, url: routingUrl, sdl: await readFile(schemaPath, 'utf8'), file };
      } catch (error) {
        problems.push(`subgraphs.${name}.schema.file: cannot read ${file}: ${describeReadError(error)}`);
        return undefined;
      }
    }),
  );
  if (problems.length > 0) throw new CompositionConfigError(problems);
  return schemas.filter((schema) => schema !== undefined);
}

function problemFrom(
  code: unknown,
  message: string,
  subgraphBySource: ReadonlyMap<Source, string>,
  places: readonly { source: Source | undefined; position: number }[],
): CompositionProblem {
  const seen = new Set<string>();
  const locations: ProblemLocation[] = [];
  for (const { source, position } of places) {
    const subgraph = source && subgraphBySource.get(source);
    if (!source || subgraph === undefined) continue;
    const { line, column } = getLocation(source, position);
    const location = { subgraph, file: source.name, line, column };
    const key = `${location.file}:${line}:${column}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(location);
  }
  return { code: typeof code === 'string' ? code : undefined, message, locations };
}

function placesOfNodes(nodes: readonly ASTNode[] | undefined): { source: Source | undefined; position: number }[] {
  return (nodes ?? []).map((node) => ({ source: node.loc?.source, position: node.loc?.start ?? 0 }));
}

/** Composes in memory, as `rover supergraph compose` does; no network. */
export function composeSupergraph(subgraphs: readonly SubgraphSchema[]): CompositionOutcome {
  const subgraphBySource = new Map<Source, string>();
  const services: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const syntaxErrors: CompositionProblem[] = [];
  for (const subgraph of subgraphs) {
    const source = new Source(subgraph.sdl, subgraph.file);
    subgraphBySource.set(source, subgraph.name);
    try {
      services.push({ name: subgraph.name, url: subgraph.url, typeDefs: parse(source) });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const places = (error.positions ?? []).map((position) => ({ source: error.source, position }));
      syntaxErrors.push(problemFrom('INVALID_GRAPHQL', error.message, subgraphBySource, places));
    }
  }
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };

  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((error) =>
        problemFrom(error.extensions.code, error.message, subgraphBySource, placesOfNodes(error.nodes)),
      ),
    };
  }
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    hints: result.hints.map((hint) =>
      problemFrom(hint.definition.code, hint.message, subgraphBySource, placesOfNodes(hint.nodes)),
    ),
  };
}

/** `CODE: message`, then one line per place it points at. */
export function formatCompositionProblem(problem: CompositionProblem): string {
  const head = problem.code === undefined ? problem.message : `${problem.code}: ${problem.message}`;
  const places = problem.locations.map(
    ({ subgraph, file, line, column }) => `    in subgraph "${subgraph}" at ${file}:${line}:${column}`,
  );
  return [head, ...places].join('\n');
}

import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import {
  GraphQLError,
  Kind,
  Source,
  getLocation,
  parse,
  visit,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Operations clients are known to send: the README's ```graphql blocks, those
 * of docs/*.md, and the operation documents schema/operations/*.graphql.
 * Each operation is checked on its own, with the fragments of its block or file it uses.
 */
export interface KnownOperation {
  readonly file: string;
  readonly line: number;
  /** `query Name` for a named operation, else its first line. */
  readonly label: string;
  readonly document: DocumentNode;
}

export interface OperationSourceProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface KnownOperations {
  readonly operations: readonly KnownOperation[];
  /** Blocks or files that do not parse. */
  readonly problems: readonly OperationSourceProblem[];
}

const FENCE_OPEN = /^ {0,3}```graphql\s*$/;
const FENCE_CLOSE = /^ {0,3}```\s*$/;
const LABEL_LENGTH = 80;

function labelOf(operation: OperationDefinitionNode, source: Source): string {
  if (operation.name) return `${operation.operation} ${operation.name.value}`;
  const text = source.body.slice(operation.loc?.start ?? 0, operation.loc?.end ?? 0);
  const firstLine = (text.split('\n')[0] ?? '').trim();
  return firstLine.length > LABEL_LENGTH ? `${firstLine.slice(0, LABEL_LENGTH - 1)}…` : firstLine;
}

/** The fragments an operation spreads, directly or through other fragments. */
function fragmentsUsedBy(operation: OperationDefinitionNode, fragments: readonly FragmentDefinitionNode[]): FragmentDefinitionNode[] {
  const byName = new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
  const used = new Map<string, FragmentDefinitionNode>();
  const pending: ASTNode[] = [operation];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (fragment && !used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return [...used.values()];
}

/** The operations of one GraphQL document whose first line is line `firstLine` of `file`. */
export function operationsInDocument(text: string, file: string, firstLine = 1): KnownOperations {
  const source = new Source(text, file);
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    const line = firstLine - 1 + (error.locations?.[0]?.line ?? 1);
    return { operations: [], problems: [{ file, line, message: error.message }] };
  }
  const fragments = document.definitions.filter(
    (definition: DefinitionNode): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
  );
  const operations = document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => ({
      file,
      line: firstLine - 1 + getLocation(source, operation.loc?.start ?? 0).line,
      label: labelOf(operation, source),
      document: { kind: Kind.DOCUMENT, definitions: [operation, ...fragmentsUsedBy(operation, fragments)] } satisfies DocumentNode,
    }));
  return { operations, problems: [] };
}

/** The operations of a Markdown file's ```graphql blocks. */
export function operationsInMarkdown(text: string, file: string): KnownOperations {
  const lines = text.split('\n');
  const operations: KnownOperation[] = [];
  const problems: OperationSourceProblem[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    if (!FENCE_OPEN.test(lines[index] ?? '')) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && !FENCE_CLOSE.test(lines[end] ?? '')) end += 1;
    const block = operationsInDocument(lines.slice(start, end).join('\n'), file, start + 1);
    operations.push(...block.operations);
    problems.push(...block.problems);
    index = end;
  }
  return { operations, problems };
}

async function filesIn(directory: string, extension: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** README.md, docs/**\/*.md and schema/operations/**\/*.graphql of the repository at `root`. */
export async function loadKnownOperations(root: string): Promise<KnownOperations> {
  const markdown = [join(root, 'README.md'), ...(await filesIn(join(root, 'docs'), '.md'))];
  const documents = await filesIn(join(root, 'schema', 'operations'), '.graphql');
  const operations: KnownOperation[] = [];
  const problems: OperationSourceProblem[] = [];
  for (const path of [...markdown, ...documents]) {
    const text = await readFile(path, 'utf8');
    const file = relative(root, path);
    const found = path.endsWith('.md') ? operationsInMarkdown(text, file) : operationsInDocument(text, file);
    operations.push(...found.operations);
    problems.push(...found.problems);
  }
  return { operations, problems };
}

import { createHash } from 'node:crypto';
import { GraphQLError, Kind, parse, type DocumentNode } from 'graphql';

/** A reviewed operation document, named by the SHA-256 (hex) of its text. */
export interface PersistedDocument {
  id: string;
  body: string;
  /** The name of its first operation, for logs; null for an anonymous one. */
  operationName: string | null;
}

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(readonly problems: readonly string[]) {
    super(`Not a usable persisted-document manifest:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function documentId(body: string): string {
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of either format, unchecked: `[label, id, body]`. */
function entriesOf(manifest: unknown): [string, unknown, unknown][] {
  if (!isRecord(manifest)) throw new ManifestError(['the manifest is not a JSON object']);
  if (manifest.format === 'apollo-persisted-query-manifest') {
    if (manifest.version !== 1) throw new ManifestError([`Apollo manifest version ${JSON.stringify(manifest.version)} is not supported (1 is)`]);
    if (!Array.isArray(manifest.operations)) throw new ManifestError(['the Apollo manifest has no "operations" array']);
    return manifest.operations.map((operation: unknown, index): [string, unknown, unknown] =>
      isRecord(operation) ? [`operations[${index}]`, operation.id, operation.body] : [`operations[${index}]`, undefined, undefined],
    );
  }
  // GraphQL Code Generator's client preset (persistedDocuments, hashAlgorithm sha256): { "<hash>": "<document>" }.
  return Object.entries(manifest).map(([id, body]): [string, unknown, unknown] => [JSON.stringify(id), id, body]);
}

function operationNameOf(document: DocumentNode): string | null {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.name?.value ?? null;
}

/**
 * Reads a manifest in either format the front ends' tools write: GraphQL Code
 * Generator's `persisted-documents.json` or Apollo's persisted query manifest.
 * Every id must be the SHA-256 of its body and every body must parse as a
 * document with an operation; otherwise nothing is returned and every problem
 * is listed.
 */
export function parseManifest(text: string): PersistedDocument[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new ManifestError([`not JSON: ${(error as Error).message}`]);
  }
  const problems: string[] = [];
  const documents = new Map<string, PersistedDocument>();
  for (const [label, id, body] of entriesOf(manifest)) {
    if (!isDocumentId(id)) {
      problems.push(`${label}: the id is not a SHA-256 hash in lowercase hex`);
      continue;
    }
    if (typeof body !== 'string' || body.length === 0) {
      problems.push(`${label}: the document text is missing`);
      continue;
    }
    if (documentId(body) !== id) {
      problems.push(`${label}: the id is not the SHA-256 of the document text (it is ${documentId(body)})`);
      continue;
    }
    let document: DocumentNode;
    try {
      document = parse(body);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      problems.push(`${label}: the document does not parse: ${error.message}`);
      continue;
    }
    if (!document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION)) {
      problems.push(`${label}: the document has no operation`);
      continue;
    }
    documents.set(id, { id, body, operationName: operationNameOf(document) });
  }
  if (problems.length > 0) throw new ManifestError(problems);
  if (documents.size === 0) throw new ManifestError(['the manifest holds no documents']);
  return [...documents.values()];
}

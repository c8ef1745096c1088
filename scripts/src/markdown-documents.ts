import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Kind, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { operationsInMarkdown } from './known-operations';

/**
 * The ```graphql examples of Markdown pages, one GraphQL document string per
 * operation (with the fragments it uses), for graphql-codegen's `documents`
 * (codegen.ts): codegen validates them against the API schema and types them,
 * so `npm run codegen:check` fails when an example stops matching the schema.
 * An example the schema does not allow is refused here already, with its page
 * and line (codegen's own error would name only a hash of the document).
 *
 * The client preset skips anonymous operations, so an anonymous example is
 * typed under a name made of its page and line (`ApiGuideLine42Query`).
 */
export function markdownDocuments(pages: Iterable<string>, schema: GraphQLSchema): string[] {
  const documents: string[] = [];
  const problems: string[] = [];
  for (const page of pages) {
    const found = operationsInMarkdown(readFileSync(page, 'utf8'), page);
    problems.push(...found.problems.map(({ file, line, message }) => `${file}:${line}: ${message}`));
    for (const { file, line, document } of found.operations) {
      problems.push(...validate(schema, document).map((error) => `${file}:${line}: ${error.message}`));
      documents.push(print(named(document, `${pageName(file)}Line${line}`)));
    }
  }
  if (problems.length > 0) throw new Error(`Examples the API schema does not allow:\n${problems.join('\n')}`);
  return documents;
}

/** `docs/api-guide.md` → `ApiGuide`. */
function pageName(page: string): string {
  return basename(page, '.md')
    .split(/[^A-Za-z0-9]+/)
    .map((word) => `${word.charAt(0).toUpperCase()}${word.slice(1).toLowerCase()}`)
    .join('');
}

function named(document: DocumentNode, name: string): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && !definition.name ? { ...definition, name: { kind: Kind.NAME, value: name } } : definition,
    ),
  };
}

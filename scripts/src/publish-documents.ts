import { GraphQLError, parse, validate, type GraphQLSchema } from 'graphql';
import { ManifestError, parseManifest, type DocumentStore } from '@partnergraph/gateway/trusted-documents';

export interface PublishResult {
  /** Documents in the manifest. */
  documents: number;
  /** Of those, how many were not published for this client before. */
  published: number;
}

/**
 * Publishes a manifest (GraphQL Code Generator's persisted-documents.json or
 * Apollo's persisted query manifest) for `clientName`: every id must be the
 * SHA-256 of its document and every document valid against the API schema,
 * or nothing is written. Publishing the same manifest again changes nothing.
 */
export async function publishManifest(options: {
  store: DocumentStore;
  clientName: string;
  manifest: string;
  apiSchema: GraphQLSchema;
}): Promise<PublishResult> {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(options.clientName)) {
    throw new ManifestError([`the client name ${JSON.stringify(options.clientName)} is not 1 to 100 letters, digits, '.', '_' or '-'`]);
  }
  const documents = parseManifest(options.manifest);
  const problems = documents.flatMap((document) =>
    validate(options.apiSchema, parse(document.body)).map(
      (error: GraphQLError) => `${document.operationName ?? document.id}: not valid against the API schema: ${error.message}`,
    ),
  );
  if (problems.length > 0) throw new ManifestError(problems);
  const published = await options.store.publish(options.clientName, documents);
  return { documents: documents.length, published };
}

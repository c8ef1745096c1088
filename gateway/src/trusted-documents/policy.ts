import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError } from '@partnergraph/core';

/**
 * What a client name may send: `any` document, `known` (published) documents
 * only, or any with a log line for each unknown one (`log-unknown`).
 */
export const TRUSTED_DOCUMENT_MODES = ['any', 'known', 'log-unknown'] as const;
export type TrustedDocumentMode = (typeof TRUSTED_DOCUMENT_MODES)[number];

export type TrustedDocumentsPolicy = ReadonlyMap<string, TrustedDocumentMode>;

/** Reads TRUSTED_DOCUMENTS entries, `client-name:mode`; a client not listed may send any document. */
export function parseTrustedDocumentsPolicy(entries: readonly string[]): TrustedDocumentsPolicy {
  const policy = new Map<string, TrustedDocumentMode>();
  const problems: string[] = [];
  for (const entry of entries) {
    const separator = entry.lastIndexOf(':');
    const client = entry.slice(0, separator).trim();
    const mode = entry.slice(separator + 1).trim();
    if (separator <= 0 || client.length === 0 || !TRUSTED_DOCUMENT_MODES.includes(mode as TrustedDocumentMode)) {
      problems.push(`TRUSTED_DOCUMENTS: expected client-name:mode entries with a mode of ${TRUSTED_DOCUMENT_MODES.join(', ')}, got ${JSON.stringify(entry)}`);
    } else if (policy.has(client)) {
      problems.push(`TRUSTED_DOCUMENTS: ${JSON.stringify(client)} is listed twice`);
    } else {
      policy.set(client, mode as TrustedDocumentMode);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return policy;
}

export function modeOf(policy: TrustedDocumentsPolicy, clientName: string): TrustedDocumentMode {
  return policy.get(clientName) ?? 'any';
}

/** The name a client gives itself: `apollographql-client-name` (Apollo Client sends it) or `x-client-name`; '' without one. */
export function clientNameOf(headers: IncomingHttpHeaders | { get(name: string): string | null | undefined }): string {
  const read = (name: string): string | undefined => {
    const value = 'get' in headers && typeof headers.get === 'function' ? headers.get(name) : (headers as IncomingHttpHeaders)[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };
  return read('apollographql-client-name') || read('x-client-name') || '';
}

import { ConfigError } from '@partnergraph/core';
import { readSubgraphRoute, subgraphNamesOf, subgraphVariablePrefix, unusedSubgraphVariables } from './subgraph-routes';

const defaults = { timeoutMs: 10_000, urls: { identity: undefined, 'device-telemetry': 'http://127.0.0.1:9003/graphql' } };

function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('subgraph routes', () => {
  it('names each subgraph’s variables after it', () => {
    expect(subgraphVariablePrefix('device-telemetry')).toBe('SUBGRAPH_DEVICE_TELEMETRY_');
    expect(subgraphVariablePrefix('partner.notices-v2')).toBe('SUBGRAPH_PARTNER_NOTICES_V2_');
  });

  it('signs, adds the access-check token and uses the supergraph’s URL by default', () => {
    expect(readSubgraphRoute('inventory', 'http://inventory.internal/graphql', {}, defaults)).toEqual({
      name: 'inventory',
      url: 'http://inventory.internal/graphql',
      sign: true,
      accessCheck: true,
      forwardHeaders: [],
      timeoutMs: 10_000,
    });
    expect(readSubgraphRoute('identity', 'http://identity/graphql', {}, defaults).accessCheck).toBe(false);
  });

  it('takes its URL from SUBGRAPH_<NAME>_URL first, then the older override, then the supergraph', () => {
    const supergraphUrl = 'http://from-supergraph/graphql';
    expect(readSubgraphRoute('device-telemetry', supergraphUrl, {}, defaults).url).toBe('http://127.0.0.1:9003/graphql');
    expect(
      readSubgraphRoute('device-telemetry', supergraphUrl, { SUBGRAPH_DEVICE_TELEMETRY_URL: 'https://telemetry.internal/graphql' }, defaults).url,
    ).toBe('https://telemetry.internal/graphql');
  });

  it('reads an outside subgraph’s settings: no token, forwarded headers, its own timeout', () => {
    const route = readSubgraphRoute(
      'private-notes',
      'http://notes/graphql',
      { SUBGRAPH_PRIVATE_NOTES_SIGN: 'false', SUBGRAPH_PRIVATE_NOTES_FORWARD_HEADERS: 'X-Client-Name, Authorization', SUBGRAPH_PRIVATE_NOTES_TIMEOUT_MS: '2500' },
      defaults,
    );
    expect(route).toMatchObject({ sign: false, accessCheck: false, forwardHeaders: ['x-client-name', 'authorization'], timeoutMs: 2500 });
  });

  it('refuses settings that contradict each other or cannot work, naming each variable', () => {
    expect(problemsOf(() => readSubgraphRoute('notes', undefined, {}, defaults))).toEqual([
      'SUBGRAPH_NOTES_URL: the supergraph gives no routing URL for subgraph "notes", so this must be set',
    ]);
    expect(
      problemsOf(() =>
        readSubgraphRoute(
          'notes',
          'http://notes/graphql',
          {
            SUBGRAPH_NOTES_SIGN: 'false',
            SUBGRAPH_NOTES_ACCESS_CHECK: 'true',
            SUBGRAPH_NOTES_FORWARD_HEADERS: 'host,bad header',
          },
          defaults,
        ),
      ),
    ).toEqual([
      'SUBGRAPH_NOTES_ACCESS_CHECK: a subgraph that gets no internal token (SUBGRAPH_NOTES_SIGN=false) gets no access-check token either',
      'SUBGRAPH_NOTES_FORWARD_HEADERS: "host" cannot be forwarded',
      'SUBGRAPH_NOTES_FORWARD_HEADERS: "bad header" cannot be forwarded',
    ]);
    expect(problemsOf(() => readSubgraphRoute('notes', 'http://notes/graphql', { SUBGRAPH_NOTES_FORWARD_HEADERS: 'authorization' }, defaults))).toEqual([
      'SUBGRAPH_NOTES_FORWARD_HEADERS: "authorization" carries the internal token to a subgraph that is signed for',
    ]);
    expect(problemsOf(() => readSubgraphRoute('notes', 'ftp://notes', { SUBGRAPH_NOTES_URL: 'ftp://notes', SUBGRAPH_NOTES_TIMEOUT_MS: '5' }, defaults))).toEqual([
      'SUBGRAPH_NOTES_URL: expected a URL starting with http:// or https://, or nothing, got "ftp://notes/"',
      'SUBGRAPH_NOTES_TIMEOUT_MS: expected an integer from 100 to 120000, got "5"',
    ]);
  });

  it('finds the subgraphs a supergraph names, and settings that name none of them', () => {
    const sdl = `enum join__Graph {
      DEVICE_TELEMETRY @join__graph(name: "device-telemetry", url: "http://127.0.0.1:4003/graphql")
      NOTES @join__graph(name: "notes", url: "")
    }`;
    expect(subgraphNamesOf(sdl)).toEqual(['device-telemetry', 'notes']);
    expect(
      unusedSubgraphVariables(['device-telemetry', 'notes'], {
        SUBGRAPH_NOTES_URL: 'http://x',
        SUBGRAPH_DEVICE_TELEMETRY_SIGN: 'true',
        SUBGRAPH_NOTSE_URL: 'http://typo',
        SUBGRAPH_TIMEOUT_MS: '100',
      }),
    ).toEqual(['SUBGRAPH_NOTSE_URL']);
  });
});

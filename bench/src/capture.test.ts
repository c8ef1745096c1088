import { replaySteps, type CapturedOperation } from './capture';
import type { RecordedCall } from './recording-proxy';

const call = (overrides: Partial<RecordedCall>): RecordedCall => ({
  subgraph: 'subscriptions',
  from: 'gateway',
  body: { query: 'mutation($key: String!) { redeemLicenseKey(key: $key) { id } }', variables: { key: 'K1' } },
  status: 200,
  responseBytes: 10,
  statements: 3,
  startedMs: 0,
  endedMs: 1,
  ...overrides,
});

const captured = (calls: RecordedCall[]): CapturedOperation => ({
  status: 200,
  responseBytes: 10,
  data: {},
  calls,
  gatewayRequests: calls.filter((entry) => entry.from === 'gateway').length,
  accessChecks: calls.filter((entry) => entry.from === 'subgraph').length,
  statements: 0,
  subgraphResponseBytes: 0,
  newConnections: 0,
  milliseconds: 1,
});

const urls = { identity: 'http://i/graphql', subscriptions: 'http://s/graphql', 'device-telemetry': 'http://d/graphql' };

describe('replaying a captured operation straight to the subgraphs', () => {
  it('sends the gateway’s requests (not the access checks) in order, signed for each subgraph, with the generated variables marked', () => {
    const steps = replaySteps(
      captured([call({ subgraph: 'identity', body: { query: '{ organizations { nodes { id } } }' } }), call({ subgraph: 'identity', from: 'subgraph' }), call({})]),
      urls,
      { key: 'K1' },
      ['key'],
    );
    expect(steps.map((step) => [step.url, step.credentials, step.generated])).toEqual([
      ['http://i/graphql', { kind: 'internal', audience: 'identity' }, []],
      ['http://s/graphql', { kind: 'internal', audience: 'subscriptions' }, ['key']],
    ]);
  });

  it('refuses an operation whose generated variables the gateway changed or dropped on the way', () => {
    expect(() => replaySteps(captured([call({ body: { query: 'q', variables: { key: 'K2' } } })]), urls, { key: 'K1' }, ['key'])).toThrow(
      'the gateway changed the variable key on its way to subscriptions',
    );
    expect(() => replaySteps(captured([call({ body: { query: 'q' } })]), urls, { key: 'K1' }, ['key'])).toThrow('no subgraph request carries the variables key');
  });
});

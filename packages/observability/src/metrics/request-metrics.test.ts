import { boundedLabel, OTHER_LABEL_VALUE } from './bounded-label';
import { requestOutcome } from './request-metrics';

describe('requestOutcome', () => {
  it('is the server’s error when any code maps to a 5xx or has no code, the client’s otherwise', () => {
    expect(requestOutcome([])).toBe('ok');
    expect(requestOutcome(['BAD_USER_INPUT', 'FORBIDDEN'])).toBe('client_error');
    expect(requestOutcome(['FORBIDDEN', 'SUBGRAPH_UNAVAILABLE'])).toBe('server_error');
    expect(requestOutcome(['INTERNAL_SERVER_ERROR'])).toBe('server_error');
    expect(requestOutcome([undefined])).toBe('server_error');
    // Another team's subgraph's own code, and Apollo Server's validation code: the client's doing.
    expect(requestOutcome(['ORDER_LOCKED', 'GRAPHQL_VALIDATION_FAILED'])).toBe('client_error');
  });
});

describe('boundedLabel', () => {
  it('keeps the first values up to the limit and folds later ones into (other)', () => {
    const label = boundedLabel(2);
    expect(['A', 'B', 'A', 'C', 'B', 'D'].map(label)).toEqual(['A', 'B', 'A', OTHER_LABEL_VALUE, 'B', OTHER_LABEL_VALUE]);
  });
});

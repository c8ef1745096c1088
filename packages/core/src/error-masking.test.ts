import { isInternalError, maskError } from './error-masking';
import { SAFE_INTERNAL_MESSAGE } from './errors';

describe('maskError', () => {
  it('keeps the message and public extensions of an error whose code is ours', () => {
    const error = { message: 'Not signed in.', path: ['me'], extensions: { code: 'UNAUTHENTICATED', stacktrace: ['at x'] } };

    expect(maskError(error)).toEqual({ message: 'Not signed in.', path: ['me'], extensions: { code: 'UNAUTHENTICATED' } });
    expect(isInternalError(error)).toBe(false);
  });

  it('replaces the message and code of an error raised in this process with no code of ours', () => {
    const error = { message: 'connect ECONNREFUSED 10.0.0.5:5432', extensions: { code: 'ECONNREFUSED', stacktrace: ['at x'] } };

    expect(maskError(error)).toEqual({ message: SAFE_INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(isInternalError(error)).toBe(true);
  });

  it("passes a subgraph's own code on, as plain @apollo/gateway does, with the message still masked", () => {
    const error = { message: 'Order o3 is locked (row 17 of orders)', path: ['order', 'status'], extensions: { code: 'ORDER_LOCKED', serviceName: 'orders' } };

    expect(maskError(error)).toEqual({
      message: SAFE_INTERNAL_MESSAGE,
      path: ['order', 'status'],
      extensions: { code: 'ORDER_LOCKED', serviceName: 'orders' },
    });
    expect(isInternalError(error)).toBe(true);
  });

  it("masks a subgraph's code that is not a plain constant name", () => {
    const error = { message: 'boom', extensions: { code: 'Error: /srv/app/db.js:12', serviceName: 'orders' } };

    expect(maskError(error).extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', serviceName: 'orders' });
  });
});

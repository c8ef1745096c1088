import { authorizationOf } from './websocket-transport';

describe('the token in a connection_init payload', () => {
  it('is read as authorization, Authorization, or inside headers', () => {
    expect(authorizationOf({ authorization: 'Bearer a' })).toBe('Bearer a');
    expect(authorizationOf({ Authorization: 'Bearer b' })).toBe('Bearer b');
    expect(authorizationOf({ headers: { Authorization: 'Bearer c' } })).toBe('Bearer c');
    expect(authorizationOf({ headers: { authorization: 'Bearer d' } })).toBe('Bearer d');
  });

  it('is absent when none is a string', () => {
    expect(authorizationOf(undefined)).toBeUndefined();
    expect(authorizationOf({ authorization: 7, headers: 'x' })).toBeUndefined();
  });
});

import { ANONYMOUS, parsePrincipal, principalSubject, type Principal } from './principal';

const user: Principal = { kind: 'user', userId: 'u-1', organizationId: 'o-1', role: 'ADMIN', mfa: true };
const apiClient: Principal = { kind: 'api-client', clientId: 'c-1', partnerOrganizationId: 'o-2' };
const collector: Principal = { kind: 'collector', collectorId: 'col-1' };
const operator: Principal = { kind: 'operator', operatorId: 'op-1' };

describe('parsePrincipal', () => {
  it.each([ANONYMOUS, user, { ...user, role: 'VIEWER', mfa: false }, apiClient, collector, operator])(
    'accepts a valid $kind principal',
    (principal) => {
      expect(parsePrincipal(JSON.parse(JSON.stringify(principal)))).toEqual(principal);
    },
  );

  it('keeps only the fields of the kind', () => {
    expect(parsePrincipal({ ...collector, role: 'ADMIN', organizationId: 'o-1' })).toEqual(collector);
    expect(parsePrincipal({ kind: 'anonymous', userId: 'u-1' })).toBe(ANONYMOUS);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'user'],
    ['an array', [user]],
    ['no kind', { userId: 'u-1' }],
    ['an unknown kind', { kind: 'admin', userId: 'u-1' }],
    ['a user without userId', { ...user, userId: undefined }],
    ['a user with an empty userId', { ...user, userId: '' }],
    ['a user with a numeric userId', { ...user, userId: 7 }],
    ['a user without organizationId', { ...user, organizationId: undefined }],
    ['a user with an unknown role', { ...user, role: 'OWNER' }],
    ['a user with a lower-case role', { ...user, role: 'admin' }],
    ['a user without mfa', { ...user, mfa: undefined }],
    ['a user with mfa as a string', { ...user, mfa: 'true' }],
    ['an api-client without partnerOrganizationId', { kind: 'api-client', clientId: 'c-1' }],
    ['an api-client with an empty clientId', { ...apiClient, clientId: '' }],
    ['a collector without collectorId', { kind: 'collector' }],
    ['an operator with a numeric operatorId', { kind: 'operator', operatorId: 1 }],
  ])('rejects %s', (_description, value) => {
    expect(parsePrincipal(value)).toBeNull();
  });
});

describe('principalSubject', () => {
  it.each<[string, Principal]>([
    ['anonymous', ANONYMOUS],
    ['user:u-1', user],
    ['api-client:c-1', apiClient],
    ['collector:col-1', collector],
    ['operator:op-1', operator],
  ])('is %s for its principal', (subject, principal) => {
    expect(principalSubject(principal)).toBe(subject);
  });
});

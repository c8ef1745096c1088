import { allow, rule } from 'graphql-shield';
import type { FieldPolicy } from '@partnergraph/core';
import { rulesFromPolicy } from './policy-rules';

const custom = rule()(() => true);

describe('rules built from a field policy', () => {
  it('gives every listed field a rule, allows the kinds, and uses the check given for a type', () => {
    const policy: FieldPolicy = {
      Query: { viewer: 'public', organizations: 'public' },
      Device: { name: 'read', applications: 'applications' },
      Organization: { id: 'gateway-key', devices: 'read' },
    };
    const rules = rulesFromPolicy(policy, {
      owners: { Organization: (organization: { id: string }) => organization.id },
      ownerChecks: { Device: { read: custom, applications: custom } },
    }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(rules).sort()).toEqual(['Device', 'Organization', 'Query']);
    expect(rules.Query).toEqual({ viewer: allow, organizations: allow });
    expect(rules.Device).toEqual({ name: custom, applications: custom });
    expect(rules.Organization?.id).toBe(allow);
    expect(rules.Organization?.devices).not.toBe(allow);
  });

  it.each<[string, FieldPolicy, Parameters<typeof rulesFromPolicy>[1], RegExp]>([
    ['an owner capability of a type with no owner', { Sensor: { id: 'read' } }, {}, /^Sensor\.id needs read of its owner, but no owner entry says how for Sensor$/],
    [
      'a record that is also its own reader, with no check that knows who that is',
      { User: { email: { owner: 'manageUsers', orSelf: true } } },
      { owners: { User: (user: { organizationId: string }) => user.organizationId } },
      /^User\.email needs manageUsers of its owner, but no ownerChecks entry says how for User$/,
    ],
    ['a target capability with no check for its arguments', { Mutation: { redeemLicenseKey: { target: 'manageSubscriptions' } } }, {}, /^Mutation\.redeemLicenseKey needs manageSubscriptions of an organization its arguments name/],
    ['a check that no field uses', { Query: { viewer: 'public' } }, { fieldChecks: { 'Mutation.gone': custom } }, /^checks that no field of the policy uses: Mutation\.gone$/],
  ])('refuses, at start-up, %s', (_case, policy, checks, message) => {
    expect(() => rulesFromPolicy(policy, checks)).toThrow(message);
  });
});

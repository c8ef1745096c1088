import { buildSubgraphSchema } from '@apollo/subgraph';
import { isObjectType, type GraphQLSchema } from 'graphql';
import type { IRules } from 'graphql-shield';
import type { SubgraphPackage, BaseContext } from '@partnergraph/subgraph-kit';
import { createDeviceTelemetrySubgraph } from '@partnergraph/device-telemetry';
import { createIdentitySubgraph } from '@partnergraph/identity';
import { createSubscriptionsSubgraph } from '@partnergraph/subscriptions';
import { createTestAccessTokenIssuer } from '../support/in-process-supergraph';

/*
 * Deny by default has a blind spot: a field added without a rule is refused,
 * which is safe, but one added under a type-wide `allow` is open. This walks
 * every field of every subgraph's schema and fails on a field that no rule
 * names, so each new field gets a deliberate rule.
 */

/** Federation's own types and fields, which the kit's applyShield allows for verified gateway calls. */
const FEDERATION_TYPES = new Set(['_Service']);
const FEDERATION_QUERY_FIELDS = new Set(['_service', '_entities']);

/** `Type.field` of every field no rule covers: neither a type-wide rule, nor the field itself, nor the type's `'*'`. */
function fieldsWithoutRule(schema: GraphQLSchema, rules: Record<string, IRules>): string[] {
  const uncovered: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || FEDERATION_TYPES.has(type.name)) continue;
    const typeRules = rules[type.name];
    for (const field of Object.keys(type.getFields())) {
      if (type.name === 'Query' && FEDERATION_QUERY_FIELDS.has(field)) continue;
      const covered =
        typeRules !== undefined &&
        (typeof typeRules !== 'object' || typeRules.constructor !== Object || field in typeRules || '*' in typeRules);
      if (!covered) uncovered.push(`${type.name}.${field}`);
    }
  }
  return uncovered;
}

describe('every field of every subgraph has a shield rule', () => {
  const accessCheck = { identityUrl: 'http://127.0.0.1:9/graphql', timeoutMs: 1000 };
  const subgraphs: [string, () => Promise<SubgraphPackage<BaseContext>>][] = [
    ['identity', async () => createIdentitySubgraph(await createTestAccessTokenIssuer(), { portalUrl: 'http://portal.test', emailDelivered: false }) as unknown as SubgraphPackage<BaseContext>],
    ['subscriptions', async () => createSubscriptionsSubgraph(accessCheck) as unknown as SubgraphPackage<BaseContext>],
    ['device-telemetry', async () => createDeviceTelemetrySubgraph(accessCheck) as unknown as SubgraphPackage<BaseContext>],
  ];

  it.each(subgraphs)('%s', async (_name, build) => {
    const { definition } = await build();
    const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs });
    expect(fieldsWithoutRule(schema, definition.permissions)).toEqual([]);
  });

  it('notices a field without a rule', async () => {
    const { definition } = await subgraphs[0]![1]();
    const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs });
    const withoutQuery = Object.fromEntries(Object.entries(definition.permissions).filter(([type]) => type !== 'Query'));
    expect(fieldsWithoutRule(schema, withoutQuery)).toEqual(expect.arrayContaining(['Query.viewer', 'Query.organizations']));
  });
});

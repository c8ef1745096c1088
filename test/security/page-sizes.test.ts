import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { seedDemoOrganizations } from '@partnergraph/identity/demo-seed';
import { bearerHeaders, seedWorld } from '../support/fixtures';
import type { GraphQLResponse } from '../support/http';
import { startInProcessSupergraph, type InProcessSupergraph } from '../support/in-process-supergraph';

/*
 * Every paginated field caps its page: a client asking for a million rows in
 * one page is refused (BAD_USER_INPUT naming `first`), never answered with
 * them. The fields come from a walk of the committed supergraph, so a list
 * added later with an uncapped `first` fails here. The gateway's cost limit is
 * lifted so that each field's own cap is what answers.
 */

const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const OVERSIZED = 1_000_000;
const MAX_PATH_LENGTH = 5;
const PATHS_PER_TYPE = 6;

type Field = GraphQLField<unknown, unknown>;
interface Step {
  field: Field;
}
interface PagedField {
  /** `Type.field`, for the test's name. */
  name: string;
  /** Fields from Query down to the type that owns the paged field; several, shortest first. */
  paths: Step[][];
  field: Field;
}

const isInaccessible = (node: { astNode?: { directives?: readonly { name: { value: string } }[] } | null | undefined }) =>
  node.astNode?.directives?.some((directive) => directive.name.value === 'inaccessible') ?? false;
const isReachable = (field: Field) =>
  !isInaccessible(field) && field.args.every((argument) => !isNonNullType(argument.type) || argument.defaultValue !== undefined);

/** What clients can query: the supergraph less its @inaccessible types and fields. */
function clientSchema(): GraphQLSchema {
  return buildASTSchema(parse(readFileSync(SUPERGRAPH_PATH, 'utf8')), { assumeValidSDL: true });
}

/** Every field with a `first` argument that a client can reach from Query without arguments it must invent. */
function pagedFields(schema: GraphQLSchema): PagedField[] {
  const query = schema.getQueryType();
  if (!query) throw new Error('the supergraph has no Query type');
  const paths = new Map<string, Step[][]>([[query.name, [[]]]]);
  const queue: { type: GraphQLNamedType; path: Step[] }[] = [{ type: query, path: [] }];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { type, path } = next;
    if (path.length >= MAX_PATH_LENGTH || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isReachable(field) || !isCompositeType(target) || isInaccessible(target)) continue;
      const known = paths.get(target.name) ?? [];
      const onPath = path.some((step) => getNamedType(step.field.type).name === target.name);
      if (onPath || known.length >= PATHS_PER_TYPE || target.name === query.name) continue;
      const extended = [...path, { field }];
      paths.set(target.name, [...known, extended]);
      queue.push({ type: target, path: extended });
    }
  }
  const found: PagedField[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || isInaccessible(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (isInaccessible(field) || !field.args.some((argument) => argument.name === 'first')) continue;
      found.push({ name: `${type.name}.${field.name}`, paths: paths.get(type.name) ?? [], field });
    }
  }
  return found;
}

/** The operation for `path` then `field(first: size)`; lists on the way ask for one item. */
function operationFor(path: Step[], field: Field, size: number): string {
  const call = (each: Field, first: number) => (each.args.some((argument) => argument.name === 'first') ? `${each.name}(first: ${first})` : each.name);
  const leaf = isCompositeType(getNamedType(field.type)) ? `${call(field, size)} { __typename }` : call(field, size);
  return `{ ${path.reduceRight((inner, step) => `${call(step.field, 1)} { ${inner} }`, leaf)} }`;
}

const refusedAt = (response: GraphQLResponse<unknown>, fieldName: string) =>
  (response.body.errors ?? []).some(
    (error) => error.extensions?.field === 'first' && error.path?.filter((segment) => typeof segment === 'string').at(-1) === fieldName,
  );

const schema = clientSchema();
const paged = pagedFields(schema);
let supergraph: InProcessSupergraph;
let principals: Record<string, Record<string, string>>;

beforeAll(async () => {
  supergraph = await startInProcessSupergraph({ gatewayEnvironment: { MAX_QUERY_COST: '100000000' } });
  // A customer with one device, and a partner with no customers: each sees exactly its own organization.
  const world = await seedWorld(supergraph, { customers: 1, devicesPerCustomer: 1, sensorsPerDevice: 1 });
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const lonelyPartner = { id: randomUUID(), name: `Lonely partner ${tag}`, kind: 'PARTNER' as const, partnerId: `LONELY_${tag}` };
  await seedDemoOrganizations(supergraph.subgraphs.identity.database, [lonelyPartner]);
  principals = {
    customerAdmin: await bearerHeaders(supergraph, { organizationId: world.customers[0]?.id ?? '', role: 'ADMIN', mfa: false }),
    partnerAdmin: await bearerHeaders(supergraph, { organizationId: lonelyPartner.id, role: 'ADMIN', mfa: true }),
  };
});
afterAll(async () => {
  await supergraph?.stop();
});

it('finds the paginated fields the README documents, and more only if they are capped too', () => {
  expect(paged.map((each) => each.name)).toEqual(
    expect.arrayContaining(['Query.organizations', 'Organization.devices', 'Organization.incidents', 'Device.incidents', 'Query.inventoryChanges']),
  );
  for (const each of paged) expect(each.paths.length).toBeGreaterThan(0);
});

it.each(paged.map((each) => [each.name, each] as const))(
  '%s refuses a page of a million (page-size flood)',
  async (_name, { paths, field }) => {
    const attempts: string[] = [];
    for (const path of paths) {
      for (const [who, headers] of Object.entries(principals)) {
        const oversized = await supergraph.query(operationFor(path, field, OVERSIZED), {}, headers);
        attempts.push(`${who}: ${operationFor(path, field, OVERSIZED)} → ${JSON.stringify(oversized.body.errors ?? oversized.body.data)}`);
        if (!refusedAt(oversized, field.name)) continue;
        // The control: a page of one on the same path, as the same principal, is answered.
        const control = await supergraph.query(operationFor(path, field, 1), {}, headers);
        expect(control.body.errors ?? []).toEqual([]);
        return;
      }
    }
    throw new Error(`No principal was refused an oversized page on any path:\n${attempts.join('\n')}`);
  },
);

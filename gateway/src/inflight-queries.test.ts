import { GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '@partnergraph/core';
import { deduplicateInflightQueries } from './inflight-queries';

type Executor = Parameters<typeof deduplicateInflightQueries>[0];
type RequestContext = Parameters<Executor>[0];
type Result = Awaited<ReturnType<Executor>>;

const schema = (): GraphQLSchema => new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { a: { type: GraphQLString } } }) });
const SCHEMA = schema();
const ALICE: Principal = { kind: 'user', userId: 'alice', organizationId: 'org-1', role: 'ADMIN', mfa: true };
const BOB: Principal = { kind: 'user', userId: 'bob', organizationId: 'org-1', role: 'ADMIN', mfa: true };

function requestContext(options: {
  principal?: Principal;
  source?: string;
  variables?: Record<string, unknown>;
  schema?: GraphQLSchema;
}): RequestContext {
  const source = options.source ?? 'query Dashboard { a }';
  const operation = parse(source).definitions[0] as OperationDefinitionNode;
  return {
    request: { query: source, variables: options.variables },
    context: { principal: options.principal ?? ALICE },
    schema: options.schema ?? SCHEMA,
    queryHash: source,
    operationName: operation.name?.value ?? null,
    operation,
  } as unknown as RequestContext;
}

/** An executor whose executions end when the test says, counting how many were started. */
function controlledExecutor() {
  const pending: { resolve(result: Result): void; reject(error: Error): void }[] = [];
  const executor: Executor = () =>
    new Promise<Result>((resolve, reject) => {
      pending.push({ resolve, reject });
    });
  return {
    executor,
    started: () => pending.length,
    finish: (index: number, result: Result) => pending[index]?.resolve(result),
    fail: (index: number, error: Error) => pending[index]?.reject(error),
  };
}

const principalOf = (context: RequestContext): Principal => (context.context as { principal: Principal }).principal;

describe('in-flight deduplication of queries', () => {
  it('gives a query that arrives while the same one from the same principal runs that execution’s result', async () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    const first = execute(requestContext({}));
    const second = execute(requestContext({}));
    control.finish(0, { data: { a: 'shared' } });

    expect(control.started()).toBe(1);
    await expect(first).resolves.toEqual({ data: { a: 'shared' } });
    await expect(second).resolves.toBe(await first);
  });

  it('never shares between two principals', async () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    void execute(requestContext({ principal: ALICE }));
    void execute(requestContext({ principal: BOB }));
    void execute(requestContext({ principal: { ...ALICE, mfa: false } }));

    expect(control.started()).toBe(3);
  });

  it('never shares between different variables, queries or schemas', () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    void execute(requestContext({ variables: { id: '1' } }));
    void execute(requestContext({ variables: { id: '2' } }));
    void execute(requestContext({ source: 'query Other { a }' }));
    void execute(requestContext({ schema: schema() }));

    expect(control.started()).toBe(4);
  });

  it('never shares a mutation', () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    void execute(requestContext({ source: 'mutation Acknowledge { a }' }));
    void execute(requestContext({ source: 'mutation Acknowledge { a }' }));

    expect(control.started()).toBe(2);
  });

  it('is not a cache: once the execution has ended, the same query runs again', async () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    const first = execute(requestContext({}));
    control.finish(0, { data: { a: 'before' } });
    await first;
    const later = execute(requestContext({}));
    control.finish(1, { data: { a: 'after' } });

    expect(control.started()).toBe(2);
    await expect(later).resolves.toEqual({ data: { a: 'after' } });
  });

  it('passes a failed execution to every request that joined it, and runs the next one afresh', async () => {
    const control = controlledExecutor();
    const execute = deduplicateInflightQueries(control.executor, principalOf);

    const first = execute(requestContext({}));
    const second = execute(requestContext({}));
    control.fail(0, new Error('subgraph down'));

    await expect(first).rejects.toThrow('subgraph down');
    await expect(second).rejects.toThrow('subgraph down');
    void execute(requestContext({}));
    expect(control.started()).toBe(2);
  });
});

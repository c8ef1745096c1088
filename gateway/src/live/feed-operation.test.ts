import { buildSchema, parse, print } from 'graphql';
import { subscriptionOperation, toFeedOperation } from './feed-operation';

const schema = buildSchema(`
  type Query {
    incidentEventsFeed(organizationIds: [ID!], after: String): IncidentEventPage!
    notAFeedFeed(after: String): String
  }
  type Subscription {
    incidentEvents(organizationIds: [ID!], after: String): IncidentEvent!
    notAFeed: String
    noFeedAtAll: String
  }
  type IncidentEventPage { cursor: String! events: [IncidentEvent!]! }
  type IncidentEvent { cursor: String! kind: String! }
`);

function rewrite(source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = subscriptionOperation(document, undefined);
  if (!operation) throw new Error('not a subscription');
  return toFeedOperation(schema, document, operation, variables);
}

describe('a subscription as a query of its feed', () => {
  it('keeps the alias, the arguments, the selection and the variables, and adds the cursor', () => {
    const feed = rewrite('subscription Watch($orgs: [ID!]) { live: incidentEvents(organizationIds: $orgs) { kind } }');

    expect(print(feed.document)).toBe(
      print(parse('query Watch($orgs: [ID!], $liveCursor: String) { live: incidentEventsFeed(organizationIds: $orgs, after: $liveCursor) { cursor events { kind } } }')),
    );
    expect(feed).toMatchObject({ responseKey: 'live', feedField: 'incidentEventsFeed', cursorVariable: 'liveCursor', initialCursor: null, operationName: 'Watch' });
  });

  it('starts from the subscription\'s own "after", literal or variable (which becomes the cursor), or adds a variable whose name is free', () => {
    expect(rewrite('subscription { incidentEvents(after: "abc") { kind } }').initialCursor).toBe('abc');
    const own = rewrite('subscription ($from: String) { incidentEvents(after: $from) { cursor } }', { from: 'xyz' });
    expect(own.initialCursor).toBe('xyz');
    expect(own.cursorVariable).toBe('from');
    expect(print(own.document)).toContain('query ($from: String) {');
    const taken = rewrite('subscription ($liveCursor: [ID!]) { incidentEvents(organizationIds: $liveCursor) { cursor } }');
    expect(taken.cursorVariable).toBe('liveCursor2');
    expect(print(taken.document).replace(/\s+/g, ' ')).toContain('incidentEventsFeed( organizationIds: $liveCursor after: $liveCursor2 )');
  });

  it('refuses a field without a feed, or a feed that is not a page of events', () => {
    expect(() => rewrite('subscription { noFeedAtAll }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_NOT_SUPPORTED' }) }));
    expect(() => rewrite('subscription { notAFeed }')).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_NOT_SUPPORTED' }) }));
  });

  it('refuses a root made of fragments, and a cursor that is not a string', () => {
    expect(() => rewrite('subscription { ...F } fragment F on Subscription { incidentEvents { kind } }')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_NOT_SUPPORTED' }) }),
    );
    expect(() => rewrite('subscription { incidentEvents(after: 7) { kind } }')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('finds the subscription by name among several operations, and leaves queries alone', () => {
    const document = parse('query Q { __typename } subscription S { incidentEvents { kind } }');
    expect(subscriptionOperation(document, 'S')?.name?.value).toBe('S');
    expect(subscriptionOperation(document, 'Q')).toBeUndefined();
    expect(subscriptionOperation(document, undefined)).toBeUndefined();
  });
});

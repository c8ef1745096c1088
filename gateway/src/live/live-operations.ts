import { randomUUID } from 'node:crypto';
import { GraphQLError, parse, print, validate, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { clientError, principalSubject, type Logger, type Principal, type VerifiedCaller } from '@partnergraph/core';
import type { GatewayContext } from '../context';
import { toFeedOperation, subscriptionOperation } from './feed-operation';
import { followFeed } from './follow-feed';
import type { LiveSettings } from './live-settings';
import type { WakeUps } from './wake-ups';

/** What a client sends to subscribe, over either transport. */
export interface LiveRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

/** A subscriber's caller, kept per connection (WebSocket) or per request (SSE); renewing the token moves `expiresAt`. */
export interface LiveCaller {
  principal: Principal;
  expiresAtMs: number | null;
}

/** What the transports hand to the operation they run: a query or mutation once, or a subscription's events. */
export type PreparedOperation = { document: DocumentNode; operationName: string | undefined } & (
  | { kind: 'once'; run: () => Promise<ExecutionResult> }
  | { kind: 'subscription'; events: () => AsyncIterableIterator<ExecutionResult> }
);

export interface LiveOperations {
  /** Parses and validates a request, or throws a GraphQLError with a catalogue code. */
  prepare(caller: LiveCaller, request: LiveRequest, connection: LiveConnection): PreparedOperation;
  /** How many subscriptions the gateway has open, for logs and the tests. */
  openSubscriptions(): number;
}

/** One connection (one WebSocket; for SSE, one request): its open subscriptions, and how to drop it. */
export interface LiveConnection {
  open: number;
  /** Resolves once the connection has handed what it was given to the network: the client is taking its events. */
  written(): Promise<void>;
  /** Closes the connection because a subscriber stopped taking its events (SUBSCRIBER_TOO_SLOW). */
  dropSlowSubscriber(): void;
}

export function liveCaller(verified: VerifiedCaller): LiveCaller {
  return { principal: verified.principal, expiresAtMs: verified.expiresAt === null ? null : verified.expiresAt * 1000 };
}

/**
 * Formatted results are what the gateway's own pipeline answers; the transports
 * serialise them as they are, so the types meet here once.
 */
const asExecutionResult = (result: FormattedExecutionResult): ExecutionResult => result as unknown as ExecutionResult;

/**
 * The operations of the live transports, run through the gateway's own
 * pipeline (`execute`: Apollo Server's executeOperation with the caller's
 * context), so a subscription's every run passes the same limits, field
 * policy and error masking as an HTTP request.
 */
export function createLiveOperations(options: {
  apiSchema: () => GraphQLSchema | undefined;
  execute: (request: { query: string; variables: Record<string, unknown>; operationName: string | undefined }, context: GatewayContext) => Promise<FormattedExecutionResult>;
  wakeUps: WakeUps;
  settings: LiveSettings;
  maxTokens: number;
  logger: Logger;
}): LiveOperations {
  const { settings, logger } = options;
  const perCaller = new Map<string, number>();
  let open = 0;

  const runAs = (caller: LiveCaller, query: string, variables: Record<string, unknown>, operationName: string | undefined) =>
    options.execute({ query, variables, operationName }, { principal: caller.principal, requestId: randomUUID() });

  return {
    openSubscriptions: () => open,
    prepare(caller, request, connection) {
      const schema = options.apiSchema();
      if (!schema) throw clientError('SERVICE_STARTING', 'The gateway is starting.');
      let document: DocumentNode;
      try {
        document = parse(request.query, { maxTokens: options.maxTokens });
      } catch (error) {
        // Apollo Server's codes for these two, as an HTTP request gets them.
        throw new GraphQLError(error instanceof GraphQLError ? error.message : 'The document does not parse.', {
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        });
      }
      const variables = request.variables ?? {};
      const operationName = request.operationName ?? undefined;
      const operation = subscriptionOperation(document, operationName);
      if (!operation) {
        // Queries and mutations over the same connection run once, exactly as over HTTP.
        return { kind: 'once', document, operationName, run: async () => asExecutionResult(await runAs(caller, request.query, variables, operationName)) };
      }
      const problems = validate(schema, document);
      if (problems.length > 0) {
        throw new GraphQLError(problems.map((problem) => problem.message).join(' '), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      }
      if (caller.principal.kind === 'anonymous') throw clientError('UNAUTHENTICATED', 'Sign in to subscribe.');
      const feed = toFeedOperation(schema, document, operation, variables);
      const key = principalSubject(caller.principal);
      if (connection.open >= settings.maxSubscriptionsPerConnection) {
        throw clientError('TOO_MANY_SUBSCRIPTIONS', `This connection has ${settings.maxSubscriptionsPerConnection} subscriptions open.`);
      }
      if ((perCaller.get(key) ?? 0) >= settings.maxSubscriptionsPerCaller) {
        throw clientError('TOO_MANY_SUBSCRIPTIONS', `You have ${settings.maxSubscriptionsPerCaller} subscriptions open at this gateway.`);
      }
      const query = print(feed.document);
      return {
        kind: 'subscription',
        document,
        operationName,
        events: () => {
          connection.open += 1;
          open += 1;
          perCaller.set(key, (perCaller.get(key) ?? 0) + 1);
          const release = () => {
            connection.open -= 1;
            open -= 1;
            const left = (perCaller.get(key) ?? 1) - 1;
            if (left === 0) perCaller.delete(key);
            else perCaller.set(key, left);
            logger.debug('subscription ended', { feed: feed.feedField, caller: key });
          };
          logger.debug('subscription started', { feed: feed.feedField, caller: key });
          return abortable((signal) =>
            followFeed({
              feed,
              variables,
              run: (withCursor) => runAs(caller, query, withCursor, feed.operationName),
              wakeUps: options.wakeUps,
              minIntervalMs: settings.minIntervalMs,
              pollIntervalMs: settings.pollIntervalMs,
              expiresAt: () => caller.expiresAtMs,
              signal,
            }),
            release,
            { afterMs: settings.slowSubscriberMs, written: () => connection.written(), onSlow: () => connection.dropSlowSubscriber() },
          );
        },
      };
    },
  };
}

/**
 * An async generator whose return() ends it at once: a generator waiting for
 * its next event would otherwise take the return only at its next yield,
 * which may never come. `release` runs once, however it ends. A subscriber
 * whose connection has not written out an event `slow.afterMs` after it was
 * handed over is slow: the subscription ends, and the connection is dropped.
 */
function abortable(
  start: (signal: AbortSignal) => AsyncGenerator<FormattedExecutionResult>,
  release: () => void,
  slow: { afterMs: number; written: () => Promise<void>; onSlow: () => void },
): AsyncIterableIterator<ExecutionResult> {
  const controller = new AbortController();
  const generator = start(controller.signal);
  let released = false;
  // Armed when an event is handed over, disarmed once the connection has written it out and the transport asks for
  // the next: a subscriber that stops reading trips it, and no more of the feed is read for it, instead of filling memory.
  let slowTimer: NodeJS.Timeout | undefined;
  const finish = () => {
    clearTimeout(slowTimer);
    controller.abort();
    if (!released) {
      released = true;
      release();
    }
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      // A transport may ask for the next event before the last is out (graphql-sse queues what it is handed).
      await slow.written();
      clearTimeout(slowTimer);
      const step = await generator.next();
      if (step.done) {
        finish();
        return { done: true, value: undefined };
      }
      slowTimer = setTimeout(() => {
        finish();
        slow.onSlow();
      }, slow.afterMs);
      return { done: false, value: asExecutionResult(step.value) };
    },
    async return() {
      finish();
      await generator.return(undefined);
      return { done: true, value: undefined };
    },
    async throw(error: unknown) {
      finish();
      await generator.return(undefined);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
